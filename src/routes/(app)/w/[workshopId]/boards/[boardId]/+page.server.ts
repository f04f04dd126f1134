import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import QRCode from 'qrcode';
import { can } from '$lib/orgs/roles';
import { listAgenda, requireWorkshop } from '$lib/workshops/workshops.server';
import { promoteToPlan, saveBoardAsTemplate } from '$lib/codesign/codesign.server';
import { getLocale } from '$lib/paraglide/runtime';
import {
	approveSubmission,
	dotNoteAsMember,
	findBoard,
	getControlState,
	rejectSubmission,
	setBoardFlags,
	setFollow,
	setTimer
} from '$lib/boards/boards.server';
import { authorNamesFor } from '$lib/boards/authorship.server';
import { dotsUsed } from '$lib/boards/tallies.server';
import { fieldError, parseForm } from '$lib/forms/forms';
import { requireUser } from '$lib/server/guards';
import { publicOrigin } from '$lib/server/venue';
import { listHelpRequests, markHelpSeen, moderationQueue, moveOffWall } from '$lib/safeguarding/safeguarding.server';
import { readBoardDoc } from '$lib/server/realtime';
import { recoveryOf } from '$lib/boards/board-store.server';
import type { Actions, PageServerLoad } from './$types';

async function requireBoard(
	locals: App.Locals,
	workshopId: string,
	boardId: string,
	permission: 'workshop.view' | 'workshop.run'
) {
	const access = await requireWorkshop(requireUser(locals).id, workshopId, permission);
	const board = await findBoard(boardId);
	if (!board || board.workshopId !== access.workshop.id) error(404, 'Not found');
	return { ...access, board };
}

export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends('app:moderation');
	depends('app:authors');
	const { workshop, role, board } = await requireBoard(locals, params.workshopId, params.boardId, 'workshop.view');
	const canRun = can(role, 'workshop.run');
	const canEdit = can(role, 'board.edit');
	const joinUrl = `${publicOrigin(url)}/j/${workshop.joinCode}`;
	return {
		recovery: canRun ? await boardRecovery(board.id) : null,
		workshop: { id: workshop.id, title: workshop.title, joinCode: workshop.joinCode },
		stage: board.stage,
		board: { id: board.id, title: board.title },
		canEdit,
		canRun,
		me: { id: locals.user!.id, name: locals.user!.name },
		// Names from SQL (the board document has none): only for editors, only while shown.
		authors: await authorNamesFor(board.id, { mayEdit: canEdit, hideAuthors: board.hideAuthors }),
		myDots: canEdit && board.dotsPerPerson > 0 ? await dotsUsed(board.id, { kind: 'member', id: locals.user!.id }) : 0,
		agenda: (await listAgenda(workshop.id)).map(({ id, title, minutes }) => ({ id, title, minutes })),
		control: await getControlState(workshop.id),
		submissions: canRun ? await moderationQueue(board.id, workshop.id) : [],
		// "I need help" from a child: on the facilitator's screen only (not the projector's load).
		helpRequests: canRun
			? (await listHelpRequests(workshop.id)).map((r) => ({
					id: r.id,
					pseudonym: r.pseudonym ?? '',
					at: r.createdAt.toISOString()
				}))
			: [],
		joinUrl,
		qrSvg: await QRCode.toString(joinUrl, { type: 'svg', margin: 1 })
	};
};

/**
 * Whether loading the board had to set stored bytes aside (see realtime/recover.ts), for
 * the facilitator. Loads the board first, so a recovery that happens now shows at once.
 */
async function boardRecovery(boardId: string) {
	try {
		await readBoardDoc(boardId, () => null);
	} catch {
		// The socket reports a board that cannot load; the page still renders.
	}
	const recovery = await recoveryOf(boardId);
	return recovery ? { at: recovery.recoveredAt.toISOString(), dropped: recovery.dropped } : null;
}

const flagsForm = z.object({ flag: z.enum(['locked', 'hideAuthors', 'moderation']), value: z.enum(['on', 'off']) });
const timerForm = z.object({
	minutes: z.coerce.number().int().min(0, { error: 'error_minutes' }).max(180, { error: 'error_minutes' })
});
const followForm = z.object({
	agendaItemId: z.string().max(64).default(''),
	follow: z.enum(['board', 'none']).default('board')
});
const submissionForm = z.object({ submissionId: z.string().min(1).max(64) });
const dotsForm = z.object({
	dots: z.coerce
		.number({ error: 'error_number' })
		.int({ error: 'error_number' })
		.min(0, { error: 'error_number' })
		.max(20, { error: 'error_number' })
});
const dotForm = z.object({ noteId: z.string().min(1).max(64), action: z.enum(['add', 'remove']) });
const promoteForm = z.object({ kind: z.enum(['cluster', 'note', 'canvas']), id: z.string().max(64).default('') });
const templateForm = z.object({
	title: z.string().trim().min(1, { error: 'error_required' }).max(200, { error: 'error_too_long' })
});

