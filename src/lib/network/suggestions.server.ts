/**
 * Suggestions for a network map from what the app already knows (partners, task owners,
 * co-financing sources, the groups that took part), and accepting the picked ones in one
 * transaction. Only for members who may edit the map (`MapAccess<'workshop.edit'>`).
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { generateId } from '$lib/server/auth/tokens';
import { participant, workshop } from '$lib/workshops/workshops.schema';
import { fundingLine, partner, planItem, planItemPartner, plan, task } from '$lib/plans/plans.schema';
import { user } from '$lib/orgs/orgs.schema';
import { groupLabel } from '$lib/components/labels';
import { fundingLabel } from '$lib/plans/labels';
import type { Outcome } from '$lib/forms/forms';
import { networkActor, networkTie } from './network.schema';
import { MAX_ACTORS, MAX_TIES, actorKey, type ActorKind, type TieKind } from './rules';
import { changed, readMap, type MapAccess } from './network.server';

/** An actor or tie the app proposes, with why (a message key and its subject). */
export type SuggestedActor = { key: string; name: string; kind: ActorKind; why: string };
export type SuggestedTie = {
	key: string;
	source: string;
	target: string;
	kind: TieKind;
	strength: number;
	why: string;
};

const PARTNER_ACTOR: Record<string, ActorKind> = {
	government: 'government',
	community: 'community',
	ngo: 'ngo',
	private: 'private',
	academia: 'organisation'
};
const FUNDING_ACTOR: Record<string, ActorKind> = {
	apbd: 'government',
	kelurahan: 'government',
	csr: 'private',
	'swadaya-money': 'community',
	'swadaya-labour': 'community',
	'swadaya-materials': 'community',
	'ngo-donor': 'ngo'
};
const GROUP_ACTOR: Record<string, ActorKind> = {
	government: 'government',
	ngo: 'ngo',
	'private-sector': 'private'
};

/**
 * What the app already knows, as actors and ties: the organisation itself, its partners
 * (tied when they work on a plan item or own a task), members who own tasks, co-financing
 * sources (they fund the organisation), and the groups that took part in its workshops
 * (the map's own workshop only, for a session; stronger the more workshops they came to).
 * Only what the map does not have yet.
 */
export async function suggest(map: MapAccess<'workshop.edit'>) {
	const orgId = map.map.organisationId;
	const orgName = map.access.organisation.name;
	const actors = new Map<string, SuggestedActor>();
	const ties = new Map<string, SuggestedTie>();
	const addActor = (name: string, kind: ActorKind, why: string) => {
		const key = actorKey(name);
		if (!actors.has(key)) actors.set(key, { key, name, kind, why });
		return key;
	};
	const addTie = (source: string, target: string, kind: TieKind, strength: number, why: string) => {
		if (source === target) return;
		const key = `${source}\u0001${target}\u0001${kind}`;
		const had = ties.get(key);
		if (!had || had.strength < strength)
			ties.set(key, { key, source, target, kind, strength: Math.min(3, Math.max(1, strength)), why });
	};
	const org = addActor(orgName, 'organisation', 'net_why_organisation');

	const partners = await db.select().from(partner).where(eq(partner.organisationId, orgId));
	const partnerKey = new Map<string, string>();
	for (const p of partners)
		partnerKey.set(p.id, addActor(p.name, PARTNER_ACTOR[p.kind] ?? 'organisation', 'net_why_partner'));

	const workshops = await db
		.select({ id: workshop.id, language: workshop.language })
		.from(workshop)
		.where(
			map.map.workshopId
				? and(eq(workshop.organisationId, orgId), eq(workshop.id, map.map.workshopId))
				: eq(workshop.organisationId, orgId)
		);
	const workshopIds = workshops.map((w) => w.id);
	if (workshopIds.length > 0) {
		const items = await db
			.select({ id: planItem.id })
			.from(planItem)
			.innerJoin(plan, eq(plan.id, planItem.planId))
			.where(inArray(plan.workshopId, workshopIds));
		const itemIds = items.map((i) => i.id);
		if (itemIds.length > 0) {
			const linked = await db
				.select({ partnerId: planItemPartner.partnerId })
				.from(planItemPartner)
				.where(inArray(planItemPartner.itemId, itemIds));
			for (const l of linked) {
				const key = partnerKey.get(l.partnerId);
				if (key) addTie(org, key, 'works-with', 2, 'net_why_plan_partner');
			}
			const owners = await db
				.select({ partnerId: task.ownerPartnerId, userName: user.name })
				.from(task)
				.leftJoin(user, eq(user.id, task.ownerUserId))
				.where(inArray(task.itemId, itemIds));
			for (const o of owners) {
				const key = o.partnerId ? partnerKey.get(o.partnerId) : undefined;
				if (key) addTie(org, key, 'works-with', 3, 'net_why_task_owner');
				if (o.userName)
					addTie(addActor(o.userName, 'person', 'net_why_task_owner'), org, 'works-with', 3, 'net_why_task_owner');
			}
			const funding = await db
				.selectDistinct({ source: fundingLine.source })
				.from(fundingLine)
				.where(inArray(fundingLine.itemId, itemIds));
			for (const f of funding) {
				const key = addActor(fundingLabel(f.source), FUNDING_ACTOR[f.source] ?? 'organisation', 'net_why_funding');
				addTie(key, org, 'funds', 2, 'net_why_funding');
			}
		}
		const groups = await db
			.select({ workshopId: participant.workshopId, groups: participant.groups })
			.from(participant)
			.where(inArray(participant.workshopId, workshopIds));
		const attended = new Map<string, Set<string>>();
		for (const p of groups) for (const g of p.groups) attended.set(g, (attended.get(g) ?? new Set()).add(p.workshopId));
		for (const [g, ws] of [...attended].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
			const key = addActor(groupLabel(g), GROUP_ACTOR[g] ?? 'community', 'net_why_group');
			addTie(key, org, 'works-with', ws.size, 'net_why_group');
		}
	}

	const { actors: onMap, ties: tiesOnMap } = await readMap(map.map.id);
	const have = new Set(onMap.map((a) => a.key));
	const keyOf = new Map(onMap.map((a) => [a.id, a.key]));
	const haveTies = new Set(
		tiesOnMap.map((t) => `${keyOf.get(t.sourceId)}\u0001${keyOf.get(t.targetId)}\u0001${t.kind}`)
	);
	return {
		actors: [...actors.values()].filter((a) => !have.has(a.key)),
		ties: [...ties.values()]
			.filter((t) => !haveTies.has(t.key))
			.map((t) => ({ ...t, sourceName: actors.get(t.source)!.name, targetName: actors.get(t.target)!.name }))
	};
}

