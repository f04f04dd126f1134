import { describe, expect, it } from 'vitest';
import { proposalForm, roundForm } from './forms';

// Every amount field reads Rupiah through the one parser (money/schema.ts; decimal comma never multiplied).
describe('amount fields in the voting form schemas', () => {
	const proposal = { title: 'Lampu jalan', function: 'infrastructure', cost: '' };
	it('proposal cost', () => {
		const fn = proposalForm.shape.function.options[0];
		expect(proposalForm.safeParse({ ...proposal, function: fn, cost: '1.500.000' }).data?.cost).toBe(1_500_000n);
		const cents = proposalForm.safeParse({ ...proposal, function: fn, cost: '1500000,50' });
		expect(cents.success).toBe(false);
		expect(cents.error?.issues[0].message).toBe('ui_rupiah_cents');
		expect(
			proposalForm.safeParse({ ...proposal, function: fn, cost: '12345678901234567890' }).error?.issues[0].message
		).toBe('ui_rupiah_too_large');
	});
	it('round pagu and Add1 step', () => {
		const round = roundForm.safeParse({
			title: 'R',
			format: 'approval',
			rule: 'mes',
			proposalIds: ['a', 'b'],
			budget: '100.000.000,00',
			add1Step: '1.000'
		});
		expect(round.data?.budget).toBe(100_000_000n);
		expect(round.data?.add1Step).toBe(1000n);
	});
});
