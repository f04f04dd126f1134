import { describe, expect, it } from 'vitest';
import { csvField, fundingTotals, isOverdue, itemProgress, proposalLocation, toCsv, unfundedOf } from './rules';

describe('plan rules', () => {
	it('adds co-financing per source and counts in-kind lines', () => {
		const t = fundingTotals([
			{ source: 'apbd', amount: 10n, inKind: '' },
			{ source: 'apbd', amount: 5n, inKind: '' },
			{ source: 'swadaya-materials', amount: null, inKind: 'semen 20 sak' }
		]);
		expect(t.total).toBe(15n);
		expect(t.bySource.get('apbd')).toBe(15n);
		expect(t.inKind).toBe(1);
	});

	it('knows overdue tasks and item progress', () => {
		expect(isOverdue({ dueDate: '2027-01-01', status: 'planned' }, '2027-01-02')).toBe(true);
		expect(isOverdue({ dueDate: '2027-01-01', status: 'done' }, '2027-01-02')).toBe(false);
		expect(isOverdue({ dueDate: null, status: 'blocked' }, '2027-01-02')).toBe(false);
		expect(
			itemProgress([
				{ status: 'done', progress: 0 },
				{ status: 'in-progress', progress: 50 }
			])
		).toBe(75);
		expect(itemProgress([])).toBe(0);
	});

	it('writes CSV that spreadsheets cannot mistake for formulas', () => {
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvField('a, b')).toBe('"a, b"');
		expect(
			toCsv([
				['a', 1],
				[null, 'b']
			])
		).toBe('a,1\r\n,b\r\n');
	});

	it('says what a cost still lacks, never below zero, and where a proposal is', () => {
		expect(unfundedOf(100n, 30n)).toBe(70n);
		expect(unfundedOf(100n, 150n)).toBe(0n);
		expect(unfundedOf(null, 30n)).toBeNull();
		expect(proposalLocation({ kelurahan: 'Tamamaung', rw: '03', lorong: null })).toBe('Tamamaung, RW 03');
		expect(proposalLocation({ kelurahan: null, rw: null, lorong: 'Lorong 5' })).toBe('Lorong 5');
	});
});
