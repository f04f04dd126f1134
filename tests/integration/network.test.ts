/**
 * Network maps: suggestions from what the app knows (partners, plan items, task owners,
 * co-financing, workshop groups), phone contributions landing in the workshop's session map,
 * and the refusals through the routes' own loads and actions.
 */
import { describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import {
	actions as mapActions,
	load as mapLoad
} from '../../src/routes/(app)/orgs/[orgId]/network/[mapId]/+page.server';
import { actions as listActions } from '../../src/routes/(app)/orgs/[orgId]/network/+page.server';
import { actions as sessionActions } from '../../src/routes/(app)/w/[workshopId]/network/+page.server';
import { actions as phoneActions, load as phoneLoad } from '../../src/routes/p/n/[mapId]/+page.server';
import { orgAccessFor } from '$lib/orgs/access.server';
import { workshopAccessFor } from '$lib/workshops/access.server';
import { addActor, addTie, createMap, mapAccess, mapView } from '$lib/network/network.server';
import { acceptSuggestions, suggest } from '$lib/network/suggestions.server';
import { addFunding, createItem, createPartner, createTask, setItemPartners } from '$lib/plans/delivery.server';
import { setStatus } from '$lib/workshops/workshops.server';
import { MAX_NAME } from '$lib/network/rules';
import { asOrgOwner, asOwner } from './factories';
import { itemAs } from './access';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, aParticipant, aWorkshop } from './factories';

useTestDatabase();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const statusOf = (run: () => unknown) =>
	Promise.resolve()
		.then(run)
		.then(
			(r) => (r as { status?: number })?.status ?? 200,
			(e) => (isHttpError(e) ? e.status : isRedirect(e) ? e.status : 500)
		);
const post = (fields: Record<string, string | string[]>) => {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
	return new Request('http://rembuk.test/', { method: 'POST', body });
};

async function anOrgMap(title = 'Peta 2026') {
	const org = await anOrganisationWithOwner('Shelter Jaringan');
	const access = await orgAccessFor(org.owner.id, org.organisationId, 'workshop.edit');
	const created = await createMap(access, { title, takenOn: '2026-03-01' });
	if (!created.ok || !created.id) throw new Error('setup');
	return { ...org, access, map: await mapAccess(access, created.id) };
}

