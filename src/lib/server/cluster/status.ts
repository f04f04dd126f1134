/** What /healthz says about the cluster, without loading the Redis client in single-process mode. */
export type ClusterStatus = { mode: 'cluster'; node: string; redis: 'up' | 'down'; since: string; error?: string };

let source: (() => ClusterStatus) | null = null;

export function setClusterStatusSource(next: (() => ClusterStatus) | null): void {
	source = next;
}

/** Null with one process. */
export function clusterStatus(): ClusterStatus | null {
	return source?.() ?? null;
}
