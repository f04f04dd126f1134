import { fail, type RequestEvent } from '@sveltejs/kit';
import { workshopAccess } from '$lib/workshops/access.server';
import { boardAccessOrNull } from '$lib/boards/access.server';
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
	setGuardianConsents,
	setWatchwords
} from '$lib/safeguarding/safeguarding.server';
import { consentForm, helpSeenForm, idForm, moveForm, wordsForm } from '$lib/safeguarding/forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * The facilitator's safeguarding view of a workshop: the only place that shows masked
 * notes' originals, private notes and "I need help" alerts together. Facilitators and
 * owners only (workshop.run); observers and members get 403, other organisations 404.
 */
export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('app:safeguarding');
	const { workshop } = await workshopAccess(locals, params.workshopId, 'workshop.run');
	const settings = await getWorkshopSettings(workshop.id);
	return {
		workshop: {
			id: workshop.id,
			title: workshop.title,
			organisationId: workshop.organisationId,
			status: workshop.status,
			timeZone: workshop.timeZone
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

/** Facilitators and owners of this workshop (401/403/404 otherwise). */
const guard = ({ locals, params }: RequestEvent<{ workshopId: string }>) =>
	workshopAccess(locals, params.workshopId, 'workshop.run');

export const actions: Actions = {
	/** Not a case record: the facilitator deletes a private note when it has been handled. */
	deletePrivate: async (event) => {
		const access = await guard(event);
		const form = parseForm(idForm, await event.request.formData());
		if (!form.ok || !(await deletePrivateNote(access, form.data.id))) return fail(404, { error: 'error_not_found' });
		return { done: 'deleted' };
	},
	moveOff: async (event) => {
		const access = await guard(event);
		const form = parseForm(moveForm, await event.request.formData());
		if (!form.ok) return fail(400, { error: 'error_invalid' });
		// A board of another workshop: 404, as the page has always answered.
		const board = await boardAccessOrNull(access, form.data.boardId);
		if (!board) return fail(404, { error: 'error_not_found' });
		const result = await moveOffWall(board, form.data.noteId);
		if (!result.ok) return fail(404, { error: result.error });
		return { done: 'moved' };
	},
	words: async (event) => {
		const access = await guard(event);
		const form = parseForm(wordsForm, await event.request.formData());
		if (!form.ok) return fail(400, { error: form.errors.words ?? 'error_invalid' });
		await setWatchwords(access, parseWatchwords(form.data.words));
		return { done: 'words' };
	},
	/** Guardian consent: a count only; the paper forms stay on paper. */
	consent: async (event) => {
		const access = await guard(event);
		const form = parseForm(consentForm, await event.request.formData());
		if (!form.ok) return fail(400, { error: form.errors.consents ?? 'error_invalid' });
		await setGuardianConsents(access, form.data.consents);
		return { done: 'consent' };
	},
	helpSeen: async (event) => {
		const access = await guard(event);
		const form = parseForm(helpSeenForm, await event.request.formData());
		if (!form.ok || !(await markHelpSeen(access, form.data.requestId))) return fail(404, { error: 'error_not_found' });
		return { done: 'helpSeen' };
	}
};
