import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { orgAccessFor } from '$lib/orgs/access.server';
import { participantAccess, workshopAccessFor } from '$lib/workshops/access.server';
import {
	addFunding,
	createItem,
	createPartner,
	createTask,
	getPlan,
	setItemPartners
} from '$lib/plans/delivery.server';
import { createProposal } from '$lib/voting/proposals.server';
import { castBallot, createRound, openRound } from '$lib/voting/rounds.server';
import { closeRoundIntoPlan } from '$lib/plans/round-winners.server';
import { planItem } from '$lib/plans/plans.schema';
import { pulseAnswer } from '$lib/social/social.schema';
import {
	agreementsForParticipant,
	agreementsInForce,
	createAgreement,
	endorse,
	listAgreements,
	reviewAgreement,
	reviseAgreement,
	useTemplate
} from '$lib/social/agreements.server';
import {
	answerPulse,
	closePulse,
	linkedAnswers,
	listPulses,
	openPulse,
	openPulseFor,
	trustTrend
} from '$lib/social/pulse.server';
import {
	listAssets,
	pledgeAsset,
	pledgesForItems,
	recordAsset,
	recordAssetFromPhone,
	setPledgeStatus
} from '$lib/social/assets.server';
import { confirmLevel, participationOf } from '$lib/social/participation.server';
import type { SessionParticipant } from '$lib/sessions/sessions.server';
import { asOrgOwner, asOwner, asRunner } from './factories';
import { itemAs } from './access';
import { asPhone } from './factories';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, aParticipant, aWorkshop } from './factories';

useTestDatabase();