describe('suggestions from the app', () => {
	it('proposes partners, plan-item and task ties, co-financing and workshop groups; accepting adds them once', async () => {
		const { owner, organisationId, access, map } = await anOrgMap();
		const w = await aWorkshop(organisationId);
		await aParticipant(w, 'Sari', ['woman']);
		await aParticipant(w, 'Budi', ['youth', 'woman']);
		const dinsos = await createPartner(await asOrgOwner(organisationId, 'workshop.edit'), {
			name: 'Dinas Sosial',
			kind: 'government',
			contactName: '',
			contact: ''
		});
		const pt = await createPartner(await asOrgOwner(organisationId, 'workshop.edit'), {
			name: 'PT Maju',
			kind: 'private',
			contactName: '',
			contact: ''
		});
		const idle = await createPartner(await asOrgOwner(organisationId, 'workshop.edit'), {
			name: 'Kampus',
			kind: 'academia',
			contactName: '',
			contact: ''
		});
		const item = await createItem(await asOwner(w.id, 'workshop.edit'), {
			title: 'Taman bermain',
			description: '',
			function: 'pencegahan',
			location: '',
			targetGroups: [],
			cost: 1000n,
			priorityRank: null,
			participationLevel: null
		});
		expect((await setItemPartners(await itemAs(item), [dinsos])).ok).toBe(true);
		expect(
			(await createTask(await itemAs(item), { title: 'Survei', owner: { kind: 'partner', id: pt }, dueDate: null })).ok
		).toBe(true);
		expect(
			(await createTask(await itemAs(item), { title: 'Rapat', owner: { kind: 'user', id: owner.id }, dueDate: null }))
				.ok
		).toBe(true);
		await addFunding(await itemAs(item), { source: 'csr', amount: 500n, inKind: '' });

		const offer = await suggest(map);
		const actors = Object.fromEntries(offer.actors.map((a) => [a.name, a.kind]));
		expect(actors).toMatchObject({
			'Shelter Jaringan': 'organisation',
			'Dinas Sosial': 'government',
			'PT Maju': 'private',
			Kampus: 'organisation',
			Owner: 'person',
			'CSR perusahaan': 'private'
		});
		const ties = offer.ties.map((t) => `${t.sourceName}|${t.kind}|${t.targetName}|${t.strength}`).sort();
		expect(ties).toContain('Shelter Jaringan|works-with|Dinas Sosial|2');
		expect(ties).toContain('Shelter Jaringan|works-with|PT Maju|3');
		expect(ties).toContain('Owner|works-with|Shelter Jaringan|3');
		expect(ties).toContain('CSR perusahaan|funds|Shelter Jaringan|2');
		// Two participants said "woman", one "youth": both groups took part in one workshop.
		const groups = offer.ties.filter((t) => t.why === 'net_why_group');
		expect(groups).toHaveLength(2);
		expect(groups.every((t) => t.strength === 1 && t.targetName === 'Shelter Jaringan')).toBe(true);
		// A partner without plan items or tasks is suggested as an actor, with no tie.
		expect(offer.ties.some((t) => t.sourceName === 'Kampus' || t.targetName === 'Kampus')).toBe(false);
		expect(idle).toBeTruthy();

		// Accept one tie only: its two actors come along; nothing else.
		const picked = offer.ties.find((t) => t.targetName === 'Dinas Sosial')!;
		const result = await acceptSuggestions(map, [picked.key, 'made-up-key']);
		expect(result).toEqual({ ok: true, actors: 2, ties: 1 });
		const view = await mapView(await mapAccess(access, map.map.id));
		expect(view.actors.map((a) => [a.name, a.origin]).sort()).toEqual([
			['Dinas Sosial', 'suggested'],
			['Shelter Jaringan', 'suggested']
		]);
		// What is on the map is no longer suggested; accepting everything left adds the rest once.
		const rest = await suggest(map);
		expect(rest.actors.map((a) => a.name)).not.toContain('Dinas Sosial');
		expect(rest.ties.map((t) => t.key)).not.toContain(picked.key);
		const all = await acceptSuggestions(map, [...rest.actors.map((a) => a.key), ...rest.ties.map((t) => t.key)]);
		expect(all.ok).toBe(true);
		expect(await suggest(map)).toEqual({ actors: [], ties: [] });
		const full = await mapView(await mapAccess(access, map.map.id));
		expect(full.findings.bridging).toEqual(['Shelter Jaringan']);
	});
});

