import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, createCluster, readBoard, EMPTY_BOARD } from './model';
import { boardBounds, clusterAreas, clusterAt, fitTransform, fittedFrames, NOTE_H, NOTE_W } from './layout';

function boardWith(count: number) {
	const doc = new Y.Doc();
	const ids = Array.from({ length: count }, (_, i) => addNote(doc, { text: `Catatan ${i + 1}` }));
	return { doc, ids, view: () => readBoard(doc) };
}

describe('zoom-to-fit', () => {
	it('shows every one of 28 notes inside an 889x520 canvas', () => {
		const { view } = boardWith(28);
		const v = view();
		const fit = fitTransform(boardBounds(v), 889, 520);
		for (const n of v.notes) {
			const left = n.x * fit.zoom + fit.panX;
			const top = n.y * fit.zoom + fit.panY;
			expect(left).toBeGreaterThanOrEqual(0);
			expect(top).toBeGreaterThanOrEqual(0);
			expect(left + NOTE_W * fit.zoom).toBeLessThanOrEqual(889);
			expect(top + NOTE_H * fit.zoom).toBeLessThanOrEqual(520);
		}
	});
	it('never enlarges past 100% and copes with an empty board', () => {
		const { view } = boardWith(1);
		expect(fitTransform(boardBounds(view()), 2000, 2000).zoom).toBe(1);
		expect(fitTransform(boardBounds(EMPTY_BOARD), 800, 600)).toEqual({ zoom: 1, panX: 0, panY: 0 });
	});
});

describe('clusters as areas', () => {
	it('draws a cluster around its notes and finds it under a dropped note', () => {
		const { doc, ids, view } = boardWith(8);
		const cluster = createCluster(doc, 'Keamanan', ids.slice(0, 2));
		const [area] = clusterAreas(view());
		const [a, b] = view().notes.filter((n) => ids.slice(0, 2).includes(n.id));
		expect(area.x).toBeLessThan(Math.min(a.x, b.x));
		expect(area.x + area.w).toBeGreaterThan(Math.max(a.x, b.x) + NOTE_W);
		expect(clusterAt(clusterAreas(view()), a.x + 10, a.y + 10)).toBe(cluster);
		expect(clusterAt(clusterAreas(view()), 5000, 5000)).toBe(null);
	});
});

describe('frames that fit', () => {
	it('grow to hold the notes placed in them', () => {
		const frame = {
			id: 'f',
			title: 'T',
			prompt: '',
			pictogram: null,
			role: 'prompt' as const,
			x: 0,
			y: 0,
			w: 400,
			h: 300
		};
		const notes = [
			{
				id: 'n',
				text: '',
				colour: 'yellow' as const,
				pictogram: null,
				x: 200,
				y: 500,
				clusterId: null,
				frameId: 'f',
				createdAt: 0,
				proposalId: null
			}
		];
		const [fitted] = fittedFrames({ frames: [frame], notes } as never);
		expect(fitted.h).toBeGreaterThanOrEqual(500 + NOTE_H);
		expect(fitted.w).toBeGreaterThanOrEqual(400);
	});
});
