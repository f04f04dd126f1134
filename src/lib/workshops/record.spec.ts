import { describe, expect, it } from 'vitest';
import { parseForm } from '$lib/forms/forms';
import { recordForm, recordFormValues } from './record';
import { formDataOf } from '$lib/forms/testing';

describe('minutes details form', () => {
	it('reads people as "Name | role" lines and shows them back the same way', () => {
		const parsed = parseForm(
			recordForm,
			formDataOf([
				['startTime', '09:00'],
				['representatives', ' Sari | Perempuan \r\n\nPak Daeng\r'],
				['acknowledgerName', 'Hj. Nurhayati']
			])
		);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		expect(parsed.data.representatives).toEqual([
			{ name: 'Sari', role: 'Perempuan' },
			{ name: 'Pak Daeng', role: '' }
		]);
		expect(parsed.data.startTime).toBe('09:00');
		expect(recordFormValues(parsed.data).representatives).toBe('Sari | Perempuan\nPak Daeng');
	});

	it('refuses a time that is not HH:MM, and more than 20 signatories', () => {
		const bad = parseForm(
			recordForm,
			formDataOf([
				['endTime', '25:00'],
				['delegates', Array.from({ length: 21 }, (_, i) => `Orang ${i}`).join('\n')]
			])
		);
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.errors).toMatchObject({ endTime: 'error_invalid', delegates: 'error_too_long' });
	});
});
