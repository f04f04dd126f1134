/**
 * Who may fetch which document, through the routes themselves: members read the minutes
 * and the attendance sheet; only those who run a workshop print ballots; only those who
 * edit it change the minutes details; another organisation gets 404; open data needs a
 * real join code.
 */
import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { GET as exportGet } from '../../src/routes/(app)/w/[workshopId]/exports/[file]/+server';
import { GET as ballotsGet } from '../../src/routes/(app)/w/[workshopId]/rounds/[roundId]/ballots.pdf/+server';
import { GET as openDataGet } from '../../src/routes/f/[code]/open-data.zip/+server';
import {
	actions as recordActions,
	load as recordLoad
} from '../../src/routes/(app)/w/[workshopId]/record/+page.server';
import { listRounds } from '$lib/voting/rounds.server';
import { setStatus } from '$lib/workshops/workshops.server';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, asOwner } from './factories';
import { aSignedForum } from './signed-forum';

useTestDatabase();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
/** The status a request ends in: a handler's answer, or the HTTP error it throws. */
const statusOf = (run: () => unknown) =>
	Promise.resolve()
		.then(run)
		.then(
			(r) => (r instanceof Response ? r.status : 200),
			(e) => (isHttpError(e) ? e.status : 500)
		);
const url = new URL('http://rembuk.test/');

describe('document routes refuse who may not have them', () => {
	it('members and observers read minutes and attendance; outsiders get 404, strangers 401', async () => {
		const { owner, organisationId, w } = await aSignedForum();
		const observer = await aMember(organisationId, owner.id, 'observer');
		const outsider = (await anOrganisationWithOwner('Lain')).owner;
		const get = (user: unknown, file: string) =>
			statusOf(() => exportGet({ locals: { user }, params: { workshopId: w.id, file }, url } as Any));
		expect(await get(observer, 'daftar-hadir.pdf')).toBe(200);
		expect(await get(observer, 'berita-acara.pdf')).toBe(200);
		expect(await get(outsider, 'daftar-hadir.pdf')).toBe(404);
		expect(await get(null, 'berita-acara.pdf')).toBe(401);
		expect(await get(owner, 'passwords.csv')).toBe(404);
	});

	it('only those who run the workshop print ballots; only editors see or change the minutes details', async () => {
		const { owner, organisationId, w } = await aSignedForum();
		const [round] = await listRounds(w.id);
		const member = await aMember(organisationId, owner.id, 'member');
		const outsider = (await anOrganisationWithOwner('Lain')).owner;
		const ballots = (user: unknown, rid = round.id) =>
			statusOf(() =>
				ballotsGet({
					locals: { user },
					params: { workshopId: w.id, roundId: rid },
					url: new URL('http://rembuk.test/?count=999')
				} as Any)
			);
		expect(await ballots(owner)).toBe(200);
		expect(await ballots(member)).toBe(403);
		expect(await ballots(outsider)).toBe(404);
		expect(await ballots(owner, 'not-a-round')).toBe(404);

		const form = new FormData();
		form.set('leaderName', 'Penyusup');
		const post = (user: unknown) =>
			statusOf(() =>
				recordActions.default({
					locals: { user },
					params: { workshopId: w.id },
					request: new Request('http://rembuk.test/', { method: 'POST', body: form })
				} as Any)
			);
		expect(await post(member)).toBe(403);
		expect(await post(outsider)).toBe(404);
		expect(await statusOf(() => recordLoad({ locals: { user: member }, params: { workshopId: w.id } } as Any))).toBe(
			403
		);
		expect(await post(owner)).toBe(200);
	});

	it('open data answers only for a real join code whose follow-up is public', async () => {
		const { w } = await aSignedForum();
		const get = (code: string) =>
			statusOf(() => openDataGet({ params: { code }, getClientAddress: () => '203.0.113.9' } as Any));
		expect(await get(w.joinCode)).toBe(404); // still open, plan not final: not public yet
		await setStatus(await asOwner(w.id), 'closed');
		expect(await get(w.joinCode)).toBe(200);
		expect(await get('ZZZZZZ')).toBe(404);
		expect(await get('../etc')).toBe(404);
	});
});
