/**
 * Runs batches of hostile messages against a live realtime server, class by class, as
 * an authorised writer. After each class: the server still answers a new connection,
 * and an honest edit reaches another client within a second. Returns counts per class
 * (the caller checks restart and idle unload). Used by `npm run fuzz:collab` and, with
 * a small batch, by the integration suite.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addNote, readBoard } from '../../src/lib/boards/model.ts';
import { CLASSES, seeded, type HostileClass } from './hostile.ts';

export type Target = { wsOrigin: string; origin: string; boardId: string; cookie: string };
export type Client = { doc: Y.Doc; synced: () => boolean };
export type ClassCount = {
	sent: number;
	refused1007: number;
	tooBig1009: number;
	otherClose: Record<number, number>;
	answered: number;
	relayMs: number;
};

const textsOf = (doc: Y.Doc) => readBoard(doc).notes.map((n) => n.text);

function open(t: Target): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(`${t.wsOrigin}/collab/${t.boardId}`, { headers: { cookie: t.cookie, origin: t.origin } });
		ws.on('open', () => resolve(ws));
		ws.on('error', reject);
	});
}

/** Sends each message, then a sync step 1 whose answer proves the message was handled. */
async function sendAll(t: Target, messages: Uint8Array[], count: ClassCount): Promise<void> {
	let ws = await open(t);
	for (const message of messages) {
		if (ws.readyState !== WebSocket.OPEN) ws = await open(t);
		let onClose = (_code: number) => {};
		const outcome = new Promise<number | 'answered'>((resolve) => {
			onClose = (code: number) => resolve(code);
			ws.once('close', onClose);
			ws.on('message', (data: Buffer) => data[0] === 0 && data[1] === 1 && resolve('answered'));
		});
		ws.send(message);
		if (ws.readyState === WebSocket.OPEN) ws.send(Uint8Array.from([0, 0, 1, 0]));
		const result = await outcome;
		ws.removeAllListeners('message');
		ws.off('close', onClose);
		count.sent++;
		if (result === 'answered') count.answered++;
		else if (result === 1007) count.refused1007++;
		else if (result === 1009) count.tooBig1009++;
		else count.otherClose[result] = (count.otherClose[result] ?? 0) + 1;
	}
	ws.close();
}

/**
 * `writer` and `reader` are honest clients on the board; `honest` collects the texts of
 * every honest note added (all of them must survive).
 */
export async function fuzzBoard(
	t: Target,
	writer: Client,
	reader: Client,
	perClass: number,
	seed: number,
	honest: string[],
	only?: HostileClass[]
): Promise<Record<string, ClassCount>> {
	const rng = seeded(seed);
	const counts: Record<string, ClassCount> = {};
	for (const name of only ?? (Object.keys(CLASSES) as HostileClass[])) {
		const count: ClassCount = { sent: 0, refused1007: 0, tooBig1009: 0, otherClose: {}, answered: 0, relayMs: 0 };
		counts[name] = count;
		await sendAll(t, CLASSES[name](rng, perClass), count);
		// The server answers a new connection...
		const probe = await open(t);
		const answered = await new Promise<boolean>((resolve) => {
			const timer = setTimeout(() => resolve(false), 2000);
			probe.on('message', (data: Buffer) => data[0] === 0 && data[1] === 1 && (clearTimeout(timer), resolve(true)));
			probe.send(Uint8Array.from([0, 0, 1, 0]));
		});
		probe.close();
		if (!answered) throw new Error(`${name}: the server no longer answers ${JSON.stringify(count)}`);
		// ...and an honest edit reaches another client within a second.
		const text = `jujur setelah ${name} ${seed}`;
		const started = performance.now();
		addNote(writer.doc, { text });
		honest.push(text);
		while (!textsOf(reader.doc).includes(text)) {
			if (performance.now() - started > 1000) throw new Error(`${name}: an honest edit took over 1 s to arrive`);
			await new Promise((r) => setTimeout(r, 5));
		}
		count.relayMs = Math.round(performance.now() - started);
	}
	return counts;
}

export function formatCounts(counts: Record<string, ClassCount>): string {
	const rows = Object.entries(counts).map(([name, c]) => {
		const other =
			Object.entries(c.otherClose)
				.map(([code, n]) => `${code}:${n}`)
				.join(' ') || '-';
		return `${name.padEnd(32)} ${String(c.sent).padStart(6)} ${String(c.refused1007).padStart(6)} ${String(c.tooBig1009).padStart(6)} ${String(c.answered).padStart(8)}  ${other.padEnd(10)} ${String(c.relayMs).padStart(5)}`;
	});
	return [
		`${'class'.padEnd(32)} ${'sent'.padStart(6)} ${'1007'.padStart(6)} ${'1009'.padStart(6)} ${'answered'.padStart(8)}  ${'other'.padEnd(10)} relay ms`,
		...rows
	].join('\n');
}
