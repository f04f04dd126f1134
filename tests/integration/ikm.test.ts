/**
 * IKM satisfaction surveys end to end on a real database: the routes' own loads and
 * actions are called as SvelteKit would, phone answers through /s/[code], paper ones
 * through the facilitator's page, and the export recounted by the CLI.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { orgAccessFor } from '$lib/orgs/access.server';
import { surveyAccess } from '$lib/satisfaction/access.server';
import {
	createSurvey,
	exportResponsesCsv,
	ikmSummaries,
	setSurveyStatus,
	submitResponse,
	surveyResult
} from '$lib/satisfaction/satisfaction.server';
import { db } from '$lib/server/db';
import { ikmResponse } from '$lib/satisfaction/satisfaction.schema';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, aParticipant, aWorkshop } from './factories';

useTestDatabase();

const phone = await import('../../src/routes/s/[code]/+page.server');
const surveyPage = await import('../../src/routes/(app)/orgs/[orgId]/ikm/[surveyId]/+page.server');
const listPage = await import('../../src/routes/(app)/orgs/[orgId]/ikm/+page.server');
const csvRoute = await import('../../src/routes/(app)/orgs/[orgId]/ikm/[surveyId]/responses.csv/+server');

let ipCounter = 1;

/** A phone's cookie jar: the respondent cookie it is given stays with it. */
function aPhone(participant: App.Locals['participant'] = null) {
	const jar = new Map<string, string>();
	const ip = `198.51.100.${ipCounter++ % 250}`;
	const cookies = {
		get: (name: string) => jar.get(name),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name)
	};
	const event = (code: string, body?: FormData) =>
		({
			params: { code },
			locals: { user: null, participant },
			cookies,
			url: new URL(`http://127.0.0.1/s/${code}`),
			request: new Request(`http://127.0.0.1/s/${code}`, { method: body ? 'POST' : 'GET', body }),
			getClientAddress: () => ip
		}) as never;
	return {
		jar,
		load: (code: string) => phone.load(event(code)) as Promise<Record<string, unknown>>,
		/** Sends answers (u1..u9, '' = not answered) and groups; the redirect to thanks, or the failure. */
		async answer(code: string, answers: (number | null)[], extra: { groups?: string[]; comment?: string } = {}) {
			const body = new FormData();
			answers.forEach((a, i) => body.set(`u${i + 1}`, a === null ? '' : String(a)));
			for (const g of extra.groups ?? []) body.append('groups', g);
			if (extra.comment) body.set('comment', extra.comment);
			try {
				return await phone.actions.default!(event(code, body));
			} catch (e) {
				if (isRedirect(e)) return { redirected: e.location };
				throw e;
			}
		}
	};
}

const asMember = (user: { id: string }, params: Record<string, string>, body?: FormData, url = 'http://127.0.0.1/') =>
	({
		locals: { user },
		params,
		url: new URL(url),
		request: new Request(url, { method: body ? 'POST' : 'GET', body })
	}) as never;

