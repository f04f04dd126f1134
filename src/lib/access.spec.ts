/**
 * The access layer as types: a use case that changes an organisation, a workshop or a round
 * takes a checked access value, so a call that skipped the check does not compile.
 *
 * These are compile-time checks (`npm run check` type-checks this file; vitest runs it too,
 * where `expectTypeOf` does nothing). Every `@ts-expect-error` below fails the check when
 * the call it marks starts to type-check, e.g. if `openRound` went back to taking an id.
 * Only type imports: nothing here touches a database. It spans the domains, so it sits at
 * the top of src/lib, outside any domain folder (board use cases: board-access.spec.ts).
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { OrgAccess } from '$lib/orgs/access.server';
import type { JoinedAccess, ParticipantAccess, WorkshopAccess } from '$lib/workshops/access.server';
import type { RoundAccess } from '$lib/voting/access.server';

type Workshops = typeof import('$lib/workshops/workshops.server');
type Orgs = typeof import('$lib/orgs/orgs.server');
type Accounts = typeof import('$lib/accounts/accounts.server');
type Transfer = typeof import('$lib/transfer/forum.server');
type Rounds = typeof import('$lib/voting/rounds.server');
type Proposals = typeof import('$lib/voting/proposals.server');

describe('use cases take checked access, never a bare id', () => {
	it('rounds: only a checked round of a workshop one may run', () => {
		expectTypeOf<Parameters<Rounds['openRound']>[0]>().toEqualTypeOf<RoundAccess<'workshop.run'>>();
		expectTypeOf<string>().not.toExtend<Parameters<Rounds['openRound']>[0]>();
		// The workshop alone is not enough: the round must have been checked to be in it.
		expectTypeOf<WorkshopAccess<'workshop.run'>>().not.toExtend<RoundAccess<'workshop.run'>>();
		// Viewing a round does not allow running it.
		expectTypeOf<RoundAccess<'workshop.view'>>().not.toExtend<RoundAccess<'workshop.run'>>();
		expectTypeOf<string>().not.toExtend<Parameters<Rounds['closeRound']>[0]>();
		expectTypeOf<string>().not.toExtend<Parameters<Rounds['revealRound']>[0]>();
		expectTypeOf<string>().not.toExtend<Parameters<Rounds['setPaperTotals']>[0]>();
		expectTypeOf<string>().not.toExtend<Parameters<Rounds['castAssisted']>[0]>();
		expectTypeOf<string>().not.toExtend<Parameters<Rounds['enterPaperBallot']>[0]>();
	});

	it('workshops: a viewer cannot change status, agenda or attendance', () => {
		expectTypeOf<WorkshopAccess<'workshop.view'>>().not.toExtend<Parameters<Workshops['setStatus']>[0]>();
		expectTypeOf<WorkshopAccess<'workshop.run'>>().toExtend<Parameters<Workshops['setStatus']>[0]>();
		expectTypeOf<WorkshopAccess<'workshop.view'>>().not.toExtend<Parameters<Workshops['replaceAgenda']>[0]>();
		expectTypeOf<WorkshopAccess<'workshop.edit'>>().not.toExtend<Parameters<Workshops['addAssisted']>[0]>();
		expectTypeOf<OrgAccess<'org.view'>>().not.toExtend<Parameters<Workshops['createWorkshop']>[0]>();
	});

	it('organisations: inviting, roles, resets and imports need the permission', () => {
		expectTypeOf<OrgAccess<'org.view'>>().not.toExtend<Parameters<Orgs['createInvitation']>[0]>();
		expectTypeOf<OrgAccess<'org.manageMembers'>>().toExtend<Parameters<Orgs['changeRole']>[0]>();
		expectTypeOf<OrgAccess<'workshop.create'>>().not.toExtend<Parameters<Accounts['issuePasswordReset']>[0]>();
		expectTypeOf<OrgAccess<'org.view'>>().not.toExtend<Parameters<Transfer['importForum']>[0]>();
	});

	it('a phone votes only with its participant session', () => {
		expectTypeOf<Parameters<Rounds['castBallot']>[0]>().toEqualTypeOf<JoinedAccess>();
		expectTypeOf<{ id: string; workshopId: string; groups: string[] }>().not.toExtend<JoinedAccess>();
		expectTypeOf<ParticipantAccess>().not.toExtend<WorkshopAccess>();
	});
});

/** Never called: each line must fail to type-check (the compiler proves the refusal). */
export function uncheckedCallsDoNotCompile(
	rounds: Rounds,
	workshops: Workshops,
	proposals: Proposals,
	orgs: Orgs,
	viewer: WorkshopAccess<'workshop.view'>
) {
	// @ts-expect-error a round id is not a checked round
	void rounds.openRound('some-round-id');
	// @ts-expect-error a round id is not a checked round
	void rounds.closeRound('some-round-id');
	// @ts-expect-error a workshop id is not a checked workshop
	void workshops.setStatus('some-workshop-id', 'open');
	// @ts-expect-error viewing a workshop does not allow running it
	void workshops.setStatus(viewer, 'open');
	// @ts-expect-error a workshop id is not a checked workshop
	void rounds.createRound('some-workshop-id', {} as never);
	// @ts-expect-error a workshop id is not a checked workshop
	void proposals.withdrawProposal('some-workshop-id', 'some-proposal-id');
	// @ts-expect-error an organisation id is not a checked organisation
	void orgs.changeRole('some-org-id', 'some-user-id', 'owner');
	const forged = { userId: 'u', workshop: viewer.workshop, organisation: viewer.organisation, role: 'owner' as const };
	// @ts-expect-error an access value cannot be written by hand: the brand is missing
	void workshops.setStatus(forged, 'open');
}