const phone = (who: SessionParticipant) => participantAccess({ participant: who } as unknown as App.Locals);
const statusOf = async (run: () => unknown) => {
	try {
		await run();
		return 200;
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
};
const scores = (v: number) => ({
	'trust-government': v,
	'trust-shelter': v,
	'trust-ngo': v,
	'trust-neighbours': v,
	'acted-on': v
});

describe('working agreements', () => {
	it('are versioned, endorsed once per participant per version (a count, never a name) and reviewed', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner('Shelter Norma');
		const access = await orgAccessFor(owner.id, organisationId, 'workshop.edit');
		const made = await useTemplate(access, {
			decisions: { title: 'Keputusan', body: 'Musyawarah dulu' },
			referrals: { title: 'Rujukan', body: 'Ke UPTD PPA' },
			response: { title: 'Jawaban', body: 'Dalam 3 hari' }
		});
		expect(made).toBe(3);
		// The template does not add what is already there.
		expect(await useTemplate(access, { decisions: { title: 'x', body: 'y' } } as never)).toBe(0);
		const id = await createAgreement(access, { topic: 'other', title: 'Rapat', body: 'Tiap bulan' });

		const w = await aWorkshop(organisationId);
		const sari = await aParticipant(w, 'Sari');
		const budi = await aParticipant(w, 'Budi');
		let seen = await agreementsForParticipant(phone(sari));
		expect(seen).toHaveLength(4);
		const v1 = seen.find((a) => a.title === 'Rapat')!;
		expect(await endorse(phone(sari), v1.versionId)).toEqual({ ok: true, already: false });
		expect(await endorse(phone(sari), v1.versionId)).toEqual({ ok: true, already: true });
		expect(await endorse(phone(budi), v1.versionId)).toMatchObject({ ok: true, already: false });
		seen = await agreementsForParticipant(phone(sari));
		expect(seen.find((a) => a.title === 'Rapat')).toMatchObject({ endorsements: 2, endorsed: true });

		// An edit writes version 2; unchanged text is refused; the old version keeps its count.
		expect(await reviseAgreement(access, id, { title: 'Rapat', body: 'Tiap bulan' })).toEqual({
			ok: false,
			error: 'soc_error_unchanged'
		});
		expect(await reviseAgreement(access, id, { title: 'Rapat', body: 'Tiap dua minggu' })).toEqual({
			ok: true,
			version: 2
		});
		const all = await listAgreements(organisationId, w.id);
		const rapat = all.find((a) => a.id === id)!;
		expect(rapat.current).toMatchObject({ version: 2, body: 'Tiap dua minggu', endorsements: 0 });
		expect(rapat.versions.map((v) => [v.version, v.endorsements, v.endorsementsHere])).toEqual([
			[2, 0, 0],
			[1, 2, 2]
		]);
		// Nothing names who endorsed.
		expect(JSON.stringify(all)).not.toContain(sari.id);
		// Endorsing the old version is refused; the new one starts again.
		expect(await endorse(phone(budi), v1.versionId)).toEqual({ ok: false, error: 'soc_error_old_version' });
		const v2 = (await agreementsForParticipant(phone(budi))).find((a) => a.title === 'Rapat')!;
		expect(v2).toMatchObject({ version: 2, endorsed: false });

		// Shown at the start of a later workshop, with the version in force.
		const later = await aWorkshop(organisationId);
		const inForce = await agreementsInForce(organisationId, later.id);
		expect(inForce.find((a) => a.id === id)?.current).toMatchObject({ version: 2, endorsementsHere: 0 });

		expect(await reviewAgreement(access, id, 'Dibahas di rembuk penilaian')).toEqual({ ok: true });
		const reviewed = (await listAgreements(organisationId)).find((a) => a.id === id)!;
		expect(reviewed.reviews[0]).toMatchObject({ note: 'Dibahas di rembuk penilaian', versionId: v2.versionId });
	});

	it('refuses another organisation and participants of another organisation', async () => {
		const a = await anOrganisationWithOwner('Shelter A');
		const b = await anOrganisationWithOwner('Shelter B');
		const accessA = await orgAccessFor(a.owner.id, a.organisationId, 'workshop.edit');
		const accessB = await orgAccessFor(b.owner.id, b.organisationId, 'workshop.edit');
		const id = await createAgreement(accessA, { topic: 'decisions', title: 'A', body: 'a' });
		expect(await reviseAgreement(accessB, id, { title: 'B', body: 'b' })).toEqual({
			ok: false,
			error: 'error_not_found'
		});
		expect(await reviewAgreement(accessB, id, '')).toEqual({ ok: false, error: 'error_not_found' });
		const version = (await listAgreements(a.organisationId))[0].current!.id;
		const wb = await aWorkshop(b.organisationId);
		const outsider = await aParticipant(wb, 'Luar');
		expect(await endorse(phone(outsider), version)).toEqual({ ok: false, error: 'error_not_found' });
		// Not a member: 404; an observer may not manage: 403.
		expect(await statusOf(() => orgAccessFor(b.owner.id, a.organisationId, 'org.view'))).toBe(404);
		const observer = await aMember(a.organisationId, a.owner.id, 'observer');
		expect(await statusOf(() => orgAccessFor(observer.id, a.organisationId, 'workshop.edit'))).toBe(403);
		expect(await statusOf(() => orgAccessFor(observer.id, a.organisationId, 'social.contribute'))).toBe(403);
		expect(await statusOf(() => orgAccessFor(observer.id, a.organisationId, 'org.view'))).toBe(200);
		// A closed workshop takes no endorsements.
		const wa = await aWorkshop(a.organisationId, { open: false });
		const late = await aParticipant(wa, 'Telat');
		expect(await endorse(phone(late), version)).toEqual({ ok: false, error: 'soc_error_workshop_closed' });
	});
});

