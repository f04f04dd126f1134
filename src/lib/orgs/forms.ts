/** Form schemas for organisations: creating one, members and roles, the data register. Message keys only. */
import { z } from 'zod';
import { boundedText, idField } from '$lib/forms/forms';
import { MAX_RETENTION_DAYS } from '$lib/safeguarding/rules';
import { ROLES } from './roles';

export const organisationForm = z.object({ name: boundedText(120) });

export const roleForm = z.object({ role: z.enum(ROLES, { error: 'error_invalid' }) });
export const memberForm = z.object({ userId: idField });
export const memberRoleForm = memberForm.extend(roleForm.shape);

/** Retention and the referral guidance shown with private notes (the data register page). */
export const dataSettingsForm = z.object({
	retentionDays: z.coerce
		.number({ error: 'error_number' })
		.int({ error: 'error_number' })
		.min(1, { error: 'error_number' })
		.max(MAX_RETENTION_DAYS, { error: 'error_number' }),
	referralGuidance: z.string().trim().max(2000, { error: 'error_too_long' }).default('')
});
