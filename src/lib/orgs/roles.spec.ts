import { describe, expect, it } from 'vitest';
import { can, isRole } from './roles';

describe('role permissions', () => {
	it('only owners manage members', () => {
		expect(can('owner', 'org.manageMembers')).toBe(true);
		for (const role of ['facilitator', 'member', 'observer'] as const)
			expect(can(role, 'org.manageMembers')).toBe(false);
	});

	it('facilitators run and edit workshops; members and observers only view', () => {
		expect(can('facilitator', 'workshop.run')).toBe(true);
		expect(can('member', 'workshop.edit')).toBe(false);
		expect(can('observer', 'workshop.run')).toBe(false);
		expect(can('observer', 'workshop.view')).toBe(true);
		expect(can(null, 'workshop.view')).toBe(false);
	});

	it('recognises roles', () => {
		expect(isRole('observer')).toBe(true);
		expect(isRole('admin')).toBe(false);
	});
});
