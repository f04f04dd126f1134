/**
 * Evidence photos: at most 2 MB, JPEG, PNG or WebP recognised by their first bytes (not
 * by the name or type a browser claims), stored under DATA_DIR/uploads with a random name.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateToken } from '$lib/server/auth/tokens';

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
const dir = () => join(process.env.DATA_DIR || 'data', 'uploads');

export function photoType(bytes: Uint8Array): 'jpg' | 'png' | 'webp' | null {
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
	if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
	return null;
}

/** Outcome: the stored file name, or 'error_photo_size' / 'error_photo_type'. */
export async function storePhoto(file: File) {
	if (file.size === 0 || file.size > MAX_PHOTO_BYTES) return { ok: false as const, error: 'error_photo_size' };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const type = photoType(bytes);
	if (!type) return { ok: false as const, error: 'error_photo_type' };
	const name = `${generateToken()}.${type}`;
	await mkdir(dir(), { recursive: true });
	await writeFile(join(dir(), name), bytes);
	return { ok: true as const, name };
}

const NAME = /^[a-z0-9]{32}\.(jpg|png|webp)$/;
const MIME = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

export async function readPhoto(name: string) {
	if (!NAME.test(name)) return null;
	try {
		return { bytes: await readFile(join(dir(), name)), type: MIME[name.split('.')[1] as keyof typeof MIME] };
	} catch {
		return null;
	}
}
