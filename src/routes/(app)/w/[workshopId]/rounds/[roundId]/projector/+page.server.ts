import QRCode from 'qrcode';
import { workshopAccess } from '$lib/workshops/access.server';
import { roundAccess } from '$lib/voting/access.server';
import { listProposals } from '$lib/voting/proposals.server';
import { countVoters } from '$lib/voting/rounds.server';
import { publicResult } from '$lib/voting/breakdown';
import type { RoundResult } from '$lib/voting/count';
import { publicOrigin } from '$lib/server/venue';
import { getControlState } from '$lib/boards/boards.server';
import { outcomeRows } from '$lib/voting/outcome-rows';
import type { PageServerLoad } from './$types';

/** While voting is open the projector shows only how many have voted; results after reveal. */
export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends('app:round');
	const { workshop, round } = await roundAccess(
		await workshopAccess(locals, params.workshopId, 'workshop.view'),
		params.roundId
	);
	const joinUrl = `${publicOrigin(url)}/j/${workshop.joinCode}`;
	const revealed = round.status === 'closed' && round.revealed;
	const proposals = revealed ? (await listProposals(workshop.id)).filter((p) => round.proposalIds.includes(p.id)) : [];
	return {
		control: await getControlState(workshop.id),
		rule: round.rule,
		// Every proposal with a bar, its outcome and why (not only the winners).
		outcomes: revealed && round.result ? outcomeRows(round.result as unknown as RoundResult, proposals) : null,
		workshopId: workshop.id,
		roundId: round.id,
		title: round.title,
		status: round.status,
		voters: await countVoters(round.id),
		result: revealed && round.result ? publicResult(round.result as unknown as RoundResult) : null,
		proposals: proposals.map((p) => ({ id: p.id, title: p.title, cost: p.cost.toString() })),
		joinCode: workshop.joinCode,
		qrSvg: await QRCode.toString(joinUrl, { type: 'svg', margin: 1 }),
		joinUrl
	};
};
