import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { db } from '$lib/server/db';
import { board, boardUpdate } from '../../src/lib/boards/boards.schema';
import * as realtime from '$lib/server/realtime';
import { createBoard } from '$lib/boards/boards.server';
import { addNote, readBoard } from '$lib/boards/model';
import { addParticipant } from '$lib/workshops/workshops.server';
import { useTestDatabase } from './db';
import { aMember, anOrganisationWithOwner, aWorkshop } from './factories';
import {
	connect,
	memberCookie,
	participantCookie,
	rawClose,
	startServer,
	until,
	type Harness
} from './realtime-harness';

useTestDatabase();

let h: Harness;
let boardId: string;
let ownerCookie: string;
let observerCookie: string;
let participantCookieValue: string;
let otherOrgCookie: string;

beforeAll(async () => {
	realtime.configure({ idleUnloadMs: 50, flushDelayMs: 20 });
	h = await startServer();
	const { owner, organisationId } = await anOrganisationWithOwner();
	const w = await aWorkshop(organisationId);
	boardId = await createBoard(w.id, 'Menggali masalah');
	ownerCookie = await memberCookie(owner.id);
	observerCookie = await memberCookie((await aMember(organisationId, owner.id, 'observer')).id);
	const joined = await addParticipant(w, { displayName: 'Sari', groups: ['woman'] });
	if (!joined.ok) throw new Error('setup');
	participantCookieValue = await participantCookie(joined.participant.id);
	const other = await anOrganisationWithOwner('Organisasi lain');
	otherOrgCookie = await memberCookie(other.owner.id);
});

afterAll(async () => {
	await h.close();
});

const note = (text: string) => ({ text });
const textsOf = (doc: Y.Doc) =>
	readBoard(doc)
		.notes.map((n) => n.text)
		.sort();

/** A sync "update" message carrying a real Yjs update, as a raw client would send. */
function updateMessage(text: string): Uint8Array {
	const doc = new Y.Doc();
	addNote(doc, note(text));
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
	return encoding.toUint8Array(encoder);
}

async function storedTexts(): Promise<string[]> {
	const [row] = await db.select({ snapshot: board.snapshot }).from(board).where(eq(board.id, boardId));
	const updates = await db.select({ data: boardUpdate.data }).from(boardUpdate).where(eq(boardUpdate.boardId, boardId));
	const doc = new Y.Doc();
	if (row.snapshot) Y.applyUpdate(doc, row.snapshot);
	for (const u of updates) Y.applyUpdate(doc, u.data);
	return textsOf(doc);
}

