/**
 * Working agreements (norms) of an organisation: versioned (an edit writes a new version,
 * history kept), endorsed from phones in a workshop (counted, never named), shown at the
 * start of later workshops, and marked "reviewed" with a note.
 */
import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { generateId } from '$lib/server/auth/tokens';
import type { OrgAccess } from '$lib/orgs/access.server';
import type { ParticipantAccess } from '$lib/workshops/access.server';
import { workshop } from '$lib/workshops/workshops.schema';
import { user } from '$lib/orgs/orgs.schema';
import { agreementEndorsement, agreementReview, agreementVersion, workingAgreement } from './social.schema';
import { currentVersion, isChange, nextVersion, TEMPLATE_TOPICS, type AgreementTopic } from './rules';
import type { Outcome } from '$lib/forms/forms';

type Text = { title: string; body: string };

/** Every agreement of an organisation with its versions (newest first), the one in force, counts and reviews. */
export async function listAgreements(organisationId: string, workshopId: string | null = null) {
	const agreements = await db
		.select()
		.from(workingAgreement)
		.where(eq(workingAgreement.organisationId, organisationId))
		.orderBy(asc(workingAgreement.createdAt));
	if (agreements.length === 0) return [];
	const ids = agreements.map((a) => a.id);
	const versions = await db
		.select({
			id: agreementVersion.id,
			agreementId: agreementVersion.agreementId,
			version: agreementVersion.version,
			title: agreementVersion.title,
			body: agreementVersion.body,
			createdAt: agreementVersion.createdAt,
			author: user.name
		})
		.from(agreementVersion)
		.leftJoin(user, eq(user.id, agreementVersion.authorId))
		.where(inArray(agreementVersion.agreementId, ids))
		.orderBy(desc(agreementVersion.version));
	const versionIds = versions.map((v) => v.id);
	const totals = versionIds.length
		? await db
				.select({ versionId: agreementEndorsement.versionId, n: count() })
				.from(agreementEndorsement)
				.where(inArray(agreementEndorsement.versionId, versionIds))
				.groupBy(agreementEndorsement.versionId)
		: [];
	const here =
		workshopId && versionIds.length
			? await db
					.select({ versionId: agreementEndorsement.versionId, n: count() })
					.from(agreementEndorsement)
					.where(
						and(inArray(agreementEndorsement.versionId, versionIds), eq(agreementEndorsement.workshopId, workshopId))
					)
					.groupBy(agreementEndorsement.versionId)
			: [];
	const reviews = await db
		.select({
			id: agreementReview.id,
			agreementId: agreementReview.agreementId,
			versionId: agreementReview.versionId,
			note: agreementReview.note,
			at: agreementReview.at,
			reviewer: user.name
		})
		.from(agreementReview)
		.leftJoin(user, eq(user.id, agreementReview.reviewerId))
		.where(inArray(agreementReview.agreementId, ids))
		.orderBy(desc(agreementReview.at));
	const total = new Map(totals.map((t) => [t.versionId, Number(t.n)]));
	const inWorkshop = new Map(here.map((t) => [t.versionId, Number(t.n)]));
	return agreements.map((a) => {
		const own = versions
			.filter((v) => v.agreementId === a.id)
			.map((v) => ({ ...v, endorsements: total.get(v.id) ?? 0, endorsementsHere: inWorkshop.get(v.id) ?? 0 }));
		return {
			id: a.id,
			topic: a.topic,
			retiredAt: a.retiredAt,
			current: currentVersion(own),
			versions: own,
			reviews: reviews.filter((r) => r.agreementId === a.id)
		};
	});
}

/** The agreements in force (not retired), each at its current version. */
export async function agreementsInForce(organisationId: string, workshopId: string | null = null) {
	return (await listAgreements(organisationId, workshopId)).filter((a) => !a.retiredAt && a.current);
}

export async function createAgreement(
	access: OrgAccess<'workshop.edit'>,
	input: Text & { topic: AgreementTopic }
): Promise<string> {
	const id = generateId();
	await db.transaction(async (tx) => {
		await tx.insert(workingAgreement).values({ id, organisationId: access.organisation.id, topic: input.topic });
		await tx.insert(agreementVersion).values({
			id: generateId(),
			agreementId: id,
			version: 1,
			title: input.title,
			body: input.body,
			authorId: access.userId
		});
	});
	return id;
}

/** Starts from the template: one agreement per template topic the organisation has not got yet. */
export async function useTemplate(
	access: OrgAccess<'workshop.edit'>,
	texts: Record<(typeof TEMPLATE_TOPICS)[number], Text>
): Promise<number> {
	const existing = new Set(
		(
			await db
				.select({ topic: workingAgreement.topic })
				.from(workingAgreement)
				.where(and(eq(workingAgreement.organisationId, access.organisation.id), isNull(workingAgreement.retiredAt)))
		).map((r) => r.topic)
	);
	let made = 0;
	for (const topic of TEMPLATE_TOPICS) {
		if (existing.has(topic)) continue;
		await createAgreement(access, { topic, ...texts[topic] });
		made++;
	}
	return made;
}

