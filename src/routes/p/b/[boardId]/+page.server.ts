import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { COLOURS, MAX_NOTE_LENGTH, PICTOGRAMS, REACTIONS } from '$lib/boards/model';
import {
	contributeNote,
	dotNote,
	findBoard,
	getControlState,
	isWorkshopOpen,
	reactToNote
} from '$lib/boards/boards.server';
import { dotsUsed } from '$lib/boards/tallies.server';
import { listRounds } from '$lib/voting/rounds.server';
import { parseForm } from '$lib/forms/forms';
import { requireParticipant } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!locals.participant) redirect(303, '/join');
	const board = await findBoard(params.boardId);
	if (!board || board.workshopId !== locals.participant.workshopId) error(404, 'Not found');
	return {
		board: { id: board.id, title: board.title },
		workshopId: board.workshopId,
		workshopOpen: await isWorkshopOpen(board.workshopId),
		// Only this person's own count: the board document holds no one's dots or name.
		myDots: board.dotsPerPerson > 0 ? await dotsUsed(board.id, { kind: 'participant', id: locals.participant.id }) : 0,
		control: await getControlState(board.workshopId),
		// The open ballots, linked from the board so a phone never has to hunt for them.
		rounds: (await listRounds(board.workshopId))
			.filter((r) => r.status === 'open')
			.map((r) => ({ id: r.id, title: r.title }))
	};
};

const noteForm = z.object({
	id: z.uuid({ error: 'error_invalid' }),
	text: z.string().trim().min(1, { error: 'error_required' }).max(MAX_NOTE_LENGTH, { error: 'error_too_long' }),
	colour: z.enum(COLOURS, { error: 'error_invalid' }),
	pictogram: z.union([z.literal(''), z.enum(PICTOGRAMS)], { error: 'error_invalid' }).default(''),
	frameId: z.string().max(64).default(''),
	private: z.literal('on').optional()
});
const dotForm = z.object({ noteId: z.string().min(1).max(64), action: z.enum(['add', 'remove']) });
const reactForm = z.object({ noteId: z.string().min(1).max(64), emoji: z.enum(REACTIONS, { error: 'error_invalid' }) });

export const actions: Actions = {
	/** A participant's idea from the input card; the server writes it into the board. */
	note: async ({ request, locals, params }) => {
		const participant = requireParticipant(locals);
		const form = parseForm(noteForm, await request.formData());
		if (!form.ok) return fail(400, { error: Object.values(form.errors)[0] ?? 'error_invalid' });
		const { id, text, colour, pictogram, frameId } = form.data;
		const result = await contributeNote(participant, params.boardId, {
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
		const participant = requireParticipant(locals);
		const form = parseForm(dotForm, await request.formData());
		if (!form.ok) return fail(400, { error: 'error_invalid' });
		const result = await dotNote(participant, params.boardId, form.data.noteId, form.data.action);
		if (!result.ok) return fail(400, { error: result.error });
		return { outcome: 'dotted', used: result.used };
	},
	react: async ({ request, locals, params }) => {
		const participant = requireParticipant(locals);
		const form = parseForm(reactForm, await request.formData());
		if (!form.ok) return fail(400, { error: 'error_invalid' });
		const result = await reactToNote(participant, params.boardId, form.data.noteId, form.data.emoji);
		if (!result.ok) return fail(400, { error: result.error });
		return { outcome: 'reacted' };
	}
};