describe('trust pulse', () => {
	it('start and end results, answers replaceable while open and unlinked once closed, and the trend', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner('Shelter Pulse');
		const w = await aWorkshop(organisationId);
		const run = await workshopAccessFor(owner.id, w.id, 'workshop.run');
		const people = [];
		for (let i = 0; i < 6; i++) people.push(await aParticipant(w, `P${i}`, i < 5 ? ['woman'] : []));
		expect(await openPulseFor(phone(people[0]))).toBeNull();
		expect(await openPulse(run, 'start')).toEqual({ ok: true });
		const open = (await openPulseFor(phone(people[0])))!;
		expect(open).toMatchObject({ phase: 'start', answered: null });
		expect(open.statements).toHaveLength(5);
		for (const p of people) expect(await answerPulse(phone(p), open.id, scores(2))).toEqual({ ok: true });
		// Replace: one answer set per participant.
		expect(await answerPulse(phone(people[0]), open.id, scores(5))).toEqual({ ok: true });
		expect((await openPulseFor(phone(people[0])))!.answered).toEqual(scores(5));
		expect(await answerPulse(phone(people[1]), open.id, { ...scores(3), 'acted-on': 9 })).toEqual({
			ok: false,
			error: 'soc_error_answer_all'
		});
		// While open only the count is shown.
		let pulses = await listPulses(w.id);
		expect(pulses[0]).toMatchObject({ status: 'open', respondents: 6, result: null });
		expect(await linkedAnswers(open.id)).toBe(6);

		expect(await closePulse(run, 'start')).toEqual({ ok: true });
		expect(await linkedAnswers(open.id)).toBe(0);
		const rows = await db.select().from(pulseAnswer).where(eq(pulseAnswer.pulseId, open.id));
		expect(rows).toHaveLength(6);
		expect(rows.every((r) => r.holder === null)).toBe(true);
		expect(await answerPulse(phone(people[2]), open.id, scores(4))).toEqual({
			ok: false,
			error: 'soc_error_pulse_closed'
		});
		expect(await openPulse(run, 'start')).toEqual({ ok: false, error: 'soc_error_pulse_closed' });
		pulses = await listPulses(w.id);
		const start = pulses[0].result!;
		expect(start.suppressed).toBe(false);
		expect(start.respondents).toBe(6);
		expect(start.statements.find((s) => s.statement === 'acted-on')).toMatchObject({ n: 6, mean: 2.5 });
		// 5 women and 1 other: "all minus women" would be one person, so no group is shown.
		expect(start.groups).toEqual([]);
		expect(start.hiddenGroups).toBe(1);

		// The end pulse with only 3 answers: suppressed.
		await openPulse(run, 'end');
		const end = (await openPulseFor(phone(people[0])))!;
		expect(end.phase).toBe('end');
		for (const p of people.slice(0, 3)) await answerPulse(phone(p), end.id, scores(4));
		await closePulse(run, 'end');
		pulses = await listPulses(w.id);
		expect(pulses.find((p) => p.phase === 'end')!.result).toMatchObject({
			respondents: 3,
			suppressed: true,
			statements: []
		});

		// A second workshop: the trend per organisation.
		const w2 = await aWorkshop(organisationId);
		const run2 = await workshopAccessFor(owner.id, w2.id, 'workshop.run');
		await openPulse(run2, 'end');
		const endPulse = (await listPulses(w2.id))[0];
		for (let i = 0; i < 5; i++) await answerPulse(phone(await aParticipant(w2, `Q${i}`)), endPulse.id, scores(4));
		await closePulse(run2, 'end');
		const trend = await trustTrend(organisationId);
		expect(trend).toHaveLength(2);
		expect(trend.find((t) => t.workshopId === w.id)).toMatchObject({ start: { 'acted-on': 2.5 }, end: null });
		expect(trend.find((t) => t.workshopId === w2.id)).toMatchObject({ start: null, end: { 'trust-ngo': 4 } });
	});

	it('refuses a participant of another workshop and an observer', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner('Shelter Pulse 2');
		const w = await aWorkshop(organisationId);
		const other = await aWorkshop(organisationId);
		await openPulse(await workshopAccessFor(owner.id, w.id, 'workshop.run'), 'start');
		const pulse = (await listPulses(w.id))[0];
		const stranger = await aParticipant(other, 'Asing');
		expect(await answerPulse(phone(stranger), pulse.id, scores(3))).toEqual({ ok: false, error: 'error_not_found' });
		expect(await openPulseFor(phone(stranger))).toBeNull();
		const observer = await aMember(organisationId, owner.id, 'observer');
		expect(await statusOf(() => workshopAccessFor(observer.id, w.id, 'workshop.run'))).toBe(403);
		const outsider = await anOrganisationWithOwner('Luar');
		expect(await statusOf(() => workshopAccessFor(outsider.owner.id, w.id, 'workshop.view'))).toBe(404);
	});
});

