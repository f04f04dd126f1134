import { describe, expect, it } from 'vitest';
import { parseForm } from '$lib/forms/forms';
import { agendaForm, joinForm, workshopForm } from './forms';
import { formDataOf } from '$lib/forms/testing';

describe('workshop forms', () => {
	it('collects repeated fields into lists (groups, agenda rows)', () => {
		const result = parseForm(
			agendaForm,
			formDataOf([
				['title', 'A'],
				['minutes', '10'],
				['title', ''],
				['minutes', '5'],
				['title', 'B'],
				['minutes', '20']
			])
		);
		expect(result.ok && result.data).toEqual([
			{ title: 'A', minutes: 10 },
			{ title: 'B', minutes: 20 }
		]);
		const bad = parseForm(
			agendaForm,
			formDataOf([
				['title', 'A'],
				['minutes', '0']
			])
		);
		expect(bad.ok).toBe(false);
	});

	it('refuses a workshop without groups or with an unknown kind', () => {
		const base: [string, string][] = [
			['title', 'T'],
			['kind', 'co-design'],
			['function', 'pencegahan']
		];
		const none = parseForm(workshopForm, formDataOf(base));
		expect(!none.ok && none.errors.groups).toBe('error_groups_empty');
		const kind = parseForm(
			workshopForm,
			formDataOf([
				['title', 'T'],
				['kind', 'party'],
				['function', 'pencegahan'],
				['groups', 'woman']
			])
		);
		expect(!kind.ok && kind.errors.kind).toBe('error_invalid');
	});

	it('joining needs consent', () => {
		const result = parseForm(joinForm, formDataOf([['displayName', 'Sari']]));
		expect(!result.ok && result.errors.consent).toBe('error_consent');
	});
});
