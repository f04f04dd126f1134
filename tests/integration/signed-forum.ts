/** A forum fit for every document: voted, planned with co-financing, minutes details filled in. */
import { addFunding, createPartner, getPlan, setItemPartners } from '$lib/plans/delivery.server';
import { createProposal } from '$lib/voting/proposals.server';
import { castAssisted, castBallot, createRound, openRound } from '$lib/voting/rounds.server';
import { closeRoundIntoPlan } from '$lib/plans/round-winners.server';
import {
	addParticipant,
	createWorkshop,
	replaceAgenda,
	setStatus,
	updateRecord,
	addAssisted
} from '$lib/workshops/workshops.server';
import { GROUPS } from '$lib/workshops/rules';
import { anOrganisationWithOwner, asRunner, asOwner, asPhone, asOrgOwner } from './factories';
import { workshopAccessFor } from '$lib/workshops/access.server';
import { itemAs, orgAsOwner } from './access';

export const TITLE = 'Musrenbang Anak 🌳 حديقة';
export const ORIGIN = 'http://rembuk.test';

/** A forum held on Saturday 14 March 2026 that voted (greedy) and planned with co-financing. */
export async function aSignedForum(language: 'id' | 'en' = 'id') {
	const { owner, organisationId } = await anOrganisationWithOwner('Shelter Dokumen');
	const w = await createWorkshop(await asOrgOwner(organisationId, 'workshop.create'), {
		title: TITLE,
		purpose: 'Menyusun usulan anak',
		kind: 'co-commissioning',
		function: 'pencegahan',
		date: '2026-03-14',
		kelurahan: 'Tamamaung',
		kecamatan: 'Panakkukang',
		groups: [...GROUPS],
		language
	});
	await setStatus(await asOwner(w.id), 'open');
	await replaceAgenda(await asOwner(w.id, 'workshop.edit'), [
		{ title: 'Pembukaan', minutes: 10 },
		{ title: 'Pemungutan suara', minutes: 30 }
	]);
	const usulan = (title: string, cost: bigint) => ({
		title,
		problem: `Masalah ${title}`,
		targetGroups: ['child-7-12' as const],
		kelurahan: 'Tamamaung',
		rw: '03',
		lorong: 'Lorong 5',
		function: 'pencegahan' as const,
		activity: '',
		volume: 2,
		unit: 'unit',
		cost,
		agency: 'DP3A',
		proposedBy: '',
		proposedByGroup: null
	});
	const lamp = await createProposal(
		await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
		usulan('Lampu lorong 💡', 30_000_000n)
	);
	const park = await createProposal(
		await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
		usulan('Taman bermain', 50_000_000n)
	);
	const bridge = await createProposal(
		await workshopAccessFor(owner.id, w.id, 'workshop.edit'),
		usulan('Jembatan kayu', 90_000_000n)
	);
	await createProposal(await workshopAccessFor(owner.id, w.id, 'workshop.edit'), usulan('Sumur bor', 15_000_000n));
	const round = await createRound(await asOwner(w.id), {
		title: 'Prioritas RW 03',
		format: 'approval',
		rule: 'greedy',
		proposalIds: [lamp, park, bridge],
		budget: 100_000_000n,
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
	const sari = await addParticipant(w, { displayName: 'Sari Rahasia', groups: ['woman'] });
	const child = await addParticipant(w, { displayName: 'Nama Anak Rahasia', groups: ['child-7-12'] });
	const elder = await addAssisted(await workshopAccessFor(owner.id, w.id, 'workshop.run'), {
		displayName: 'Pak Daeng',
		groups: ['elder']
	});
	if (!sari.ok || !child.ok || !elder.ok) throw new Error('setup');
	const choices = [
		[lamp, park, bridge],
		[lamp, bridge],
		[lamp, park]
	];
	for (const [i, p] of [sari.participant, child.participant].entries()) {
		await castBallot(
			asPhone({ id: p.id, workshopId: w.id, displayName: p.displayName, pseudonym: p.pseudonym, groups: p.groups }),
			round.id,
			choices[i]
		);
	}
	await castAssisted(await asRunner(round.id), elder.participant.id, choices[2]);
	const closed = await closeRoundIntoPlan(await asRunner(round.id));
	if (closed.ok) await closed.counted; // the winners reach the plan when the count ends
	const [lampItem] = (await getPlan(w.id)).items;
	const lampAccess = await itemAs(lampItem.id, owner.id);
	await addFunding(lampAccess, { source: 'apbd', amount: 20_000_000n, inKind: '' });
	await addFunding(lampAccess, { source: 'swadaya-labour', amount: null, inKind: 'Kerja bakti warga RW 03' });
	await setItemPartners(lampAccess, [
		await createPartner(await orgAsOwner(organisationId, 'workshop.edit'), {
			name: 'Karang Taruna Tamamaung',
			kind: 'community',
			contactName: 'Pak Kontak',
			contact: '0813-555'
		})
	]);
	await updateRecord(await asOwner(w.id, 'workshop.edit'), {
		startTime: '09:00',
		endTime: '12:00',
		leader: { name: 'Andi Fasilitator', role: 'Fasilitator Shelter Warga' },
		speakers: 'Sari Rahasia, perwakilan anak',
		decisions: 'Usulan terpilih dibawa ke Musrenbang kecamatan.',
		representatives: [
			{ name: 'Sari Rahasia', role: 'woman' },
			{ name: 'Pak Daeng', role: 'elder' }
		],
		acknowledger: { name: 'Hj. Nurhayati', role: 'Lurah Tamamaung' },
		signingPlace: 'Makassar',
		delegates: [
			{ name: 'Kancil Biru 12', role: 'child-7-12' },
			{ name: 'Sari Rahasia', role: 'woman' }
		]
	});
	return { owner, organisationId, w };
}

export const RAW_CODES = [
	'child-7-12',
	'woman',
	'elder',
	'greedy',
	'approval',
	'swadaya-labour',
	'apbd',
	'aturan: ',
	'Ø',
	'undefined',
	'null',
	'NaN'
];
