/** zod schemas for Rupiah form fields, built on the one parser (errors are message keys). */
import { z } from 'zod';
import { parseRupiah } from './rupiah';

/** A required whole Rupiah amount above 0. */
export const rupiahField = z.string({ error: 'ui_rupiah_empty' }).transform((s, ctx) => {
	const r = parseRupiah(s);
	if (r.ok) return r.value;
	ctx.addIssue({ code: 'custom', message: r.error });
	return z.NEVER;
});

/** An optional amount: empty is null; 0 is allowed when allowZero (e.g. a plan item's cost). */
export const optionalRupiahField = (allowZero = false) =>
	z
		.preprocess((v) => (v === undefined || v === null ? '' : v), z.string())
		.transform((s, ctx): bigint | null => {
			if (s.trim() === '') return null;
			const r = parseRupiah(s, { allowZero });
			if (r.ok) return r.value;
			ctx.addIssue({ code: 'custom', message: r.error });
			return z.NEVER;
		});
