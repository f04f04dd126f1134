import { describe, expect, it } from 'vitest';
import { parseForm } from '$lib/forms/forms';
import { signUpForm } from './forms';
import { formDataOf } from '$lib/forms/testing';

describe('sign-up form', () => {
	it('returns message keys per field', () => {
		const result = parseForm(
			signUpForm,
			formDataOf([
				['name', ''],
				['email', 'nope'],
				['password', 'short'],
				['organisationName', 'X']
			])
		);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.errors).toEqual({ name: 'error_required', email: 'error_email', password: 'error_password_short' });
	});

	it('normalises e-mail addresses', () => {
		const result = parseForm(
			signUpForm,
			formDataOf([
				['name', 'Sari'],
				['email', ' Sari@Example.ID '],
				['password', 'password-1'],
				['organisationName', 'PKK']
			])
		);
		expect(result.ok && result.data.email).toBe('sari@example.id');
	});
});