describe('realtime boards', () => {
	it('two clients converge', async () => {
		const a = connect(h, boardId, ownerCookie);
		const b = connect(h, boardId, ownerCookie);
		await until(() => a.provider.synced && b.provider.synced);
		addNote(a.doc, note('Lampu lorong mati'));
		addNote(b.doc, note('Tidak ada tempat bermain'));
		await until(() => textsOf(a.doc).length === 2 && textsOf(b.doc).length === 2);
		expect(textsOf(a.doc)).toEqual(textsOf(b.doc));
		a.provider.destroy();
		b.provider.destroy();
	});

	it('keeps the content when the server restarts', async () => {
		await h.close();
		expect(await storedTexts()).toEqual(['Lampu lorong mati', 'Tidak ada tempat bermain']);
		h = await startServer();
		const c = connect(h, boardId, ownerCookie);
		await until(() => c.provider.synced);
		expect(textsOf(c.doc)).toEqual(['Lampu lorong mati', 'Tidak ada tempat bermain']);
		c.provider.destroy();
	});

	it('refuses: no cookie 4401, another organisation 4403, bad origin 4403, unknown board 4404', async () => {
		expect(await rawClose(h, boardId, {})).toBe(4401);
		expect(await rawClose(h, boardId, { cookie: otherOrgCookie })).toBe(4403);
		expect(await rawClose(h, boardId, { cookie: ownerCookie, origin: 'https://evil.example' })).toBe(4403);
		expect(await rawClose(h, 'no-such-board', { cookie: ownerCookie })).toBe(4404);
		expect(await rawClose(h, boardId, { cookie: ownerCookie })).toBe('open');
	});

	it("a read-only client's edits never reach others or the database", async () => {
		const writer = connect(h, boardId, ownerCookie);
		const observer = connect(h, boardId, observerCookie);
		const projector = connect(h, boardId, ownerCookie, { mode: 'view' });
		await until(() => writer.provider.synced && observer.provider.synced && projector.provider.synced);
		addNote(observer.doc, note('observer wrote this'));
		addNote(projector.doc, note('projector wrote this'));

		// A participant's raw socket writing a real update.
		const raw = new WebSocket(`${h.wsOrigin}/collab/${boardId}`, {
			headers: { cookie: participantCookieValue, origin: h.origin }
		});
		await new Promise((resolve) => raw.on('open', resolve));
		raw.send(updateMessage('participant raw write'));

		// Something the writer adds afterwards does arrive, so the others had their chance.
		addNote(writer.doc, note('facilitator note'));
		await until(
			() => textsOf(observer.doc).includes('facilitator note') && textsOf(projector.doc).includes('facilitator note')
		);
		await until(() => (realtime.roomStats(boardId)?.droppedReadOnlyUpdates ?? 0) >= 3);
		expect(textsOf(writer.doc)).not.toContain('observer wrote this');
		expect(textsOf(writer.doc)).not.toContain('projector wrote this');
		expect(textsOf(writer.doc)).not.toContain('participant raw write');
		expect(textsOf(observer.doc)).not.toContain('participant raw write');
		raw.close();
		writer.provider.destroy();
		observer.provider.destroy();
		projector.provider.destroy();
		await realtime.closeAll();
		const stored = await storedTexts();
		expect(stored).toContain('facilitator note');
		expect(stored.filter((t) => t.includes('wrote this') || t.includes('raw write'))).toEqual([]);
	});

	it('enforces the client limit per board and the message size limit', async () => {
		realtime.configure({ idleUnloadMs: 50, flushDelayMs: 20, maxClientsPerBoard: 2, maxMessageBytes: 64 * 1024 });
		try {
			const a = connect(h, boardId, ownerCookie);
			const b = connect(h, boardId, ownerCookie);
			await until(() => a.provider.synced && b.provider.synced);
			expect(await rawClose(h, boardId, { cookie: ownerCookie })).toBe(4429);
			a.provider.destroy();
			await until(() => realtime.roomStats(boardId)?.connections === 1);
			const big = new WebSocket(`${h.wsOrigin}/collab/${boardId}`, {
				headers: { cookie: ownerCookie, origin: h.origin }
			});
			await new Promise((resolve) => big.on('open', resolve));
			const closed = new Promise<number>((resolve) => big.on('close', resolve));
			big.send(new Uint8Array(100 * 1024));
			expect(await closed).toBe(1009);
			b.provider.destroy();
		} finally {
			realtime.configure({ idleUnloadMs: 50, flushDelayMs: 20 });
		}
	});

	it('shows the name the session holds in awareness, whatever the client claims', async () => {
		const a = connect(h, boardId, observerCookie);
		const b = connect(h, boardId, ownerCookie);
		await until(() => a.provider.synced && b.provider.synced);
		a.provider.awareness.setLocalStateField('user', { name: 'Pak Lurah', kind: 'member' });
		a.provider.awareness.setLocalStateField('cursor', { x: 10, y: 20 });
		await until(() => {
			const seen = b.provider.awareness.getStates().get(a.doc.clientID) as { cursor?: unknown } | undefined;
			return Boolean(seen?.cursor);
		});
		const seen = b.provider.awareness.getStates().get(a.doc.clientID) as { user: { name: string }; cursor: unknown };
		expect(seen.user.name).toBe('A observer');
		expect(seen.cursor).toEqual({ x: 10, y: 20 });
		a.provider.destroy();
		b.provider.destroy();
	});

	it('survives 3,000 malformed frames; other clients are unaffected', async () => {
		const a = connect(h, boardId, ownerCookie);
		const b = connect(h, boardId, ownerCookie);
		await until(() => a.provider.synced && b.provider.synced);
		let bClosed = 0;
		b.provider.on('connection-close', () => bClosed++);

		const valid = updateMessage('valid-base');
		const random = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(Math.random() * 256));
		const frames: Uint8Array[] = [];
		for (let i = 0; i < 3000; i++) {
			const kind = i % 6;
			if (kind === 0) frames.push(random(1 + Math.floor(Math.random() * 64)));
			else if (kind === 1) frames.push(valid.slice(0, 1 + Math.floor(Math.random() * (valid.length - 1))));
			else if (kind === 2) {
				const flipped = valid.slice();
				const at = 2 + Math.floor(Math.random() * (flipped.length - 2));
				flipped[at] ^= 1 << Math.floor(Math.random() * 8);
				frames.push(flipped);
			} else if (kind === 3) frames.push(Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]));
			else if (kind === 4) frames.push(Uint8Array.from([1, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]));
			else frames.push(Uint8Array.from([0, 1, ...random(20)]));
		}

		// Each frame is followed by a sync query; the answer (or the close) proves the
		// server processed the frame before we send the next. 10 sockets work in parallel.
		const query = Uint8Array.from([0, 0, 0]);
		const open = () =>
			new Promise<WebSocket>((resolve) => {
				const ws = new WebSocket(`${h.wsOrigin}/collab/${boardId}`, {
					headers: { cookie: ownerCookie, origin: h.origin }
				});
				ws.on('open', () => resolve(ws));
				ws.on('error', () => {});
			});
		const processed = (ws: WebSocket) =>
			new Promise<'answered' | 'closed'>((resolve) => {
				const onMessage = (data: Buffer) => {
					if (data[0] === 0 && data[1] === 1) done('answered');
				};
				const onClose = () => done('closed');
				const done = (how: 'answered' | 'closed') => {
					ws.off('message', onMessage);
					ws.off('close', onClose);
					resolve(how);
				};
				ws.on('message', onMessage);
				ws.on('close', onClose);
			});
		let closedByServer = 0;
		const worker = async (part: Uint8Array[]) => {
			let ws = await open();
			for (const frame of part) {
				if (ws.readyState !== WebSocket.OPEN) {
					ws = await open();
				}
				const result = processed(ws);
				ws.send(frame);
				if (ws.readyState === WebSocket.OPEN) ws.send(query);
				if ((await result) === 'closed') closedByServer++;
			}
			ws.close();
		};
		await Promise.all(Array.from({ length: 10 }, (_, i) => worker(frames.filter((_, j) => j % 10 === i))));
		expect(closedByServer).toBeGreaterThan(1000);

		addNote(a.doc, note('after the storm'));
		await until(() => textsOf(b.doc).includes('after the storm'), 10_000);
		expect(bClosed).toBe(0);
		const fresh = connect(h, boardId, ownerCookie);
		await until(() => fresh.provider.synced);
		expect(textsOf(fresh.doc)).toContain('after the storm');
		expect(realtime.roomStats(boardId)!.badMessages).toBeGreaterThan(0);
		a.provider.destroy();
		b.provider.destroy();
		fresh.provider.destroy();
	}, 120_000);
});
