import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireWorkshop } from '$lib/workshops/workshops.server';
import { requireUser } from '$lib/server/guards';
import { parseForm } from '$lib/forms/forms';
import { isChild } from '$lib/workshops/rules';
import { parseWatchwords } from '$lib/safeguarding/rules';
import {
	deletePrivateNote,
	getOrgSettings,
	getWorkshopSettings,
	listHelpRequests,
	listPrivateNotes,
	markHelpSeen,
	moveOffWall,
	notesForAttention,
	setWorkshopSettings
} from '$lib/safeguarding/safeguarding.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * The facilitator's safeguarding view of a workshop: the only place that shows masked
 * notes' originals, private notes and "I need help" alerts together. Facilitators and
 * owners only (workshop.run); observers and members get 403, other organisations 404.
 */
export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('app:safeguarding');
	const { workshop } = await requireWorkshop(requireUser(locals).id, params.workshopId, 'workshop.run');
	const settings = await getWorkshopSettings(workshop.id);
	return {
		workshop: {
			id: workshop.id,
			title: workshop.title,
			organisationId: workshop.organisationId,
			status: workshop.status
		},
		childGroups: isChild(workshop.groups),
		attention: await notesForAttention(workshop.id),
		privateNotes: (await listPrivateNotes(workshop.id)).map((n) => ({
			...n,
			pseudonym: n.pseudonym ?? null,
			createdAt: n.createdAt.toISOString()
		})),
		helpRequests: (await listHelpRequests(workshop.id)).map((r) => ({
			id: r.id,
			pseudonym: r.pseudonym ?? '',
			at: r.createdAt.toISOString()
		})),
		referral: (await getOrgSettings(workshop.organisationId)).referralGuidance,
		watchwords: settings.watchwords,
		guardianConsents: settings.guardianConsents
	};
};

const idForm = z.object({ id: z.string().min(1).max(64) });
const moveForm = z.object({ boardId: z.string().min(1).max(64), noteId: z.string().min(1).max(64) });
const wordsForm = z.object({ words: z.string().max(12_000, { error: 'error_too_long' }) });
const consentForm = z.object({
	consents: z.coerce
		.number({ error: 'error_number' })
		.int({ error: 'error_number' })
		.min(0, { error: 'error_number' })
		.max(100_000, { error: 'error_number' })
});

async function guard(locals: App.Locals, workshopId: string) {
	return (await requireWorkshop(requireUser(locals).id, workshopId, 'workshop.run')).workshop;
}

export const actions: Actions = {
	/** Not a case record: the facilitator deletes a private note when it has been handled. */
	deletePrivate: async ({ request, locals, params }) => {
		const workshop = await guard(locals, params.workshopId);
		const form = parseForm(idForm, await request.formData());
		if (!form.ok || !(await deletePrivateNote(workshop.id, form.data.id)))
			return fail(404, { error: 'error_not_found' });
		return { done: 'deleted' };
	},
	moveOff: async ({ request, locals, params }) => {
		const workshop = await guard(locals, params.workshopId);
		const form = parseForm(moveForm, await request.formData());
		if (!form.ok) return fail(400, { error: 'error_invalid' });
		const result = await moveOffWall(workshop.id, form.data.boardId, form.data.noteId);
		if (!result.ok) return fail(404, { error: result.error });
		return { done: 'moved' };
	},
	words: async ({ request, locals, params }) => {
		const workshop = await guard(locals, params.workshopId);
		const form = parseForm(wordsForm, await request.formData());
		if (!form.ok) return fail(400, { error: form.errors.words ?? 'error_invalid' });
		await setWorkshopSettings(workshop.id, { watchwords: parseWatchwords(form.data.words) });
		return { done: 'words' };
	},
	/** Guardian consent: a count only; the paper forms stay on paper. */
	consent: async ({ request, locals, params }) => {
		const workshop = await guard(locals, params.workshopId);
		const form = parseForm(consentForm, await request.formData());
		if (!form.ok) return fail(400, { error: form.errors.consents ?? 'error_invalid' });
		await setWorkshopSettings(workshop.id, { guardianConsents: form.data.consents });
		return { done: 'consent' };
	},
	helpSeen: async ({ request, locals, params }) => {
		const workshop = await guard(locals, params.workshopId);
		const form = parseForm(z.object({ requestId: z.string().min(1).max(64) }), await request.formData());
		if (!form.ok || !(await markHelpSeen(workshop.id, form.data.requestId)))
			return fail(404, { error: 'error_not_found' });
		return { done: 'helpSeen' };
	}
};
