/**
 * The use cases that change a board take a checked access value, never a bare id: an
 * unchecked call does not type-check. These lines are checked by `npm run check`
 * (svelte-check covers spec files); each `@ts-expect-error` fails the check if the call
 * it marks ever compiles. Nothing here touches a database: only types are imported.
 * It covers boards, co-design and safeguarding, so it sits outside the domain folders.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { approveSubmission, dotNoteAsMember, setBoardFlags, setFollow, setTimer } from '$lib/boards/boards.server';
import type { setConductor } from '$lib/voting/conductor.server';
import type { BoardAccess, ParticipantBoardAccess } from '$lib/boards/access.server';
import type {
	addCodesignStages,
	continuePrototype,
	createBoardFromTemplate,
	promoteToPlan,
	saveBoardAsTemplate
} from '$lib/codesign/codesign.server';
import type {
	deletePrivateNote,
	markHelpSeen,
	moveOffWall,
	requestHelp,
	setGuardianConsents,
	setWatchwords
} from '$lib/safeguarding/safeguarding.server';
import type { contributeNote, rejectSubmission } from '$lib/safeguarding/contributions.server';
import type { WorkshopAccess } from '$lib/workshops/access.server';

declare const fns: {
	setBoardFlags: typeof setBoardFlags;
	approveSubmission: typeof approveSubmission;
	rejectSubmission: typeof rejectSubmission;
	contributeNote: typeof contributeNote;
	setTimer: typeof setTimer;
	moveOffWall: typeof moveOffWall;
	promoteToPlan: typeof promoteToPlan;
	markHelpSeen: typeof markHelpSeen;
};
declare const viewer: BoardAccess<'workshop.view'>;
declare const viewerOfWorkshop: WorkshopAccess<'workshop.view'>;

describe('board use cases take checked access', () => {
	it('name the access they need in their first parameter', () => {
		expectTypeOf<Parameters<typeof setBoardFlags>[0]>().toEqualTypeOf<BoardAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof approveSubmission>[0]>().toEqualTypeOf<BoardAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof rejectSubmission>[0]>().toEqualTypeOf<BoardAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof dotNoteAsMember>[0]>().toEqualTypeOf<BoardAccess<'board.edit'>>();
		expectTypeOf<Parameters<typeof contributeNote>[0]>().toEqualTypeOf<ParticipantBoardAccess>();
		expectTypeOf<Parameters<typeof setTimer>[0]>().toEqualTypeOf<WorkshopAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof setFollow>[0]>().toEqualTypeOf<WorkshopAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof setConductor>[0]>().toEqualTypeOf<WorkshopAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof promoteToPlan>[0]>().toEqualTypeOf<BoardAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof saveBoardAsTemplate>[0]>().toEqualTypeOf<BoardAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof createBoardFromTemplate>[0]>().toEqualTypeOf<WorkshopAccess<'workshop.edit'>>();
		expectTypeOf<Parameters<typeof addCodesignStages>[0]>().toEqualTypeOf<WorkshopAccess<'workshop.edit'>>();
		expectTypeOf<Parameters<typeof continuePrototype>[1]>().toEqualTypeOf<WorkshopAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof moveOffWall>[0]>().toEqualTypeOf<BoardAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof deletePrivateNote>[0]>().toEqualTypeOf<WorkshopAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof markHelpSeen>[0]>().toEqualTypeOf<WorkshopAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof setWatchwords>[0]>().toEqualTypeOf<WorkshopAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof setGuardianConsents>[0]>().toEqualTypeOf<WorkshopAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof requestHelp>[0]>().not.toBeString();
	});

	it('refuse bare ids, forged objects and a weaker permission (compile time)', () => {
		// Never called: the calls only have to fail to type-check.
		const unchecked = () => {
			// @ts-expect-error a bare board id is not a checked board
			void fns.setBoardFlags('some-board-id', { locked: true });
			// @ts-expect-error a bare board id is not a checked board
			void fns.approveSubmission('some-board-id', 'submission');
			// @ts-expect-error a bare board id is not a checked board
			void fns.rejectSubmission('some-board-id', 'submission');
			// @ts-expect-error a participant record is not a checked phone on this board
			void fns.contributeNote({ id: 'p', workshopId: 'w' }, { id: 'n', text: 't', colour: 'yellow', pictogram: null });
			// @ts-expect-error a bare workshop id is not a checked workshop
			void fns.setTimer('some-workshop-id', 5);
			// @ts-expect-error a look-alike object without the brand is refused
			void fns.setTimer({ userId: 'u', workshop: {}, organisation: {}, role: 'owner' }, 5);
			// @ts-expect-error viewing a board does not allow running it
			void fns.setBoardFlags(viewer, { locked: true });
			// @ts-expect-error viewing a board does not allow moving notes off the wall
			void fns.moveOffWall(viewer, 'note');
			// @ts-expect-error viewing a board does not allow promoting it into the plan
			void fns.promoteToPlan(viewer, { kind: 'canvas' });
			// @ts-expect-error viewing a workshop does not allow marking help seen
			void fns.markHelpSeen(viewerOfWorkshop, 'request');
		};
		expectTypeOf(unchecked).toBeFunction();
	});
});