async function ownAgreement(access: OrgAccess, agreementId: string) {
	const [found] = await db
		.select()
		.from(workingAgreement)
		.where(and(eq(workingAgreement.id, agreementId), eq(workingAgreement.organisationId, access.organisation.id)));
	return found ?? null;
}

/** An edit: a new version when the text changed (history kept). */
export async function reviseAgreement(
	access: OrgAccess<'workshop.edit'>,
	agreementId: string,
	input: Text
): Promise<Outcome & { version?: number }> {
	const found = await ownAgreement(access, agreementId);
	if (!found) return { ok: false, error: 'error_not_found' };
	if (found.retiredAt) return { ok: false, error: 'soc_error_retired' };
	return db.transaction(async (tx) => {
		const versions = await tx
			.select()
			.from(agreementVersion)
			.where(eq(agreementVersion.agreementId, agreementId))
			.for('update');
		if (!isChange(currentVersion(versions), input)) return { ok: false as const, error: 'soc_error_unchanged' };
		const version = nextVersion(versions);
		await tx.insert(agreementVersion).values({
			id: generateId(),
			agreementId,
			version,
			title: input.title,
			body: input.body,
			authorId: access.userId
		});
		return { ok: true as const, version };
	});
}

export async function retireAgreement(access: OrgAccess<'workshop.edit'>, agreementId: string): Promise<Outcome> {
	const found = await ownAgreement(access, agreementId);
	if (!found) return { ok: false, error: 'error_not_found' };
	await db.update(workingAgreement).set({ retiredAt: new Date() }).where(eq(workingAgreement.id, agreementId));
	return { ok: true };
}

/** Marks the current version reviewed (co-assessment review), with a note. */
export async function reviewAgreement(
	access: OrgAccess<'workshop.edit'>,
	agreementId: string,
	note: string
): Promise<Outcome> {
	const found = await ownAgreement(access, agreementId);
	if (!found) return { ok: false, error: 'error_not_found' };
	const versions = await db.select().from(agreementVersion).where(eq(agreementVersion.agreementId, agreementId));
	const current = currentVersion(versions);
	if (!current) return { ok: false, error: 'error_not_found' };
	await db
		.insert(agreementReview)
		.values({ id: generateId(), agreementId, versionId: current.id, note, reviewerId: access.userId });
	return { ok: true };
}

/** What a phone sees: the agreements in force, how many endorsed each, and whether this phone did. */
export async function agreementsForParticipant(who: ParticipantAccess) {
	const [w] = await db
		.select({ organisationId: workshop.organisationId })
		.from(workshop)
		.where(eq(workshop.id, who.workshopId));
	if (!w) return [];
	const inForce = await agreementsInForce(w.organisationId, who.workshopId);
	const mine = inForce.length
		? await db
				.select({ versionId: agreementEndorsement.versionId })
				.from(agreementEndorsement)
				.where(
					and(
						eq(agreementEndorsement.participantId, who.participantId),
						inArray(
							agreementEndorsement.versionId,
							inForce.map((a) => a.current!.id)
						)
					)
				)
		: [];
	const endorsed = new Set(mine.map((r) => r.versionId));
	return inForce.map((a) => ({
		topic: a.topic,
		versionId: a.current!.id,
		version: a.current!.version,
		title: a.current!.title,
		body: a.current!.body,
		endorsements: a.current!.endorsements,
		endorsed: endorsed.has(a.current!.id)
	}));
}

/**
 * A participant endorses the version in force, once (a second time changes nothing). Only
 * while their workshop is open, and only their own organisation's agreements.
 */
export async function endorse(who: ParticipantAccess, versionId: string): Promise<Outcome & { already?: boolean }> {
	const [row] = await db
		.select({
			version: agreementVersion.version,
			agreementId: agreementVersion.agreementId,
			retiredAt: workingAgreement.retiredAt,
			organisationId: workingAgreement.organisationId
		})
		.from(agreementVersion)
		.innerJoin(workingAgreement, eq(workingAgreement.id, agreementVersion.agreementId))
		.where(eq(agreementVersion.id, versionId));
	const [w] = await db
		.select({ organisationId: workshop.organisationId, status: workshop.status })
		.from(workshop)
		.where(eq(workshop.id, who.workshopId));
	if (!row || !w || row.organisationId !== w.organisationId || row.retiredAt)
		return { ok: false, error: 'error_not_found' };
	if (w.status !== 'open') return { ok: false, error: 'soc_error_workshop_closed' };
	const versions = await db
		.select({ id: agreementVersion.id, version: agreementVersion.version })
		.from(agreementVersion)
		.where(eq(agreementVersion.agreementId, row.agreementId));
	if (currentVersion(versions)?.id !== versionId) return { ok: false, error: 'soc_error_old_version' };
	const inserted = await db
		.insert(agreementEndorsement)
		.values({ versionId, participantId: who.participantId, workshopId: who.workshopId })
		.onConflictDoNothing()
		.returning({ versionId: agreementEndorsement.versionId });
	return { ok: true, already: inserted.length === 0 };
}
