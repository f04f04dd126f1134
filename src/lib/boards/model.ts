/**
 * The board model: the one place that knows the shape of a board's Y.Doc.
 *
 *   doc.getMap('notes')    id -> Y.Map { text, colour, pictogram, x, y, clusterId, frameId,
 *                                        createdAt, proposalId (set by the server when promoted) }
 *   doc.getMap('clusters') id -> Y.Map { title }
 *   doc.getMap('frames')   id -> Y.Map { title, prompt, pictogram, role, x, y, w, h }
 *   doc.getMap('dots')     noteId -> how many dots (open dot voting; written by the server)
 *   doc.getMap('reactions') `${noteId}|${emoji}` -> how many (written by the server)
 *
 * The document holds no person: every device in the room downloads it, children's
 * too. Who wrote a note, and whose dots and reactions these are, the server keeps in
 * SQL (see boards/authorship.server.ts). Boards written before that carried author
 * fields and per-person keys; `takeLegacyPeople` moves them out once, on load.
 *
 * Everything else reads and writes through these functions, so pages, the server's
 * participant actions and templates agree.
 */
import * as Y from 'yjs';

export const COLOURS = ['yellow', 'green', 'blue', 'pink', 'orange', 'purple'] as const;
export type Colour = (typeof COLOURS)[number];

/** Pictograms for people who read little: a small fixed set, shown large. */
export const PICTOGRAMS = ['idea', 'problem', 'heart', 'home', 'school', 'health', 'safety', 'play'] as const;
export type Pictogram = (typeof PICTOGRAMS)[number];
export const PICTOGRAM_EMOJI: Record<Pictogram, string> = {
	idea: '💡',
	problem: '⚠️',
	heart: '❤️',
	home: '🏠',
	school: '🏫',
	health: '🩺',
	safety: '🛡️',
	play: '⚽'
};

export const REACTIONS = ['👍', '❤️', '❓'] as const;
export const MAX_NOTE_LENGTH = 500;

export type AuthorKind = 'member' | 'participant';
/** Fields older boards (and old or hostile clients) put on a note; never read, always removed. */
export const AUTHOR_FIELDS = ['authorId', 'authorName', 'authorKind'] as const;

export type Note = {
	id: string;
	text: string;
	colour: Colour;
	pictogram: Pictogram | null;
	x: number;
	y: number;
	clusterId: string | null;
	frameId: string | null;
	createdAt: number;
	/** The proposal (usulan) this note was promoted to, if any. */
	proposalId: string | null;
};

export type Cluster = { id: string; title: string };
/** `role` tells promotion what a frame holds: a How-Might-We, a decision, a prototype canvas section. */
export type FrameRole = 'prompt' | 'hmw' | 'decision' | 'canvas';
export type Frame = {
	id: string;
	title: string;
	prompt: string;
	pictogram: Pictogram | null;
	role: FrameRole;
	x: number;
	y: number;
	w: number;
	h: number;
};

export type NoteInput = Partial<Omit<Note, 'id' | 'createdAt' | 'proposalId'>> & Pick<Note, 'text'>;

/**
 * A participant's note as the phone sends it (and keeps it in its outbox until sent): the
 * id is the phone's, so a resend is recognised; `private`: only for the facilitator.
 */
export type Contribution = {
	id: string;
	text: string;
	colour: Colour;
	pictogram: Pictogram | null;
	frameId?: string | null;
	private?: boolean;
};

export const notesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('notes');
export const clustersOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('clusters');
export const framesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('frames');
export const reactionsOf = (doc: Y.Doc) => doc.getMap<number>('reactions');
export const dotsOf = (doc: Y.Doc) => doc.getMap<number>('dots');

export function isColour(value: unknown): value is Colour {
	return typeof value === 'string' && (COLOURS as readonly string[]).includes(value);
}
export function isPictogram(value: unknown): value is Pictogram {
	return typeof value === 'string' && (PICTOGRAMS as readonly string[]).includes(value);
}

export function newId(): string {
	return crypto.randomUUID();
}

/** Strictly increasing creation times in this process, so notes added together keep their order. */
let lastStamp = 0;
function stamp(): number {
	lastStamp = Math.max(Date.now(), lastStamp + 1);
	return lastStamp;
}

