/**
 * Board integrity (issue: no message from any client can corrupt, silence or bloat a
 * board). Each case sends what a signed-in writer could send through a raw socket, then
 * checks: the sender is closed with 1007, another client still receives an edit within
 * a second, and after a restart and after an idle unload the board loads with every
 * honest edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { db } from '$lib/server/db';
import { board, boardQuarantine, boardUpdate } from '../../src/lib/boards/boards.schema';
import * as realtime from '$lib/server/realtime';
import { createBoard } from '$lib/boards/boards.server';
import { recoveryOf } from '$lib/boards/board-store.server';
import { addNote, readBoard } from '$lib/boards/model';
import { useTestDatabase } from './db';
import { anOrganisationWithOwner, aWorkshop } from './factories';
import { connect, memberCookie, rawClose, startServer, until, type Harness } from './realtime-harness';
import * as hostile from '../fuzz/hostile';

useTestDatabase();

let h: Harness;
let workshopId: string;
let cookie: string;

beforeAll(async () => {
	realtime.configure({ idleUnloadMs: 50, flushDelayMs: 20 });
	h = await startServer();
	const { owner, organisationId } = await anOrganisationWithOwner();
	workshopId = (await aWorkshop(organisationId)).id;
	cookie = await memberCookie(owner.id);
});

afterAll(async () => {
	await h.close();
});

/** `until` that says which wait timed out. */
const waitFor = (line: number, check: () => boolean, ms?: number) =>
	until(check, ms).catch(() => Promise.reject(new Error(`timed out waiting (line ${line})`)));

const note = (text: string) => ({ text });
const textsOf = (doc: Y.Doc) =>
	readBoard(doc)
		.notes.map((n) => n.text)
		.sort();

function openRaw(boardId: string): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(`${h.wsOrigin}/collab/${boardId}`, { headers: { cookie, origin: h.origin } });
		ws.on('open', () => resolve(ws));
		ws.on('error', reject);
	});
}

/** Sends messages one by one on raw sockets; returns the close codes the server gave. */
async function sendHostile(boardId: string, messages: Uint8Array[]): Promise<number[]> {
	const codes: number[] = [];
	let ws = await openRaw(boardId);
	for (const message of messages) {
		if (ws.readyState !== WebSocket.OPEN) ws = await openRaw(boardId);
		let onClose = (_code: number) => {};
		const closed = new Promise<number | null>((resolve) => {
			onClose = (code: number) => resolve(code);
			ws.once('close', onClose);
			// A sync step 1 after the message: its answer shows the message was processed.
			ws.on('message', (data: Buffer) => data[0] === 0 && data[1] === 1 && resolve(null));
		});
		ws.send(message);
		if (ws.readyState === WebSocket.OPEN) ws.send(Uint8Array.from([0, 0, 1, 0]));
		const code = await closed;
		ws.removeAllListeners('message');
		ws.off('close', onClose);
		if (code !== null) codes.push(code);
	}
	ws.close();
	return codes;
}

/** A board with two honest notes and two connected writers; returns a check to run after an attack. */
async function boardUnderAttack(title: string) {
	const boardId = await createBoard(workshopId, title);
	const a = connect(h, boardId, cookie);
	const b = connect(h, boardId, cookie);
	await waitFor(80, () => a.provider.synced && b.provider.synced);
	addNote(a.doc, note('sebelum 1'));
	addNote(b.doc, note('sebelum 2'));
	await waitFor(83, () => textsOf(a.doc).length === 2 && textsOf(b.doc).length === 2);
	return {
		boardId,
		/** After the attack: live relay, then restart and idle unload keep every honest note. */
		async verify(extra: string[] | 'whatever applied' = []) {
			addNote(a.doc, note('sesudah'));
			await waitFor(89, () => textsOf(b.doc).includes('sesudah'), 1000);
			const honest = textsOf(a.doc);
			if (extra === 'whatever applied')
				expect(honest).toEqual(expect.arrayContaining(['sebelum 1', 'sebelum 2', 'sesudah']));
			else expect(honest).toEqual(['sebelum 1', 'sebelum 2', 'sesudah', ...extra].sort());
			expect(textsOf(b.doc)).toEqual(honest);
			a.provider.destroy();
			b.provider.destroy();
			// Restart: everything flushed and compacted, then loaded by a new server.
			await h.close();
			h = await startServer();
			const c = connect(h, boardId, cookie);
			let refused = 0;
			c.provider.on('connection-close', () => refused++);
			await waitFor(102, () => c.provider.synced);
			expect(textsOf(c.doc)).toEqual(honest);
			expect(refused).toBe(0);
			c.provider.destroy();
			// Idle unload, then a fresh load.
			await waitFor(107, () => realtime.roomStats(boardId) === null);
			const d = connect(h, boardId, cookie);
			await waitFor(109, () => d.provider.synced);
			expect(textsOf(d.doc)).toEqual(honest);
			d.provider.destroy();
		}
	};
}