export type Suggestions = Awaited<ReturnType<typeof suggest>>;

/**
 * Adds the picked suggestions (keys from `suggest`) in one transaction; a picked tie brings
 * its two actors along. Keys no longer suggested are left out. Answers how many were added.
 */
export async function acceptSuggestions(
	map: MapAccess<'workshop.edit'>,
	picked: readonly string[]
): Promise<Outcome & { actors?: number; ties?: number }> {
	const offer = await suggest(map);
	const pick = new Set(picked);
	const ties = offer.ties.filter((t) => pick.has(t.key));
	const wanted = new Set([...offer.actors.filter((a) => pick.has(a.key)).map((a) => a.key)]);
	for (const t of ties) wanted.add(t.source).add(t.target);
	const mapId = map.map.id;
	const outcome = await db.transaction(async (tx) => {
		const onMap = await tx
			.select({ id: networkActor.id, key: networkActor.key })
			.from(networkActor)
			.where(eq(networkActor.mapId, mapId));
		const idOf = new Map(onMap.map((a) => [a.key, a.id]));
		const newActors = offer.actors.filter((a) => wanted.has(a.key) && !idOf.has(a.key));
		if (onMap.length + newActors.length > MAX_ACTORS) return { ok: false as const, error: 'net_error_too_many_actors' };
		const [{ n }] = await tx.select({ n: count() }).from(networkTie).where(eq(networkTie.mapId, mapId));
		if (n + ties.length > MAX_TIES) return { ok: false as const, error: 'net_error_too_many_ties' };
		for (const a of newActors) {
			const id = generateId();
			idOf.set(a.key, id);
			await tx.insert(networkActor).values({ id, mapId, name: a.name, key: a.key, kind: a.kind, origin: 'suggested' });
		}
		let added = 0;
		for (const t of ties) {
			const sourceId = idOf.get(t.source);
			const targetId = idOf.get(t.target);
			if (!sourceId || !targetId) continue;
			const inserted = await tx
				.insert(networkTie)
				.values({
					id: generateId(),
					mapId,
					sourceId,
					targetId,
					kind: t.kind,
					strength: t.strength,
					origin: 'suggested'
				})
				.onConflictDoNothing()
				.returning({ id: networkTie.id });
			added += inserted.length;
		}
		return { ok: true as const, actors: newActors.length, ties: added };
	});
	return changed(map.map, outcome);
}
