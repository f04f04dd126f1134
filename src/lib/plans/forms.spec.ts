import { describe, expect, it } from 'vitest';
import { fundingForm, itemForm } from './forms';

// Every amount field reads Rupiah through the one parser (money/schema.ts; decimal comma never multiplied).
describe('amount fields in the plan form schemas', () => {
	it('plan item cost and co-financing', () => {
		const fn = itemForm.shape.function.options[0];
		expect(itemForm.safeParse({ title: 'x', function: fn, cost: '2.000.000,00' }).data?.cost).toBe(2_000_000n);
		expect(itemForm.safeParse({ title: 'x', function: fn, cost: '' }).data?.cost).toBe(null);
		expect(fundingForm.safeParse({ source: 'apbd', amount: '-5', inKind: '' }).error?.issues[0].message).toBe(
			'ui_rupiah_negative'
		);
	});
});