async function statusOf(run: () => unknown): Promise<number | 'ok'> {
	try {
		await run();
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

async function aSurvey(overrides: { askGroups?: boolean; workshopId?: string | null } = {}) {
	const org = await anOrganisationWithOwner('Shelter IKM');
	const access = await orgAccessFor(org.owner.id, org.organisationId, 'workshop.run');
	const created = await createSurvey(access, {
		title: 'Pendampingan korban',
		function: 'penanganan',
		planItemId: null,
		workshopId: overrides.workshopId ?? null,
		askGroups: overrides.askGroups ?? false,
		groups: []
	});
	if (!created.ok) throw new Error(created.error);
	const survey = await surveyAccess(access, created.id);
	// Reading results takes a viewing access (the brand is per permission).
	const view = await surveyAccess(await orgAccessFor(org.owner.id, org.organisationId, 'org.view'), created.id);
	return {
		...org,
		access,
		survey,
		view,
		code: survey.survey.code,
		params: { orgId: org.organisationId, surveyId: created.id }
	};
}

function paperForm(answers: (number | null)[]) {
	const body = new FormData();
	answers.forEach((a, i) => body.set(`u${i + 1}`, a === null ? '' : String(a)));
	return body;
}

describe('IKM surveys', () => {
	it('phone and paper responses give the index, the category and the weakest element', async () => {
		const s = await aSurvey();
		expect(await setSurveyStatus(s.survey, 'open')).toEqual({ ok: true });
		// The hand example of docs/ikm.md: two answers by phone, one on paper.
		expect(await aPhone().answer(s.code, [4, 4, 4, 4, 4, 4, 4, 4, 4])).toEqual({ redirected: `/s/${s.code}/thanks` });
		expect(await aPhone().answer(s.code, [3, 3, 3, 3, 3, 3, 3, 3, 3])).toEqual({ redirected: `/s/${s.code}/thanks` });
		expect(
			await surveyPage.actions.paper!(asMember(s.owner, s.params, paperForm([3, 2, null, 4, 3, 3, 2, 1, 4])))
		).toEqual({ done: 'paper' });
		const data = (await surveyPage.load(
			asMember(s.owner, s.params, undefined, 'http://127.0.0.1/?population=100')
		)) as unknown as {
			result: Awaited<ReturnType<typeof surveyResult>>;
			sample: { population: number; needed: number };
			canManage: boolean;
		};
		expect(data.result.report).toMatchObject({ respondents: 3, skm: '3.2778', ikm: '81.94', category: 'B' });
		expect(data.result.weakest).toEqual({ element: 8, index: '66.67' });
		expect(data.result).toMatchObject({ phone: 2, paper: 1 });
		expect(data.sample).toEqual({ population: 100, needed: 80 });
		expect(data.canManage).toBe(true);
		const rows = await db.select().from(ikmResponse).where(eq(ikmResponse.surveyId, s.survey.survey.id));
		expect(rows.filter((r) => r.channel === 'paper')).toHaveLength(1);
		expect(rows.find((r) => r.channel === 'paper')?.respondent).toBeNull();
		// The summary the dashboard reads.
		expect(await ikmSummaries(s.organisationId)).toEqual([
			expect.objectContaining({
				surveyId: s.survey.survey.id,
				function: 'penanganan',
				respondents: 3,
				ikm: '81.94',
				category: 'B',
				weakest: { element: 8, index: '66.67' },
				closedAt: null
			})
		]);
	});

	it('one response per respondent: sending again replaces it', async () => {
		const s = await aSurvey();
		await setSurveyStatus(s.survey, 'open');
		const sari = aPhone();
		await sari.load(s.code);
		await sari.answer(s.code, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
		expect(((await sari.load(s.code)).previous as Record<string, unknown>).u1).toBe(1);
		await sari.answer(s.code, [4, 4, 4, 4, 4, 4, 4, 4, 4], { comment: 'Petugas ramah' });
		let result = await surveyResult(s.view);
		expect(result.report).toMatchObject({ respondents: 1, ikm: '100.00', category: 'A' });
		expect(result.comments).toEqual(['Petugas ramah']);
		await aPhone().answer(s.code, [2, 2, 2, 2, 2, 2, 2, 2, 2]);
		result = await surveyResult(s.view);
		expect(result.report).toMatchObject({ respondents: 2, ikm: '75.00', category: 'C' });
		// The stored respondent is a hash, never the cookie itself.
		const rows = await db.select().from(ikmResponse).where(eq(ikmResponse.surveyId, s.survey.survey.id));
		const cookie = [...sari.jar.values()][0];
		expect(cookie).toMatch(/^[a-z2-7]{32}$/);
		for (const r of rows) expect(r.respondent).not.toContain(cookie);
	});

	it("a participant of the survey's workshop is one respondent, whichever browser cookie", async () => {
		const org = await anOrganisationWithOwner();
		const workshop = await aWorkshop(org.organisationId);
		const access = await orgAccessFor(org.owner.id, org.organisationId, 'workshop.run');
		const created = await createSurvey(access, {
			title: 'Lokakarya',
			function: null,
			planItemId: null,
			workshopId: workshop.id,
			askGroups: false,
			groups: []
		});
		if (!created.ok) throw new Error(created.error);
		const survey = await surveyAccess(access, created.id);
		await setSurveyStatus(survey, 'open');
		const sari = await aParticipant(workshop, 'Sari');
		await aPhone(sari).answer(survey.survey.code, [2, 2, 2, 2, 2, 2, 2, 2, 2]);
		await aPhone(sari).answer(survey.survey.code, [3, 3, 3, 3, 3, 3, 3, 3, 3]);
		const view = await surveyAccess(await orgAccessFor(org.owner.id, org.organisationId, 'org.view'), created.id);
		expect((await surveyResult(view)).report).toMatchObject({ respondents: 1, ikm: '75.00' });
	});

	it('hides groups too small to show, in the page and in the export', async () => {
		const s = await aSurvey({ askGroups: true });
		await setSurveyStatus(s.survey, 'open');
		// Five women, five others of whom two are elders.
		for (let i = 0; i < 5; i++) await aPhone().answer(s.code, Array(9).fill(4), { groups: ['woman'] });
		for (let i = 0; i < 3; i++) await aPhone().answer(s.code, Array(9).fill(2), { groups: [] });
		for (let i = 0; i < 2; i++) await aPhone().answer(s.code, Array(9).fill(1), { groups: ['elder'] });
		// A group the survey does not offer is dropped.
		await aPhone().answer(s.code, Array(9).fill(3), { groups: ['not-a-group'] });
		const result = await surveyResult(s.view);
		expect(result.groups).toEqual([{ group: 'woman', respondents: 5, ikm: '100.00', category: 'A' }]);
		expect(result.hiddenGroups).toBe(1);
		const csv = await exportResponsesCsv(s.view);
		const [header, ...lines] = csv.trim().split('\n');
		expect(header).toBe('u1,u2,u3,u4,u5,u6,u7,u8,u9,channel,group_woman');
		expect(lines).toHaveLength(11);
		expect(csv).not.toContain('elder');
		expect(csv).not.toContain('not-a-group');
	});

	it('the export recounted by the CLI gives the same IKM as the page', async () => {
		const s = await aSurvey({ askGroups: true });
		await setSurveyStatus(s.survey, 'open');
		const answers = [
			[4, 3, 3, 2, 4, 4, 3, 2, 3],
			[3, 3, null, 4, 4, 3, 3, 1, 2],
			[2, 4, 3, 3, null, 4, 4, 2, 3],
			[4, 4, 4, 4, 4, 4, 4, 3, 4],
			[3, 2, 3, 4, 3, 3, 3, 2, 3],
			[1, 2, 2, 4, 3, 3, 2, 1, 2]
		];
		for (const [i, a] of answers.entries()) await aPhone().answer(s.code, a, { groups: i < 5 ? ['woman'] : [] });
		await surveyPage.actions.paper!(asMember(s.owner, s.params, paperForm([4, 4, 3, 3, 3, 3, 3, 3, 3])));
		const response = await csvRoute.GET(asMember(s.owner, s.params));
		expect(response.headers.get('content-type')).toContain('text/csv');
		const dir = mkdtempSync(join(tmpdir(), 'ikm-'));
		const file = join(dir, 'export.csv');
		writeFileSync(file, await response.text());
		const root = new URL('../../', import.meta.url).pathname;
		const recount = JSON.parse(
			execFileSync(process.execPath, ['src/lib/satisfaction/ikm-cli.ts', file], { cwd: root, encoding: 'utf8' })
		);
		const page = (await surveyPage.load(asMember(s.owner, s.params))) as unknown as {
			result: Awaited<ReturnType<typeof surveyResult>>;
		};
		expect(recount).toEqual(page.result.report);
		expect(recount.respondents).toBe(7);
		expect(recount.ikm).toMatch(/^\d+\.\d\d$/);
	});
});

describe('IKM refusals', () => {
	it("another organisation's survey is 404; observers view but do not manage (403)", async () => {
		const s = await aSurvey();
		const other = await anOrganisationWithOwner('Other');
		expect(await statusOf(() => surveyPage.load(asMember(other.owner, s.params)))).toBe(404);
		expect(await statusOf(() => csvRoute.GET(asMember(other.owner, s.params)))).toBe(404);
		const status = new FormData();
		status.set('status', 'open');
		expect(await statusOf(() => surveyPage.actions.status!(asMember(other.owner, s.params, status)))).toBe(404);
		// A survey id of another organisation under one's own organisation: 404 too.
		const own = await aSurvey();
		expect(
			await statusOf(
				() =>
					surveyPage.load(
						asMember(own.owner, { orgId: own.organisationId, surveyId: s.params.surveyId })
					) as Promise<unknown>
			)
		).toBe(404);
		const observer = await aMember(s.organisationId, s.owner.id, 'observer');
		const seen = (await surveyPage.load(asMember(observer, s.params))) as unknown as { canManage: boolean };
		expect(seen.canManage).toBe(false);
		expect(await statusOf(() => csvRoute.GET(asMember(observer, s.params)))).toBe('ok');
		expect(await statusOf(() => surveyPage.actions.status!(asMember(observer, s.params, status)))).toBe(403);
		expect(
			await statusOf(() => surveyPage.actions.paper!(asMember(observer, s.params, paperForm(Array(9).fill(4)))))
		).toBe(403);
		const create = new FormData();
		create.set('title', 'Survei lain');
		expect(
			await statusOf(() => listPage.actions.create!(asMember(observer, { orgId: s.organisationId }, create)))
		).toBe(403);
		expect(
			await statusOf(() =>
				surveyPage.load({ ...(asMember(s.owner, s.params) as object), locals: { user: null } } as never)
			)
		).toBe(401);
	});

	it('a draft or closed survey refuses responses, by phone and on paper', async () => {
		const s = await aSurvey();
		const draft = await aPhone().answer(s.code, Array(9).fill(4));
		expect(draft).toMatchObject({ status: 409, data: { errors: { form: 'ikm_error_closed' } } });
		await setSurveyStatus(s.survey, 'open');
		expect(await aPhone().answer(s.code, Array(9).fill(4))).toEqual({ redirected: `/s/${s.code}/thanks` });
		expect(await setSurveyStatus(s.survey, 'closed')).toEqual({ ok: true });
		expect(await setSurveyStatus(s.survey, 'closed')).toEqual({ ok: false, error: 'ikm_error_status' });
		expect(await aPhone().answer(s.code, Array(9).fill(1))).toMatchObject({
			status: 409,
			data: { errors: { form: 'ikm_error_closed' } }
		});
		expect(await surveyPage.actions.paper!(asMember(s.owner, s.params, paperForm(Array(9).fill(1))))).toMatchObject({
			status: 400,
			data: { errors: { form: 'ikm_error_closed' } }
		});
		// The survey as it was when it was loaded (open) is re-read inside the write.
		expect(await submitResponse(s.survey.survey, 'someone', { ...emptyInput(), u1: 4 })).toEqual({
			ok: false,
			error: 'ikm_error_closed'
		});
		expect((await surveyResult(s.view)).report.respondents).toBe(1);
		const [summary] = await ikmSummaries(s.organisationId);
		expect(summary.closedAt).toBeInstanceOf(Date);
	});

	it('refuses hostile input: answers outside 1-4, empty answers, long comments, unknown codes', async () => {
		const s = await aSurvey();
		await setSurveyStatus(s.survey, 'open');
		const p = aPhone();
		expect(await p.answer(s.code, [5, 4, 4, 4, 4, 4, 4, 4, 4])).toMatchObject({
			status: 400,
			data: { errors: { u1: 'error_invalid' } }
		});
		expect(await p.answer(s.code, Array(9).fill(null))).toMatchObject({
			status: 400,
			data: { errors: { form: 'ikm_error_empty' } }
		});
		expect(await p.answer(s.code, Array(9).fill(4), { comment: 'x'.repeat(1001) })).toMatchObject({
			status: 400,
			data: { errors: { comment: 'error_too_long' } }
		});
		expect(await statusOf(() => p.load('QQQQQQ'))).toBe(404);
		expect(await statusOf(() => p.load('not a code at all'))).toBe(404);
		expect((await surveyResult(s.view)).report.respondents).toBe(0);
	});

	it('rate-limits answers from one address: 60 a minute, then 429', async () => {
		const s = await aSurvey();
		await setSurveyStatus(s.survey, 'open');
		const p = aPhone();
		// Empty answers are refused after they are counted, so nothing is written meanwhile.
		for (let i = 0; i < 60; i++) expect(await p.answer(s.code, Array(9).fill(null))).toMatchObject({ status: 400 });
		expect(await p.answer(s.code, Array(9).fill(4))).toMatchObject({
			status: 429,
			data: { errors: { form: 'ikm_error_too_many' } }
		});
		// Another address is not slowed.
		expect(await aPhone().answer(s.code, Array(9).fill(4))).toEqual({ redirected: `/s/${s.code}/thanks` });
	});
});

function emptyInput() {
	return {
		u1: null,
		u2: null,
		u3: null,
		u4: null,
		u5: null,
		u6: null,
		u7: null,
		u8: null,
		u9: null,
		comment: '',
		groups: []
	};
}
