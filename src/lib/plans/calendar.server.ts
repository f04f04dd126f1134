/**
 * An organisation's delivery due dates as an iCal feed (for phone calendars). The feed
 * address carries a secret; only its SHA-256 is stored, and a new one replaces the old.
 */
import { eq } from 'drizzle-orm';
import { createEvents, type EventAttributes } from 'ics';
import { db } from '$lib/server/db';
import { organisation } from '$lib/orgs/orgs.schema';
import { workshop } from '$lib/workshops/workshops.schema';
import { m } from '$lib/paraglide/messages.js';
import { taskStatusLabel } from '$lib/plans/labels';
import { generateToken, hashToken } from '$lib/server/auth/tokens';
import { listOrganisationTasks } from './delivery.server';
import type { OrgAccess } from '$lib/orgs/access.server';

export async function issueCalendarToken(access: OrgAccess<'org.manageMembers'>): Promise<string> {
	const token = generateToken();
	await db
		.update(organisation)
		.set({ icalTokenHash: hashToken(token) })
		.where(eq(organisation.id, access.organisation.id));
	return token;
}

/**
 * Each due date is an all-day event (DTSTART and DTEND as dates, the end exclusive):
 * `DURATION:P1DT` is not valid iCalendar. Summaries and statuses are in the language of
 * the task's workshop, statuses as labels, never codes.
 */
export async function calendarFor(token: string): Promise<string | null> {
	const [org] = await db
		.select()
		.from(organisation)
		.where(eq(organisation.icalTokenHash, hashToken(token)));
	if (!org) return null;
	const tasks = (await listOrganisationTasks(org.id)).filter((t) => t.dueDate);
	const languages = new Map(
		(
			await db
				.select({ id: workshop.id, language: workshop.language })
				.from(workshop)
				.where(eq(workshop.organisationId, org.id))
		).map((w) => [w.id, w.language])
	);
	const events: EventAttributes[] = tasks.map((t) => {
		const locale = languages.get(t.item.workshopId) ?? 'id';
		const [y, m0, d] = t.dueDate!.split('-').map(Number);
		const next = new Date(Date.UTC(y, m0 - 1, d + 1));
		return {
			uid: `${t.id}@ruang-rembuk`,
			title: m.doc_ical_summary({ task: t.title, item: t.item.title }, { locale }),
			description: m.doc_ical_description(
				{ workshop: t.item.workshopTitle, status: taskStatusLabel.in(t.status, locale), progress: t.progress },
				{ locale }
			),
			start: [y, m0, d],
			end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()],
			calName: org.name
		};
	});
	if (events.length === 0)
		return [
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:ruang-rembuk',
			`X-WR-CALNAME:${org.name.replace(/[\\;,]/g, '\\$&').replace(/\r\n|\r|\n/g, '\\n')}`,
			'END:VCALENDAR',
			''
		].join('\r\n');
	const { error, value } = createEvents(events);
	if (error || !value) throw error ?? new Error('Could not build the calendar');
	return value;
}
