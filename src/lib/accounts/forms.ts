/** Form schemas for accounts. Error messages are message keys (see messages/*.json). */
import { z } from 'zod';
import { boundedText } from '$lib/forms/forms';
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
const name = boundedText(120);

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

/** A new recovery code needs the current password. */
export const recoveryForm = z.object({ currentPassword: z.string().min(1, { error: 'error_required' }).max(200) });
/** Self-service reset with the person's own recovery code: no owner, no e-mail server. */
export const recoverForm = newPasswordForm.extend({
	email,
	code: z.string().trim().min(1, { error: 'error_required' }).max(64)
});
/** A reset link by e-mail (only when mail is set up). */
export const resetMailForm = z.object({ email });
