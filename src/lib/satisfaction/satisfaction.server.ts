/**
 * Use cases for IKM satisfaction surveys (PermenPAN-RB 14/2017, docs/ikm.md): create, open
 * and close a survey, take answers by phone (one per respondent, a resubmission replaces
 * it) and from paper questionnaires, and count them exactly (ikm.ts).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { generateId, hashToken, randomBytes } from '$lib/server/auth/tokens';
import { sharedLimiter } from '$lib/server/auth/rate-limit';
import type { Outcome } from '$lib/forms/forms';
import type { OrgAccess } from '$lib/orgs/access.server';
import { workshop } from '$lib/workshops/workshops.schema';
import { plan, planItem } from '$lib/plans/plans.schema';
import { generateJoinCode, GROUPS, type WorkshopFunction } from '$lib/workshops/rules';
import { showableGroups } from '$lib/voting/breakdown';
import { ikmResponse, ikmSurvey } from './satisfaction.schema';
import type { Survey, SurveyAccess } from './access.server';
import type { ResponseInput, SurveyInput } from './forms';
import {
	countIkm,
	ELEMENT_COLUMNS,
	report,
	roundHalfUp,
	elementIndex,
	weakestElement,
	type Answers,
	type IkmReport
} from './ikm';

/**
 * Answers sent from one address: 60 a minute. A room answering together behind one Wi-Fi
 * address gets through; a script filling the survey does not get far.
 */
export const ikmSubmitByIp = sharedLimiter('ikm-submit-ip', { max: 60, windowMs: 60_000 });

type ResponseRow = typeof ikmResponse.$inferSelect;

const answersOf = (r: Pick<ResponseRow, (typeof ELEMENT_COLUMNS)[number]>): Answers => ELEMENT_COLUMNS.map((c) => r[c]);

const ANSWER_COLUMNS = {
	u1: ikmResponse.u1,
	u2: ikmResponse.u2,
	u3: ikmResponse.u3,
	u4: ikmResponse.u4,
	u5: ikmResponse.u5,
	u6: ikmResponse.u6,
	u7: ikmResponse.u7,
	u8: ikmResponse.u8,
	u9: ikmResponse.u9
};

/** What the dashboard and closing-the-loop read: one line per survey of the organisation. */
export type IkmSummary = {
	surveyId: string;
	title: string;
	function: WorkshopFunction | null;
	planItemId: string | null;
	workshopId: string | null;
	closedAt: Date | null;
	respondents: number;
	ikm: string | null;
	category: string | null;
	weakest: { element: number; index: string } | null;
	createdAt: Date;
};

export async function ikmSummaries(organisationId: string): Promise<IkmSummary[]> {
	const surveys = await db
		.select()
		.from(ikmSurvey)
		.where(eq(ikmSurvey.organisationId, organisationId))
		.orderBy(asc(ikmSurvey.createdAt), asc(ikmSurvey.id));
	const rows = surveys.length
		? await db
				.select({ surveyId: ikmResponse.surveyId, ...ANSWER_COLUMNS })
				.from(ikmResponse)
				.where(
					inArray(
						ikmResponse.surveyId,
						surveys.map((s) => s.id)
					)
				)
		: [];
	const bySurvey = new Map<string, Answers[]>();
	for (const r of rows) bySurvey.set(r.surveyId, [...(bySurvey.get(r.surveyId) ?? []), answersOf(r)]);
	return surveys.map((s) => {
		const count = countIkm(bySurvey.get(s.id) ?? []);
		const printed = report(count);
		const weakest = weakestElement(count);
		return {
			surveyId: s.id,
			title: s.title,
			function: s.function,
			planItemId: s.planItemId,
			workshopId: s.workshopId,
			closedAt: s.closedAt,
			respondents: printed.respondents,
			ikm: printed.ikm,
			category: printed.category,
			weakest: weakest ? { element: weakest.element, index: roundHalfUp(elementIndex(weakest.nrr!), 2) } : null,
			createdAt: s.createdAt
		};
	});
}

/** Workshops and plan items of the organisation a new survey may be tied to. */
export async function surveyChoices(access: OrgAccess<'org.view'>) {
	const orgId = access.organisation.id;
	const workshops = await db
		.select({ id: workshop.id, title: workshop.title })
		.from(workshop)
		.where(eq(workshop.organisationId, orgId))
		.orderBy(asc(workshop.createdAt));
	const planItems = await db
		.select({ id: planItem.id, title: planItem.title, workshop: workshop.title })
		.from(planItem)
		.innerJoin(plan, eq(plan.id, planItem.planId))
		.innerJoin(workshop, eq(workshop.id, plan.workshopId))
		.where(eq(workshop.organisationId, orgId))
		.orderBy(asc(workshop.createdAt), asc(planItem.createdAt));
	return { workshops, planItems };
}

