import { allows, orgAccess } from '$lib/orgs/access.server';
import { answer, formAction } from '$lib/forms/forms';
import { m } from '$lib/paraglide/messages.js';
import { listPartners } from '$lib/plans/delivery.server';
import {
	createAgreement,
	listAgreements,
	retireAgreement,
	reviewAgreement,
	reviseAgreement,
	useTemplate
} from '$lib/social/agreements.server';
import { listAssets, pledgeableItems, pledgeAsset, recordAsset, setPledgeStatus } from '$lib/social/assets.server';
import { trustTrend } from '$lib/social/pulse.server';
import {
	agreementEditForm,
	agreementForm,
	agreementIdForm,
	assetForm,
	pledgeForm,
	pledgeStatusForm,
	reviewForm
} from '$lib/social/forms';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const access = await orgAccess(locals, params.orgId, 'org.view');
	const canEdit = allows(access, 'workshop.edit');
	const canContribute = allows(access, 'social.contribute');
	return {
		organisation: { id: access.organisation.id, name: access.organisation.name },
		canEdit,
		canContribute,
		agreements: await listAgreements(access.organisation.id),
		trend: await trustTrend(access.organisation.id),
		assets: (await listAssets(access.organisation.id)).map((a) => ({ ...a, amount: a.amount?.toString() ?? null })),
		items: canEdit ? await pledgeableItems(access.organisation.id) : [],
		partners: canContribute ? (await listPartners(access.organisation.id)).map((p) => ({ id: p.id, name: p.name })) : []
	};
};

const edit = (event: RequestEvent) => orgAccess(event.locals, event.params.orgId, 'workshop.edit');

export const actions: Actions = {
	template: formAction(edit, z.object({}), async (access) => {
		const text = (title: () => string, body: () => string) => ({ title: title(), body: body() });
		const made = await useTemplate(access, {
			decisions: text(m.soc_template_decisions_title, m.soc_template_decisions_body),
			referrals: text(m.soc_template_referrals_title, m.soc_template_referrals_body),
			response: text(m.soc_template_response_title, m.soc_template_response_body)
		});
		return { done: 'template', made };
	}),
	agreement: formAction(edit, agreementForm, async (access, input) => {
		await createAgreement(access, input);
		return { done: 'agreement' };
	}),
	revise: formAction(edit, agreementEditForm, async (access, input) =>
		answer(await reviseAgreement(access, input.agreementId, input), 'revised')
	),
	retire: formAction(edit, agreementIdForm, async (access, input) =>
		answer(await retireAgreement(access, input.agreementId), 'retired')
	),
	review: formAction(edit, reviewForm, async (access, input) =>
		answer(await reviewAgreement(access, input.agreementId, input.note), 'reviewed')
	),
	asset: formAction(
		(event: RequestEvent) => orgAccess(event.locals, event.params.orgId, 'social.contribute'),
		assetForm,
		async (access, input) => answer(await recordAsset(access, input), 'asset')
	),
	pledge: formAction(edit, pledgeForm, async (access, input) => answer(await pledgeAsset(access, input), 'pledged')),
	pledgeStatus: formAction(edit, pledgeStatusForm, async (access, input) =>
		answer(await setPledgeStatus(access, input.pledgeId, input.status), 'pledgeStatus')
	)
};