describe('a mapping session with phones', () => {
	it('phone contributions land in the session map; the facilitator sees the bridge', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner('Shelter Sesi');
		const w = await aWorkshop(organisationId);
		expect(
			await statusOf(() => sessionActions.start({ locals: { user: owner }, params: { workshopId: w.id } } as Any))
		).toBe(303);
		const wa = await workshopAccessFor(owner.id, w.id, 'workshop.view');
		const org = await orgAccessFor(owner.id, organisationId, 'workshop.edit');
		const { findWorkshopMap } = await import('$lib/network/network.server');
		const session = (await findWorkshopMap(wa))!;
		expect(session.workshopId).toBe(w.id);

		const sari = await aParticipant(w, 'Sari');
		const budi = await aParticipant(w, 'Budi');
		const phone = (who: unknown, action: 'actor' | 'tie', fields: Record<string, string>) =>
			phoneActions[action]({
				locals: { participant: who },
				params: { mapId: session.id },
				request: post(fields)
			} as Any);
		const name = async (who: unknown, n: string, kind: string) => {
			const r = (await phone(who, 'actor', { name: n, kind })) as { status?: number; done?: string };
			expect(r.done, n).toBe('actor');
		};
		await name(sari, 'RT 03', 'community');
		await name(sari, 'Puskesmas', 'government');
		await name(budi, 'Kader PKK', 'community');
		// A phone number in a name is masked before it is stored.
		await name(budi, 'Pak Lurah 0812-3456-7890', 'government');
		// The same actor twice (other spelling) is refused.
		expect(await statusOf(() => phone(budi, 'actor', { name: '  rt   03 ', kind: 'community' }))).toBe(400);

		const ids = Object.fromEntries(
			((await phoneLoad({ locals: { participant: sari }, params: { mapId: session.id } } as Any)) as Any).actors.map(
				(a: { name: string; id: string }) => [a.name, a.id]
			)
		);
		expect(Object.keys(ids)).toHaveLength(4);
		expect(Object.keys(ids).find((n) => n.startsWith('Pak Lurah'))).not.toMatch(/0812/);
		const tie = (who: unknown, a: string, b: string) =>
			phone(who, 'tie', { sourceId: ids[a], targetId: ids[b], kind: 'works-with', strength: '2' });
		expect(((await tie(sari, 'RT 03', 'Puskesmas')) as Any).done).toBe('tie');
		expect(((await tie(budi, 'Kader PKK', 'RT 03')) as Any).done).toBe('tie');
		// Same actor on both ends, or an unknown actor: refused.
		expect(await statusOf(() => tie(budi, 'RT 03', 'RT 03'))).toBe(400);
		expect(
			await statusOf(() =>
				phone(budi, 'tie', { sourceId: ids['RT 03'], targetId: 'nope', kind: 'works-with', strength: '2' })
			)
		).toBe(404);

		const view = await mapView(await mapAccess(org, session.id));
		expect(view.actors.filter((a) => a.origin === 'phone')).toHaveLength(4);
		expect(view.ties).toHaveLength(2);
		// Path Kader PKK - RT 03 - Puskesmas: RT 03 bridges; Kader PKK has no tie to government.
		expect(view.findings.bridging).toEqual(['RT 03']);
		expect(view.findings.noGovernment).toEqual(['Kader PKK']);
		// n = 4 (Pak Lurah has no tie): RT 03 is on 1 of the (4-1)(4-2)/2 = 3 pairs of others.
		expect(view.actors.find((a) => a.name === 'RT 03')).toMatchObject({ bridge: true, betweenness: 0.333333 });

		// A closed workshop takes no more additions.
		await setStatus(await asOwner(w.id), 'closed');
		expect(await statusOf(() => phone(sari, 'actor', { name: 'Sekolah', kind: 'organisation' }))).toBe(400);
	});
});