export function addNote(doc: Y.Doc, input: NoteInput, id = newId(), origin?: unknown): string {
	doc.transact(() => {
		const note = new Y.Map<unknown>();
		const count = notesOf(doc).size;
		const fields: Omit<Note, 'id' | 'proposalId'> = {
			text: input.text.slice(0, MAX_NOTE_LENGTH),
			colour: isColour(input.colour) ? input.colour : 'yellow',
			pictogram: isPictogram(input.pictogram) ? input.pictogram : null,
			// New notes fan out in a grid so they never land on top of each other.
			x: input.x ?? 40 + (count % 6) * 190,
			y: input.y ?? 40 + Math.floor(count / 6) * 150,
			clusterId: input.clusterId ?? null,
			frameId: input.frameId ?? null,
			createdAt: stamp()
		};
		for (const [key, value] of Object.entries(fields)) note.set(key, value);
		notesOf(doc).set(id, note);
	}, origin);
	return id;
}

export function updateNote(
	doc: Y.Doc,
	id: string,
	patch: Partial<Pick<Note, 'text' | 'colour' | 'pictogram' | 'x' | 'y' | 'clusterId' | 'frameId'>>,
	origin?: unknown
): void {
	const note = notesOf(doc).get(id);
	if (!note) return;
	doc.transact(() => {
		if (patch.text !== undefined) note.set('text', patch.text.slice(0, MAX_NOTE_LENGTH));
		if (patch.colour !== undefined && isColour(patch.colour)) note.set('colour', patch.colour);
		if (patch.pictogram !== undefined) note.set('pictogram', isPictogram(patch.pictogram) ? patch.pictogram : null);
		if (patch.x !== undefined) note.set('x', Math.round(patch.x));
		if (patch.y !== undefined) note.set('y', Math.round(patch.y));
		if (patch.clusterId !== undefined) note.set('clusterId', patch.clusterId);
		if (patch.frameId !== undefined) note.set('frameId', patch.frameId);
	}, origin);
}

export function deleteNote(doc: Y.Doc, id: string, origin?: unknown): void {
	doc.transact(() => {
		notesOf(doc).delete(id);
		const reactions = reactionsOf(doc);
		for (const key of [...reactions.keys()]) if (key.startsWith(`${id}|`)) reactions.delete(key);
		dotsOf(doc).delete(id);
	}, origin);
}

export function hasNote(doc: Y.Doc, id: string): boolean {
	return notesOf(doc).has(id);
}

/** Groups notes into a new cluster with a title. */
export function createCluster(doc: Y.Doc, title: string, noteIds: string[], origin?: unknown): string {
	const id = newId();
	doc.transact(() => {
		const cluster = new Y.Map<unknown>();
		cluster.set('title', title.slice(0, 200));
		clustersOf(doc).set(id, cluster);
		for (const noteId of noteIds) notesOf(doc).get(noteId)?.set('clusterId', id);
	}, origin);
	return id;
}

export function renameCluster(doc: Y.Doc, id: string, title: string, origin?: unknown): void {
	doc.transact(() => clustersOf(doc).get(id)?.set('title', title.slice(0, 200)), origin);
}

/** Removes a cluster; its notes stay on the board, ungrouped. */
export function deleteCluster(doc: Y.Doc, id: string, origin?: unknown): void {
	doc.transact(() => {
		clustersOf(doc).delete(id);
		for (const note of notesOf(doc).values()) if (note.get('clusterId') === id) note.set('clusterId', null);
	}, origin);
}

export function addFrame(doc: Y.Doc, frame: Omit<Frame, 'id'>, id = newId(), origin?: unknown): string {
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		for (const [key, value] of Object.entries(frame)) map.set(key, value);
		framesOf(doc).set(id, map);
	}, origin);
	return id;
}

export function updateFrame(
	doc: Y.Doc,
	id: string,
	patch: { title?: string; prompt?: string },
	origin?: unknown
): void {
	const frame = framesOf(doc).get(id);
	if (!frame) return;
	doc.transact(() => {
		if (patch.title !== undefined) frame.set('title', patch.title.slice(0, 200));
		if (patch.prompt !== undefined) frame.set('prompt', patch.prompt.slice(0, 500));
	}, origin);
}

