import { redirect } from '@sveltejs/kit';
import { participantAccess } from '$lib/workshops/access.server';
import {
	listIndicators,
	myScores,
	participantCard,
	participantScorer,
	proposeIndicator,
	scoreAsParticipant
} from '$lib/assessment/assessment.server';
import { indicatorForm, scoreForm } from '$lib/assessment/forms';
import { answer, formAction } from '$lib/forms/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A phone's score card: the indicators, this phone's own scores, never anyone else's. */
export const load: PageServerLoad = async ({ locals, params }) => {
	if (!locals.participant) redirect(303, '/join');
	const access = await participantCard(participantAccess(locals), params.cardId);
	return {
		card: { id: access.card.id, title: access.card.title },
		indicators: (await listIndicators(access.card.id)).map(({ id, text }) => ({ id, text })),
		mine: await myScores(access.card.id, participantScorer(access))
	};
};

const phone = ({ locals, params }: RequestEvent) => participantCard(participantAccess(locals), params.cardId);

export const actions: Actions = {
	score: formAction(phone, scoreForm, async (access, input) =>
		answer(await scoreAsParticipant(access, input), 'score', 'score')
	),
	propose: formAction(phone, indicatorForm, async (access, input) =>
		answer(await proposeIndicator(access, input.text), 'proposed', 'text')
	)
};
