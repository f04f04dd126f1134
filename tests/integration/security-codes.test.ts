/**
 * Join-code guessing: every route that takes a code counts misses per address, and
 * /f/CODE answers only for workshops whose follow-up is public (closed, or plan final).
 * The routes' own load functions are called, as SvelteKit would.
 */
import { describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { load as joinLinkLoad } from '../../src/routes/j/[code]/+page.server';
import { load as followUpLoad } from '../../src/routes/f/[code]/+page.server';
import { actions as joinActions } from '../../src/routes/join/+page.server';
import { setStatus } from '$lib/workshops/workshops.server';
import { finalisePlan } from '$lib/plans/delivery.server';
import { useTestDatabase } from './db';
import { aWorkshop, anOrganisationWithOwner, asOwner } from './factories';
import { workshopAsOwner } from './access';

useTestDatabase();

let ipCounter = 0;
const freshIp = () => `203.0.113.${ipCounter++}`;

type Loader = (event: never) => unknown;
/** The HTTP status a load answers with (200 when it returns data). */
async function statusOf(load: Loader, code: string, ip: string): Promise<number> {
	const event = {
		params: { code },
		url: new URL(`http://app.test/x/${code}`),
		locals: { participant: null },
		getClientAddress: () => ip
	};
	try {
		await load(event as never);
		return 200;
	} catch (e) {
		if (isHttpError(e)) return e.status;
		if (isRedirect(e)) return e.status;
		throw e;
	}
}

async function joinPost(code: string, ip: string): Promise<number> {
	const body = new FormData();
	body.set('code', code);
	const request = new Request('http://app.test/join', { method: 'POST', body });
	try {
		const result = (await joinActions.default!({ request, getClientAddress: () => ip } as never)) as {
			status?: number;
		};
		return result?.status ?? 200;
	} catch (e) {
		if (isRedirect(e)) return e.status;
		throw e;
	}
}

describe('join codes are guarded on every route (item 7)', () => {
	it('/j/CODE counts misses: after 30 wrong codes even a right one is refused from that address', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		const ip = freshIp();
		expect(await statusOf(joinLinkLoad as Loader, w.joinCode, ip)).toBe(200);
		for (let i = 0; i < 30; i++) expect(await statusOf(joinLinkLoad as Loader, 'ZZZZZZ', ip)).toBe(404);
		expect(await statusOf(joinLinkLoad as Loader, w.joinCode, ip)).toBe(429);
		// Another address is not affected.
		expect(await statusOf(joinLinkLoad as Loader, w.joinCode, freshIp())).toBe(200);
	});

	it('/f/CODE counts misses too, and so does /join; they share one limit', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshop(organisationId);
		await setStatus(await asOwner(w.id), 'closed');
		const ip = freshIp();
		expect(await statusOf(followUpLoad as Loader, w.joinCode, ip)).toBe(200);
		for (let i = 0; i < 15; i++) expect(await statusOf(followUpLoad as Loader, 'QQQQQQ', ip)).toBe(404);
		for (let i = 0; i < 15; i++) expect(await joinPost('QQQQQQ', ip)).toBe(404);
		expect(await statusOf(followUpLoad as Loader, w.joinCode, ip)).toBe(429);
		expect(await joinPost(w.joinCode, ip)).toBe(429);
	});

	it('/f/CODE answers only when the follow-up is public: closed, or plan final', async () => {
		const { organisationId } = await anOrganisationWithOwner();
		const draft = await aWorkshop(organisationId, { open: false });
		const open = await aWorkshop(organisationId);
		const ip = freshIp();
		expect(await statusOf(followUpLoad as Loader, draft.joinCode, ip)).toBe(404);
		expect(await statusOf(followUpLoad as Loader, open.joinCode, ip)).toBe(404);
		// A final plan makes it public while the workshop is still open…
		await finalisePlan(await workshopAsOwner(open.id));
		expect(await statusOf(followUpLoad as Loader, open.joinCode, ip)).toBe(200);
		// …and closing the forum does too; its join link then leads there.
		await setStatus(await asOwner(draft.id), 'closed');
		expect(await statusOf(followUpLoad as Loader, draft.joinCode, ip)).toBe(200);
		expect(await statusOf(joinLinkLoad as Loader, draft.joinCode, ip)).toBe(303);
	});
});