describe('refusals', () => {
	it('another organisation gets 404; an observer may look but not edit (403); oversized input 400', async () => {
		const { owner, organisationId, map } = await anOrgMap();
		const mapId = map.map.id;
		const observer = await aMember(organisationId, owner.id, 'observer');
		const other = await anOrganisationWithOwner('Lain');
		const act = (user: unknown, orgId: string, action: keyof typeof mapActions, fields: Record<string, string>) =>
			statusOf(() => mapActions[action]({ locals: { user }, params: { orgId, mapId }, request: post(fields) } as Any));
		const look = (user: unknown, orgId: string) =>
			statusOf(() =>
				mapLoad({ locals: { user }, params: { orgId, mapId }, url: new URL('http://rembuk.test/') } as Any)
			);

		expect(await look(other.owner, other.organisationId)).toBe(404);
		expect(await look(other.owner, organisationId)).toBe(404);
		expect(await look(observer, organisationId)).toBe(200);
		expect(await look(null, organisationId)).toBe(401);
		expect(await act(observer, organisationId, 'addActor', { name: 'Dinsos', kind: 'government' })).toBe(403);
		expect(await act(other.owner, other.organisationId, 'addActor', { name: 'Dinsos', kind: 'government' })).toBe(404);
		expect(await act(owner, organisationId, 'addActor', { name: 'x'.repeat(MAX_NAME + 1), kind: 'government' })).toBe(
			400
		);
		expect(await act(owner, organisationId, 'addActor', { name: 'Dinsos', kind: 'alien' })).toBe(400);
		expect(
			await statusOf(() =>
				listActions.create({
					locals: { user: observer },
					params: { orgId: organisationId },
					request: post({ title: 'Peta', takenOn: '2026-01-01' })
				} as Any)
			)
		).toBe(403);
		expect((await mapView(map)).actors).toEqual([]);

		expect(await act(owner, organisationId, 'addActor', { name: 'Dinsos', kind: 'government' })).toBe(200);
		const [dinsos] = (await mapView(map)).actors;
		expect(await act(observer, organisationId, 'removeActor', { actorId: dinsos.id })).toBe(403);
		expect(await act(other.owner, other.organisationId, 'removeActor', { actorId: dinsos.id })).toBe(404);
		expect((await mapView(map)).actors).toHaveLength(1);
		expect(await act(owner, organisationId, 'removeActor', { actorId: dinsos.id })).toBe(200);
		expect((await mapView(map)).actors).toHaveLength(0);
	});

	it('a participant of another workshop cannot see or add to the session', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner('Shelter A');
		const w = await aWorkshop(organisationId);
		const elsewhere = await aWorkshop(organisationId);
		const access = await workshopAccessFor(owner.id, w.id, 'workshop.run');
		const { startWorkshopMap } = await import('$lib/network/network.server');
		const mapId = await startWorkshopMap(access);
		expect(await startWorkshopMap(access)).toBe(mapId);
		const stranger = await aParticipant(elsewhere, 'Tamu');
		expect(await statusOf(() => phoneLoad({ locals: { participant: stranger }, params: { mapId } } as Any))).toBe(404);
		expect(
			await statusOf(() =>
				phoneActions.actor({
					locals: { participant: stranger },
					params: { mapId },
					request: post({ name: 'Dinsos', kind: 'government' })
				} as Any)
			)
		).toBe(404);
		expect(
			await statusOf(() =>
				phoneActions.actor({
					locals: {},
					params: { mapId },
					request: post({ name: 'Dinsos', kind: 'government' })
				} as Any)
			)
		).toBe(401);
		// An organisation map (no workshop) takes nothing from phones.
		const org = await orgAccessFor(owner.id, organisationId, 'workshop.edit');
		const plain = await createMap(org, { title: 'Tanpa sesi', takenOn: '2026-01-01' });
		const mine = await aParticipant(w, 'Sari');
		expect(await statusOf(() => phoneLoad({ locals: { participant: mine }, params: { mapId: plain.id } } as Any))).toBe(
			404
		);
	});

	it('bounds: a flood of phone additions is slowed down; the map change since the last map is reported', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner('Shelter B');
		const w = await aWorkshop(organisationId);
		const mapId = await (
			await import('$lib/network/network.server')
		).startWorkshopMap(await workshopAccessFor(owner.id, w.id, 'workshop.run'));
		const p = await aParticipant(w, 'Cepat');
		const codes: number[] = [];
		for (let i = 0; i < 22; i++)
			codes.push(
				await statusOf(() =>
					phoneActions.actor({
						locals: { participant: p },
						params: { mapId },
						request: post({ name: `Aktor ${i}`, kind: 'community' })
					} as Any)
				)
			);
		expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
		expect(codes.slice(20)).toEqual([429, 429]);

		// Two dated maps: the later one reports what changed.
		const org = await orgAccessFor(owner.id, organisationId, 'workshop.edit');
		const first = await mapAccess(org, (await createMap(org, { title: 'Januari', takenOn: '2026-01-10' })).id!);
		const second = await mapAccess(org, (await createMap(org, { title: 'Juni', takenOn: '2026-06-10' })).id!);
		const a1 = await addActor(first, { name: 'RT 01', kind: 'community' });
		const b1 = await addActor(first, { name: 'Dinsos', kind: 'government' });
		await addTie(first, { sourceId: a1.id!, targetId: b1.id!, kind: 'works-with', strength: 2 });
		const a2 = await addActor(second, { name: 'rt 01', kind: 'community' });
		const c2 = await addActor(second, { name: 'Puskesmas', kind: 'government' });
		await addTie(second, { sourceId: c2.id!, targetId: a2.id!, kind: 'refers', strength: 1 });
		expect(await addTie(second, { sourceId: c2.id!, targetId: a2.id!, kind: 'refers', strength: 3 })).toEqual({
			ok: false,
			error: 'net_error_duplicate_tie'
		});
		const view = await mapView(second);
		expect(view.previous?.title).toBe('Januari');
		expect(view.change).toEqual({
			actorsAdded: ['Puskesmas'],
			actorsRemoved: ['Dinsos'],
			tiesAdded: [{ source: 'Puskesmas', target: 'rt 01', kind: 'refers' }],
			// Ties are named as the newer map names their actors.
			tiesRemoved: [{ source: 'rt 01', target: 'Dinsos', kind: 'works-with' }]
		});
		expect((await mapView(first)).change).toBeNull();
	});
});
