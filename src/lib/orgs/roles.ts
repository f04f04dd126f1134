/**
 * Who may do what inside an organisation. Pure, so pages can hide buttons with the
 * same table the server uses to refuse.
 */
export const ROLES = ['owner', 'facilitator', 'member', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
	| 'org.view'
	| 'org.manageMembers'
	| 'workshop.create'
	| 'workshop.edit'
	| 'workshop.run'
	| 'workshop.view'
	/** Write directly into a board's shared document (participants never do). */
	| 'board.edit'
	/** Record what the community can bring (community assets); observers only view. */
	| 'social.contribute';

const GRANTS: Record<Role, readonly Permission[]> = {
	owner: [
		'org.view',
		'org.manageMembers',
		'workshop.create',
		'workshop.edit',
		'workshop.run',
		'workshop.view',
		'board.edit',
		'social.contribute'
	],
	facilitator: [
		'org.view',
		'workshop.create',
		'workshop.edit',
		'workshop.run',
		'workshop.view',
		'board.edit',
		'social.contribute'
	],
	member: ['org.view', 'workshop.view', 'board.edit', 'social.contribute'],
	observer: ['org.view', 'workshop.view']
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
	return role ? GRANTS[role].includes(permission) : false;
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