export async function createSurvey(
	access: OrgAccess<'workshop.run'>,
	input: SurveyInput
): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
	const orgId = access.organisation.id;
	if (input.workshopId) {
		const [found] = await db
			.select({ id: workshop.id })
			.from(workshop)
			.where(and(eq(workshop.id, input.workshopId), eq(workshop.organisationId, orgId)));
		if (!found) return { ok: false, error: 'ikm_error_workshop' };
	}
	if (input.planItemId) {
		const [found] = await db
			.select({ id: planItem.id })
			.from(planItem)
			.innerJoin(plan, eq(plan.id, planItem.planId))
			.innerJoin(workshop, eq(workshop.id, plan.workshopId))
			.where(and(eq(planItem.id, input.planItemId), eq(workshop.organisationId, orgId)));
		if (!found) return { ok: false, error: 'ikm_error_plan_item' };
	}
	const groups = input.askGroups ? (input.groups.length ? [...new Set(input.groups)] : [...GROUPS]) : [];
	const id = generateId();
	// 25^6 codes: a clash is rare; the unique index catches one and we draw again.
	for (let attempt = 0; ; attempt++) {
		const code = generateJoinCode(randomBytes);
		const inserted = await db
			.insert(ikmSurvey)
			.values({
				id,
				organisationId: orgId,
				title: input.title,
				function: input.function,
				planItemId: input.planItemId,
				workshopId: input.workshopId,
				code,
				askGroups: input.askGroups,
				groups,
				createdBy: access.userId
			})
			.onConflictDoNothing({ target: ikmSurvey.code })
			.returning({ id: ikmSurvey.id });
		if (inserted.length) return { ok: true, id };
		if (attempt > 5) throw new Error('No free survey code');
	}
}

/** Opens a draft or closed survey, or closes an open one. */
export async function setSurveyStatus(
	access: SurveyAccess<'workshop.run'>,
	status: 'open' | 'closed'
): Promise<Outcome> {
	const from = status === 'open' ? (['draft', 'closed'] as const) : (['open'] as const);
	const now = new Date();
	const changed = await db
		.update(ikmSurvey)
		.set(status === 'open' ? { status, openedAt: now, closedAt: null } : { status, closedAt: now })
		.where(and(eq(ikmSurvey.id, access.survey.id), inArray(ikmSurvey.status, [...from])))
		.returning({ id: ikmSurvey.id });
	return changed.length ? { ok: true } : { ok: false, error: 'ikm_error_status' };
}

export async function findSurveyByCode(code: string): Promise<Survey | null> {
	const [found] = await db.select().from(ikmSurvey).where(eq(ikmSurvey.code, code));
	return found ?? null;
}

/**
 * Who answers, as stored: a hash of the survey and the browser's secret (its respondent
 * cookie, or its participant session when it joined the survey's workshop). The same
 * browser gets the same value for one survey and unrelated values for two.
 */
export function respondentKey(surveyId: string, secret: string): string {
	return hashToken(`ikm\n${surveyId}\n${secret}`);
}

/** This respondent's own answers, to show them again when they come back (null: not answered yet). */
export async function ownResponse(surveyId: string, respondent: string) {
	const [found] = await db
		.select({ groups: ikmResponse.groups, comment: ikmResponse.comment, ...ANSWER_COLUMNS })
		.from(ikmResponse)
		.where(and(eq(ikmResponse.surveyId, surveyId), eq(ikmResponse.respondent, respondent)));
	return found ?? null;
}

function valuesOf(survey: Survey, input: ResponseInput) {
	const offered = new Set(survey.askGroups ? survey.groups : []);
	return {
		u1: input.u1,
		u2: input.u2,
		u3: input.u3,
		u4: input.u4,
		u5: input.u5,
		u6: input.u6,
		u7: input.u7,
		u8: input.u8,
		u9: input.u9,
		comment: input.comment,
		// Only groups this survey offers; anything else sent is dropped.
		groups: [...new Set(input.groups)].filter((g) => offered.has(g))
	};
}

const unanswered = (input: ResponseInput) => ELEMENT_COLUMNS.every((c) => input[c] === null);

/**
 * A phone response. One per respondent: sending again replaces the earlier answers. Refused
 * unless the survey is open (checked in the same transaction as the write).
 */
