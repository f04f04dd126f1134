/**
 * The conductor as the facilitator's form sends it, parsed at the boundary. Kept apart
 * from control.ts, which phones load: zod stays on the server.
 */
import { z } from 'zod';
import { CONDUCTOR_KINDS, type Conductor, type ConductorKind } from './control';

/** A conductor as the facilitator's form sends it ("board:<id>", "ballot:<id>", "break"…). */
export const conductorSchema = z
	.string()
	.max(80)
	.transform((raw, ctx): Conductor => {
		const [kind, id = '', ...rest] = raw.split(':');
		const needsId = kind === 'board' || kind === 'ballot' || kind === 'results';
		const okId = /^[a-z0-9]{1,64}$/i.test(id);
		if ((CONDUCTOR_KINDS as readonly string[]).includes(kind) && rest.length === 0 && (needsId ? okId : id === '')) {
			return needsId ? { kind: kind as ConductorKind, id } : { kind: kind as ConductorKind };
		}
		ctx.addIssue({ code: 'custom', message: 'error_invalid' });
		return z.NEVER;
	});

/** The conductor form: where every phone and the projector go now. */
export const conductForm = z.object({ to: conductorSchema });
