import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, readBoard } from '$lib/boards/model';
import { applyTemplate, copyCanvas, DEFAULT_TEMPLATES, STAGES, templateFromBoard } from './templates';

describe('co-design templates', () => {
	it('ship the three stages in Indonesian and English', () => {
		expect(DEFAULT_TEMPLATES.map((t) => t.stage)).toEqual([...STAGES]);
		for (const t of DEFAULT_TEMPLATES)
			for (const f of t.frames)
				for (const text of [f.title, f.prompt]) {
					expect(text.id.length).toBeGreaterThan(0);
					expect(text.en.length).toBeGreaterThan(0);
				}
	});

	it('lay out as framed sections with prompts, in the chosen language', () => {
		const doc = new Y.Doc();
		const discovery = DEFAULT_TEMPLATES.find((t) => t.key === 'discovery')!;
		applyTemplate(doc, discovery, 'en');
		const { frames } = readBoard(doc);
		expect(frames.map((f) => f.title)).toEqual(discovery.frames.map((f) => f.title.en));
		expect(frames.at(-1)).toMatchObject({ role: 'hmw', title: 'How might we…?' });
		// No two frames overlap.
		for (const a of frames)
			for (const b of frames) {
				if (a === b) continue;
				const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
				expect(apart).toBe(true);
			}
	});

	it('a board saved as a template keeps frames and roles, not the answers', () => {
		const doc = new Y.Doc();
		applyTemplate(doc, DEFAULT_TEMPLATES[2], 'id');
		addNote(doc, { text: 'jawaban' });
		const saved = templateFromBoard(doc, 'id');
		expect(saved.frames).toHaveLength(DEFAULT_TEMPLATES[2].frames.length);
		expect(saved.frames.at(-1)).toMatchObject({ role: 'decision', title: { id: 'Keputusan' } });
		const copy = new Y.Doc();
		applyTemplate(copy, saved, 'id');
		expect(readBoard(copy).notes).toEqual([]);
		expect(readBoard(copy).frames.map((f) => f.title)).toEqual(readBoard(doc).frames.map((f) => f.title));
	});

	it('copying a canvas keeps notes inside their (new) frames', () => {
		const from = new Y.Doc();
		const [first] = applyTemplate(from, DEFAULT_TEMPLATES[1], 'id');
		const noteId = addNote(from, { text: 'Anak-anak lorong 5', frameId: first });
		const to = new Y.Doc();
		const copied = copyCanvas(from, to);
		const view = readBoard(to);
		expect(copied.get(noteId)).toBe(view.notes[0].id);
		expect(view.frames).toHaveLength(6);
		expect(view.notes[0].text).toBe('Anak-anak lorong 5');
		expect(view.frames.find((f) => f.id === view.notes[0].frameId)?.title).toBe('Untuk siapa');
	});
});
