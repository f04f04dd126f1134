/**
 * `npm run bench:integrity`: what the integrity design costs on a 2,000-note board, and
 * what the alternative would have cost. Per client update: the shape check
 * (validate.ts) against plain Yjs integration; a trial integration into a copy of the
 * document (the "apply to a clone first" design, rejected by this measurement); and,
 * only when an update breaks the document, the rollback rebuild; per compaction, the
 * snapshot verification.
 */
import * as Y from 'yjs';
import { addNote } from '../../src/lib/boards/model.ts';
import { checkUpdate } from '../../src/lib/server/realtime/validate.ts';
import { encodeWithoutPending, loadDoc, verifySnapshot } from '../../src/lib/server/realtime/safe-doc.ts';

const NOTES = Number(process.env.BENCH_NOTES ?? 2000);
const UPDATES = 1000;

const base = new Y.Doc();
for (let i = 0; i < NOTES; i++) addNote(base, { text: `Catatan nomor ${i} tentang lorong dan taman bermain` });
const state = Y.encodeStateAsUpdate(base);

// A client's stream of note updates, as the server receives them.
const client = loadDoc([state]);
const updates: Uint8Array[] = [];
client.on('update', (u: Uint8Array) => updates.push(u));
for (let i = 0; i < UPDATES; i++) addNote(client, { text: `Baru ${i}` });

const time = (f: () => void) => {
	const t0 = performance.now();
	f();
	return performance.now() - t0;
};
const us = (ms: number, n: number) => +((ms * 1000) / n).toFixed(1);

// Warm up the JIT on a throwaway copy.
const warm = loadDoc([state]);
for (const u of updates.slice(0, 200)) {
	checkUpdate(warm, u);
	Y.applyUpdate(warm, u);
}

const plain = loadDoc([state]);
const applyMs = time(() => updates.forEach((u) => Y.applyUpdate(plain, u)));
const checked = loadDoc([state]);
let checkMs = 0;
let refused = 0;
for (const u of updates) {
	checkMs += time(() => {
		if (checkUpdate(checked, u)) refused++;
	});
	Y.applyUpdate(checked, u);
}
const trials = 20;
const trialMs = time(() => {
	for (const u of updates.slice(0, trials)) {
		const copy = loadDoc([Y.encodeStateAsUpdate(checked)]);
		Y.applyUpdate(copy, u);
	}
});
const rebuildMs = time(() => loadDoc([state, ...updates.slice(0, 100)]));
const snapshot = encodeWithoutPending(checked);
const verifyMs = time(() => {
	if (!verifySnapshot(checked, snapshot)) throw new Error('snapshot did not verify');
});

console.log(
	`\nIntegrity costs on a ${NOTES}-note board (${(state.byteLength / 1024).toFixed(0)} KB), ${UPDATES} note updates`
);
console.table([
	{ what: 'Yjs integration per update (baseline)', microseconds: us(applyMs, UPDATES) },
	{ what: 'shape check per update (validate.ts)', microseconds: us(checkMs, UPDATES) },
	{ what: 'trial integration into a copy, per update (rejected)', microseconds: us(trialMs, trials) },
	{ what: 'rollback rebuild, only when an update breaks the doc', microseconds: us(rebuildMs, 1) },
	{ what: 'snapshot verification, per compaction', microseconds: us(verifyMs, 1) }
]);
if (refused > 0) throw new Error(`${refused} honest updates were refused`);
