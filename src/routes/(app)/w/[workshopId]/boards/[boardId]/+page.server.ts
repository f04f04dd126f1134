import { fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { listAgenda } from '$lib/workshops/workshops.server';
import { workshopAccess } from '$lib/workshops/access.server';
import { allows } from '$lib/orgs/access.server';
import { promoteToPlan, saveBoardAsTemplate } from '$lib/codesign/codesign.server';
import { getLocale } from '$lib/paraglide/runtime';
import {
	approveSubmission,
	dotNoteAsMember,
	getControlState,
	setBoardFlags,
	setFollow,
	setTimer
} from '$lib/boards/boards.server';
import { rejectSubmission } from '$lib/safeguarding/contributions.server';
import { boardAccess } from '$lib/boards/access.server';
import {
	dotForm,
	dotsForm,
	flagsForm,
	followForm,
	helpSeenForm,
	noteIdForm,
	promoteForm,
	submissionForm,
	templateForm,
	timerForm
} from '$lib/boards/forms';
import { authorNamesFor } from '$lib/boards/authorship.server';
import { dotsUsed } from '$lib/boards/tallies.server';
import { answer, fieldError, formAction, parseForm } from '$lib/forms/forms';
import { publicOrigin } from '$lib/server/venue';
import { listHelpRequests, markHelpSeen, moderationQueue, moveOffWall } from '$lib/safeguarding/safeguarding.server';
import { readBoardDoc } from '$lib/server/realtime';
import { recoveryOf } from '$lib/boards/board-store.server';
import type { Permission } from '$lib/orgs/roles';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** This board, for a member holding `permission` in its workshop (401/403/404 otherwise). */
const boardFor =
	<P extends Permission>(permission: P) =>
	async ({ locals, params }: RequestEvent) =>
		boardAccess(await workshopAccess(locals, params.workshopId, permission), params.boardId);
const runBoard = boardFor('workshop.run');

export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends('app:moderation');
	depends('app:authors');
	const access = await boardAccess(await workshopAccess(locals, params.workshopId, 'workshop.view'), params.boardId);
	const { workshop, board } = access;
	const canRun = allows(access, 'workshop.run');
	const canEdit = allows(access, 'board.edit');
	const joinUrl = `${publicOrigin(url)}/j/${workshop.joinCode}`;
	return {
		recovery: canRun ? await boardRecovery(board.id) : null,
		workshop: { id: workshop.id, title: workshop.title, joinCode: workshop.joinCode, timeZone: workshop.timeZone },
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

export const actions: Actions = {
	flag: formAction(runBoard, flagsForm, async (access, { flag, value }) => {
		await setBoardFlags(access, { [flag]: value === 'on' });
		return { done: 'flag' };
	}),
	timer: formAction(runBoard, timerForm, async (access, { minutes }) => {
		await setTimer(access, minutes || null);
		return { done: 'timer' };
	}),
	follow: formAction(runBoard, followForm, async (access, form) =>
		answer(
			await setFollow(access, {
				agendaItemId: form.agendaItemId || null,
				boardId: form.follow === 'board' ? access.board.id : null
			}),
			'follow'
		)
	),
	/** Open dot voting: how many dots each person may place (0 turns it off). */
	dots: formAction(runBoard, dotsForm, async (access, { dots }) => {
		await setBoardFlags(access, { dotsPerPerson: dots });
		return { done: 'dots' };
	}),
	/** Open dot voting: a member's dot, counted by the server like a participant's. */
	dot: formAction(boardFor('board.edit'), dotForm, async (access, { noteId, action }) => {
		const result = await dotNoteAsMember(access, noteId, action);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		return { done: 'dot', used: result.used };
	}),
	/** A cluster, a note (e.g. a How-Might-We) or the prototype canvas becomes a plan item. */
	promote: formAction(runBoard, promoteForm, async (access, { kind, id }) => {
		const result = await promoteToPlan(access, kind === 'canvas' ? { kind } : { kind, id });
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		return { done: 'promoted', planItemId: result.id };
	}),
	template: formAction(runBoard, templateForm, async (access, { title }) =>
		answer(await saveBoardAsTemplate(access, title, getLocale() === 'en' ? 'en' : 'id'), 'template')
	),
	/** One action: a note leaves the wall for the workshop's private safeguarding list. */
	moveOff: formAction(runBoard, noteIdForm, async (access, { noteId }) => {
		const result = await moveOffWall(access, noteId);
		if (!result.ok) return fail(404, { errors: fieldError('form', result.error) });
		return { done: 'movedOff' };
	}),
	helpSeen: async (event) => {
		const access = await runBoard(event);
		const form = parseForm(helpSeenForm, await event.request.formData());
		if (!form.ok || !(await markHelpSeen(access, form.data.requestId)))
			return fail(404, { errors: fieldError('form', 'error_not_found') });
		return { done: 'helpSeen' };
	},
	approve: formAction(runBoard, submissionForm, async (access, { submissionId }) => {
		const result = await approveSubmission(access, submissionId);
		if (!result.ok) return fail(404, { errors: fieldError('form', result.error) });
		return { done: 'approve' };
	}),
	reject: formAction(runBoard, submissionForm, async (access, { submissionId }) => {
		const result = await rejectSubmission(access, submissionId);
		if (!result.ok) return fail(404, { errors: fieldError('form', result.error) });
		return { done: 'reject' };
	})
};
