import { allows } from '$lib/orgs/access.server';
import { workshopAccess } from '$lib/workshops/access.server';
import { answer, formAction } from '$lib/forms/forms';
import { agreementsInForce } from '$lib/social/agreements.server';
import { closePulse, listPulses, openPulse } from '$lib/social/pulse.server';
import { workshopAssets } from '$lib/social/assets.server';
import { confirmLevel, participationOf } from '$lib/social/participation.server';
import { confirmLevelForm, pulsePhaseForm } from '$lib/social/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, depends }) => {
	depends('app:social');
	const access = await workshopAccess(locals, params.workshopId, 'workshop.view');
	const w = access.workshop;
	return {
		workshop: {
			id: w.id,
			title: w.title,
			status: w.status,
			organisationId: access.organisation.id,
			timeZone: w.timeZone
		},
		canRun: allows(access, 'workshop.run'),
		agreements: (await agreementsInForce(access.organisation.id, w.id)).map((a) => ({
			id: a.id,
			topic: a.topic,
			title: a.current!.title,
			body: a.current!.body,
			version: a.current!.version,
			endorsements: a.current!.endorsements,
			endorsementsHere: a.current!.endorsementsHere
		})),
		pulses: await listPulses(w.id),
		participation: await participationOf(w.id),
		assets: (await workshopAssets(w.id)).map((a) => ({
			id: a.id,
			kind: a.kind,
			description: a.description,
			quantity: a.quantity,
			amount: a.amount?.toString() ?? null,
			location: a.location,
			byGroup: a.byGroup
		}))
	};
};

const run = (event: RequestEvent) => workshopAccess(event.locals, event.params.workshopId, 'workshop.run');

export const actions: Actions = {
	openPulse: formAction(run, pulsePhaseForm, async (access, input) =>
		answer(await openPulse(access, input.phase), 'opened')
	),
	closePulse: formAction(run, pulsePhaseForm, async (access, input) =>
		answer(await closePulse(access, input.phase), 'closed')
	),
	confirm: formAction(run, confirmLevelForm, async (access, input) =>
		answer(await confirmLevel(access, input.itemId, input.level), 'confirmed')
	)
};
