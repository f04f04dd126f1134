import { updateRecord } from '$lib/workshops/workshops.server';
import { workshopAccess } from '$lib/workshops/access.server';
import { recordForm, recordFormValues } from '$lib/workshops/record';
import { formAction } from '$lib/forms/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Only those who may edit the workshop see or change the berita acara's details. */
const editor = ({ locals, params }: RequestEvent) => workshopAccess(locals, params.workshopId, 'workshop.edit');

export const load: PageServerLoad = async ({ locals, params }) => {
	const { workshop } = await workshopAccess(locals, params.workshopId, 'workshop.edit');
	return { workshop: { id: workshop.id, title: workshop.title }, values: recordFormValues(workshop.record) };
};

export const actions: Actions = {
	default: formAction(editor, recordForm, async (access, record) => {
		await updateRecord(access, record);
		return { saved: true };
	})
};
