/**
 * Co-assessment end to end against a real database: score cards scored from phones and by
 * providers, the interface meeting's numbers (and what stays hidden), agreed actions that
 * become plan items or tasks, impact reviews, closing the loop on a new discovery board,
 * the cycle dashboard, and who is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import * as realtime from '$lib/server/realtime';
import { db } from '$lib/server/db';
import { orgAccessFor } from '$lib/orgs/access.server';
import { workshopAccessFor } from '$lib/workshops/access.server';
import { createWorkshop, setStatus } from '$lib/workshops/workshops.server';
import { createBoard, listBoards } from '$lib/boards/boards.server';
import { readBoard } from '$lib/boards/model';
import { votingRound } from '$lib/voting/voting.schema';
import { createTask, finalisePlan, updateTask } from '$lib/plans/delivery.server';
import { findPlanItem, listPlanItems } from '$lib/plans/plans.server';
import { generateId } from '$lib/server/auth/tokens';
import {
	addIndicator,
	agreeAction,
	cardAccess,
	createCard,
	enterProviderScore,
	interfaceMeeting,
	listActions
} from '$lib/assessment/assessment.server';
import { addImpactReview, itemAccess, listImpactReviews } from '$lib/assessment/impact.server';
import { cycleDashboard } from '$lib/assessment/dashboard.server';
import type { SessionParticipant } from '$lib/sessions/sessions.server';
import type { WorkshopFunction } from '$lib/workshops/rules';
import { asOrgOwner, asOwner } from './factories';
import { itemAs, taskAs } from './access';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, aParticipant } from './factories';

useTestDatabase();
beforeAll(() => realtime.configure({ idleUnloadMs: 20, flushDelayMs: 10 }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const statusOf = (run: () => unknown) =>
	Promise.resolve()
		.then(run)
		.then(
			(r) => (r as { status?: number })?.status ?? 200,
			(e) => (isHttpError(e) ? e.status : (e as { status?: number })?.status === 303 ? 303 : 500)
		);

async function aWorkshopFor(organisationId: string, fn: WorkshopFunction, title = `Forum ${fn}`) {
	const w = await createWorkshop(await asOrgOwner(organisationId, 'workshop.create'), {
		title,
		purpose: '',
		kind: 'mixed',
		function: fn,
		date: '2027-01-15',
		kelurahan: 'Tamamaung',
		kecamatan: 'Panakkukang',
		groups: ['woman', 'youth']
	});
	await setStatus(await asOwner(w.id), 'open');
	return w;
}

const form = (fields: Record<string, string>) => {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	return new Request('http://127.0.0.1/', { method: 'POST', body });
};

const phonePage = () => import('../../src/routes/p/s/[cardId]/+page.server');
const cardPage = () => import('../../src/routes/(app)/orgs/[orgId]/scorecards/[cardId]/+page.server');

async function phoneScore(p: SessionParticipant, cardId: string, indicatorId: string, score: number, reason = '') {
	const { actions } = await phonePage();
	return actions.score!({
		locals: { participant: p },
		params: { cardId },
		request: form({ indicatorId, score: String(score), reason })
	} as Any);
}

async function aScoredCard() {
	const { owner, organisationId } = await anOrganisationWithOwner();
	const w = await aWorkshopFor(organisationId, 'penanganan');
	const org = await orgAccessFor(owner.id, organisationId, 'workshop.run');
	const created = await createCard(org, { title: 'Layanan shelter 2027', workshopId: w.id, function: null });
	if (!created.ok) throw new Error('setup');
	const card = await cardAccess(org, created.id);
	const wait = await addIndicator(card, 'Waktu tunggu');
	const kind = await addIndicator(card, 'Petugas ramah');
	const phones = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((n) => aParticipant(w, `Warga ${n}`)));
	return { owner, organisationId, w, org, card, cardId: created.id, wait: wait.id!, kind: kind.id!, phones };
}

describe('score cards', () => {
	it('phone and provider scores give the interface meeting its numbers, largest gap first', async () => {
		const { owner, organisationId, card, cardId, wait, kind, phones } = await aScoredCard();
		// Community: waiting is poor (1,2,1,2,1 → 1.4), staff are kind (4 each).
		for (const [i, p] of phones.entries()) {
			expect(await phoneScore(p, cardId, wait, [1, 2, 1, 2, 1][i], i === 0 ? 'Menunggu tiga jam' : '')).toEqual({
				done: 'score'
			});
			await phoneScore(p, cardId, kind, 4);
		}
		// A phone changes its mind: replaced, not added.
		await phoneScore(phones[1], cardId, wait, 1);
		// Providers: two members score themselves, three are entered from paper.
		const providers = [
			await aMember(organisationId, owner.id, 'member'),
			await aMember(organisationId, owner.id, 'member')
		];
		const { actions } = await cardPage();
		for (const who of providers) {
			for (const [indicatorId, score] of [
				[wait, 4],
				[kind, 4]
			] as const)
				expect(
					await actions.score!({
						locals: { user: who },
						params: { orgId: organisationId, cardId },
						request: form({ indicatorId, score: String(score), reason: 'Sesuai SOP' })
					} as Any)
				).toEqual({ done: 'score' });
		}
		for (const score of [4, 5, 5]) await enterProviderScore(card, { indicatorId: wait, score, reason: '' });
		for (const score of [4, 4, 5]) await enterProviderScore(card, { indicatorId: kind, score, reason: '' });

		const rows = await interfaceMeeting(cardId);
		expect(rows.map((r) => [r.text, r.community, r.provider, r.gap])).toEqual([
			['Waktu tunggu', { scorers: 5, mean: 1.2 }, { scorers: 5, mean: 4.4 }, 3.2],
			['Petugas ramah', { scorers: 5, mean: 4 }, { scorers: 5, mean: 4.2 }, 0.2]
		]);
		expect(rows[0].reasons.community).toEqual(['Menunggu tiga jam']);
		// The page a facilitator opens says the same, and names nobody.
		const page = (await (
			await cardPage()
		).load({
			locals: { user: owner },
			params: { orgId: organisationId, cardId }
		} as Any)) as Any;
		expect(page.rows[0].gap).toBe(3.2);
		expect(JSON.stringify(page)).not.toContain('Warga A');
		for (const p of phones) expect(JSON.stringify(page)).not.toContain(p.id);
	});

	it('a side with fewer than 5 scorers is too few to show; no gap, no reasons', async () => {
		const { cardId, card, wait, phones } = await aScoredCard();
		for (const p of phones.slice(0, 4)) await phoneScore(p, cardId, wait, 1, 'Lama sekali');
		for (const score of [5, 5, 5, 5, 5]) await enterProviderScore(card, { indicatorId: wait, score, reason: 'Baik' });
		const [row] = (await interfaceMeeting(cardId)).filter((r) => r.indicatorId === wait);
		expect(row.community).toEqual({ scorers: 4, mean: null });
		expect(row.provider).toEqual({ scorers: 5, mean: 5 });
		expect(row.gap).toBeNull();
		expect(row.reasons.community).toEqual([]);
		expect(row.reasons.provider).toEqual(['Baik', 'Baik', 'Baik', 'Baik', 'Baik']);
	});

	it('phones propose indicators (details masked) and refuse bad scores', async () => {
		const { cardId, wait, phones } = await aScoredCard();
		const { actions } = await phonePage();
		const propose = (text: string) =>
			actions.propose!({ locals: { participant: phones[0] }, params: { cardId }, request: form({ text }) } as Any);
		expect(await propose('Ada nomor darurat 0812 3456 7890 di papan')).toEqual({ done: 'proposed' });
		const page = (await (
			await phonePage()
		).load({ locals: { participant: phones[0] }, params: { cardId } } as Any)) as Any;
		const proposed = page.indicators.at(-1).text as string;
		expect(proposed).not.toContain('0812 3456 7890');
		expect(await statusOf(() => phoneScore(phones[0], cardId, wait, 6))).toBe(400);
		expect(await statusOf(() => phoneScore(phones[0], cardId, 'nope', 3))).toBe(400);
	});

	it('an agreed action becomes a plan item in the workshop plan, or a task, linked back', async () => {
		const { w, card, cardId, wait } = await aScoredCard();
		const asItem = await agreeAction(card, {
			text: 'Jadwal layanan malam',
			indicatorId: wait,
			target: { kind: 'plan-item' }
		});
		if (!asItem.ok) throw new Error(asItem.error);
		const items = await listPlanItems(w.id);
		expect(items.map((i) => [i.title, i.function, i.originRef])).toEqual([
			['Jadwal layanan malam', 'penanganan', `score-card:${cardId}`]
		]);
		const asTask = await agreeAction(card, {
			text: 'Tambah petugas piket',
			indicatorId: null,
			target: { kind: 'task', itemId: items[0].id }
		});
		if (!asTask.ok) throw new Error(asTask.error);
		const actions = await listActions(cardId);
		expect(actions.map((a) => [a.text, a.planItemId, a.planItemTitle, a.taskTitle, a.workshopId])).toEqual([
			['Jadwal layanan malam', items[0].id, 'Jadwal layanan malam', null, w.id],
			['Tambah petugas piket', items[0].id, 'Jadwal layanan malam', 'Tambah petugas piket', w.id]
		]);
		// Another organisation's plan item is not a place for this card's tasks.
		const other = await anOrganisationWithOwner('Lain');
		const otherW = await aWorkshopFor(other.organisationId, 'pencegahan');
		const otherCard = await createCard(await orgAccessFor(other.owner.id, other.organisationId, 'workshop.run'), {
			title: 'x',
			workshopId: otherW.id,
			function: null
		});
		if (!otherCard.ok) throw new Error('setup');
		const theirs = await agreeAction(
			await cardAccess(await orgAccessFor(other.owner.id, other.organisationId, 'workshop.run'), otherCard.id),
			{ text: 'Milik lain', indicatorId: null, target: { kind: 'plan-item' } }
		);
		if (!theirs.ok) throw new Error('setup');
		expect(
			await agreeAction(card, {
				text: 'Curang',
				indicatorId: null,
				target: { kind: 'task', itemId: theirs.planItemId }
			})
		).toEqual({ ok: false, error: 'error_not_found' });
		// A card without a workshop has no plan to add to.
		const loose = await createCard(await orgAccessFor(card.userId, card.card.organisationId, 'workshop.run'), {
			title: 'Tanpa lokakarya',
			workshopId: null,
			function: 'pencegahan'
		});
		if (!loose.ok) throw new Error('setup');
		const looseCard = await cardAccess(
			await orgAccessFor(card.userId, card.card.organisationId, 'workshop.run'),
			loose.id
		);
		expect(await agreeAction(looseCard, { text: 'x', indicatorId: null, target: { kind: 'plan-item' } })).toEqual({
			ok: false,
			error: 'assess_error_no_workshop'
		});
	});

	it('refuses: another organisation 404, an observer managing 403, a participant of another workshop 404', async () => {
		const { owner, organisationId, cardId, wait } = await aScoredCard();
		const outsider = (await anOrganisationWithOwner('Luar')).owner;
		const observer = await aMember(organisationId, owner.id, 'observer');
		const { load, actions } = await cardPage();
		const loadAs = (user: unknown) =>
			statusOf(() => load({ locals: { user }, params: { orgId: organisationId, cardId } } as Any));
		expect(await loadAs(observer)).toBe(200);
		expect(await loadAs(outsider)).toBe(404);
		expect(await loadAs(null)).toBe(401);
		// The card id under another organisation's address: 404 too.
		const outsiderOrg = await anOrganisationWithOwner('Luar 2');
		expect(
			await statusOf(() =>
				load({ locals: { user: outsiderOrg.owner }, params: { orgId: outsiderOrg.organisationId, cardId } } as Any)
			)
		).toBe(404);
		const act = (user: unknown, name: 'indicator' | 'enter' | 'score' | 'action', fields: Record<string, string>) =>
			statusOf(() =>
				actions[name]!({ locals: { user }, params: { orgId: organisationId, cardId }, request: form(fields) } as Any)
			);
		expect(await act(observer, 'indicator', { text: 'Baru' })).toBe(403);
		expect(await act(observer, 'score', { indicatorId: wait, score: '3' })).toBe(403);
		expect(await act(observer, 'enter', { indicatorId: wait, score: '3' })).toBe(403);
		expect(await act(observer, 'action', { text: 'x', target: 'plan-item' })).toBe(403);
		expect(await act(outsider, 'indicator', { text: 'Baru' })).toBe(404);
		// A phone from another workshop of the same organisation cannot see or score this card.
		const elsewhere = await aWorkshopFor(organisationId, 'pencegahan', 'Forum lain');
		const stranger = await aParticipant(elsewhere, 'Tamu');
		const phone = await phonePage();
		expect(await statusOf(() => phone.load({ locals: { participant: stranger }, params: { cardId } } as Any))).toBe(
			404
		);
		expect(await statusOf(() => phoneScore(stranger, cardId, wait, 3))).toBe(404);
		expect(await statusOf(() => phoneScore(null as Any, cardId, wait, 3))).toBe(401);
	});
});

describe('impact reviews', () => {
	it('are linked to the item and its task, open after delivery, from members and phones', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner();
		const w = await aWorkshopFor(organisationId, 'penanganan');
		const access = await workshopAccessFor(owner.id, w.id, 'board.edit');
		const { createItem } = await import('$lib/plans/delivery.server');
		const itemId = await createItem(await asOwner(w.id, 'workshop.edit'), {
			title: 'Pos pengaduan keliling',
			description: '',
			function: 'penanganan',
			location: '',
			targetGroups: [],
			cost: null,
			priorityRank: null,
			participationLevel: 'acting-together'
		});
		const t = await createTask(await itemAs(itemId), { title: 'Jadwal pos', owner: null, dueDate: null });
		if (!t.ok) throw new Error('setup');
		const review = {
			changed: 'Laporan lebih cepat',
			forWhom: 'Perempuan di RW 3',
			notWorked: 'Pos tutup saat hujan',
			rating: 4,
			evidence: 'Catatan pos',
			links: ['https://contoh.id/laporan'],
			taskId: t.id
		};
		const item = await itemAccess(access, itemId);
		expect(await addImpactReview(item, review)).toEqual({ ok: false, error: 'assess_error_not_delivered' });
		await finalisePlan(await asOwner(w.id));
		const delivered = await itemAccess(access, itemId);
		expect((await addImpactReview(delivered, review)).ok).toBe(true);
		// From a phone, through the route; their words are masked for personal details.
		const sari = await aParticipant(w, 'Sari');
		const { actions } = await import('../../src/routes/p/i/[itemId]/+page.server');
		expect(
			await actions.review!({
				locals: { participant: sari },
				params: { itemId },
				request: form({ itemId, changed: 'Anak saya dibantu, hubungi 0812 3456 7890', rating: '5' })
			} as Any)
		).toEqual({ done: 'review' });
		const reviews = await listImpactReviews([itemId]);
		expect(reviews.map((r) => [r.authorKind, r.taskId, r.rating, r.authorName])).toEqual([
			['member', t.id, 4, 'Owner'],
			['participant', null, 5, null]
		]);
		expect(reviews[1].changed).not.toContain('0812 3456 7890');
		// A task of another item is refused; a phone of another workshop gets 404.
		const otherItem = await createItem(await asOwner(w.id, 'workshop.edit'), {
			...{ title: 'Lain', description: '', function: 'penanganan', location: '', targetGroups: [] },
			cost: null,
			priorityRank: null,
			participationLevel: null
		});
		expect(await addImpactReview(await itemAccess(access, otherItem), review)).toEqual({
			ok: false,
			error: 'error_not_found'
		});
		const elsewhere = await aWorkshopFor(organisationId, 'pencegahan', 'Lain');
		const stranger = await aParticipant(elsewhere, 'Tamu');
		expect(
			await statusOf(() =>
				actions.review!({
					locals: { participant: stranger },
					params: { itemId },
					request: form({ itemId, changed: 'x', rating: '1' })
				} as Any)
			)
		).toBe(404);
		// Members' page: an observer reads, but may not write.
		const observer = await aMember(organisationId, owner.id, 'observer');
		const page = await import('../../src/routes/(app)/w/[workshopId]/impact/+page.server');
		const seen = (await page.load({ locals: { user: observer }, params: { workshopId: w.id } } as Any)) as Any;
		expect(seen.items.find((i: Any) => i.id === itemId).reviews).toHaveLength(2);
		expect(
			await statusOf(() =>
				page.actions.review!({
					locals: { user: observer },
					params: { workshopId: w.id },
					request: form({ itemId, changed: 'x', rating: '3' })
				} as Any)
			)
		).toBe(403);
		// The task page shows the item's reviews, this task's first.
		const taskPage = await import('../../src/routes/(app)/w/[workshopId]/tasks/[taskId]/+page.server');
		const tp = (await taskPage.load({
			locals: { user: owner },
			params: { workshopId: w.id, taskId: t.id }
		} as Any)) as Any;
		expect(tp.reviews.map((r: Any) => r.forTask)).toEqual([true, false]);
		expect((await findPlanItem(itemId))?.planStatus).toBe('final');
	});
});

describe('closing the loop and the cycle dashboard', () => {
	it('the last assessments become starting notes on a new discovery board, each with its source', async () => {
		const { owner, organisationId, card, cardId, wait, kind, phones } = await aScoredCard();
		for (const p of phones) {
			await phoneScore(p, cardId, wait, 1);
			await phoneScore(p, cardId, kind, 4);
		}
		for (let i = 0; i < 5; i++) {
			await enterProviderScore(card, { indicatorId: wait, score: 5, reason: '' });
			await enterProviderScore(card, { indicatorId: kind, score: 4, reason: '' });
		}
		const later = await aWorkshopFor(organisationId, 'penanganan', 'Forum berikutnya');
		const { actions } = await import('../../src/routes/(app)/w/[workshopId]/+page.server');
		const made = await actions.board!({
			locals: { user: owner },
			params: { workshopId: later.id },
			request: form({ title: 'Menggali lagi', template: 'default:discovery', fromAssessments: 'on' })
		} as Any);
		expect(made).toEqual({ saved: 'board' });
		const [board] = await listBoards(later.id);
		const view = await realtime.readBoardDoc(board.id, readBoard);
		const frame = view.frames.find((f) => f.title === 'Dari penilaian terakhir')!;
		expect(frame).toBeTruthy();
		const notes = view.notes.filter((n) => n.frameId === frame.id).map((n) => n.text);
		// Only the gap that is not zero; "Petugas ramah" has none.
		expect(notes).toHaveLength(1);
		expect(notes[0]).toContain('Waktu tunggu: warga 1, penyedia layanan 5 (selisih 4)');
		expect(notes[0]).toContain('— Kartu skor «Layanan shelter 2027»');
		// A board of another stage is refused; with nothing found, the board stands and the page says so.
		const access = await workshopAccessFor(owner.id, later.id, 'workshop.edit');
		const { seedLoopNotes } = await import('$lib/assessment/loop.server');
		const plain = await createBoard(later.id, 'Biasa');
		expect(await seedLoopNotes(access, plain, 'id')).toEqual({ ok: false, error: 'assess_error_not_discovery' });
		const fresh = await anOrganisationWithOwner('Baru');
		const freshW = await aWorkshopFor(fresh.organisationId, 'pencegahan');
		const none = await actions.board!({
			locals: { user: fresh.owner },
			params: { workshopId: freshW.id },
			request: form({ title: 'Menggali', template: 'default:discovery', fromAssessments: 'on' })
		} as Any);
		expect(none).toEqual({ saved: 'board', loopError: 'assess_error_no_findings' });
		expect(await listBoards(freshW.id)).toHaveLength(1);
		// Impact findings ("what did not work") come too, marked as such.
		const { createItem } = await import('$lib/plans/delivery.server');
		const itemId = await createItem(await asOwner(later.id, 'workshop.edit'), {
			title: 'Rumah aman',
			description: '',
			function: 'penanganan',
			location: '',
			targetGroups: [],
			cost: null,
			priorityRank: null,
			participationLevel: null
		});
		await finalisePlan(await asOwner(later.id));
		await addImpactReview(await itemAccess(await workshopAccessFor(owner.id, later.id, 'board.edit'), itemId), {
			changed: 'Ada tempat aman',
			forWhom: '',
			notWorked: 'Kunci sering hilang',
			rating: 2,
			evidence: '',
			links: [],
			taskId: null
		});
		const third = await aWorkshopFor(organisationId, 'penanganan', 'Forum ketiga');
		await actions.board!({
			locals: { user: owner },
			params: { workshopId: third.id },
			request: form({ title: 'Menggali', template: 'default:discovery', fromAssessments: 'on' })
		} as Any);
		const [thirdBoard] = await listBoards(third.id);
		const texts = (await realtime.readBoardDoc(thirdBoard.id, readBoard)).notes.map((n) => n.text);
		expect(texts.some((t) => t.startsWith('Kunci sering hilang\n— Tinjauan dampak «Rumah aman»'))).toBe(true);
	});

	it('shows all four Co’s for case handling and the missing ones for prevention', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner('Shelter Siklus');
		const handling = await aWorkshopFor(organisationId, 'penanganan', 'Musrenbang penanganan');
		const prevention = await aWorkshopFor(organisationId, 'pencegahan', 'Forum pencegahan');
		// Case handling: a vote held, a discovery board, a plan finalised and a task done, a score card.
		await db.insert(votingRound).values({
			id: generateId(),
			workshopId: handling.id,
			title: 'Prioritas penanganan',
			format: 'approval',
			rule: 'greedy',
			proposalIds: [],
			budget: 1000n,
			status: 'closed',
			closedAt: new Date('2027-02-01T00:00:00Z')
		});
		await createBoard(handling.id, 'Menggali', { stage: 'discovery' });
		const { createItem } = await import('$lib/plans/delivery.server');
		const item = await createItem(await asOwner(handling.id, 'workshop.edit'), {
			title: 'Pendamping korban',
			description: '',
			function: 'penanganan',
			location: '',
			targetGroups: [],
			cost: null,
			priorityRank: null,
			participationLevel: 'acting-together'
		});
		await finalisePlan(await asOwner(handling.id));
		const t = await createTask(await itemAs(item), { title: 'Latih pendamping', owner: null, dueDate: null });
		if (!t.ok) throw new Error('setup');
		await updateTask(await taskAs(t.id), { status: 'done', progress: 100 });
		const org = await orgAccessFor(owner.id, organisationId, 'workshop.run');
		const c = await createCard(org, { title: 'Kartu penanganan', workshopId: handling.id, function: null });
		if (!c.ok) throw new Error('setup');
		const card = await cardAccess(org, c.id);
		const ind = await addIndicator(card, 'Respon cepat');
		await enterProviderScore(card, { indicatorId: ind.id!, score: 4, reason: '' });
		// Prevention: a plan finalised and a task done, an impact review, but no vote and no board.
		const pItem = await createItem(await asOwner(prevention.id, 'workshop.edit'), {
			title: 'Sosialisasi sekolah',
			description: '',
			function: 'pencegahan',
			location: '',
			targetGroups: [],
			cost: null,
			priorityRank: null,
			participationLevel: 'information'
		});
		await finalisePlan(await asOwner(prevention.id));
		await addImpactReview(await itemAccess(await workshopAccessFor(owner.id, prevention.id, 'board.edit'), pItem), {
			changed: 'Guru tahu alur rujukan',
			forWhom: 'Guru',
			notWorked: '',
			rating: 3,
			evidence: '',
			links: [],
			taskId: null
		});
		const view = await orgAccessFor(owner.id, organisationId, 'org.view');
		const forHandling = await cycleDashboard(view, 'penanganan');
		expect(forHandling.missing).toEqual([]);
		expect(forHandling.cos.map((x) => [x.co, x.kinds.map((k) => k.kind).sort()])).toEqual([
			['co-commissioning', ['votes']],
			['co-design', ['boards']],
			['co-delivery', ['plans', 'tasks']],
			['co-assessment', ['score-cards']]
		]);
		expect(forHandling.cos.find((x) => x.co === 'co-delivery')!.level).toBe('acting-together');
		const forPrevention = await cycleDashboard(view, 'pencegahan');
		expect(forPrevention.missing).toEqual(['co-commissioning', 'co-design']);
		expect(forPrevention.cos.find((x) => x.co === 'co-assessment')!.kinds).toEqual([
			{ kind: 'impact-reviews', count: 1 }
		]);
		// Through the page, with the matrix; an observer sees it, another organisation gets 404.
		const observer = await aMember(organisationId, owner.id, 'observer');
		const page = await import('../../src/routes/(app)/orgs/[orgId]/cycle/+page.server');
		const url = new URL('http://127.0.0.1/?function=pencegahan');
		const seen = (await page.load({
			locals: { user: observer },
			params: { orgId: organisationId },
			url
		} as Any)) as Any;
		expect(seen.missing).toEqual(['co-commissioning', 'co-design']);
		expect(seen.byFunction.find((r: Any) => r.function === 'penanganan').happened).toEqual({
			'co-commissioning': true,
			'co-design': true,
			'co-delivery': true,
			'co-assessment': true
		});
		const outsider = (await anOrganisationWithOwner('Luar')).owner;
		expect(
			await statusOf(() => page.load({ locals: { user: outsider }, params: { orgId: organisationId }, url } as Any))
		).toBe(404);
	});
});
