/**
 * The use cases that change a plan, its items, tasks, partners or calendar take a checked
 * access value, never a bare id. Checked by `npm run check` (svelte-check covers spec
 * files): each `@ts-expect-error` fails the check if the call it marks ever compiles.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
	addFunding,
	addTaskNote,
	createItem,
	createPartner,
	createTask,
	deletePartner,
	finalisePlan,
	removeFunding,
	setItemPartners,
	updateItem,
	updateTask
} from './delivery.server';
import type { issueCalendarToken } from './calendar.server';
import type { PlanItemAccess, TaskAccess } from './access.server';
import type { WorkshopAccess } from '$lib/workshops/access.server';
import type { OrgAccess } from '$lib/orgs/access.server';

declare const fns: {
	updateTask: typeof updateTask;
	createTask: typeof createTask;
	finalisePlan: typeof finalisePlan;
	createPartner: typeof createPartner;
	issueCalendarToken: typeof issueCalendarToken;
};
declare const viewerTask: TaskAccess<'workshop.view'>;
declare const viewer: WorkshopAccess<'workshop.view'>;
declare const orgViewer: OrgAccess<'org.view'>;

describe('plan use cases take checked access', () => {
	it('name the access they need in their first parameter', () => {
		expectTypeOf<Parameters<typeof finalisePlan>[0]>().toEqualTypeOf<WorkshopAccess<'workshop.run'>>();
		expectTypeOf<Parameters<typeof createItem>[0]>().toEqualTypeOf<WorkshopAccess<'workshop.edit'>>();
		expectTypeOf<Parameters<typeof updateItem>[0]>().toEqualTypeOf<PlanItemAccess<'workshop.edit'>>();
		expectTypeOf<Parameters<typeof addFunding>[0]>().toEqualTypeOf<PlanItemAccess<'workshop.edit'>>();
		expectTypeOf<Parameters<typeof removeFunding>[0]>().toEqualTypeOf<PlanItemAccess<'workshop.edit'>>();
		expectTypeOf<Parameters<typeof setItemPartners>[0]>().toEqualTypeOf<PlanItemAccess<'workshop.edit'>>();
		expectTypeOf<Parameters<typeof createTask>[0]>().toEqualTypeOf<PlanItemAccess<'workshop.edit'>>();
		expectTypeOf<Parameters<typeof updateTask>[0]>().toEqualTypeOf<TaskAccess<'workshop.edit'>>();
		expectTypeOf<Parameters<typeof addTaskNote>[0]>().toEqualTypeOf<TaskAccess<'workshop.edit'>>();
		expectTypeOf<Parameters<typeof createPartner>[0]>().toEqualTypeOf<OrgAccess<'workshop.edit'>>();
		expectTypeOf<Parameters<typeof deletePartner>[0]>().toEqualTypeOf<OrgAccess<'workshop.edit'>>();
		expectTypeOf<Parameters<typeof issueCalendarToken>[0]>().toEqualTypeOf<OrgAccess<'org.manageMembers'>>();
	});

	it('refuse bare ids and a weaker permission (compile time)', () => {
		const unchecked = () => {
			// @ts-expect-error a bare task id is not a checked task
			void fns.updateTask('some-task-id', { status: 'done', progress: 100 });
			// @ts-expect-error viewing a workshop does not allow moving its tasks
			void fns.updateTask(viewerTask, { status: 'done', progress: 100 });
			// @ts-expect-error a bare item id is not a checked plan item
			void fns.createTask('some-item-id', { title: 't', owner: null, dueDate: null });
			// @ts-expect-error a bare workshop id is not a checked workshop
			void fns.finalisePlan('some-workshop-id');
			// @ts-expect-error viewing a workshop does not allow finalising its plan
			void fns.finalisePlan(viewer);
			// @ts-expect-error viewing an organisation does not allow managing its partners
			void fns.createPartner(orgViewer, { name: 'n', kind: 'ngo', contactName: '', contact: '' });
			// @ts-expect-error a bare organisation id is not a checked organisation
			void fns.issueCalendarToken('some-org-id');
		};
		expectTypeOf(unchecked).toBeFunction();
	});
});
