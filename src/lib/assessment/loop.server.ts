/**
 * Closing the loop: a new discovery board starts from what the last assessments found. The
 * largest score-card gaps, "what did not work" from impact reviews, and whatever else the
 * sources find become starting notes in a frame of their own, each marked with where it
 * came from (kind, title, date).
 */
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import * as realtime from '$lib/server/realtime';
import { board } from '$lib/boards/boards.schema';
import { addFrame, addNote, MAX_NOTE_LENGTH } from '$lib/boards/model';
import { FRAME_H, FRAME_W, type Locale } from '$lib/codesign/templates';
import { m } from '$lib/paraglide/messages.js';
import type { WorkshopAccess } from '$lib/workshops/access.server';
import { evidenceLabel } from './labels';
import { loadFindings, SOURCES, type EvidenceSource, type Finding } from './sources.server';

/** At most this many starting notes, so the board stays a place to think. */
export const MAX_LOOP_NOTES = 12;

const number = (n: number, locale: Locale) =>
	n.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 });

/** A finding as a note: the finding, then where it came from. Never longer than a note may be. */
export function loopNoteText(finding: Finding, locale: Locale): string {
	const L = { locale };
	const body = finding.gap
		? m.assess_loop_gap(
				{
					indicator: finding.text,
					community: number(finding.gap.community, locale),
					provider: number(finding.gap.provider, locale),
					gap: number(Math.abs(finding.gap.gap), locale)
				},
				L
			)
		: finding.text;
	const source = m.assess_loop_source(
		{
			kind: evidenceLabel.in(finding.kind, locale),
			title: finding.title,
			date: finding.at.toLocaleDateString(locale === 'en' ? 'en-GB' : 'id-ID', {
				day: 'numeric',
				month: 'short',
				year: 'numeric',
				timeZone: 'UTC'
			})
		},
		L
	);
	const room = MAX_NOTE_LENGTH - source.length - 2;
	return `${body.length > room ? `${body.slice(0, room - 1)}…` : body}\n${source}`;
}

/**
 * Adds the findings to a discovery board of this workshop, in a frame to the right of the
 * template's. Outcome: how many notes, or why not ('error_not_found' for another workshop's
 * board, 'assess_error_not_discovery' for another stage, 'assess_error_no_findings').
 */
export async function seedLoopNotes(
	access: WorkshopAccess<'workshop.edit'>,
	boardId: string,
	locale: Locale,
	sources: readonly EvidenceSource[] = SOURCES
) {
	const [found] = await db.select().from(board).where(eq(board.id, boardId));
	if (!found || found.workshopId !== access.workshop.id) return { ok: false as const, error: 'error_not_found' };
	if (found.stage !== 'discovery') return { ok: false as const, error: 'assess_error_not_discovery' };
	const findings = (await loadFindings(access.organisation.id, sources)).slice(0, MAX_LOOP_NOTES);
	if (findings.length === 0) return { ok: false as const, error: 'assess_error_no_findings' };
	const x = 20 + 3 * (FRAME_W + 20);
	const rows = Math.ceil(findings.length / 2);
	await realtime.changeBoardDoc(boardId, (doc) =>
		doc.transact(() => {
			const frameId = addFrame(doc, {
				title: m.assess_loop_frame({}, { locale }),
				prompt: m.assess_loop_prompt({}, { locale }),
				pictogram: 'problem',
				role: 'prompt',
				x,
				y: 20,
				w: FRAME_W,
				h: Math.max(FRAME_H, 60 + rows * 150)
			});
			findings.forEach((finding, i) =>
				addNote(doc, {
					text: loopNoteText(finding, locale),
					colour: finding.kind === 'score-cards' ? 'orange' : finding.kind === 'impact-reviews' ? 'pink' : 'purple',
					pictogram: finding.gap ? 'problem' : 'idea',
					frameId,
					x: x + 10 + (i % 2) * 185,
					y: 70 + Math.floor(i / 2) * 150
				})
			);
		})
	);
	return { ok: true as const, notes: findings.length };
}