describe('hostile updates from a writer', () => {
	it('a zero-length struct is refused (1007) and never reaches the document or storage', async () => {
		const attack = await boardUnderAttack('zero-length');
		const codes = await sendHostile(attack.boardId, [
			hostile.syncMessage(hostile.zeroLengthDeleted(4242)),
			hostile.syncMessage(hostile.zeroLengthStruct(4243)),
			hostile.syncMessage(hostile.zeroLengthStruct(4243)),
			hostile.syncMessage(hostile.zeroLengthDelete(4244))
		]);
		expect(codes).toEqual([1007, 1007, 1007, 1007]);
		await attack.verify();
	});

	it('a chain of 3,000 nested maps and its deletion neither silence the room nor break loading', async () => {
		const attack = await boardUnderAttack('deep types');
		const codes = await sendHostile(attack.boardId, [
			hostile.syncMessage(hostile.deepTypes(5151, 3000)),
			hostile.syncMessage(hostile.deleteFirst(5151))
		]);
		expect(codes[0]).toBe(1007);
		await attack.verify();
	});

	it('values nested 6,000 and 20,000 deep are refused; the room keeps relaying', async () => {
		const attack = await boardUnderAttack('deep value');
		// 6,000 deep still decodes, so Yjs would integrate it and every client would have to decode it too.
		const deep = [hostile.deepValue(6161, 6_000), hostile.deepValue(6162, 20_000)];
		expect(
			await sendHostile(
				attack.boardId,
				deep.map((u) => hostile.syncMessage(u))
			)
		).toEqual([1007, 1007]);
		await attack.verify();
	});

	it('a missing-dependency flood is refused past a small bound and never reaches snapshots or new clients', async () => {
		const attack = await boardUnderAttack('pending flood');
		const flood = Array.from({ length: 150 }, (_, i) => hostile.syncMessage(hostile.missingDependency(7000 + i, 900)));
		const codes = await sendHostile(attack.boardId, flood);
		expect(codes.length).toBeGreaterThan(120);
		expect(new Set(codes)).toEqual(new Set([1007]));
		// The room itself holds no more than the bound.
		expect(realtime.roomStats(attack.boardId)!.pendingBytes).toBeLessThanOrEqual(16 * 1024);
		// What a new client downloads stays about the size of the honest notes.
		const fresh = connect(h, attack.boardId, cookie);
		let downloaded = 0;
		fresh.doc.on('update', (u: Uint8Array) => (downloaded += u.byteLength));
		const closes: unknown[] = [];
		fresh.provider.on('connection-close', (e: { code: number; reason: string } | null) =>
			closes.push([e?.code, e?.reason, Date.now()])
		);
		fresh.provider.on('connection-error', (e: unknown) => closes.push(['error', String(e), Date.now()]));
		const t0 = Date.now();
		await waitFor(154, () => fresh.provider.synced).catch((e) => {
			throw new Error(
				`${e.message} ${JSON.stringify(closes)} t0=${t0} ${JSON.stringify(realtime.roomStats(attack.boardId))}`
			);
		});
		expect(downloaded).toBeLessThan(5_000);
		fresh.provider.destroy();
		await attack.verify();
		const [row] = await db.select({ snapshot: board.snapshot }).from(board).where(eq(board.id, attack.boardId));
		expect(row.snapshot!.byteLength).toBeLessThan(5_000);
	});

	it('with the shape check switched off, what Yjs half-applies is rolled back: the room relays and loads', async () => {
		// This tests the second line on its own: transactional integration and rollback.
		realtime.configure({
			idleUnloadMs: 50,
			flushDelayMs: 20,
			updateBounds: { maxTypeDepth: 1e6, maxValueDepth: 1e6, maxContentLength: 1e9, maxKeyLength: 1e6 }
		});
		try {
			const attack = await boardUnderAttack('half applied');
			const valid = hostile.noteUpdate('setengah');
			const codes = await sendHostile(attack.boardId, [
				hostile.syncMessage(Y.mergeUpdates([valid, hostile.deepTypes(8181, 3000)])),
				hostile.syncMessage(hostile.deleteFirst(8181)),
				hostile.syncMessage(hostile.zeroLengthDeleted(8282)),
				hostile.syncMessage(hostile.zeroLengthDeleted(8282))
			]);
			expect(codes).toContain(1007);
			expect(realtime.roomStats(attack.boardId)!.rolledBack).toBeGreaterThan(0);
			// What applied cleanly was published and stays; what threw was rolled back. The
			// live clients, the restarted server and the reloaded board must agree.
			await attack.verify('whatever applied');
		} finally {
			realtime.configure({ idleUnloadMs: 50, flushDelayMs: 20 });
		}
	});
});

