/**
 * The count of a closed round, off the request path: a worker thread runs the same pure
 * `countRound` the tally CLI runs and reports each Add1 rerun, then the result.
 * Started by counting.server.ts; runs as plain Node (type stripping), outside the bundle.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { countRound, type CountInput } from './count.ts';

const input = workerData as CountInput;
const result = countRound(input, (progress) => parentPort!.postMessage({ kind: 'progress', progress }));
parentPort!.postMessage({ kind: 'done', result });
