/**
 * Several app nodes on one Postgres and one Redis (runs only with DATABASE_URL and
 * REDIS_URL, on the Postgres run): stock y-websocket clients on different nodes
 * converge, server-written notes and control changes reach every node, each update is
 * stored once, rate limits count across nodes, a crashed node loses nothing its clients
 * hold, and a node cut off from Redis keeps serving and catches up when it returns.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import postgres from 'postgres';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { closeDatabase, db, openDatabase } from '$lib/server/db';
import { ballot } from '../../src/lib/voting/voting.schema';
import { board, boardUpdate } from '../../src/lib/boards/boards.schema';
import { createProposal } from '$lib/voting/proposals.server';
import { createRound, openRound } from '$lib/voting/rounds.server';
import { addNote, readBoard } from '$lib/boards/model';
import { controlRoom, readControl } from '$lib/boards/control';
import { addParticipant } from '$lib/workshops/workshops.server';
import { createBoard } from '$lib/boards/boards.server';
import { aMember, anOrganisationWithOwner, aWorkshop, asRunner, asOwner, asPhone } from './factories';
import { boardAs, onBoard, workshopAsOwner } from './access';
import { memberCookie, participantCookie, socketClass, until } from './realtime-harness';
import { RUN_PREFIX, TEMPLATE, urlFor } from './postgres-template';
import { redisProxy, startNode, type ClusterNode } from './cluster-harness';

const enabled = process.env.TEST_DB === 'postgres' && !!process.env.REDIS_URL;
const prefix = `rr-test:${process.pid}-${crypto.randomUUID().slice(0, 8)}:`;

let name = '';
let url = '';
let a: ClusterNode;
let b: ClusterNode;
let proxy: Awaited<ReturnType<typeof redisProxy>>;
let ownerCookie: string;
let ownerUserId: string;
let workshop: Awaited<ReturnType<typeof aWorkshop>>;
let participant: { id: string } & Record<string, unknown>;
const providers: WebsocketProvider[] = [];

function connectTo(node: ClusterNode, room: string, cookie: string, doc = new Y.Doc()) {
	const provider = new WebsocketProvider(`${node.wsOrigin}/collab`, room, doc, {
		WebSocketPolyfill: socketClass({ cookie, origin: node.origin }) as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	providers.push(provider);
	return { doc, provider };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const texts = (doc: Y.Doc) =>
	readBoard(doc)
		.notes.map((n) => n.text)
		.sort();

async function stored(boardId: string) {
	const [row] = await db.select({ snapshot: board.snapshot }).from(board).where(eq(board.id, boardId));
	const rows = await db.select({ data: boardUpdate.data }).from(boardUpdate).where(eq(boardUpdate.boardId, boardId));
	const doc = new Y.Doc();
	if (row.snapshot) Y.applyUpdate(doc, row.snapshot);
	for (const r of rows) Y.applyUpdate(doc, r.data);
	return { texts: texts(doc), rows: rows.length };
}

describe.runIf(enabled)('several app nodes on Redis and Postgres', () => {
	beforeAll(async () => {
		name = `${RUN_PREFIX}${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
		const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database "${name}" template "${TEMPLATE}"`);
		await admin.end();
		url = urlFor(name);
		await openDatabase({ databaseUrl: url, migrate: false });
		const { owner, organisationId } = await anOrganisationWithOwner();
		workshop = await aWorkshop(organisationId);
		ownerCookie = await memberCookie(owner.id);
		ownerUserId = owner.id;
		const joined = await addParticipant(workshop, { displayName: 'Sari', groups: ['woman'] });
		if (!joined.ok) throw new Error('setup');
		participant = joined.participant as typeof participant;
		proxy = await redisProxy(new URL(process.env.REDIS_URL!));
		a = await startNode(url, process.env.REDIS_URL!, prefix);
		b = await startNode(url, proxy.url(), prefix);
	});

	afterAll(async () => {
		for (const p of providers) p.destroy();
		await a?.stop().catch(() => {});
		await b?.stop().catch(() => {});
		await proxy?.close();
		await closeDatabase();
		if (name) {
			const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.end();
		}
	});

	it('clients on different nodes converge, and each update is stored once', async () => {
		const boardId = await createBoard(workshop.id, 'Menggali masalah');
		const onA = connectTo(a, boardId, ownerCookie);
		const onB = connectTo(b, boardId, ownerCookie);
		await until(() => onA.provider.synced && onB.provider.synced);
		addNote(onA.doc, { text: 'Lampu lorong mati' });
		addNote(onB.doc, { text: 'Tidak ada tempat bermain' });
		await until(() => texts(onA.doc).length === 2 && texts(onB.doc).length === 2);
		expect(texts(onA.doc)).toEqual(texts(onB.doc));
		await sleep(300); // past the flush window of both nodes
		const s = await stored(boardId);
		expect(s.texts).toEqual(['Lampu lorong mati', 'Tidak ada tempat bermain']);
		expect(s.rows).toBe(2); // one row per client change, not one per node
	});

	it('a node opening a board catches up from its peers before answering its client', async () => {
		const boardId = await createBoard(workshop.id, 'Belum disimpan');
		// A long flush window on A: the note is only in A's memory, not yet in storage.
		a.realtime.configure({ idleUnloadMs: 200, flushDelayMs: 60_000 });
		const onA = connectTo(a, boardId, ownerCookie);
		await until(() => onA.provider.synced);
		addNote(onA.doc, { text: 'Hanya di memori A' });
		await until(() => a.realtime.roomStats(boardId) !== null);
		await new Promise((r) => setTimeout(r, 100));
		// As if A had not flushed yet: storage has nothing, only A's memory has the note.
		await db.delete(boardUpdate).where(eq(boardUpdate.boardId, boardId));
		expect((await stored(boardId)).texts).toEqual([]);
		const onB = connectTo(b, boardId, ownerCookie);
		await until(() => onB.provider.synced);
		expect(texts(onB.doc)).toEqual(['Hanya di memori A']);
		a.realtime.configure({ idleUnloadMs: 200, flushDelayMs: 20 });
	});

	it("a participant's note through node A reaches a client on node B", async () => {
		const boardId = await createBoard(workshop.id, 'Catatan peserta');
		const onB = connectTo(b, boardId, ownerCookie);
		await until(() => onB.provider.synced);
		const result = await a.contributions.contributeNote(await onBoard(participant as never, boardId), {
			id: crypto.randomUUID(),
			text: 'Jalan berlubang',
			colour: 'yellow' as never,
			pictogram: null
		});
		expect(result.ok).toBe(true);
		await until(() => texts(onB.doc).includes('Jalan berlubang'));
	});

	it('follow-me and locks from node A reach node B', async () => {
		const boardId = await createBoard(workshop.id, 'Diikuti');
		const phone = connectTo(b, controlRoom(workshop.id), await participantCookie(participant.id));
		const boardOnB = connectTo(b, boardId, ownerCookie);
		await until(() => phone.provider.synced && boardOnB.provider.synced);
		await a.boards.setFollow(await workshopAsOwner(workshop.id), { agendaItemId: null, boardId });
		await until(() => readControl(phone.doc).currentBoardId === boardId);
		await a.boards.setBoardFlags(await boardAs(boardId), { locked: true });
		await until(() => readControl(phone.doc).boards[boardId]?.locked === true);
	});

	it('rate limits count across nodes', async () => {
		const ip = `10.0.${Math.floor(Math.random() * 250)}.1`;
		for (let i = 0; i < 15; i++) await a.limits.joinByIp.hit(ip);
		for (let i = 0; i < 15; i++) await b.limits.joinByIp.hit(ip);
		expect(await a.limits.joinByIp.retryAfter(ip)).toBeGreaterThan(0);
		expect(await b.limits.joinByIp.retryAfter(ip)).toBeGreaterThan(0);
		await b.limits.joinByIp.reset(ip);
		expect(await a.limits.joinByIp.retryAfter(ip)).toBe(0);
	});

	it("a person's dots are limited across nodes, and the total every node shows is SQL's", async () => {
		const boardId = await createBoard(workshop.id, 'Titik');
		const noteId = crypto.randomUUID();
		expect(
			(
				await a.contributions.contributeNote(await onBoard(participant as never, boardId), {
					id: noteId,
					text: 'Pilih saya',
					colour: 'yellow' as never,
					pictogram: null
				})
			).ok
		).toBe(true);
		const person = { kind: 'participant' as const, id: participant.id };
		// Both nodes hold the board, so the attempts race on the check, not on loading.
		const watcher = connectTo(b, boardId, ownerCookie);
		await until(() => watcher.provider.synced && texts(watcher.doc).includes('Pilih saya'));
		const results = await Promise.all(
			Array.from({ length: 2 }, (_, i) => (i % 2 ? b : a).tallies.placeDot(boardId, person, noteId, 'add', 1))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		await until(() => watcher.doc.getMap<number>('dots').get(noteId) === 1);
	});

	it('closing a round on node A counts the ballots waiting in node B', async () => {
		const usulan = (title: string) => ({
			title,
			problem: '',
			targetGroups: [],
			kelurahan: '',
			rw: '',
			lorong: '',
			function: 'pencegahan' as const,
			activity: '',
			volume: 1,
			unit: 'unit',
			cost: 10_000_000n,
			agency: '',
			proposedBy: '',
			proposedByGroup: null
		});
		const p1 = await createProposal(await asOwner(workshop.id, 'workshop.edit'), usulan('Lampu'));
		const round = await createRound(await asOwner(workshop.id), {
			title: 'Lintas node',
			format: 'approval',
			rule: 'greedy',
			proposalIds: [p1],
			budget: 100_000_000n,
			minSelections: 1,
			maxSelections: null,
			pointsPerVoter: null,
			maxPointsPerProposal: null,
			topK: null,
			add1Step: undefined,
			allowChange: false
		});
		if (!round.ok) throw new Error('setup');
		await openRound(await asRunner(round.id));
		for (let i = 0; i < 3; i++) {
			const joined = await addParticipant(workshop, { displayName: '', groups: ['woman'] });
			if (!joined.ok) throw new Error('setup');
			const p = joined.participant;
			// Fewer than a batch: they wait in node B's memory.
			expect(
				(
					await b.rounds.castBallot(
						asPhone({
							id: p.id,
							workshopId: workshop.id,
							displayName: p.displayName,
							pseudonym: p.pseudonym,
							groups: p.groups
						}),
						round.id,
						[p1]
					)
				).ok
			).toBe(true);
		}
		expect(await db.select().from(ballot).where(eq(ballot.roundId, round.id))).toHaveLength(0);
		const closed = await a.roundWinners.closeRoundIntoPlan(await asRunner(round.id));
		expect(closed.ok).toBe(true);
		if (closed.ok) await closed.counted;
		expect(await db.select().from(ballot).where(eq(ballot.roundId, round.id))).toHaveLength(3);
	});

	it('a revocation on node A closes the sockets on node B', async () => {
		const boardId = await createBoard(workshop.id, 'Dicabut');
		const member = await aMember(workshop.organisationId, ownerUserId, 'facilitator');
		const onB = connectTo(b, boardId, await memberCookie(member.id));
		await until(() => onB.provider.synced && b.realtime.roomStats(boardId)?.connections === 1);
		let closedWith = 0;
		onB.provider.on('connection-close', (event: CloseEvent | null) => (closedWith = event?.code ?? -1));
		expect(a.realtime.revokeConnections({ workshopId: workshop.id, userId: member.id })).toBe(0); // none on A
		await until(() => closedWith === 4000); // "rights changed": B closed it
		onB.provider.destroy();
	});

	it('/healthz says degraded (200) while Redis is down, ok when it is up', async () => {
		vi.resetModules(); // a copy of its own: the nodes' status sources stay as they are
		const fresh = await import('$lib/server/db');
		await fresh.openDatabase({ databaseUrl: url, migrate: false });
		const { GET } = await import('../../src/routes/healthz/+server');
		const { setClusterStatusSource } = await import('$lib/server/cluster/status');
		const ask = async () => {
			const res = await GET({} as never);
			return { code: res.status, body: await res.json() };
		};
		setClusterStatusSource(() => ({
			mode: 'cluster',
			node: 'x',
			redis: 'down',
			since: new Date().toISOString(),
			error: 'connection ended'
		}));
		const down = await ask();
		expect(down).toMatchObject({ code: 200, body: { status: 'degraded', cluster: { redis: 'down' } } });
		// Anyone may ask: what is down, never why (the message goes to the server log).
		expect(JSON.stringify(down.body)).not.toContain('connection ended');
		setClusterStatusSource(() => ({ mode: 'cluster', node: 'x', redis: 'up', since: new Date().toISOString() }));
		expect(await ask()).toMatchObject({ code: 200, body: { status: 'ok', cluster: { redis: 'up' } } });
		setClusterStatusSource(null);
		expect((await ask()).body.cluster).toBeUndefined();
		await fresh.closeDatabase();
	});

	it('live page events reach subscribers on the other node', async () => {
		let got = 0;
		const stop = b.events.eventBus().subscribe('workshop/x/attendance', () => got++);
		a.events.publish('workshop/x/attendance');
		await until(() => got === 1);
		stop();
	});

	it('a node cut off from Redis keeps serving, says so, and catches up when Redis returns', async () => {
		const boardId = await createBoard(workshop.id, 'Redis hilang');
		const onA = connectTo(a, boardId, ownerCookie);
		const onB = connectTo(b, boardId, ownerCookie);
		await until(() => onA.provider.synced && onB.provider.synced);
		await proxy.cut();
		await until(() => b.status.clusterStatus()?.redis === 'down');
		addNote(onB.doc, { text: 'Ditulis saat Redis mati' });
		addNote(onA.doc, { text: 'Ditulis di A saat Redis mati' });
		const second = connectTo(b, boardId, ownerCookie);
		await until(() => second.provider.synced && texts(second.doc).includes('Ditulis saat Redis mati'));
		expect(texts(onB.doc)).not.toContain('Ditulis di A saat Redis mati');
		await proxy.restore();
		await until(() => b.status.clusterStatus()?.redis === 'up', 10_000);
		await until(() => texts(onA.doc).length === 2 && texts(onB.doc).length === 2, 10_000);
		expect(texts(onA.doc)).toEqual(texts(onB.doc));
	});

	it('when a node dies (kill -9) its clients continue on the other node and nothing they hold is lost', async () => {
		const boardId = await createBoard(workshop.id, 'Node mati');
		a.realtime.configure({ idleUnloadMs: 200, flushDelayMs: 60_000 }); // A never flushes before it dies
		const onA = connectTo(a, boardId, ownerCookie);
		const onB = connectTo(b, boardId, ownerCookie);
		await until(() => onA.provider.synced && onB.provider.synced);
		addNote(onA.doc, { text: 'Sebelum A mati' });
		await until(() => texts(onB.doc).includes('Sebelum A mati'));
		await new Promise((r) => setTimeout(r, 100));
		await a.crash();
		// As if A died before its write-behind flush: only B's memory and the client hold the note.
		await db.delete(boardUpdate).where(eq(boardUpdate.boardId, boardId));
		// B stores what it got from A when it closes the board, though it logged nothing itself.
		onB.provider.destroy();
		await until(() => b.realtime.roomStats(boardId) === null);
		await sleep(300); // the unload's flush and compaction
		expect((await stored(boardId)).texts).toEqual(['Sebelum A mati']);
		// The load balancer sends the phone to B: same document, new connection.
		onA.provider.destroy();
		addNote(onA.doc, { text: 'Saat terputus' });
		const moved = connectTo(b, boardId, ownerCookie, onA.doc);
		const watcher = connectTo(b, boardId, ownerCookie);
		await until(() => moved.provider.synced && watcher.provider.synced && texts(watcher.doc).length === 2);
		expect(texts(watcher.doc)).toEqual(['Saat terputus', 'Sebelum A mati']);
		for (const p of [moved.provider, watcher.provider]) p.destroy();
		await b.realtime.closeAll();
		expect((await stored(boardId)).texts).toEqual(['Saat terputus', 'Sebelum A mati']);
	});
});
