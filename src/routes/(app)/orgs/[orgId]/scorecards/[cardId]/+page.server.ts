import { allows, orgAccess } from '$lib/orgs/access.server';
import {
	addIndicator,
	agreeAction,
	cardAccess,
	enterProviderScore,
	interfaceMeeting,
	listOrganisationPlanItems,
	listActions,
	listIndicators,
	memberScorer,
	myScores,
	removeIndicator,
	scoreAsProvider
} from '$lib/assessment/assessment.server';
import { actionForm, indicatorForm, removeIndicatorForm, scoreForm } from '$lib/assessment/forms';
import { answer, formAction } from '$lib/forms/forms';
import { MIN_CELL } from '$lib/assessment/rules';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const org = await orgAccess(locals, params.orgId, 'org.view');
	const access = await cardAccess(org, params.cardId);
	return {
		organisation: { id: org.organisation.id, name: org.organisation.name },
		card: {
			id: access.card.id,
			title: access.card.title,
			function: access.card.function,
			workshopId: access.card.workshopId
		},
		canManage: allows(org, 'workshop.run'),
		canScore: allows(org, 'board.edit'),
		minCell: MIN_CELL,
		indicators: await listIndicators(access.card.id),
		mine: await myScores(access.card.id, memberScorer(access)),
		rows: await interfaceMeeting(access.card.id),
		actions: await listActions(access.card.id),
		items: allows(org, 'workshop.run') ? await listOrganisationPlanItems(org) : []
	};
};

/** The card, for a member holding the permission in its organisation (404 for another's card). */
const card =
	<P extends 'workshop.run' | 'board.edit'>(permission: P) =>
	async ({ locals, params }: RequestEvent) =>
		cardAccess(await orgAccess(locals, params.orgId, permission), params.cardId);

export const actions: Actions = {
	indicator: formAction(card('workshop.run'), indicatorForm, async (access, input) =>
		answer(await addIndicator(access, input.text), 'indicator', 'text')
	),
	removeIndicator: formAction(card('workshop.run'), removeIndicatorForm, async (access, input) =>
		answer(await removeIndicator(access, input.indicatorId), 'removed')
	),
	/** A member's own score as a service provider. */
	score: formAction(card('board.edit'), scoreForm, async (access, input) =>
		answer(await scoreAsProvider(access, input), 'score', 'score')
	),
	/** A provider's score the facilitator enters (someone without an account). */
	enter: formAction(card('workshop.run'), scoreForm, async (access, input) =>
		answer(await enterProviderScore(access, input), 'entered', 'score')
	),
	action: formAction(card('workshop.run'), actionForm, async (access, input) => {
		const target =
			input.target === 'task' ? { kind: 'task' as const, itemId: input.itemId! } : { kind: 'plan-item' as const };
		return answer(await agreeAction(access, { text: input.text, indicatorId: input.indicatorId, target }), 'action');
	})
};
