/**
 * Demo data for a first start on the embedded database (or with DEMO=1): one
 * organisation, one facilitator, one open workshop. Demo-only credentials, printed at
 * start and written in the README.
 */
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { membership } from '$lib/orgs/orgs.schema';
import { user } from '$lib/accounts/accounts.schema';
import { workshop } from '$lib/workshops/workshops.schema';
import { signUp } from '$lib/accounts/accounts.server';
import { createWorkshop, replaceAgenda, setStatus } from '$lib/workshops/workshops.server';
import { GROUPS } from '$lib/workshops/rules';
import { createBoard } from '$lib/boards/boards.server';
import { createProposal } from '$lib/voting/proposals.server';
import { createRound, openRound } from '$lib/voting/rounds.server';

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
	const demo = await createWorkshop(created.organisationId, {
		title: 'Musrenbang Anak Kelurahan Tamamaung 2027',
		purpose: 'Mengumpulkan dan memprioritaskan usulan anak untuk pencegahan kekerasan di lingkungan.',
		kind: 'co-commissioning',
		function: 'pencegahan',
		date: '2027-01-15',
		kelurahan: 'Tamamaung',
		kecamatan: 'Panakkukang',
		groups: [...GROUPS]
	});
	await replaceAgenda(demo.id, [
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
			await createProposal(
				demo.id,
				{
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
				},
				created.user.id
			)
		);
	}
	const round = await createRound(demo.id, {
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
	if (round.ok) await openRound(round.id);
	await setStatus(demo.id, 'open');
	return demo.joinCode;
}
