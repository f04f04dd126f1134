/**
 * The organisation's kanban moves a task through the route's own action: a member who may
 * edit the workshop moves it; an observer is refused; another organisation gets 404, also
 * when it names its own organisation in the address. The page offers the move controls
 * only to those who may move.
 */
import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { actions, load } from '../../src/routes/(app)/orgs/[orgId]/tasks/+page.server';
import { createTask, findTask, getPlan } from '$lib/plans/delivery.server';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner } from './factories';
import { aSignedForum } from './signed-forum';
import { itemAs } from './access';

useTestDatabase();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const statusOf = (run: () => unknown) =>
	Promise.resolve()
		.then(run)
		.then(
			(r) => (r as { status?: number })?.status ?? 200,
			(e) => (isHttpError(e) ? e.status : 500)
		);

describe('kanban move', () => {
	it('moves for an editor; refuses observers and other organisations', async () => {
		const { owner, organisationId, w } = await aSignedForum();
		const [item] = (await getPlan(w.id)).items;
		const created = await createTask(await itemAs(item.id, owner.id), {
			title: 'Survei lokasi',
			owner: null,
			dueDate: null
		});
		if (!created.ok) throw new Error('setup');
		const taskId = created.id;
		const move = (user: unknown, orgId: string, status: string) => {
			const body = new FormData();
			body.set('taskId', taskId);
			body.set('status', status);
			return statusOf(() =>
				actions.move({
					locals: { user },
					params: { orgId },
					request: new Request('http://rembuk.test/', { method: 'POST', body })
				} as Any)
			);
		};
		const observer = await aMember(organisationId, owner.id, 'observer');
		const other = await anOrganisationWithOwner('Lain');
		expect(await move(observer, organisationId, 'done')).toBe(403);
		expect(await move(other.owner, other.organisationId, 'done')).toBe(404);
		expect(await move(other.owner, organisationId, 'done')).toBe(404);
		expect(await move(owner, organisationId, 'nonsense')).toBe(400);
		expect((await findTask(taskId))?.task.status).not.toBe('done');
		expect(await move(owner, organisationId, 'done')).toBe(200);
		expect((await findTask(taskId))?.task).toMatchObject({ status: 'done', progress: 100 });
	});

	it('offers the move controls only to those who may move', async () => {
		const { owner, organisationId } = await anOrganisationWithOwner('Kanban');
		const canMove = async (user: unknown) =>
			((await load({ locals: { user }, params: { orgId: organisationId } } as Any)) as { canMove: boolean }).canMove;
		expect(await canMove(owner)).toBe(true);
		expect(await canMove(await aMember(organisationId, owner.id, 'facilitator'))).toBe(true);
		expect(await canMove(await aMember(organisationId, owner.id, 'member'))).toBe(false);
		expect(await canMove(await aMember(organisationId, owner.id, 'observer'))).toBe(false);
	});
});
