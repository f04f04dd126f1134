/**
 * Use cases for network maps: an organisation's dated maps of actors and ties, a workshop's
 * mapping session (participants add from their phones), suggestions from what the app
 * already knows, and the analysis a map page shows.
 *
 * Changes take a checked access value: `MapAccess<'workshop.edit'>` (a member who may edit,
 * derived from an `OrgAccess` by `mapAccess`, 404 when the map is another organisation's)
 * or `PhoneMapAccess` (a participant of the map's own workshop, from `phoneMapAccess`).
 */
import { error } from '@sveltejs/kit';
import { and, asc, count, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { generateId } from '$lib/server/auth/tokens';
import { sharedLimiter } from '$lib/server/auth/rate-limit';
import type { OrgAccess } from '$lib/orgs/access.server';
import type { ParticipantAccess, WorkshopAccess } from '$lib/workshops/access.server';
import type { Permission } from '$lib/orgs/roles';
import { participant, workshop } from '$lib/workshops/workshops.schema';
import { fundingLine, partner, planItem, planItemPartner, plan, task } from '$lib/plans/plans.schema';
import { user } from '$lib/orgs/orgs.schema';
import { groupLabel } from '$lib/components/labels';
import { fundingLabel } from '$lib/plans/labels';
import { maskPersonalDetails } from '$lib/safeguarding/rules';
import type { Outcome } from '$lib/forms/forms';
import { announceNetwork } from '$lib/live/announce.server';
import { networkActor, networkMap, networkTie } from './network.schema';
import { MAX_ACTORS, MAX_MAPS, MAX_TIES, actorKey, type ActorKind, type Origin, type TieKind } from './rules';
import { analyse, bridging, changeBetween, layout, withoutTieTo, type Change } from './analysis';

declare const mapChecked: unique symbol;
declare const phoneChecked: unique symbol;

export type NetworkMap = typeof networkMap.$inferSelect;

/** Proof that the holder has `P` in the organisation that owns `map`. */
export type MapAccess<P extends Permission = Permission> = {
	readonly access: OrgAccess<P>;
	readonly map: NetworkMap;
	readonly [mapChecked]: P;
};

/** Proof that a participant of the map's workshop is asking. */
export type PhoneMapAccess = {
	readonly participantId: string;
	readonly map: NetworkMap;
	readonly [phoneChecked]: true;
};

/** The map, when it belongs to the checked organisation; 404 otherwise. */
export async function mapAccess<P extends Permission>(access: OrgAccess<P>, mapId: string): Promise<MapAccess<P>> {
	const [found] = await db
		.select()
		.from(networkMap)
		.where(and(eq(networkMap.id, mapId), eq(networkMap.organisationId, access.organisation.id)));
	if (!found) error(404, 'Not found');
	return { access, map: found } as MapAccess<P>;
}

/** The map of the participant's own workshop; 404 for any other map. */
export async function phoneMapAccess(who: ParticipantAccess, mapId: string): Promise<PhoneMapAccess> {
	const [found] = await db.select().from(networkMap).where(eq(networkMap.id, mapId));
	if (!found || found.workshopId !== who.workshopId) error(404, 'Not found');
	return { participantId: who.participantId, map: found } as PhoneMapAccess;
}

/** The organisation's maps, newest first, with how many actors and ties each has. */
export async function listMaps(access: OrgAccess<'org.view'>) {
	const maps = await db
		.select()
		.from(networkMap)
		.where(eq(networkMap.organisationId, access.organisation.id))
		.orderBy(desc(networkMap.takenOn), desc(networkMap.createdAt));
	const ids = maps.map((m) => m.id);
	const actors = ids.length
		? await db
				.select({ mapId: networkActor.mapId, n: count() })
				.from(networkActor)
				.where(inArray(networkActor.mapId, ids))
				.groupBy(networkActor.mapId)
		: [];
	const ties = ids.length
		? await db
				.select({ mapId: networkTie.mapId, n: count() })
				.from(networkTie)
				.where(inArray(networkTie.mapId, ids))
				.groupBy(networkTie.mapId)
		: [];
	const countOf = (rows: { mapId: string; n: number }[], id: string) => rows.find((r) => r.mapId === id)?.n ?? 0;
	return maps.map((m) => ({ ...m, actors: countOf(actors, m.id), ties: countOf(ties, m.id) }));
}

export async function createMap(
	access: OrgAccess<'workshop.edit'>,
	input: { title: string; takenOn: string }
): Promise<Outcome & { id?: string }> {
	const [{ n }] = await db
		.select({ n: count() })
		.from(networkMap)
		.where(eq(networkMap.organisationId, access.organisation.id));
	if (n >= MAX_MAPS) return { ok: false, error: 'net_error_too_many_maps' };
	const id = generateId();
	await db.insert(networkMap).values({ id, organisationId: access.organisation.id, ...input });
	return { ok: true, id };
}

export async function deleteMap(map: MapAccess<'workshop.edit'>): Promise<void> {
	await db.delete(networkMap).where(eq(networkMap.id, map.map.id));
}

/** How many actors and ties the workshop's map holds (null: no map): what its live pages follow. */
export async function workshopMapSize(access: WorkshopAccess<'workshop.view'>) {
	const map = await findWorkshopMap(access);
	if (!map) return null;
	const [{ actors }] = await db.select({ actors: count() }).from(networkActor).where(eq(networkActor.mapId, map.id));
	const [{ ties }] = await db.select({ ties: count() }).from(networkTie).where(eq(networkTie.mapId, map.id));
	return { actors, ties };
}

/** The workshop's mapping session, if it has one. */
export async function findWorkshopMap(access: WorkshopAccess<'workshop.view'>): Promise<NetworkMap | null> {
	const [found] = await db.select().from(networkMap).where(eq(networkMap.workshopId, access.workshop.id));
	return found ?? null;
}

/** The map phones add to: the session of the participant's workshop, if there is one. */
export async function sessionMapOf(who: ParticipantAccess): Promise<string | null> {
	const [found] = await db
		.select({ id: networkMap.id })
		.from(networkMap)
		.where(eq(networkMap.workshopId, who.workshopId));
	return found?.id ?? null;
}

/** Starts the workshop's mapping session (once; a second start answers the same map). */
export async function startWorkshopMap(access: WorkshopAccess<'workshop.run'>): Promise<string> {
	const w = access.workshop;
	const id = generateId();
	await db
		.insert(networkMap)
		.values({
			id,
			organisationId: w.organisationId,
			workshopId: w.id,
			title: w.title,
			takenOn: w.date ?? new Date().toISOString().slice(0, 10)
		})
		.onConflictDoNothing();
	const [found] = await db.select({ id: networkMap.id }).from(networkMap).where(eq(networkMap.workshopId, w.id));
	return found.id;
}

type ActorInput = { name: string; kind: ActorKind };
type TieInput = { sourceId: string; targetId: string; kind: TieKind; strength: number };
type Writer = { origin: Origin; participantId: string | null };

async function insertActor(mapId: string, input: ActorInput, by: Writer): Promise<Outcome & { id?: string }> {
	return db.transaction(async (tx) => {
		const [{ n }] = await tx.select({ n: count() }).from(networkActor).where(eq(networkActor.mapId, mapId));
		if (n >= MAX_ACTORS) return { ok: false as const, error: 'net_error_too_many_actors' };
		const key = actorKey(input.name);
		const [same] = await tx
			.select({ id: networkActor.id })
			.from(networkActor)
			.where(and(eq(networkActor.mapId, mapId), eq(networkActor.key, key)));
		if (same) return { ok: false as const, error: 'net_error_duplicate_actor' };
		const id = generateId();
		await tx.insert(networkActor).values({ id, mapId, name: input.name, key, kind: input.kind, ...by });
		return { ok: true as const, id };
	});
}

async function insertTie(mapId: string, input: TieInput, by: Writer): Promise<Outcome> {
	if (input.sourceId === input.targetId) return { ok: false, error: 'net_error_same_actor' };
	return db.transaction(async (tx) => {
		const ends = await tx
			.select({ id: networkActor.id })
			.from(networkActor)
			.where(and(eq(networkActor.mapId, mapId), inArray(networkActor.id, [input.sourceId, input.targetId])));
		if (ends.length !== 2) return { ok: false as const, error: 'error_not_found' };
		const [{ n }] = await tx.select({ n: count() }).from(networkTie).where(eq(networkTie.mapId, mapId));
		if (n >= MAX_TIES) return { ok: false as const, error: 'net_error_too_many_ties' };
		const inserted = await tx
			.insert(networkTie)
			.values({ id: generateId(), mapId, ...input, ...by })
			.onConflictDoNothing()
			.returning({ id: networkTie.id });
		if (inserted.length === 0) return { ok: false as const, error: 'net_error_duplicate_tie' };
		return { ok: true as const };
	});
}

const byFacilitator: Writer = { origin: 'facilitator', participantId: null };

/** After a change commits: a workshop's map tells its live pages (the projector). */
function changed<T extends { ok: boolean }>(map: NetworkMap, outcome: T): T {
	if (outcome.ok && map.workshopId) announceNetwork(map.workshopId);
	return outcome;
}

export async function addActor(map: MapAccess<'workshop.edit'>, input: ActorInput) {
	return changed(map.map, await insertActor(map.map.id, input, byFacilitator));
}

export async function addTie(map: MapAccess<'workshop.edit'>, input: TieInput) {
	return changed(map.map, await insertTie(map.map.id, input, byFacilitator));
}

/** Removes an actor and its ties. False when it is not on this map. */
export async function removeActor(map: MapAccess<'workshop.edit'>, actorId: string): Promise<boolean> {
	const gone = await db
		.delete(networkActor)
		.where(and(eq(networkActor.id, actorId), eq(networkActor.mapId, map.map.id)))
		.returning({ id: networkActor.id });
	return changed(map.map, { ok: gone.length > 0 }).ok;
}

export async function removeTie(map: MapAccess<'workshop.edit'>, tieId: string): Promise<boolean> {
	const gone = await db
		.delete(networkTie)
		.where(and(eq(networkTie.id, tieId), eq(networkTie.mapId, map.map.id)))
		.returning({ id: networkTie.id });
	return changed(map.map, { ok: gone.length > 0 }).ok;
}

/** Phones: a few additions a minute each; the whole room still fits in a session. */
const phoneLimiter = sharedLimiter('network-participant', { max: 20, windowMs: 60_000 });

async function phoneMay(phone: PhoneMapAccess): Promise<Outcome> {
	if (!phone.map.workshopId) return { ok: false, error: 'error_not_found' };
	const [w] = await db.select({ status: workshop.status }).from(workshop).where(eq(workshop.id, phone.map.workshopId));
	if (w?.status !== 'open') return { ok: false, error: 'error_workshop_closed' };
	if ((await phoneLimiter.retryAfter(phone.participantId)) > 0) return { ok: false, error: 'error_slow_down' };
	await phoneLimiter.hit(phone.participantId);
	return { ok: true };
}

/** A participant names an actor: personal details (phone numbers, e-mail) are masked first. */
export async function addActorFromPhone(phone: PhoneMapAccess, input: ActorInput) {
	const may = await phoneMay(phone);
	if (!may.ok) return may;
	const name = maskPersonalDetails(input.name).text;
	const by: Writer = { origin: 'phone', participantId: phone.participantId };
	return changed(phone.map, await insertActor(phone.map.id, { ...input, name }, by));
}

export async function addTieFromPhone(phone: PhoneMapAccess, input: TieInput) {
	const may = await phoneMay(phone);
	if (!may.ok) return may;
	return changed(
		phone.map,
		await insertTie(phone.map.id, input, { origin: 'phone', participantId: phone.participantId })
	);
}

async function readMap(mapId: string) {
	const actors = await db
		.select()
		.from(networkActor)
		.where(eq(networkActor.mapId, mapId))
		.orderBy(asc(networkActor.key), asc(networkActor.id));
	const ties = await db
		.select()
		.from(networkTie)
		.where(eq(networkTie.mapId, mapId))
		.orderBy(asc(networkTie.createdAt), asc(networkTie.id));
	return { actors, ties };
}

/** The actors and ties a phone can pick from (names and kinds only). */
export async function phoneView(phone: PhoneMapAccess) {
	const { actors, ties } = await readMap(phone.map.id);
	return {
		actors: actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind })),
		ties: ties.length,
		mine: actors.filter((a) => a.participantId === phone.participantId).length
	};
}