export const actions: Actions = {
	flag: async ({ request, locals, params }) => {
		const { board } = await requireBoard(locals, params.workshopId, params.boardId, 'workshop.run');
		const form = parseForm(flagsForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		await setBoardFlags(board.id, { [form.data.flag]: form.data.value === 'on' });
		return { done: 'flag' };
	},
	timer: async ({ request, locals, params }) => {
		const { workshop } = await requireBoard(locals, params.workshopId, params.boardId, 'workshop.run');
		const form = parseForm(timerForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		await setTimer(workshop.id, form.data.minutes || null);
		return { done: 'timer' };
	},
	follow: async ({ request, locals, params }) => {
		const { workshop, board } = await requireBoard(locals, params.workshopId, params.boardId, 'workshop.run');
		const form = parseForm(followForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await setFollow(workshop.id, {
			agendaItemId: form.data.agendaItemId || null,
			boardId: form.data.follow === 'board' ? board.id : null
		});
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		return { done: 'follow' };
	},
	/** Open dot voting: how many dots each person may place (0 turns it off). */
	dots: async ({ request, locals, params }) => {
		const { board } = await requireBoard(locals, params.workshopId, params.boardId, 'workshop.run');
		const form = parseForm(dotsForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		await setBoardFlags(board.id, { dotsPerPerson: form.data.dots });
		return { done: 'dots' };
	},
	/** Open dot voting: a member's dot, counted by the server like a participant's. */
	dot: async ({ request, locals, params }) => {
		const { board, role } = await requireBoard(locals, params.workshopId, params.boardId, 'workshop.view');
		if (!can(role, 'board.edit')) error(403, 'Forbidden');
		const form = parseForm(dotForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await dotNoteAsMember(
			{ id: locals.user!.id, mayWriteLocked: can(role, 'workshop.run') },
			board.id,
			form.data.noteId,
			form.data.action
		);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		return { done: 'dot', used: result.used };
	},
	/** A cluster, a note (e.g. a How-Might-We) or the prototype canvas becomes a plan item. */
	promote: async ({ request, locals, params }) => {
		const { board } = await requireBoard(locals, params.workshopId, params.boardId, 'workshop.run');
		const form = parseForm(promoteForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const { kind, id } = form.data;
		const result = await promoteToPlan(board.id, kind === 'canvas' ? { kind } : { kind, id });
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		return { done: 'promoted', planItemId: result.id };
	},
	template: async ({ request, locals, params }) => {
		const { board, organisation } = await requireBoard(locals, params.workshopId, params.boardId, 'workshop.run');
		const form = parseForm(templateForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await saveBoardAsTemplate(
			organisation.id,
			board.id,
			form.data.title,
			getLocale() === 'en' ? 'en' : 'id'
		);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		return { done: 'template' };
	},
	/** One action: a note leaves the wall for the workshop's private safeguarding list. */
	moveOff: async ({ request, locals, params }) => {
		const { board, workshop } = await requireBoard(locals, params.workshopId, params.boardId, 'workshop.run');
		const form = parseForm(z.object({ noteId: z.string().min(1).max(64) }), await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await moveOffWall(workshop.id, board.id, form.data.noteId);
		if (!result.ok) return fail(404, { errors: fieldError('form', result.error) });
		return { done: 'movedOff' };
	},
	helpSeen: async ({ request, locals, params }) => {
		const { workshop } = await requireBoard(locals, params.workshopId, params.boardId, 'workshop.run');
		const form = parseForm(z.object({ requestId: z.string().min(1).max(64) }), await request.formData());
		if (!form.ok || !(await markHelpSeen(workshop.id, form.data.requestId)))
			return fail(404, { errors: fieldError('form', 'error_not_found') });
		return { done: 'helpSeen' };
	},
	approve: async ({ request, locals, params }) => {
		const { board } = await requireBoard(locals, params.workshopId, params.boardId, 'workshop.run');
		const form = parseForm(submissionForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await approveSubmission(board.id, form.data.submissionId);
		if (!result.ok) return fail(404, { errors: fieldError('form', result.error) });
		return { done: 'approve' };
	},
	reject: async ({ request, locals, params }) => {
		const { board } = await requireBoard(locals, params.workshopId, params.boardId, 'workshop.run');
		const form = parseForm(submissionForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await rejectSubmission(board.id, form.data.submissionId);
		if (!result.ok) return fail(404, { errors: fieldError('form', result.error) });
		return { done: 'reject' };
	}
};
