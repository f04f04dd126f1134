/**
 * The community asset map: what participants (from their phones) and members record that the
 * community can bring, and pledges of those assets to plan items. A pledge writes a swadaya
 * co-financing line on the item (in the same transaction) and is followed in delivery:
 * pledged, delivered, not delivered.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { generateId } from '$lib/server/auth/tokens';
import type { OrgAccess } from '$lib/orgs/access.server';
import type { ParticipantAccess } from '$lib/workshops/access.server';
import { workshop } from '$lib/workshops/workshops.schema';
import { fundingLine, partner, plan, planItem, planItemEvent } from '$lib/plans/plans.schema';
import { assetPledge, communityAsset } from './social.schema';
import { pledgeLine, type AssetKind, type PledgeStatus } from './rules';
import type { Outcome } from '$lib/forms/forms';

export type AssetInput = {
	kind: AssetKind;
	description: string;
	quantity: string;
	amount: bigint | null;
	location: string;
	byGroup: string;
};

/** Only money carries an amount; other kinds are described (and counted) in kind. */
const normalise = (input: AssetInput) => ({ ...input, amount: input.kind === 'money' ? input.amount : null });

export async function listAssets(organisationId: string) {
	const assets = await db
		.select({
			id: communityAsset.id,
			kind: communityAsset.kind,
			description: communityAsset.description,
			quantity: communityAsset.quantity,
			amount: communityAsset.amount,
			location: communityAsset.location,
			byGroup: communityAsset.byGroup,
			partnerName: partner.name,
			source: communityAsset.source,
			workshopId: communityAsset.workshopId,
			createdAt: communityAsset.createdAt
		})
		.from(communityAsset)
		.leftJoin(partner, eq(partner.id, communityAsset.partnerId))
		.where(eq(communityAsset.organisationId, organisationId))
		.orderBy(desc(communityAsset.createdAt));
	const pledges = assets.length
		? await db
				.select({
					id: assetPledge.id,
					assetId: assetPledge.assetId,
					itemId: assetPledge.itemId,
					itemTitle: planItem.title,
					workshopId: plan.workshopId,
					status: assetPledge.status,
					note: assetPledge.note,
					fundingLineId: assetPledge.fundingLineId
				})
				.from(assetPledge)
				.innerJoin(planItem, eq(planItem.id, assetPledge.itemId))
				.innerJoin(plan, eq(plan.id, planItem.planId))
				.where(
					inArray(
						assetPledge.assetId,
						assets.map((a) => a.id)
					)
				)
				.orderBy(asc(assetPledge.createdAt))
		: [];
	return assets.map((a) => ({ ...a, pledges: pledges.filter((p) => p.assetId === a.id) }));
}

/** The plan items of an organisation an asset may be pledged to. */
export async function pledgeableItems(organisationId: string) {
	return db
		.select({ id: planItem.id, title: planItem.title, workshopTitle: workshop.title })
		.from(planItem)
		.innerJoin(plan, eq(plan.id, planItem.planId))
		.innerJoin(workshop, eq(workshop.id, plan.workshopId))
		.where(eq(workshop.organisationId, organisationId))
		.orderBy(asc(workshop.createdAt), asc(planItem.createdAt));
}

/** A member records an asset; a partner, if named, must be the organisation's own. */
export async function recordAsset(
	access: OrgAccess<'social.contribute'>,
	input: AssetInput & { partnerId: string | null }
): Promise<Outcome & { id?: string }> {
	if (input.partnerId) {
		const [p] = await db
			.select({ id: partner.id })
			.from(partner)
			.where(and(eq(partner.id, input.partnerId), eq(partner.organisationId, access.organisation.id)));
		if (!p) return { ok: false, error: 'error_not_found' };
	}
	const id = generateId();
	await db
		.insert(communityAsset)
		.values({ id, organisationId: access.organisation.id, source: 'member', ...normalise(input) });
	return { ok: true, id };
}