describe('awareness and cookies', () => {
	it("a connection cannot take over another connection's awareness client id", async () => {
		const boardId = await createBoard(workshopId, 'awareness');
		const a = connect(h, boardId, cookie);
		const b = connect(h, boardId, cookie);
		const thief = connect(h, boardId, cookie);
		await waitFor(191, () => a.provider.synced && b.provider.synced && thief.provider.synced);
		a.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 });
		await waitFor(
			193,
			() =>
				(b.provider.awareness.getStates().get(a.doc.clientID) as { cursor?: { x: number } } | undefined)?.cursor?.x ===
				1
		);
		// The thief announces a's id (its own connection announced nothing else yet? it did: its own id first).
		const stolen = new WebSocket(`${h.wsOrigin}/collab/${boardId}`, { headers: { cookie, origin: h.origin } });
		await new Promise((resolve) => stolen.on('open', resolve));
		const { encodeAwarenessUpdate, Awareness } = await import('y-protocols/awareness');
		const fake = new Awareness(new Y.Doc());
		fake.clientID = a.doc.clientID;
		fake.setLocalState({ cursor: { x: 999, y: 999 } });
		(fake.meta.get(a.doc.clientID) as { clock: number }).clock = 1000;
		const message = new Uint8Array([1, ...varBytes(encodeAwarenessUpdate(fake, [a.doc.clientID]))]);
		stolen.send(message);
		// Something later from a still arrives, so the stolen one had its chance.
		a.provider.awareness.setLocalStateField('cursor', { x: 2, y: 2 });
		await waitFor(
			206,
			() =>
				(b.provider.awareness.getStates().get(a.doc.clientID) as { cursor?: { x: number } } | undefined)?.cursor?.x ===
				2
		);
		await new Promise((r) => setTimeout(r, 100));
		expect((b.provider.awareness.getStates().get(a.doc.clientID) as { cursor: { x: number } }).cursor.x).toBe(2);
		stolen.close();
		for (const c of [a, b, thief]) c.provider.destroy();
	});

	it('a malformed session cookie is a 4401, not a server error', async () => {
		const boardId = await createBoard(workshopId, 'cookie');
		expect(await rawClose(h, boardId, { cookie: 'session=%E0%A4%A' })).toBe(4401);
		expect(await rawClose(h, boardId, { cookie: 'session=%' })).toBe(4401);
	});
});

describe('storage always loads what it wrote', () => {
	it('a board whose snapshot cannot load falls back, keeps the log rows that apply, and quarantines the rest', async () => {
		const boardId = await createBoard(workshopId, 'recovery');
		// A good previous snapshot, a poisoned current one, one good and one poisoned log row.
		const good = new Y.Doc();
		addNote(good, note('dari snapshot lama'));
		const goodSnapshot = Y.encodeStateAsUpdate(good);
		const poisoned = new Y.Doc();
		Y.applyUpdate(poisoned, goodSnapshot);
		try {
			Y.applyUpdate(poisoned, hostile.zeroLengthDeleted(99));
		} catch {
			/* Yjs half-applies it: exactly the corrupt state the old server stored */
		}
		const badSnapshot = Y.mergeUpdates([goodSnapshot, hostile.zeroLengthDeleted(99)]);
		const later = new Y.Doc();
		Y.applyUpdate(later, goodSnapshot);
		const before = Y.encodeStateVector(later);
		addNote(later, note('dari log'));
		const goodRow = Y.encodeStateAsUpdate(later, before);
		await db.update(board).set({ snapshot: badSnapshot, previousSnapshot: goodSnapshot }).where(eq(board.id, boardId));
		await db.insert(boardUpdate).values([
			{ boardId, data: goodRow },
			{ boardId, data: hostile.zeroLengthDeleted(98) }
		]);

		const c = connect(h, boardId, cookie);
		await waitFor(244, () => c.provider.synced);
		expect(textsOf(c.doc)).toEqual(['dari log', 'dari snapshot lama']);
		c.provider.destroy();
		const [row] = await db.select({ recoveredAt: board.recoveredAt }).from(board).where(eq(board.id, boardId));
		expect(row.recoveredAt).not.toBeNull();
		const kept = await db
			.select({ kind: boardQuarantine.kind })
			.from(boardQuarantine)
			.where(eq(boardQuarantine.boardId, boardId));
		expect(kept.map((k) => k.kind).sort()).toEqual(['snapshot', 'update']);
		expect(await recoveryOf(boardId)).toMatchObject({ dropped: 2 });
		// And it loads cleanly from then on.
		await waitFor(253, () => realtime.roomStats(boardId) === null);
		const d = connect(h, boardId, cookie);
		await waitFor(255, () => d.provider.synced);
		expect(textsOf(d.doc)).toEqual(['dari log', 'dari snapshot lama']);
		d.provider.destroy();
	});
});

function varBytes(bytes: Uint8Array): number[] {
	const out: number[] = [];
	let n = bytes.length;
	while (n > 127) {
		out.push((n & 127) | 128);
		n >>>= 7;
	}
	out.push(n);
	return [...out, ...bytes];
}
