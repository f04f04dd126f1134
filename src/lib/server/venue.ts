/**
 * Venue mode: the app on a facilitator's laptop, phones on its Wi-Fi. The join QR code
 * must carry an address a phone can reach, never "localhost".
 */
import { networkInterfaces } from 'node:os';

/** This machine's IPv4 addresses other than loopback, e.g. ["192.168.1.20"]. */
export function lanAddresses(): string[] {
	const found: string[] = [];
	for (const list of Object.values(networkInterfaces())) {
		for (const info of list ?? []) {
			if (info.family === 'IPv4' && !info.internal) found.push(info.address);
		}
	}
	return found;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/**
 * The origin to print in a join link: ORIGIN when set, else the one the page was opened
 * on; a loopback address is swapped for the first LAN address (same port) so that
 * phones can follow the link.
 */
export function publicOrigin(requestUrl: URL, env: { ORIGIN?: string } = process.env, lan = lanAddresses()): string {
	const base = new URL(env.ORIGIN || requestUrl.origin);
	if (LOOPBACK.test(base.hostname) && lan.length > 0) base.hostname = lan[0];
	return base.origin;
}
