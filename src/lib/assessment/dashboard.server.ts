/** The cycle dashboard's data: every source's evidence, summarised per Co (see `cycle.ts`). */
import type { OrgAccess } from '$lib/orgs/access.server';
import type { WorkshopFunction } from '$lib/workshops/rules';
import { cycleOf } from './cycle';
import { loadEvidence, SOURCES, type EvidenceSource } from './sources.server';

/** Plain values for a page: dates as ISO strings, evidence per Co newest first (at most 20 shown). */
export async function cycleDashboard(
	access: OrgAccess<'org.view'>,
	fn: WorkshopFunction | null,
	sources: readonly EvidenceSource[] = SOURCES
) {
	const evidence = await loadEvidence(access.organisation.id, sources);
	const cycle = cycleOf(evidence, fn);
	const iso = (d: Date | null) => d?.toISOString() ?? null;
	return {
		function: cycle.function,
		missing: cycle.missing,
		byFunction: cycle.byFunction,
		quarters: cycle.quarters,
		workshops: evidence.filter((e) => e.kind === 'workshops' && (fn === null || e.function === fn)).length,
		cos: cycle.cos.map((c) => ({
			co: c.co,
			happened: c.happened,
			first: iso(c.first),
			last: iso(c.last),
			kinds: c.kinds,
			level: c.level,
			count: c.evidence.length,
			evidence: [...c.evidence]
				.reverse()
				.slice(0, 20)
				.map((e) => ({
					kind: e.kind,
					title: e.title,
					at: e.at.toISOString(),
					href: e.href ?? null,
					function: e.function
				}))
		}))
	};
}
