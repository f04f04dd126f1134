import { json } from '@sveltejs/kit';
import { checkDatabase } from '$lib/server/db';
import { clusterStatus } from '$lib/server/cluster/status';
import type { RequestHandler } from './$types';

/**
 * 503 when the database is unreachable (this node cannot serve). With several nodes,
 * Redis being down is `degraded` but 200: the node keeps serving the boards it holds.
 * Anyone may ask, so the answer says what is up or down, never why: error messages
 * (host names, addresses, driver details) go to the server log.
 */
export const GET: RequestHandler = async () => {
	const { error: databaseError, ...database } = await checkDatabase();
	const { error: clusterError, ...cluster } = clusterStatus() ?? {};
	if (databaseError) console.error('healthz: database', databaseError);
	if (clusterError) console.error('healthz: redis', clusterError);
	const clustered = 'mode' in cluster;
	const ok = database.ok && (!clustered || cluster.redis === 'up');
	return json(
		{ status: ok ? 'ok' : 'degraded', database, ...(clustered ? { cluster } : {}) },
		{ status: database.ok ? 200 : 503 }
	);
};