describe('community assets', () => {
	it('a pledge becomes a swadaya co-financing line on the plan item, followed in delivery', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner('Shelter Aset');
		const w = await aWorkshop(organisationId);
		const itemId = await createItem(await asOwner(w.id, 'workshop.edit'), {
			title: 'Ruang aman anak',
			description: '',
			function: 'pencegahan',
			location: '',
			targetGroups: [],
			cost: 10_000_000n,
			priorityRank: null,
			participationLevel: null
		});
		const sari = await aParticipant(w, 'Sari');
		const fromPhone = await recordAssetFromPhone(phone(sari), {
			kind: 'time',
			description: 'Kerja bakti',
			quantity: '10 orang x 2 hari',
			amount: 999n, // ignored: only money carries an amount
			location: 'Lorong 5',
			byGroup: 'Karang taruna'
		});
		expect(fromPhone.ok).toBe(true);
		const member = await aMember(organisationId, owner.id, 'member');
		const money = await recordAsset(await orgAccessFor(member.id, organisationId, 'social.contribute'), {
			kind: 'money',
			description: 'Iuran warga',
			quantity: '',
			amount: 2_500_000n,
			location: 'Tamamaung',
			byGroup: 'PKK',
			partnerId: null
		});
		const edit = await orgAccessFor(owner.id, organisationId, 'workshop.edit');
		const p1 = await pledgeAsset(edit, { assetId: fromPhone.id!, itemId, note: '' });
		const p2 = await pledgeAsset(edit, { assetId: money.id!, itemId, note: 'Bulan depan' });
		expect(p1.ok && p2.ok).toBe(true);

		const plan = await getPlan(w.id);
		const item = plan.items[0];
		expect(item.funding.map((f) => [f.source, f.amount, f.inKind]).sort()).toEqual([
			['swadaya-labour', null, 'Kerja bakti — 10 orang x 2 hari'],
			['swadaya-money', 2_500_000n, '']
		]);
		expect(item.fundingTotals.total).toBe(2_500_000n);
		const pledges = await pledgesForItems([itemId]);
		expect(pledges).toHaveLength(2);
		expect(new Set(pledges.map((p) => p.fundingLineId))).toEqual(new Set(item.funding.map((f) => f.id)));
		expect(pledges.every((p) => p.status === 'pledged')).toBe(true);

		expect(await setPledgeStatus(edit, p1.id!, 'delivered')).toEqual({ ok: true });
		expect(await setPledgeStatus(edit, p2.id!, 'not-delivered')).toEqual({ ok: true });
		const assets = await listAssets(organisationId);
		expect(assets.find((a) => a.id === fromPhone.id)).toMatchObject({
			source: 'phone',
			amount: null,
			workshopId: w.id,
			pledges: [{ status: 'delivered', itemTitle: 'Ruang aman anak' }]
		});
		expect(assets.find((a) => a.id === money.id)!.pledges[0].status).toBe('not-delivered');

		// Another organisation can neither pledge these assets nor move the pledges; nor pledge to this item.
		const other = await anOrganisationWithOwner('Lain');
		const otherEdit = await orgAccessFor(other.owner.id, other.organisationId, 'workshop.edit');
		expect(await pledgeAsset(otherEdit, { assetId: money.id!, itemId, note: '' })).toEqual({
			ok: false,
			error: 'error_not_found'
		});
		expect(await setPledgeStatus(otherEdit, p1.id!, 'pledged')).toEqual({ ok: false, error: 'error_not_found' });
		const theirs = await recordAsset(await orgAccessFor(other.owner.id, other.organisationId, 'social.contribute'), {
			kind: 'places',
			description: 'Balai',
			quantity: '',
			amount: null,
			location: '',
			byGroup: '',
			partnerId: null
		});
		expect(await pledgeAsset(otherEdit, { assetId: theirs.id!, itemId, note: '' })).toEqual({
			ok: false,
			error: 'error_not_found'
		});
		// A partner of another organisation cannot be named as the asset's owner.
		const foreignPartner = await createPartner(await asOrgOwner(other.organisationId, 'workshop.edit'), {
			name: 'LSM Lain',
			kind: 'ngo',
			contactName: '',
			contact: ''
		});
		expect(
			await recordAsset(await orgAccessFor(owner.id, organisationId, 'social.contribute'), {
				kind: 'skills',
				description: 'Konseling',
				quantity: '',
				amount: null,
				location: '',
				byGroup: '',
				partnerId: foreignPartner
			})
		).toEqual({ ok: false, error: 'error_not_found' });
	});
});