/** The server sets a note's reaction count for one emoji from its per-person records. */
export function setReactionCount(doc: Y.Doc, noteId: string, emoji: string, count: number, origin?: unknown): void {
	if (!hasNote(doc, noteId) || !(REACTIONS as readonly string[]).includes(emoji)) return;
	const key = `${noteId}|${emoji}`;
	doc.transact(() => {
		if (count > 0) reactionsOf(doc).set(key, count);
		else reactionsOf(doc).delete(key);
	}, origin);
}

/**
 * Open dot voting (visible, not secret): the server counts each person's dots in SQL
 * and sets here only how many a note has.
 */
export function setDotCount(doc: Y.Doc, noteId: string, count: number, origin?: unknown): void {
	if (!hasNote(doc, noteId)) return;
	doc.transact(() => {
		if (count > 0) dotsOf(doc).set(noteId, count);
		else dotsOf(doc).delete(noteId);
	}, origin);
}

function readNote(id: string, map: Y.Map<unknown>): Note {
	const get = <T>(key: string, fallback: T) => (map.get(key) ?? fallback) as T;
	return {
		id,
		text: String(get('text', '')),
		colour: isColour(map.get('colour')) ? (map.get('colour') as Colour) : 'yellow',
		pictogram: isPictogram(map.get('pictogram')) ? (map.get('pictogram') as Pictogram) : null,
		x: Number(get('x', 0)) || 0,
		y: Number(get('y', 0)) || 0,
		clusterId: (map.get('clusterId') as string | null) ?? null,
		frameId: (map.get('frameId') as string | null) ?? null,
		createdAt: Number(get('createdAt', 0)),
		proposalId: (map.get('proposalId') as string | null) ?? null
	};
}

/** The note keeps a link to the proposal it became (written by the server). */
export function linkNoteToProposal(doc: Y.Doc, noteId: string, proposalId: string, origin?: unknown): boolean {
	const note = notesOf(doc).get(noteId);
	if (!note) return false;
	doc.transact(() => note.set('proposalId', proposalId), origin);
	return true;
}

/** Plain snapshot of the board for rendering, oldest note first. */
export function readBoard(doc: Y.Doc) {
	const notes = [...notesOf(doc).entries()]
		.map(([id, map]) => readNote(id, map))
		.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
	const clusters: Cluster[] = [...clustersOf(doc).entries()].map(([id, map]) => ({
		id,
		title: String(map.get('title') ?? '')
	}));
	const frames: Frame[] = [...framesOf(doc).entries()].map(([id, map]) => ({
		id,
		title: String(map.get('title') ?? ''),
		prompt: String(map.get('prompt') ?? ''),
		pictogram: isPictogram(map.get('pictogram')) ? (map.get('pictogram') as Pictogram) : null,
		role: (['hmw', 'decision', 'canvas'].includes(String(map.get('role'))) ? map.get('role') : 'prompt') as FrameRole,
		x: Number(map.get('x') ?? 0),
		y: Number(map.get('y') ?? 0),
		w: Number(map.get('w') ?? 400),
		h: Number(map.get('h') ?? 300)
	}));
	// Counts only; keys of the older per-person shape (three parts) are not counted.
	const reactions = new Map<string, Record<string, number>>();
	for (const [key, value] of reactionsOf(doc).entries()) {
		const [noteId, emoji, extra] = key.split('|');
		if (extra !== undefined || !notesOf(doc).has(noteId)) continue;
		const counts = reactions.get(noteId) ?? {};
		counts[emoji] = Math.max(0, Number(value) || 0);
		reactions.set(noteId, counts);
	}
	const dots = new Map<string, number>();
	for (const [noteId, value] of dotsOf(doc).entries()) {
		if (!noteId.includes('|') && notesOf(doc).has(noteId)) dots.set(noteId, Math.max(0, Number(value) || 0));
	}
	return { notes, clusters, frames, reactions, dots };
}
export type BoardView = ReturnType<typeof readBoard>;

/** The maps a person's undo history covers. */
export function undoScope(doc: Y.Doc) {
	return [notesOf(doc), clustersOf(doc), framesOf(doc), reactionsOf(doc), dotsOf(doc)];
}

/** What a page shows before its connection exists. */
export const EMPTY_BOARD: BoardView = { notes: [], clusters: [], frames: [], reactions: new Map(), dots: new Map() };
