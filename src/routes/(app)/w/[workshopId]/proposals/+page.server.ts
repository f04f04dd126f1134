import { fail, redirect } from '@sveltejs/kit';
import { allows } from '$lib/orgs/access.server';
import { workshopAccess } from '$lib/workshops/access.server';
import { createProposal, listProposals, mergeProposals, withdrawProposal } from '$lib/voting/proposals.server';
import { mergeForm, noteOriginForm, proposalForm, proposalIdForm } from '$lib/voting/forms';
import { answer, fieldError, formAction, parseForm } from '$lib/forms/forms';
import { findBoard } from '$lib/boards/boards.server';
import * as realtime from '$lib/server/realtime';
import { notesOf } from '$lib/boards/model';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const access = await workshopAccess(locals, params.workshopId, 'workshop.view');
	const { workshop } = access;
	// Promoting a board note: the form starts with the note's text and keeps the link.
	let fromNote: { boardId: string; noteId: string; text: string } | null = null;
	const boardId = url.searchParams.get('board');
	const noteId = url.searchParams.get('note');
	if (boardId && noteId) {
		const board = await findBoard(boardId);
		if (board?.workshopId === workshop.id) {
			const text = await realtime.readBoardDoc(
				boardId,
				(doc) => notesOf(doc).get(noteId)?.get('text') as string | undefined
			);
			if (text) fromNote = { boardId, noteId, text };
		}
	}
	const proposals = await listProposals(workshop.id);
	return {
		workshop: { id: workshop.id, title: workshop.title, function: workshop.function, kelurahan: workshop.kelurahan },
		canEdit: allows(access, 'workshop.edit'),
		proposals: proposals.map((p) => ({ ...p, cost: p.cost.toString() })),
		fromNote
	};
};

const editor = ({ locals, params }: RequestEvent) => workshopAccess(locals, params.workshopId, 'workshop.edit');

export const actions: Actions = {
	create: async (event) => {
		const access = await editor(event);
		const data = await event.request.formData();
		const form = parseForm(proposalForm, data);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const origin = parseForm(noteOriginForm, data);
		let link: { boardId: string; noteId: string } | undefined;
		if (origin.ok && origin.data.boardId && origin.data.noteId) {
			const board = await findBoard(origin.data.boardId);
			if (board?.workshopId !== access.workshop.id)
				return fail(400, { errors: fieldError('form', 'error_not_found'), values: form.values });
			link = { boardId: origin.data.boardId, noteId: origin.data.noteId };
		}
		await createProposal(access, form.data, link);
		redirect(303, `/w/${access.workshop.id}/proposals`);
	},
	withdraw: formAction(editor, proposalIdForm, async (access, input) =>
		answer(await withdrawProposal(access, input.proposalId), 'withdrawn')
	),
	merge: formAction(editor, mergeForm, async (access, input) =>
		answer(await mergeProposals(access, input.keepId, input.duplicateId), 'merged')
	)
};
