/**
 * Use cases for co-design: stage boards from templates, the organisation's template
 * library, promotion of board content into the plan, and prototype iterations.
 */
import { and, asc, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { agendaItem, workshop } from '$lib/workshops/workshops.schema';
import { boardTemplate } from '$lib/boards/boards.schema';
import { planItem } from '$lib/plans/plans.schema';
import { generateId } from '$lib/server/auth/tokens';
import * as realtime from '$lib/server/realtime';
import { createBoard, findBoard } from '$lib/boards/boards.server';
import { copyAuthors } from '$lib/boards/authorship.server';
import { readBoard } from '$lib/boards/model';
import { ensurePlan, findPlanItem } from '$lib/plans/plans.server';
import type { WorkshopAccess } from '$lib/workshops/access.server';
import type { BoardAccess } from '$lib/boards/access.server';
import type { PlanItemAccess } from '$lib/plans/access.server';
import {
	applyTemplate,
	copyCanvas,
	DEFAULT_TEMPLATES,
	templateFromBoard,
	type Locale,
	type Template
} from './templates';

export type TemplateChoice = { kind: 'default'; key: string } | { kind: 'saved'; id: string };

export async function listTemplates(organisationId: string) {
	const saved = await db
		.select()
		.from(boardTemplate)
		.where(eq(boardTemplate.organisationId, organisationId))
		.orderBy(asc(boardTemplate.createdAt));
	return {
		defaults: DEFAULT_TEMPLATES,
		saved: saved.map((t) => ({ id: t.id, title: t.title, stage: t.stage, frames: t.frames.length }))
	};
}

async function resolveTemplate(
	organisationId: string,
	choice: TemplateChoice
): Promise<(Pick<Template, 'frames'> & { stage: string | null }) | null> {
	if (choice.kind === 'default') {
		const found = DEFAULT_TEMPLATES.find((t) => t.key === choice.key);
		return found ? { frames: found.frames, stage: found.stage } : null;
	}
	const [row] = await db
		.select()
		.from(boardTemplate)
		.where(and(eq(boardTemplate.id, choice.id), eq(boardTemplate.organisationId, organisationId)));
	return row ? { frames: row.frames as Template['frames'], stage: row.stage } : null;
}

/** A board laid out from a template. Outcome: the board id, or 'error_not_found'. */
export async function createBoardFromTemplate(
	access: WorkshopAccess<'workshop.edit'>,
	title: string,
	choice: TemplateChoice,
	locale: Locale
) {
	const template = await resolveTemplate(access.organisation.id, choice);
	if (!template) return { ok: false as const, error: 'error_not_found' };
	const boardId = await createBoard(access.workshop.id, title, { stage: template.stage });
	await realtime.changeBoardDoc(boardId, (doc) => applyTemplate(doc, template, locale));
	return { ok: true as const, boardId };
}

/**
 * The three co-design stages at once: a board per stage and an agenda item per stage
 * (with its planned minutes), so the agenda steps through them with timers.
 */
export async function addCodesignStages(access: WorkshopAccess<'workshop.edit'>, locale: Locale) {
	const workshopId = access.workshop.id;
	const boards: string[] = [];
	for (const template of DEFAULT_TEMPLATES) {
		const created = await createBoardFromTemplate(
			access,
			template.title[locale],
			{ kind: 'default', key: template.key },
			locale
		);
		if (created.ok) boards.push(created.boardId);
	}
	const existing = await db
		.select({ position: agendaItem.position })
		.from(agendaItem)
		.where(eq(agendaItem.workshopId, workshopId));
	const start = existing.reduce((max, r) => Math.max(max, r.position + 1), 0);
	await db.insert(agendaItem).values(
		DEFAULT_TEMPLATES.map((t, i) => ({
			id: generateId(),
			workshopId,
			position: start + i,
			title: t.title[locale],
			minutes: t.minutes
		}))
	);
	return boards;
}

/** Saves a board's frames and prompts as one of the organisation's templates. */
export async function saveBoardAsTemplate(access: BoardAccess<'workshop.run'>, title: string, locale: Locale) {
	const organisationId = access.organisation.id;
	const boardId = access.board.id;
	const found = await findBoard(boardId);
	if (!found) return { ok: false as const, error: 'error_not_found' };
	const template = await realtime.readBoardDoc(boardId, (doc) => templateFromBoard(doc, locale));
	if (template.frames.length === 0) return { ok: false as const, error: 'error_template_empty' };
	const id = generateId();
	await db.insert(boardTemplate).values({ id, organisationId, title, stage: found.stage, frames: template.frames });
	return { ok: true as const, id };
}

export type PromoteTarget = { kind: 'cluster'; id: string } | { kind: 'note'; id: string } | { kind: 'canvas' };

/**
 * Board content becomes a plan item with its fields filled from the board and a link
 * back (origin board and `cluster:<id>`, `note:<id>` or `canvas`). A canvas on a board
 * that continues an earlier prototype becomes its next iteration.
 * Outcome: the plan item id, or 'error_not_found' / 'error_nothing_to_promote'.
 */
export async function promoteToPlan(access: BoardAccess<'workshop.run'>, target: PromoteTarget) {
	const boardId = access.board.id;
	const found = await findBoard(boardId);
	if (!found) return { ok: false as const, error: 'error_not_found' };
	const [w] = await db.select({ function: workshop.function }).from(workshop).where(eq(workshop.id, found.workshopId));
	const view = await realtime.readBoardDoc(boardId, readBoard);
	let title = '';
	let description = '';
	if (target.kind === 'cluster') {
		const cluster = view.clusters.find((c) => c.id === target.id);
		const notes = view.notes.filter((n) => n.clusterId === target.id);
		if (!cluster) return { ok: false as const, error: 'error_not_found' };
		title = cluster.title;
		description = notes.map((n) => `• ${n.text}`).join('\n');
	} else if (target.kind === 'note') {
		const note = view.notes.find((n) => n.id === target.id);
		if (!note) return { ok: false as const, error: 'error_not_found' };
		const frame = view.frames.find((f) => f.id === note.frameId);
		title = note.text.length > 200 ? `${note.text.slice(0, 197)}…` : note.text;
		description = frame ? `${frame.title}: ${note.text}` : note.text;
	} else {
		const sections = view.frames.filter((f) => f.role === 'canvas');
		if (sections.length === 0) return { ok: false as const, error: 'error_nothing_to_promote' };
		title = found.title;
		description = sections
			.map(
				(f) =>
					`${f.title}: ${
						view.notes
							.filter((n) => n.frameId === f.id)
							.map((n) => n.text)
							.join('; ') || '—'
					}`
			)
			.join('\n');
	}
	let iteration = 1;
	let previousItemId: string | null = null;
	if (target.kind === 'canvas' && found.continuesPlanItemId) {
		const previous = await findPlanItem(found.continuesPlanItemId);
		if (previous) {
			iteration = previous.item.iteration + 1;
			previousItemId = previous.item.id;
		}
	}
	const id = generateId();
	await db.transaction(async (tx) => {
		const planId = await ensurePlan(tx, found.workshopId);
		await tx.insert(planItem).values({
			id,
			planId,
			title: title || found.title,
			description,
			function: w.function,
			originKind: 'board',
			originBoardId: boardId,
			originRef: target.kind === 'canvas' ? 'canvas' : `${target.kind}:${target.id}`,
			iteration,
			previousItemId
		});
	});
	return { ok: true as const, id, iteration };
}

/**
 * Continues a prototype in a later workshop of the same organisation: a new board with
 * the canvas copied, linked to the plan item so that its next promotion is iteration n+1.
 * Both the item's workshop and the target workshop are checked (run permission on each).
 */
export async function continuePrototype(
	item: PlanItemAccess<'workshop.run'>,
	targetAccess: WorkshopAccess<'workshop.run'>
) {
	const itemId = item.item.id;
	const found = await findPlanItem(itemId);
	if (!found || found.item.originRef !== 'canvas' || !found.item.originBoardId)
		return { ok: false as const, error: 'error_not_found' };
	const target = targetAccess.workshop;
	if (target.organisationId !== found.organisationId) return { ok: false as const, error: 'error_not_found' };
	const source = found.item.originBoardId;
	const boardId = await createBoard(target.id, `${found.item.title} (${found.item.iteration + 1})`, {
		stage: 'prototyping',
		continuesPlanItemId: itemId
	});
	const snapshot = await realtime.readBoardDoc(source, (doc) => doc);
	const copied = await realtime.changeBoardDoc(boardId, (doc) => copyCanvas(snapshot, doc));
	await copyAuthors(source, boardId, copied);
	return { ok: true as const, boardId };
}
