/**
 * The largest forum file taken, in bytes: under the server's request limit (BODY_SIZE_LIMIT,
 * 3 MiB by default in serve.ts) with room for the form around the file. The import page
 * says so before the upload; the server checks it again.
 */
export const MAX_FORUM_BYTES = 3_000_000;
