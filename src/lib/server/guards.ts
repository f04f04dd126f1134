/**
 * Guards for actions. Layout loads do not protect form actions (an action can be posted
 * without the page's load running), so every action calls one of these itself.
 */
import { error } from '@sveltejs/kit';

export function requireUser(locals: App.Locals) {
	if (!locals.user) error(401, 'Sign in first');
	return locals.user;
}

export function requireParticipant(locals: App.Locals) {
	if (!locals.participant) error(401, 'Join a workshop first');
	return locals.participant;
}
