/**
 * Demo data for a first start on the embedded database (or with DEMO=1): one
 * organisation, one facilitator, one open workshop. Demo-only credentials, printed at
 * start and written in the README.
 */
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { membership, user } from '$lib/orgs/orgs.schema';
import { workshop } from '$lib/workshops/workshops.schema';
import { signUp } from '$lib/accounts/accounts.server';
import { createWorkshop, replaceAgenda, setStatus } from '$lib/workshops/workshops.server';
import { GROUPS } from '$lib/workshops/rules';
import { createBoard } from '$lib/boards/boards.server';
import { createProposal } from '$lib/voting/proposals.server';
import { createRound, openRound } from '$lib/voting/rounds.server';
import { orgAccessFor } from '$lib/orgs/access.server';
import { workshopAccessFor } from '$lib/workshops/access.server';
import { roundAccess } from '$lib/voting/access.server';
import { startWorkshopMap } from '$lib/network/network.server';
import { addIndicator, cardAccess, createCard } from '$lib/assessment/assessment.server';

export const DEMO_EMAIL = 'fasilitator@demo.test';
export const DEMO_PASSWORD = 'demo-rembuk-2026';

/** Seeds once; returns the demo workshop's join code (null if the demo account is gone). */
export async function seedDemo(): Promise<string | null> {
	const [existing] = await db
		.select({ joinCode: workshop.joinCode })
		.from(user)
		.innerJoin(membership, eq(membership.userId, user.id))
		.innerJoin(workshop, eq(workshop.organisationId, membership.organisationId))
		.where(eq(user.email, DEMO_EMAIL))
		.limit(1);
	if (existing) return existing.joinCode;
	const created = await signUp({
		name: 'Fasilitator Demo',
		email: DEMO_EMAIL,
		password: DEMO_PASSWORD,
		organisationName: 'Shelter Warga Tamamaung (demo)'
	});
	if (!created.ok) return null;
	// The demo facilitator's own checked access, as their requests would have it.
	const owner = created.user.id;
	const demo = await createWorkshop(await orgAccessFor(owner, created.organisationId, 'workshop.create'), {
		title: 'Musrenbang Anak Kelurahan Tamamaung 2027',
		purpose: 'Mengumpulkan dan memprioritaskan usulan anak untuk pencegahan kekerasan di lingkungan.',
		kind: 'co-commissioning',
		function: 'pencegahan',
		date: '2027-01-15',
		kelurahan: 'Tamamaung',
		kecamatan: 'Panakkukang',
		groups: [...GROUPS]
	});
	const editing = await workshopAccessFor(owner, demo.id, 'workshop.edit');
	const running = await workshopAccessFor(owner, demo.id, 'workshop.run');
	await replaceAgenda(editing, [
		{ title: 'Pembukaan dan perkenalan', minutes: 10 },
		{ title: 'Menggali masalah bersama', minutes: 30 },
		{ title: 'Usulan dan pemungutan suara prioritas', minutes: 40 },
		{ title: 'Rencana tindak lanjut', minutes: 20 }
	]);
	await createBoard(demo.id, 'Menggali masalah bersama');
	const usulan = [
		['Lampu penerangan lorong menuju sekolah', 30_000_000n],
		['Taman bermain ramah anak di RW 03', 50_000_000n],
		['Jalur kursi roda ke posyandu', 40_000_000n]
	] as const;
	const ids: string[] = [];
	for (const [title, cost] of usulan) {
		ids.push(
			await createProposal(editing, {
				title,
				problem: '',
				targetGroups: ['child-7-12'],
				kelurahan: 'Tamamaung',
				rw: '03',
				lorong: '',
				function: 'pencegahan',
				activity: '',
				volume: 1,
				unit: 'paket',
				cost,
				agency: 'DP3A',
				proposedBy: '',
				proposedByGroup: 'child-7-12'
			})
		);
	}
	const round = await createRound(running, {
		title: 'Prioritas usulan anak',
		format: 'approval',
		rule: 'mes',
		proposalIds: ids,
		budget: 100_000_000n,
		minSelections: 1,
		maxSelections: null,
		pointsPerVoter: null,
		maxPointsPerProposal: null,
		topK: null,
		add1Step: undefined,
		allowChange: true
	});
	if (round.ok) await openRound(await roundAccess(running, round.id));
	// A network mapping session phones can add to (who works with whom around the children).
	await startWorkshopMap(running);
	// A community score card the children fill in on their phones (co-assessment).
	const orgRunning = await orgAccessFor(owner, created.organisationId, 'workshop.run');
	const card = await createCard(orgRunning, {
		title: 'Kartu skor: rasa aman anak di lingkungan',
		workshopId: demo.id,
		function: 'pencegahan'
	});
	if (card.ok) {
		const onCard = await cardAccess(orgRunning, card.id);
		for (const text of ['Lorong menuju sekolah terang di malam hari', 'Ada orang dewasa yang bisa dimintai tolong'])
			await addIndicator(onCard, text);
	}
	await setStatus(running, 'open');
	return demo.joinCode;
}
