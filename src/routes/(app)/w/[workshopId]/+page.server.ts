import { fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { allows } from '$lib/orgs/access.server';
import { workshopAccess } from '$lib/workshops/access.server';
import {
	addAssisted,
	getAttendance,
	listAgenda,
	removeParticipant,
	replaceAgenda,
	setStatus
} from '$lib/workshops/workshops.server';
import {
	agendaForm,
	assistedForm,
	helpSeenForm,
	newBoardForm,
	participantForm,
	statusForm
} from '$lib/workshops/forms';
import { fieldError, formAction, parseForm } from '$lib/forms/forms';
import { publicOrigin } from '$lib/server/venue';
import { createBoard, getControlState, listBoards } from '$lib/boards/boards.server';
import { setConductor } from '$lib/voting/conductor.server';
import { conductForm } from '$lib/boards/conductor-form';
import { listRounds } from '$lib/voting/rounds.server';
import { addCodesignStages, createBoardFromTemplate, listTemplates } from '$lib/codesign/codesign.server';
import { getLocale } from '$lib/paraglide/runtime';
import { seedLoopNotes } from '$lib/assessment/loop.server';
import {
	getWorkshopSettings,
	listHelpRequests,
	listPrivateNotes,
	markHelpSeen
} from '$lib/safeguarding/safeguarding.server';
import { isChild } from '$lib/workshops/rules';
import { agreementsInForce } from '$lib/social/agreements.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends('app:attendance');
	const access = await workshopAccess(locals, params.workshopId, 'workshop.view');
	const { workshop, organisation } = access;
	const canRun = allows(access, 'workshop.run');
	const joinUrl = `${publicOrigin(url)}/j/${workshop.joinCode}`;
	return {
		workshop,
		organisation: { id: organisation.id, name: organisation.name },
		canEdit: allows(access, 'workshop.edit'),
		canRun,
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
		helpRequests: canRun
			? (await listHelpRequests(workshop.id)).map((r) => ({
					id: r.id,
					pseudonym: r.pseudonym ?? '',
					at: r.createdAt.toISOString()
				}))
			: [],
		privateCount: canRun ? (await listPrivateNotes(workshop.id)).length : 0,
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

/** Those who may edit the workshop (agenda, boards) and those who run it (status, attendance, conductor). */
const editor = ({ locals, params }: RequestEvent) => workshopAccess(locals, params.workshopId, 'workshop.edit');
const runner = ({ locals, params }: RequestEvent) => workshopAccess(locals, params.workshopId, 'workshop.run');
const language = () => (getLocale() === 'en' ? 'en' : 'id');

export const actions: Actions = {
	board: async (event) => {
		const access = await editor(event);
		const form = parseForm(newBoardForm, await event.request.formData());
		if (!form.ok) return fail(400, { boardErrors: form.errors });
		const [kind, ref] = form.data.template.split(':');
		if (!kind) await createBoard(access.workshop.id, form.data.title);
		else {
			const choice = kind === 'default' ? { kind: 'default' as const, key: ref } : { kind: 'saved' as const, id: ref };
			const created = await createBoardFromTemplate(access, form.data.title, choice, language());
			if (!created.ok) return fail(400, { boardErrors: fieldError('template', created.error) });
			if (form.data.fromAssessments) {
				// The board stands either way; if there was nothing to start from, the page says so.
				const seeded = await seedLoopNotes(access, created.boardId, getLocale() === 'en' ? 'en' : 'id');
				if (!seeded.ok) return { saved: 'board', loopError: seeded.error };
			}
		}
		return { saved: 'board' };
	},
	/** The three co-design stages: a board and an agenda item each. */
	codesign: async (event) => {
		await addCodesignStages(await editor(event), language());
		return { saved: 'codesign' };
	},
	status: formAction(runner, statusForm, async (access, input) => {
		await setStatus(access, input.status);
		return { saved: 'status' };
	}),
	/** The conductor: where every phone and the projector go now (facilitators only). */
	conduct: async (event) => {
		const access = await runner(event);
		const form = parseForm(conductForm, await event.request.formData());
		if (!form.ok) return fail(400, { conductError: 'error_invalid' });
		const result = await setConductor(access, form.data.to);
		if (!result.ok) return fail(result.error === 'error_not_found' ? 404 : 400, { conductError: result.error });
		return { saved: 'conduct' };
	},
	agenda: async (event) => {
		const access = await editor(event);
		const form = parseForm(agendaForm, await event.request.formData());
		if (!form.ok) return fail(400, { agendaErrors: form.errors });
		await replaceAgenda(access, form.data);
		return { saved: 'agenda' };
	},
	/** Someone present without a phone: the facilitator records them (marked assisted). */
	assisted: async (event) => {
		const access = await runner(event);
		const form = parseForm(assistedForm, await event.request.formData());
		if (!form.ok) return fail(400, { assistedErrors: form.errors });
		const result = await addAssisted(access, form.data);
		if (!result.ok) return fail(400, { assistedErrors: fieldError('groups', result.error) });
		return { saved: 'assisted' };
	},
	/** The facilitator has seen a child's "I need help" (it leaves the screen). */
	helpSeen: async (event) => {
		const access = await runner(event);
		const form = parseForm(helpSeenForm, await event.request.formData());
		if (!form.ok || !(await markHelpSeen(access, form.data.requestId)))
			return fail(404, { errors: fieldError('form', 'error_not_found') });
		return { saved: 'helpSeen' };
	},
	remove: async (event) => {
		const access = await runner(event);
		const form = parseForm(participantForm, await event.request.formData());
		if (!form.ok || !(await removeParticipant(access, form.data.participantId))) {
			return fail(404, { errors: fieldError('form', 'error_not_found') });
		}
		return { saved: 'removed' };
	}
};