/** A participant records an asset from their phone, in their (open) workshop. */
export async function recordAssetFromPhone(
	who: ParticipantAccess,
	input: AssetInput
): Promise<Outcome & { id?: string }> {
	const [w] = await db
		.select({ organisationId: workshop.organisationId, status: workshop.status })
		.from(workshop)
		.where(eq(workshop.id, who.workshopId));
	if (!w) return { ok: false, error: 'error_not_found' };
	if (w.status !== 'open') return { ok: false, error: 'soc_error_workshop_closed' };
	const id = generateId();
	await db.insert(communityAsset).values({
		id,
		organisationId: w.organisationId,
		workshopId: who.workshopId,
		source: 'phone',
		partnerId: null,
		...normalise(input)
	});
	return { ok: true, id };
}

/** Assets recorded in one workshop (its page lists them). */
export async function workshopAssets(workshopId: string) {
	return db
		.select()
		.from(communityAsset)
		.where(eq(communityAsset.workshopId, workshopId))
		.orderBy(desc(communityAsset.createdAt));
}

async function itemInOrganisation(itemId: string, organisationId: string) {
	const [row] = await db
		.select({ id: planItem.id, planStatus: plan.status })
		.from(planItem)
		.innerJoin(plan, eq(plan.id, planItem.planId))
		.innerJoin(workshop, eq(workshop.id, plan.workshopId))
		.where(and(eq(planItem.id, itemId), eq(workshop.organisationId, organisationId)));
	return row ?? null;
}

/** Pledges an asset to a plan item: the pledge and its swadaya co-financing line, in one transaction. */
export async function pledgeAsset(
	access: OrgAccess<'workshop.edit'>,
	input: { assetId: string; itemId: string; note: string }
): Promise<Outcome & { id?: string }> {
	const [asset] = await db
		.select()
		.from(communityAsset)
		.where(and(eq(communityAsset.id, input.assetId), eq(communityAsset.organisationId, access.organisation.id)));
	const item = await itemInOrganisation(input.itemId, access.organisation.id);
	if (!asset || !item) return { ok: false, error: 'error_not_found' };
	const line = pledgeLine(asset);
	const id = generateId();
	const lineId = generateId();
	await db.transaction(async (tx) => {
		await tx.insert(fundingLine).values({ id: lineId, itemId: item.id, ...line });
		await tx.insert(assetPledge).values({
			id,
			assetId: asset.id,
			itemId: item.id,
			fundingLineId: lineId,
			note: input.note,
			actorId: access.userId
		});
		if (item.planStatus === 'final')
			await tx.insert(planItemEvent).values({
				id: generateId(),
				itemId: item.id,
				actorId: access.userId,
				kind: 'funding-added',
				detail: { source: line.source, amount: line.amount?.toString() ?? null, inKind: line.inKind, pledge: id }
			});
	});
	return { ok: true, id };
}

/** Follows a pledge in delivery. */
export async function setPledgeStatus(
	access: OrgAccess<'workshop.edit'>,
	pledgeId: string,
	status: PledgeStatus
): Promise<Outcome> {
	const [found] = await db
		.select({ id: assetPledge.id, itemId: assetPledge.itemId })
		.from(assetPledge)
		.innerJoin(communityAsset, eq(communityAsset.id, assetPledge.assetId))
		.where(and(eq(assetPledge.id, pledgeId), eq(communityAsset.organisationId, access.organisation.id)));
	if (!found) return { ok: false, error: 'error_not_found' };
	await db.update(assetPledge).set({ status, updatedAt: new Date() }).where(eq(assetPledge.id, pledgeId));
	return { ok: true };
}

/** The pledges behind plan items (for the plan and task pages): by funding line and by item. */
export async function pledgesForItems(itemIds: readonly string[]) {
	if (itemIds.length === 0) return [];
	return db
		.select({
			id: assetPledge.id,
			itemId: assetPledge.itemId,
			fundingLineId: assetPledge.fundingLineId,
			status: assetPledge.status,
			kind: communityAsset.kind,
			description: communityAsset.description,
			byGroup: communityAsset.byGroup,
			partnerName: partner.name
		})
		.from(assetPledge)
		.innerJoin(communityAsset, eq(communityAsset.id, assetPledge.assetId))
		.leftJoin(partner, eq(partner.id, communityAsset.partnerId))
		.where(inArray(assetPledge.itemId, [...itemIds]))
		.orderBy(asc(assetPledge.createdAt));
}
