import { fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { can } from '$lib/orgs/roles';
import {
	addParticipant,
	getAttendance,
	listAgenda,
	removeParticipant,
	replaceAgenda,
	requireWorkshop,
	setStatus
} from '$lib/workshops/workshops.server';
import { agendaForm, assistedForm, statusForm } from '$lib/workshops/forms';
import { fieldError, parseForm } from '$lib/forms/forms';
import { requireUser } from '$lib/server/guards';
import { publicOrigin } from '$lib/server/venue';
import { z } from 'zod';
import { createBoard, getControlState, listBoards, setConductor } from '$lib/boards/boards.server';
import { conductorSchema } from '$lib/boards/conductor-form';
import { listRounds } from '$lib/voting/rounds.server';
import { addCodesignStages, createBoardFromTemplate, listTemplates } from '$lib/codesign/codesign.server';
import { getLocale } from '$lib/paraglide/runtime';
import {
	getWorkshopSettings,
	listHelpRequests,
	listPrivateNotes,
	markHelpSeen
} from '$lib/safeguarding/safeguarding.server';
import { isChild } from '$lib/workshops/rules';
import { agreementsInForce } from '$lib/social/agreements.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends('app:attendance');
	const { workshop, organisation, role } = await requireWorkshop(
		requireUser(locals).id,
		params.workshopId,
		'workshop.view'
	);
	const joinUrl = `${publicOrigin(url)}/j/${workshop.joinCode}`;
	return {
		workshop,
		organisation: { id: organisation.id, name: organisation.name },
		canEdit: can(role, 'workshop.edit'),
		canRun: can(role, 'workshop.run'),
		agenda: await listAgenda(workshop.id),
		boards: await listBoards(workshop.id),
		templates: await listTemplates(organisation.id),
		rounds: (await listRounds(workshop.id)).map((r) => ({
			id: r.id,
			title: r.title,
			status: r.status,
			revealed: r.revealed
		})),
		control: await getControlState(workshop.id),
		attendance: await getAttendance(workshop.id),
		// Discreet: only facilitators get "I need help" alerts and the private-list count.
		helpRequests: can(role, 'workshop.run')
			? (await listHelpRequests(workshop.id)).map((r) => ({
					id: r.id,
					pseudonym: r.pseudonym ?? '',
					at: r.createdAt.toISOString()
				}))
			: [],
		privateCount: can(role, 'workshop.run') ? (await listPrivateNotes(workshop.id)).length : 0,
		childGroups: isChild(workshop.groups),
		guardianConsents: (await getWorkshopSettings(workshop.id)).guardianConsents,
		// Working agreements in force, shown at the start of every later workshop.
		agreements: (await agreementsInForce(organisation.id, workshop.id)).map((a) => ({
			id: a.id,
			title: a.current!.title,
			body: a.current!.body
		})),
		joinUrl,
		qrSvg: await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
	};
};

const conductForm = z.object({ to: conductorSchema });
const participantForm = z.object({ participantId: z.string().min(1).max(64) });
const boardForm = z.object({
	title: z.string().trim().min(1, { error: 'error_required' }).max(200, { error: 'error_too_long' }),
	template: z
		.string()
		.max(80)
		.regex(/^(|default:[a-z]+|saved:[a-z0-9]+)$/, { error: 'error_invalid' })
		.default('')
});

export const actions: Actions = {
	board: async ({ request, locals, params }) => {
		const { organisation } = await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.edit');
		const form = parseForm(boardForm, await request.formData());
		if (!form.ok) return fail(400, { boardErrors: form.errors });
		const [kind, ref] = form.data.template.split(':');
		if (!kind) await createBoard(params.workshopId, form.data.title);
		else {
			const choice = kind === 'default' ? { kind: 'default' as const, key: ref } : { kind: 'saved' as const, id: ref };
			const created = await createBoardFromTemplate(
				params.workshopId,
				organisation.id,
				form.data.title,
				choice,
				getLocale() === 'en' ? 'en' : 'id'
			);
			if (!created.ok) return fail(400, { boardErrors: fieldError('template', created.error) });
		}
		return { saved: 'board' };
	},
	/** The three co-design stages: a board and an agenda item each. */
	codesign: async ({ locals, params }) => {
		const { organisation } = await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.edit');
		await addCodesignStages(params.workshopId, organisation.id, getLocale() === 'en' ? 'en' : 'id');
		return { saved: 'codesign' };
	},
	status: async ({ request, locals, params }) => {
		await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.run');
		const form = parseForm(statusForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		await setStatus(params.workshopId, form.data.status);
		return { saved: 'status' };
	},
	/** The conductor: where every phone and the projector go now (facilitators only). */
	conduct: async ({ request, locals, params }) => {
		await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.run');
		const form = parseForm(conductForm, await request.formData());
		if (!form.ok) return fail(400, { conductError: 'error_invalid' });
		const result = await setConductor(params.workshopId, form.data.to);
		if (!result.ok) return fail(result.error === 'error_not_found' ? 404 : 400, { conductError: result.error });
		return { saved: 'conduct' };
	},
	agenda: async ({ request, locals, params }) => {
		await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.edit');
		const form = parseForm(agendaForm, await request.formData());
		if (!form.ok) return fail(400, { agendaErrors: form.errors });
		await replaceAgenda(params.workshopId, form.data);
		return { saved: 'agenda' };
	},
	/** Someone present without a phone: the facilitator records them (marked assisted). */
	assisted: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		const { workshop } = await requireWorkshop(user.id, params.workshopId, 'workshop.run');
		const form = parseForm(assistedForm, await request.formData());
		if (!form.ok) return fail(400, { assistedErrors: form.errors });
		const result = await addParticipant(workshop, form.data, user.id);
		if (!result.ok) return fail(400, { assistedErrors: fieldError('groups', result.error) });
		return { saved: 'assisted' };
	},
	/** The facilitator has seen a child's "I need help" (it leaves the screen). */
	helpSeen: async ({ request, locals, params }) => {
		await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.run');
		const form = parseForm(z.object({ requestId: z.string().min(1).max(64) }), await request.formData());
		if (!form.ok || !(await markHelpSeen(params.workshopId, form.data.requestId)))
			return fail(404, { errors: fieldError('form', 'error_not_found') });
		return { saved: 'helpSeen' };
	},
	remove: async ({ request, locals, params }) => {
		await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.run');
		const form = parseForm(participantForm, await request.formData());
		if (!form.ok || !(await removeParticipant(params.workshopId, form.data.participantId))) {
			return fail(404, { errors: fieldError('form', 'error_not_found') });
		}
		return { saved: 'removed' };
	}
};
