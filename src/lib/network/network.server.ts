/**
 * Use cases for network maps: an organisation's dated maps of actors and ties, a workshop's
 * mapping session (participants add from their phones) and the analysis a map page shows.
 * Suggestions from what the app already knows are in suggestions.server.ts.
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
import { workshop } from '$lib/workshops/workshops.schema';
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
export function changed<T extends { ok: boolean }>(map: NetworkMap, outcome: T): T {
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

/** A map's actors and ties, in a stable order. */
export async function readMap(mapId: string) {
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