describe('participation level', () => {
	it('is suggested from what happened and confirmed with who, when and the evidence', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner('Shelter Tangga');
		const w = await aWorkshop(organisationId);
		const run = await workshopAccessFor(owner.id, w.id, 'workshop.run');
		const usulan = (title: string, group: 'woman' | null) => ({
			title,
			problem: '',
			targetGroups: [],
			kelurahan: 'Tamamaung',
			rw: '',
			lorong: '',
			function: 'pencegahan' as const,
			activity: '',
			volume: null,
			unit: '',
			cost: 1_000_000n,
			agency: '',
			proposedBy: '',
			proposedByGroup: group
		});
		// Proposals but no vote yet: consultation.
		const p1 = await createProposal(await asOwner(w.id, 'workshop.edit'), usulan('Lampu', null));
		const p2 = await createProposal(await asOwner(w.id, 'workshop.edit'), usulan('Posko', 'woman'));
		expect((await participationOf(w.id)).workshop).toMatchObject({
			level: 'consultation',
			evidence: [{ kind: 'proposals-collected', count: 2 }]
		});
		const round = await createRound(await asOwner(w.id), {
			title: 'Prioritas',
			format: 'approval',
			rule: 'greedy',
			proposalIds: [p1, p2],
			budget: 10_000_000n,
			minSelections: 1,
			maxSelections: null,
			pointsPerVoter: null,
			maxPointsPerProposal: null,
			topK: null,
			add1Step: undefined,
			allowChange: false
		});
		if (!round.ok) throw new Error('setup');
		await openRound(await asRunner(round.id));
		await castBallot(asPhone(await aParticipant(w, 'Voter')), round.id, [p1, p2]);
		const closed = await closeRoundIntoPlan(await asRunner(round.id));
		if (closed.ok) await closed.counted;
		let now = await participationOf(w.id);
		expect(now.workshop.level).toBe('deciding-together');
		const lampu = now.items.find((i) => i.title === 'Lampu')!;
		const posko = now.items.find((i) => i.title === 'Posko')!;
		expect(lampu).toMatchObject({ level: 'deciding-together', evidence: [{ kind: 'vote-decided', count: 1 }] });

		// A community partner owns a delivery task of "Lampu": acting together.
		const rt = await createPartner(await asOrgOwner(organisationId, 'workshop.edit'), {
			name: 'Warga RT 3',
			kind: 'community',
			contactName: '',
			contact: ''
		});
		await createTask(await itemAs(lampu.itemId), {
			title: 'Pasang lampu',
			owner: { kind: 'partner', id: rt },
			dueDate: null
		});
		// "Posko" was put forward by a community group and the kelurahan funds it: supporting.
		await addFunding(await itemAs(posko.itemId), { source: 'kelurahan', amount: 500_000n, inKind: '' });
		const dinsos = await createPartner(await asOrgOwner(organisationId, 'workshop.edit'), {
			name: 'Dinsos',
			kind: 'government',
			contactName: '',
			contact: ''
		});
		await setItemPartners(await itemAs(posko.itemId), [dinsos]);
		now = await participationOf(w.id);
		expect(now.items.find((i) => i.itemId === lampu.itemId)!.level).toBe('acting-together');
		expect(now.items.find((i) => i.itemId === posko.itemId)).toMatchObject({
			level: 'supporting-independent',
			evidence: [
				{ kind: 'community-initiated-supported', count: 2 },
				{ kind: 'vote-decided', count: 1 }
			]
		});
		expect(now.workshop.level).toBe('supporting-independent');

		// The facilitator confirms (here: one rung lower than suggested); the item's level follows.
		expect(await confirmLevel(run, posko.itemId, 'acting-together')).toEqual({ ok: true });
		expect(await confirmLevel(run, null, 'deciding-together')).toEqual({ ok: true });
		now = await participationOf(w.id);
		const confirmed = now.items.find((i) => i.itemId === posko.itemId)!.confirmed!;
		expect(confirmed).toMatchObject({ level: 'acting-together', suggested: 'supporting-independent', by: 'Owner' });
		expect(confirmed.evidence.map((e) => e.kind)).toContain('community-initiated-supported');
		expect(now.workshop.confirmed).toMatchObject({ level: 'deciding-together' });
		const [row] = await db.select().from(planItem).where(eq(planItem.id, posko.itemId));
		expect(row.participationLevel).toBe('acting-together');
		// An item of another workshop is not this workshop's to confirm.
		const other = await aWorkshop(organisationId);
		const otherRun = await workshopAccessFor(owner.id, other.id, 'workshop.run');
		expect(await confirmLevel(otherRun, posko.itemId, 'information')).toEqual({ ok: false, error: 'error_not_found' });
	});
});

