/**
 * A short run of the fuzz harness (`npm run fuzz:collab` runs it long): every hostile
 * class against one board, then restart and idle unload keep every honest edit.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as realtime from '$lib/server/realtime';
import { createBoard } from '$lib/boards/boards.server';
import { readBoard } from '$lib/boards/model';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner, aWorkshop } from './factories';
import { connect, memberCookie, startServer, until, type Harness } from './realtime-harness';
import { fuzzBoard, formatCounts } from '../fuzz/batch';

useTestDatabase();

const PER_CLASS = Number(process.env.FUZZ_PER_CLASS ?? 6);
let h: Harness;

beforeAll(async () => {
	realtime.configure({ idleUnloadMs: 50, flushDelayMs: 20, messageBurst: 1e6, messagesPerSecond: 1e6 });
	h = await startServer();
});
afterAll(async () => {
	await h.close();
	realtime.configure({ idleUnloadMs: 50, flushDelayMs: 20 });
});

const textsOf = (doc: Y.Doc) =>
	readBoard(doc)
		.notes.map((n) => n.text)
		.sort();

it(`every hostile class (${PER_CLASS} each) leaves the board live, loadable and complete`, async () => {
	const { owner, organisationId } = await anOrganisationWithOwner();
	const boardId = await createBoard((await aWorkshop(organisationId)).id, 'fuzz');
	const cookie = await memberCookie(owner.id);
	const a = connect(h, boardId, cookie);
	const b = connect(h, boardId, cookie);
	await until(() => a.provider.synced && b.provider.synced);
	const honest: string[] = [];
	const counts = await fuzzBoard(
		{ wsOrigin: h.wsOrigin, origin: h.origin, boardId, cookie },
		{ doc: a.doc, synced: () => a.provider.synced },
		{ doc: b.doc, synced: () => b.provider.synced },
		PER_CLASS,
		9,
		honest
	);
	console.log(formatCounts(counts));
	for (const [name, count] of Object.entries(counts)) {
		expect(count.sent, name).toBe(Math.min(PER_CLASS, name === 'oversized messages' ? 20 : PER_CLASS));
		expect(Object.keys(count.otherClose), name).toEqual([]);
	}
	// A mutation that still decodes is a valid edit and may add a note: every honest one must be there.
	const live = textsOf(a.doc);
	expect(live).toEqual(expect.arrayContaining(honest));
	a.provider.destroy();
	b.provider.destroy();

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
}, 120_000);
