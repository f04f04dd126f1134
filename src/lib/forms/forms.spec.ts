/** The forms kit on its own schemas; each domain tests its own forms beside them (e.g. workshops/forms.spec.ts). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { boundedText, parseForm } from './forms';
import { formDataOf } from './testing';

const schema = z.object({
	name: boundedText(5),
	tags: z.array(z.string()).default([]),
	count: z.coerce.number({ error: 'error_number' }).int({ error: 'whole numbers only' })
});

describe('parseForm', () => {
	it('answers the first message key per field, and error_invalid for a message that is not a key', () => {
		const result = parseForm(
			schema,
			formDataOf([
				['name', 'too long a name'],
				['count', '1.5']
			])
		);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.errors).toEqual({ name: 'error_too_long', count: 'error_invalid' });
			expect(result.values).toEqual({ name: 'too long a name', count: '1.5' });
		}
		const empty = parseForm(
			schema,
			formDataOf([
				['name', '  '],
				['count', 'x']
			])
		);
		expect(!empty.ok && empty.errors).toEqual({ name: 'error_required', count: 'error_number' });
	});

	it('collects a repeated field into a list, and ignores files', () => {
		const result = parseForm(
			schema,
			formDataOf([
				['name', ' Sari '],
				['tags', 'a'],
				['tags', 'b'],
				['count', '3'],
				['file', new Blob(['x'])]
			])
		);
		expect(result.ok && result.data).toEqual({ name: 'Sari', tags: ['a', 'b'], count: 3 });
	});
});
