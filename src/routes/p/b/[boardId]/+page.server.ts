import { error, fail, redirect } from '@sveltejs/kit';
import { dotNote, getControlState, isWorkshopOpen, reactToNote } from '$lib/boards/boards.server';
import { contributeNote } from '$lib/safeguarding/contributions.server';
import { participantBoardAccess } from '$lib/boards/access.server';
import { dotForm, noteForm, reactForm } from '$lib/boards/forms';
import { dotsUsed } from '$lib/boards/tallies.server';
import { listRounds } from '$lib/voting/rounds.server';
import { parseForm } from '$lib/forms/forms';
import { participantAccess } from '$lib/workshops/access.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!locals.participant) redirect(303, '/join');
	const access = await participantBoardAccess(participantAccess(locals), params.boardId);
	if (!access) error(404, 'Not found');
	const { board, participant } = access;
	return {
		board: { id: board.id, title: board.title },
		workshopId: board.workshopId,
		workshopOpen: await isWorkshopOpen(board.workshopId),
		// Only this person's own count: the board document holds no one's dots or name.
		myDots: board.dotsPerPerson > 0 ? await dotsUsed(board.id, { kind: 'participant', id: participant.id }) : 0,
		control: await getControlState(board.workshopId),
		// The open ballots, linked from the board so a phone never has to hunt for them.
		rounds: (await listRounds(board.workshopId))
			.filter((r) => r.status === 'open')
			.map((r) => ({ id: r.id, title: r.title }))
	};
};

/** This board, for a participant of its workshop: the access is decided before the form is read. */
async function boardOf(locals: App.Locals, boardId: string) {
	return participantBoardAccess(participantAccess(locals), boardId);
}
const notFound = () => fail(404, { error: 'error_not_found' });

export const actions: Actions = {
	/** A participant's idea from the input card; the server writes it into the board. */
	note: async ({ request, locals, params }) => {
		const access = await boardOf(locals, params.boardId);
		if (!access) return notFound();
		const form = parseForm(noteForm, await request.formData());
		if (!form.ok) return fail(400, { error: Object.values(form.errors)[0] ?? 'error_invalid' });
		const { id, text, colour, pictogram, frameId } = form.data;
		const result = await contributeNote(access, {
			id,
			text,
			colour,
			pictogram: pictogram || null,
			frameId: frameId || null,
			private: form.data.private === 'on'
		});
		if (!result.ok) {
			if ('retryAfterMs' in result) return fail(429, { error: result.error, retryAfterMs: result.retryAfterMs });
			return fail(result.error === 'error_not_found' ? 404 : 400, { error: result.error });
		}
		// `hidden`: which kinds of personal detail were masked, so the author is told.
		return { outcome: result.outcome, hidden: 'hidden' in result ? result.hidden : [] };
	},
	/** Open dot voting: visible, not secret; the server enforces the dots per person. */
	dot: async ({ request, locals, params }) => {
		const access = await boardOf(locals, params.boardId);
		if (!access) return notFound();
		const form = parseForm(dotForm, await request.formData());
		if (!form.ok) return fail(400, { error: 'error_invalid' });
		const result = await dotNote(access, form.data.noteId, form.data.action);
		if (!result.ok) return fail(400, { error: result.error });
		return { outcome: 'dotted', used: result.used };
	},
	react: async ({ request, locals, params }) => {
		const access = await boardOf(locals, params.boardId);
		if (!access) return notFound();
		const form = parseForm(reactForm, await request.formData());
		if (!form.ok) return fail(400, { error: 'error_invalid' });
		const result = await reactToNote(access, form.data.noteId, form.data.emoji);
		if (!result.ok) return fail(400, { error: result.error });
		return { outcome: 'reacted' };
	}
};
