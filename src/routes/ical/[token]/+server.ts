import { error } from '@sveltejs/kit';
import { calendarFor } from '$lib/plans/calendar.server';
import type { RequestHandler } from './$types';

/** An organisation's due dates for phone calendars; the secret in the address is the key. */
export const GET: RequestHandler = async ({ params }) => {
	const token = params.token.replace(/\.ics$/, '');
	const ics = /^[a-z0-9]{20,64}$/.test(token) ? await calendarFor(token) : null;
	if (!ics) error(404, 'Not found');
	return new Response(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