describe('social pages refuse', () => {
	const post = (fields: Record<string, string>) => {
		const body = new FormData();
		for (const [k, v] of Object.entries(fields)) body.set(k, v);
		return new Request('http://127.0.0.1/', { method: 'POST', body });
	};
	const event = (locals: object, params: Record<string, string>, fields: Record<string, string> = {}) =>
		({ locals, params, request: post(fields), url: new URL('http://127.0.0.1/'), depends: () => {} }) as never;

	it('another organisation (404), an observer managing (403), a phone outside its workshop, no session (401)', async () => {
		const orgPage = await import('../../src/routes/(app)/orgs/[orgId]/social/+page.server');
		const wPage = await import('../../src/routes/(app)/w/[workshopId]/social/+page.server');
		const pulsePage = await import('../../src/routes/p/pulse/+page.server');
		const agreementsPage = await import('../../src/routes/p/agreements/+page.server');
		const { owner, organisationId } = await anOrganisationWithOwner('Shelter Halaman');
		const outsider = (await anOrganisationWithOwner('Orang Luar')).owner;
		const observer = await aMember(organisationId, owner.id, 'observer');
		const w = await aWorkshop(organisationId);
		const orgParams = { orgId: organisationId };
		const wParams = { workshopId: w.id };

		expect(await statusOf(() => orgPage.load(event({ user: outsider }, orgParams)) as Promise<unknown>)).toBe(404);
		expect(await statusOf(() => orgPage.load(event({ user: observer }, orgParams)) as Promise<unknown>)).toBe(200);
		expect(await statusOf(() => orgPage.load(event({ user: null }, orgParams)) as Promise<unknown>)).toBe(401);
		const add = { topic: 'decisions', title: 'T', body: 'B' };
		expect(await statusOf(() => orgPage.actions.agreement(event({ user: observer }, orgParams, add)))).toBe(403);
		expect(await statusOf(() => orgPage.actions.agreement(event({ user: outsider }, orgParams, add)))).toBe(404);
		expect(
			await statusOf(() =>
				orgPage.actions.asset(event({ user: observer }, orgParams, { kind: 'time', description: 'x' }))
			)
		).toBe(403);
		expect(await statusOf(() => wPage.load(event({ user: outsider }, wParams)) as Promise<unknown>)).toBe(404);
		expect(await statusOf(() => wPage.actions.openPulse(event({ user: observer }, wParams, { phase: 'start' })))).toBe(
			403
		);

		// The owner opens the pulse through the page; a phone of another workshop cannot answer it.
		const opened = await wPage.actions.openPulse(event({ user: owner }, wParams, { phase: 'start' }));
		expect(opened).toEqual({ done: 'opened' });
		const pulse = (await listPulses(w.id))[0];
		const stranger = await aParticipant(await aWorkshop(organisationId), 'Asing');
		const answerFields = {
			pulseId: pulse.id,
			...Object.fromEntries(Object.entries(scores(3)).map(([k, v]) => [k, String(v)]))
		};
		const refused = (await pulsePage.actions.default(event({ participant: stranger }, {}, answerFields))) as {
			status: number;
			data: { error: string };
		};
		expect(refused.status).toBe(400);
		expect(refused.data.error).toBe('error_not_found');
		expect(await statusOf(() => pulsePage.actions.default(event({ participant: null }, {}, answerFields)))).toBe(401);
		const insider = await aParticipant(w, 'Dalam');
		expect(await pulsePage.actions.default(event({ participant: insider }, {}, answerFields))).toEqual({
			answered: true
		});
		// A bad value is refused without writing anything.
		const bad = (await pulsePage.actions.default(
			event({ participant: insider }, {}, { ...answerFields, 'acted-on': '7' })
		)) as { status: number };
		expect(bad.status).toBe(400);
		expect((await openPulseFor(phone(insider)))!.answered).toEqual(scores(3));
		expect(
			await statusOf(() => agreementsPage.actions.default(event({ participant: null }, {}, { versionId: 'x' })))
		).toBe(401);
	});
});
