import { json } from '@sveltejs/kit';
import { checkDatabase } from '$lib/server/db';
import { clusterStatus } from '$lib/server/cluster/status';
import type { RequestHandler } from './$types';

/**
 * 503 when the database is unreachable (this node cannot serve). With several nodes,
 * Redis being down is `degraded` but 200: the node keeps serving the boards it holds.
 */
export const GET: RequestHandler = async () => {
	const database = await checkDatabase();
	const cluster = clusterStatus();
	const ok = database.ok && (!cluster || cluster.redis === 'up');
	return json(
		{ status: ok ? 'ok' : 'degraded', database, ...(cluster ? { cluster } : {}) },
		{ status: database.ok ? 200 : 503 }
	);
};
