/** Form schemas for organisations: creating one, members and roles. Message keys only. */
import { z } from 'zod';
import { boundedText, idField } from '$lib/forms/forms';
import { ROLES } from './roles';

export const organisationForm = z.object({ name: boundedText(120) });

export const roleForm = z.object({ role: z.enum(ROLES, { error: 'error_invalid' }) });
export const memberForm = z.object({ userId: idField });
export const memberRoleForm = memberForm.extend(roleForm.shape);