export async function submitResponse(
	survey: Survey,
	respondent: string,
	input: ResponseInput
): Promise<{ ok: true; replaced: boolean } | { ok: false; error: string }> {
	if (unanswered(input)) return { ok: false, error: 'ikm_error_empty' };
	const values = valuesOf(survey, input);
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({ status: ikmSurvey.status })
			.from(ikmSurvey)
			.where(eq(ikmSurvey.id, survey.id))
			.for('share');
		if (current?.status !== 'open') return { ok: false as const, error: 'ikm_error_closed' };
		const [row] = await tx
			.insert(ikmResponse)
			.values({ id: generateId(), surveyId: survey.id, respondent, channel: 'phone', ...values })
			.onConflictDoUpdate({
				target: [ikmResponse.surveyId, ikmResponse.respondent],
				set: { ...values, createdAt: sql`now()` }
			})
			.returning({ inserted: sql<boolean>`(xmax = 0)` });
		return { ok: true as const, replaced: !row.inserted };
	});
}

/** A paper questionnaire typed in by a facilitator, while the survey is open. */
export async function addPaperResponse(access: SurveyAccess<'workshop.run'>, input: ResponseInput): Promise<Outcome> {
	if (unanswered(input)) return { ok: false, error: 'ikm_error_empty' };
	const values = valuesOf(access.survey, input);
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({ status: ikmSurvey.status })
			.from(ikmSurvey)
			.where(eq(ikmSurvey.id, access.survey.id))
			.for('share');
		if (current?.status !== 'open') return { ok: false as const, error: 'ikm_error_closed' };
		await tx
			.insert(ikmResponse)
			.values({ id: generateId(), surveyId: access.survey.id, respondent: null, channel: 'paper', ...values });
		return { ok: true as const };
	});
}

async function responsesOf(surveyId: string) {
	return db
		.select({
			channel: ikmResponse.channel,
			groups: ikmResponse.groups,
			comment: ikmResponse.comment,
			...ANSWER_COLUMNS
		})
		.from(ikmResponse)
		.where(eq(ikmResponse.surveyId, surveyId));
}

export type GroupResult = { group: string; respondents: number; ikm: string | null; category: string | null };
export type SurveyResult = {
	report: IkmReport;
	weakest: { element: number; index: string } | null;
	phone: number;
	paper: number;
	/** Only groups that pass the cell rule of voting/breakdown.ts (every cell at least 5). */
	groups: GroupResult[];
	hiddenGroups: number;
	comments: string[];
};

export async function surveyResult(access: SurveyAccess): Promise<SurveyResult> {
	const rows = await responsesOf(access.survey.id);
	const count = countIkm(rows.map(answersOf));
	const weakest = weakestElement(count);
	const shown = showableGroups(rows.map((r) => r.groups));
	const all = new Set(rows.flatMap((r) => r.groups));
	const groups = shown.map((group) => {
		const members = rows.filter((r) => r.groups.includes(group));
		const printed = report(countIkm(members.map(answersOf)));
		return { group, respondents: members.length, ikm: printed.ikm, category: printed.category };
	});
	return {
		report: report(count),
		weakest: weakest ? { element: weakest.element, index: roundHalfUp(elementIndex(weakest.nrr!), 2) } : null,
		phone: rows.filter((r) => r.channel === 'phone').length,
		paper: rows.filter((r) => r.channel === 'paper').length,
		groups,
		hiddenGroups: all.size - shown.length,
		// Sorted, so their order tells nothing about who answered when.
		comments: rows
			.map((r) => r.comment)
			.filter(Boolean)
			.sort()
	};
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * The responses as CSV: u1..u9 (empty = not answered), the channel, and one 0/1 column per
 * group that passes the cell rule (so no row can be told apart from at least four others by
 * its groups). Free-text comments are left out. Rows are sorted by their answers, never in
 * the order they came. `npm run ikm` reads it back.
 */
export async function exportResponsesCsv(access: SurveyAccess): Promise<string> {
	const rows = await responsesOf(access.survey.id);
	const shown = showableGroups(rows.map((r) => r.groups));
	const header = [...ELEMENT_COLUMNS, 'channel', ...shown.map((g) => `group_${g}`)];
	const lines = rows
		.map((r) =>
			[
				...ELEMENT_COLUMNS.map((c) => (r[c] === null ? '' : String(r[c]))),
				r.channel,
				...shown.map((g) => (r.groups.includes(g) ? '1' : '0'))
			]
				.map(csvCell)
				.join(',')
		)
		.sort();
	return `${[header.join(','), ...lines].join('\n')}\n`;
}
