/** Form schemas for accounts. Error messages are message keys (see messages/*.json). */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '$lib/server/auth/password';

const email = z
	.string()
	.trim()
	.toLowerCase()
	.max(200)
	.pipe(z.email({ error: 'error_email' }));
const password = z
	.string()
	.min(MIN_PASSWORD_LENGTH, { error: 'error_password_short' })
	.max(MAX_PASSWORD_LENGTH, { error: 'error_password_long' });
const name = z.string().trim().min(1, { error: 'error_required' }).max(120, { error: 'error_too_long' });

export const loginForm = z.object({
	email,
	password: z.string().min(1, { error: 'error_required' }).max(MAX_PASSWORD_LENGTH)
});
export const signUpForm = z.object({ name, email, password, organisationName: name });
export const registerForm = z.object({ name, email, password });
export const newPasswordForm = z.object({ password });
export const changePasswordForm = z.object({
	currentPassword: z.string().min(1, { error: 'error_required' }),
	password
});

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
