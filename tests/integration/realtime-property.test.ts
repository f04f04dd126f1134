/**
 * Property: for random interleavings of honest edits (three writers adding, editing and
 * deleting notes) and hostile messages (every cheap class of the fuzz harness), the
 * honest clients converge, and after a restart the stored board equals their documents.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as realtime from '$lib/server/realtime';
import { createBoard } from '$lib/boards/boards.server';
import { addNote, deleteNote, notesOf, updateNote } from '$lib/boards/model';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner, aWorkshop } from './factories';
import { connect, memberCookie, startServer, until, type Harness } from './realtime-harness';
import { CLASSES, seeded, type HostileClass } from '../fuzz/hostile';

useTestDatabase();

let h: Harness;
let workshopId: string;
let cookie: string;

beforeAll(async () => {
	// A small compaction threshold: interleavings also cross compactions and the folding of
	// the rollback point (board-log.ts), which a rollback must rebuild to the same state.
	realtime.configure({
		idleUnloadMs: 50,
		flushDelayMs: 20,
		compactAfterRows: 7,
		messageBurst: 1e6,
		messagesPerSecond: 1e6
	});
	h = await startServer();
	const { owner, organisationId } = await anOrganisationWithOwner();
	workshopId = (await aWorkshop(organisationId)).id;
	cookie = await memberCookie(owner.id);
});
afterAll(async () => {
	await h.close();
	realtime.configure({ idleUnloadMs: 50, flushDelayMs: 20 });
});

const HOSTILE = (Object.keys(CLASSES) as HostileClass[]).filter((c) => c !== 'oversized messages');

type Step =
	| { kind: 'add'; who: number; text: string }
	| { kind: 'edit'; who: number; pick: number; text: string }
	| { kind: 'delete'; who: number; pick: number }
	| { kind: 'hostile'; cls: HostileClass; seed: number };

const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({ kind: fc.constant('add' as const), who: fc.nat(2), text: fc.string({ maxLength: 20 }) }),
	fc.record({ kind: fc.constant('edit' as const), who: fc.nat(2), pick: fc.nat(), text: fc.string({ maxLength: 20 }) }),
	fc.record({ kind: fc.constant('delete' as const), who: fc.nat(2), pick: fc.nat() }),
	fc.record({ kind: fc.constant('hostile' as const), cls: fc.constantFrom(...HOSTILE), seed: fc.nat() })
);

const contentOf = (doc: Y.Doc) =>
	JSON.stringify(Object.entries(notesOf(doc).toJSON()).sort(([a], [b]) => a.localeCompare(b)));

function sendRaw(boardId: string, message: Uint8Array): Promise<void> {
	return new Promise((resolve) => {
		const ws = new WebSocket(`${h.wsOrigin}/collab/${boardId}`, { headers: { cookie, origin: h.origin } });
		ws.on('error', () => resolve());
		ws.on('close', () => resolve());
		ws.on('open', () => {
			ws.send(message);
			ws.send(Uint8Array.from([0, 0, 1, 0]));
		});
		ws.on('message', (data: Buffer) => data[0] === 0 && data[1] === 1 && ws.close());
	});
}

it('honest documents equal the stored board after a restart, whatever hostile messages interleave', async () => {
	await fc.assert(
		fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
			const boardId = await createBoard(workshopId, 'properti');
			const writers = [0, 1, 2].map(() => connect(h, boardId, cookie));
			await until(() => writers.every((w) => w.provider.synced));
			for (const s of steps) {
				if (s.kind === 'hostile') {
					const [message] = CLASSES[s.cls](seeded(s.seed), 1);
					await sendRaw(boardId, message);
					continue;
				}
				const doc = writers[s.who].doc;
				const ids = [...notesOf(doc).keys()].sort();
				if (s.kind === 'add') addNote(doc, { text: s.text });
				else if (ids.length > 0 && s.kind === 'edit') updateNote(doc, ids[s.pick % ids.length], { text: s.text });
				else if (ids.length > 0 && s.kind === 'delete') deleteNote(doc, ids[s.pick % ids.length]);
			}
			await until(() => new Set(writers.map((w) => contentOf(w.doc))).size === 1, 5000);
			const honest = contentOf(writers[0].doc);
			for (const w of writers) w.provider.destroy();
			await h.close();
			h = await startServer();
			const reader = connect(h, boardId, cookie);
			await until(() => reader.provider.synced);
			const stored = contentOf(reader.doc);
			reader.provider.destroy();
			expect(stored).toBe(honest);
		}),
		{
			numRuns: Number(process.env.PROPERTY_RUNS ?? 8),
			seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined
		}
	);
}, 180_000);
