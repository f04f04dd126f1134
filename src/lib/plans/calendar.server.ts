/**
 * An organisation's delivery due dates as an iCal feed (for phone calendars). The feed
 * address carries a secret; only its SHA-256 is stored, and a new one replaces the old.
 */
import { eq } from 'drizzle-orm';
import { createEvents, type EventAttributes } from 'ics';
import { db } from '$lib/server/db';
import { organisation } from '$lib/server/db/schema';
import { generateToken, hashToken } from '$lib/server/auth/tokens';
import { listOrganisationTasks } from './delivery.server';

export async function issueCalendarToken(organisationId: string): Promise<string> {
	const token = generateToken();
	await db.update(organisation).set({ icalTokenHash: hashToken(token) }).where(eq(organisation.id, organisationId));
	return token;
}

export async function calendarFor(token: string): Promise<string | null> {
	const [org] = await db.select().from(organisation).where(eq(organisation.icalTokenHash, hashToken(token)));
	if (!org) return null;
	const tasks = (await listOrganisationTasks(org.id)).filter((t) => t.dueDate);
	const events: EventAttributes[] = tasks.map((t) => {
		const [y, m, d] = t.dueDate!.split('-').map(Number);
		return {
			uid: `${t.id}@ruang-rembuk`,
			title: `${t.title} (${t.item.title})`,
			description: `${t.item.workshopTitle}: ${t.status}, ${t.progress}%`,
			start: [y, m, d],
			duration: { days: 1 },
			calName: org.name
		};
	});
	if (events.length === 0) return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:ruang-rembuk', `X-WR-CALNAME:${org.name}`, 'END:VCALENDAR', ''].join('\r\n');
	const { error, value } = createEvents(events);
	if (error || !value) throw error ?? new Error('Could not build the calendar');
	return value;
}
