/**
 * The public follow-up page behind a workshop's join code: what became of the plan, in
 * plain language, with no personal data (no names of people, no contacts). Each item
 * shows its cost, its co-financing by source, what is still unfunded and its progress.
 */
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { workshop } from '$lib/workshops/workshops.schema';
import { getPlan } from './delivery.server';
import { unfundedOf } from './rules';

export async function publicFollowUp(joinCode: string) {
	const [w] = await db.select().from(workshop).where(eq(workshop.joinCode, joinCode));
	if (!w) return null;
	const plan = await getPlan(w.id);
	return {
		workshop: {
			title: w.title,
			date: w.date,
			kelurahan: w.kelurahan,
			kecamatan: w.kecamatan,
			status: w.status,
			joinCode: w.joinCode
		},
		planStatus: plan.status,
		items: plan.items.map((i) => ({
			title: i.title,
			description: i.description,
			function: i.function,
			progress: i.progress,
			tasks: { total: i.tasks.length, done: i.tasks.filter((t) => t.status === 'done').length },
			// Partners are organisations; their contact people are never shown here.
			partners: i.partners.map((p) => p.name),
			cost: i.cost?.toString() ?? null,
			funding: i.fundingTotals.total.toString(),
			fundingLines: i.funding.map((f) => ({
				source: f.source,
				amount: f.amount?.toString() ?? null,
				inKind: f.inKind
			})),
			unfunded: unfundedOf(i.cost, i.fundingTotals.total)?.toString() ?? null,
			origin: i.originKind
		}))
	};
}

/**
 * When a workshop's follow-up is public: once the forum is over (the workshop is closed)
 * or its plan is final. Before that the page would show a plan still being worked out,
 * to anyone holding or guessing the code; a draft or open workshop answers 404 at /f/.
 */
export function isFollowUpPublic(workshopStatus: string, planStatus: string): boolean {
	return workshopStatus === 'closed' || planStatus === 'final';
}

/** The follow-up page's content, only for a workshop whose follow-up is public. */
export async function sharedFollowUp(joinCode: string) {
	const found = await publicFollowUp(joinCode);
	return found && isFollowUpPublic(found.workshop.status, found.planStatus) ? found : null;
}
