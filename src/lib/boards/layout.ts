/**
 * Geometry of the board canvas, pure so it can be tested: the box around everything on
 * a board, the zoom and pan that show all of it (zoom-to-fit), the area of each cluster
 * (the box around its notes, which notes can be dragged into), and frames grown to hold
 * the notes placed in them. Sizes are in board units (px at zoom 1).
 */
import type { BoardView, Frame, Note } from './model';

/** A note's footprint on the canvas (its CSS width and usual height). */
export const NOTE_W = 170;
export const NOTE_H = 120;
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2.5;
const AREA_PAD = 16;

export type Box = { x: number; y: number; w: number; h: number };

/** The smallest box holding all the given boxes, or null when there are none. */
export function unionBox(boxes: Box[]): Box | null {
	if (boxes.length === 0) return null;
	const x = Math.min(...boxes.map((b) => b.x));
	const y = Math.min(...boxes.map((b) => b.y));
	const right = Math.max(...boxes.map((b) => b.x + b.w));
	const bottom = Math.max(...boxes.map((b) => b.y + b.h));
	return { x, y, w: right - x, h: bottom - y };
}

export const noteBox = (note: Pick<Note, 'x' | 'y'>): Box => ({ x: note.x, y: note.y, w: NOTE_W, h: NOTE_H });

/** Frames, each at least tall and wide enough for the notes placed in it. */
export function fittedFrames(view: Pick<BoardView, 'frames' | 'notes'>): Frame[] {
	return view.frames.map((frame) => {
		const inside = view.notes.filter((n) => n.frameId === frame.id).map(noteBox);
		const around = unionBox([
			{ x: frame.x, y: frame.y, w: frame.w, h: frame.h },
			...inside.map((b) => ({ ...b, w: b.w + AREA_PAD, h: b.h + AREA_PAD }))
		]);
		return around ? { ...frame, w: around.x + around.w - frame.x, h: around.y + around.h - frame.y } : frame;
	});
}

/** Each cluster's area: the box around its notes, with a margin and room for its title. */
export function clusterAreas(
	view: Pick<BoardView, 'clusters' | 'notes'>,
	skipNoteId?: string
): (Box & { id: string; title: string })[] {
	const areas: (Box & { id: string; title: string })[] = [];
	for (const cluster of view.clusters) {
		const box = unionBox(view.notes.filter((n) => n.clusterId === cluster.id && n.id !== skipNoteId).map(noteBox));
		if (box)
			areas.push({
				id: cluster.id,
				title: cluster.title,
				x: box.x - AREA_PAD,
				y: box.y - AREA_PAD - 28,
				w: box.w + 2 * AREA_PAD,
				h: box.h + 2 * AREA_PAD + 28
			});
	}
	return areas;
}

/** Everything drawn on the board: notes, frames (as fitted) and cluster areas. */
export function boardBounds(view: Pick<BoardView, 'frames' | 'notes' | 'clusters'>): Box | null {
	return unionBox([...view.notes.map(noteBox), ...fittedFrames(view), ...clusterAreas(view)]);
}

/** Zoom and pan that show the whole box inside a viewport of width x height, with a margin. */
export function fitTransform(
	box: Box | null,
	width: number,
	height: number,
	margin = 24
): { zoom: number; panX: number; panY: number } {
	if (!box || width <= 0 || height <= 0) return { zoom: 1, panX: 0, panY: 0 };
	const zoom = clampZoom(Math.min((width - 2 * margin) / box.w, (height - 2 * margin) / box.h, 1));
	return { zoom, panX: (width - box.w * zoom) / 2 - box.x * zoom, panY: (height - box.h * zoom) / 2 - box.y * zoom };
}

export const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/** The cluster whose area holds a point (a dropped note's centre), if any; the smallest wins. */
export function clusterAt(areas: (Box & { id: string })[], x: number, y: number): string | null {
	const hits = areas.filter((a) => x >= a.x && x <= a.x + a.w && y >= a.y && y <= a.y + a.h);
	hits.sort((a, b) => a.w * a.h - b.w * b.h);
	return hits[0]?.id ?? null;
}