/** The map before this one: the latest of the organisation's maps taken earlier. */
async function previousMap(map: NetworkMap) {
	const [found] = await db
		.select()
		.from(networkMap)
		.where(
			and(
				eq(networkMap.organisationId, map.organisationId),
				or(
					lt(networkMap.takenOn, map.takenOn),
					and(eq(networkMap.takenOn, map.takenOn), lt(networkMap.createdAt, map.createdAt))
				)
			)
		)
		.orderBy(desc(networkMap.takenOn), desc(networkMap.createdAt))
		.limit(1);
	return found ?? null;
}

function snapshotOf(data: Awaited<ReturnType<typeof readMap>>) {
	const keyOf = new Map(data.actors.map((a) => [a.id, a.key]));
	return {
		actors: data.actors.map((a) => ({ key: a.key, name: a.name })),
		ties: data.ties.map((t) => ({ source: keyOf.get(t.sourceId)!, target: keyOf.get(t.targetId)!, kind: t.kind }))
	};
}

/** Everything a map page shows: actors with their metrics and place, ties, findings, change. */
/** Any checked access to the map will do: every role may view (`org.view`). */
export async function mapView(map: MapAccess) {
	const data = await readMap(map.map.id);
	const edges = data.ties.map((t) => ({ source: t.sourceId, target: t.targetId, weight: t.strength }));
	const result = analyse(
		data.actors.map((a) => a.id),
		edges
	);
	const metrics = new Map(result.nodes.map((n) => [n.id, n]));
	const places = layout(result.nodes, edges);
	const nameOf = new Map(data.actors.map((a) => [a.id, a.name]));
	const names = (ids: string[]) => ids.map((id) => nameOf.get(id) ?? id);
	/** Lists without an order of their own read alphabetically. */
	const sortedNames = (ids: string[]) => names(ids).sort((a, b) => a.localeCompare(b));
	const bridges = bridging(result.nodes);
	const previous = await previousMap(map.map);
	let change: Change | null = null;
	if (previous) change = changeBetween(snapshotOf(await readMap(previous.id)), snapshotOf(data));
	return {
		map: map.map,
		actors: data.actors.map((a) => {
			const n = metrics.get(a.id)!;
			return {
				id: a.id,
				name: a.name,
				kind: a.kind,
				origin: a.origin,
				betweenness: n.betweenness,
				community: n.community,
				degree: n.degree,
				bridge: bridges.includes(a.id),
				...places[a.id]
			};
		}),
		ties: data.ties.map((t) => ({
			id: t.id,
			sourceId: t.sourceId,
			targetId: t.targetId,
			kind: t.kind,
			strength: t.strength,
			origin: t.origin
		})),
		findings: {
			communities: result.communities.length,
			bridging: names(bridges),
			closedClusters: result.closedClusters.map((c) => sortedNames(result.communities[c])),
			isolated: sortedNames(result.isolated),
			noGovernment: sortedNames(withoutTieTo(data.actors, edges, 'government')),
			noPrivate: sortedNames(withoutTieTo(data.actors, edges, 'private'))
		},
		previous: previous ? { id: previous.id, title: previous.title, takenOn: previous.takenOn } : null,
		change
	};
}

export type MapView = Awaited<ReturnType<typeof mapView>>;

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
