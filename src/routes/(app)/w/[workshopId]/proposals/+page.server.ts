import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/orgs/roles';
import { requireWorkshop } from '$lib/workshops/workshops.server';
import { createProposal, listProposals, mergeProposals, withdrawProposal } from '$lib/voting/proposals.server';
import { proposalForm } from '$lib/voting/forms';
import { fieldError, parseForm } from '$lib/forms/forms';
import { requireUser } from '$lib/server/guards';
import { findBoard } from '$lib/boards/boards.server';
import * as realtime from '$lib/server/realtime';
import { notesOf } from '$lib/boards/model';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { workshop, role } = await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.view');
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
		canEdit: can(role, 'workshop.edit'),
		proposals: proposals.map((p) => ({ ...p, cost: p.cost.toString() })),
		fromNote
	};
};

const pairForm = z.object({ keepId: z.string().min(1).max(64), duplicateId: z.string().min(1).max(64) });
const idForm = z.object({ proposalId: z.string().min(1).max(64) });
const originForm = z.object({ boardId: z.string().max(64).default(''), noteId: z.string().max(64).default('') });

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		const { workshop } = await requireWorkshop(user.id, params.workshopId, 'workshop.edit');
		const data = await request.formData();
		const form = parseForm(proposalForm, data);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const origin = parseForm(originForm, data);
		let link: { boardId: string; noteId: string } | undefined;
		if (origin.ok && origin.data.boardId && origin.data.noteId) {
			const board = await findBoard(origin.data.boardId);
			if (board?.workshopId !== workshop.id)
				return fail(400, { errors: fieldError('form', 'error_not_found'), values: form.values });
			link = { boardId: origin.data.boardId, noteId: origin.data.noteId };
		}
		await createProposal(workshop.id, form.data, user.id, link);
		redirect(303, `/w/${workshop.id}/proposals`);
	},
	withdraw: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		await requireWorkshop(user.id, params.workshopId, 'workshop.edit');
		const form = parseForm(idForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await withdrawProposal(params.workshopId, form.data.proposalId, user.id);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		return { done: 'withdrawn' };
	},
	merge: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		await requireWorkshop(user.id, params.workshopId, 'workshop.edit');
		const form = parseForm(pairForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await mergeProposals(params.workshopId, form.data.keepId, form.data.duplicateId, user.id);
		if (!result.ok) return fail(400, { errors: fieldError('form', result.error) });
		return { done: 'merged' };
	}
};
