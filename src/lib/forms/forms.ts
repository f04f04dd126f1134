/**
 * The forms kit: every form action parses its FormData here and answers with message keys
 * (see `src/lib/i18n/messages/*.json`), never with English text.
 *
 * - `parseForm(schema, data)`: the first error key per field, and the values to refill the form.
 * - `formAction(guard, schema, run)`: guard (who may), parse (what was sent), call (the use case).
 * - `answer(result, done)`: a use case's `{ ok }` or `{ ok: false, error }` as an action's reply.
 * - Shared field schemas: `boundedText`, `optionalText`, `idField`.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';

/** Field name -> message key, as form actions return them. */
export type FormErrors = Partial<Record<string, string>>;

export function fieldError(field: string, key: string): FormErrors {
	return { [field]: key };
}

/** Parses FormData against a schema; on failure returns the first error key per field. */
export function parseForm<S extends z.ZodType>(schema: S, data: FormData) {
	const raw: Record<string, unknown> = {};
	for (const [key, value] of data) {
		if (typeof value !== 'string') continue;
		if (key in raw) raw[key] = ([] as unknown[]).concat(raw[key], value);
		else raw[key] = value;
	}
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true as const, data: result.data as z.infer<S> };
	const errors: FormErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= /^(error|ui)_/.test(issue.message) ? issue.message : 'error_invalid';
	}
	return { ok: false as const, errors, values: raw };
}

/** Required text of at most `max` characters, trimmed. */
export const boundedText = (max: number) =>
	z.string().trim().min(1, { error: 'error_required' }).max(max, { error: 'error_too_long' });

/** Optional text of at most `max` characters, trimmed ('' when left empty). */
export const optionalText = (max: number) => z.string().trim().max(max, { error: 'error_too_long' }).default('');

/** An id sent back by a form (a row the page listed). */
export const idField = z.string().min(1).max(64);

/** What a use case answers: done, or the message key of why not. */
export type Outcome = { ok: true } | { ok: false; error: string };

/** A use case's outcome as an action's reply: `{ done }`, or 400 with the error shown on `field`. */
export function answer(result: Outcome, done: string, field = 'form') {
	return result.ok ? { done } : fail(400, { errors: fieldError(field, result.error) });
}

/**
 * An action in three steps: `guard` decides who may (and throws 401/403/404), the form is
 * parsed against `schema` (400 with field errors and the sent values on failure), and `run`
 * calls the use case with the checked access and the parsed input.
 */
export function formAction<E extends RequestEvent, A, S extends z.ZodType, R>(
	guard: (event: E) => Promise<A> | A,
	schema: S,
	run: (access: A, input: z.infer<S>, event: E) => Promise<R> | R
) {
	return async (event: E) => {
		const access = await guard(event);
		const parsed = parseForm(schema, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		return run(access, parsed.data, event);
	};
}
