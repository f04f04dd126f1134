/**
 * `npm run fuzz:collab`: every hostile class, FUZZ_PER_CLASS messages each (default 500;
 * the mutated class covers every byte position of a real note update), FUZZ_ROUNDS
 * rounds with different seeds, against a live server on PGlite. Prints counts per class.
 * After each class the server answers and an honest edit arrives within 1 s; after each
 * round the board survives a restart and an idle unload with every honest edit.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as realtime from '$lib/server/realtime';
import { createBoard } from '$lib/boards/boards.server';
import { readBoard } from '$lib/boards/model';
import { useTestDatabase } from '../integration/db';
import { anOrganisationWithOwner, aWorkshop } from '../integration/factories';
import { connect, memberCookie, startServer, until, type Harness } from '../integration/realtime-harness';
import { fuzzBoard, formatCounts, type ClassCount } from './batch';

useTestDatabase();

const PER_CLASS = Number(process.env.FUZZ_PER_CLASS ?? 500);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 2);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1e6);
let h: Harness;

beforeAll(async () => {
	realtime.configure({ idleUnloadMs: 50, flushDelayMs: 20, messageBurst: 1e6, messagesPerSecond: 1e6 });
	h = await startServer();
});
afterAll(() => h.close());

const textsOf = (doc: Y.Doc) =>
	readBoard(doc)
		.notes.map((n) => n.text)
		.sort();

it('fuzz: hostile classes against a live board', async () => {
	const { owner, organisationId } = await anOrganisationWithOwner();
	const boardId = await createBoard((await aWorkshop(organisationId)).id, 'fuzz');
	const cookie = await memberCookie(owner.id);
	const honest: string[] = [];
	const total: Record<string, ClassCount> = {};
	console.log(`fuzz:collab seed ${SEED}, ${PER_CLASS} per class, ${ROUNDS} round(s)`);
	for (let round = 0; round < ROUNDS; round++) {
		const a = connect(h, boardId, cookie);
		const b = connect(h, boardId, cookie);
		await until(() => a.provider.synced && b.provider.synced);
		const counts = await fuzzBoard(
			{ wsOrigin: h.wsOrigin, origin: h.origin, boardId, cookie },
			{ doc: a.doc, synced: () => a.provider.synced },
			{ doc: b.doc, synced: () => b.provider.synced },
			PER_CLASS,
			SEED + round,
			honest
		);
		console.log(formatCounts(counts));
		for (const [name, c] of Object.entries(counts)) {
			const t = (total[name] ??= { sent: 0, refused1007: 0, tooBig1009: 0, otherClose: {}, answered: 0, relayMs: 0 });
			t.sent += c.sent;
			t.refused1007 += c.refused1007;
			t.tooBig1009 += c.tooBig1009;
			t.answered += c.answered;
			t.relayMs = Math.max(t.relayMs, c.relayMs);
			for (const [code, n] of Object.entries(c.otherClose))
				t.otherClose[Number(code)] = (t.otherClose[Number(code)] ?? 0) + n;
		}
		// Mutations that still decode are valid edits of an authorised writer and may add
		// notes; what matters is that every honest edit is there and storage matches.
		const live = textsOf(a.doc);
		expect(live).toEqual(expect.arrayContaining(honest));
		a.provider.destroy();
		b.provider.destroy();
		// Restart, then idle unload: every honest edit loads.
		await h.close();
		h = await startServer();
		const c = connect(h, boardId, cookie);
		await until(() => c.provider.synced);
		expect(textsOf(c.doc)).toEqual(live);
		c.provider.destroy();
		await until(() => realtime.roomStats(boardId) === null);
		const d = connect(h, boardId, cookie);
		await until(() => d.provider.synced);
		expect(textsOf(d.doc)).toEqual(live);
		d.provider.destroy();
		console.log(`round ${round + 1}: ${live.length} notes live = after restart = after unload`);
		await until(() => realtime.roomStats(boardId) === null);
	}
	console.log(
		formatCounts(total) +
			`\n(relay ms: slowest honest edit after a batch; ${honest.length} honest edits survived restart and unload)`
	);
	for (const [name, c] of Object.entries(total)) expect(Object.keys(c.otherClose), name).toEqual([]);
});
