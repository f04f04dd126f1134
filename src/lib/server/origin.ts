/**
 * Cross-site request check for form posts (and, later, websocket upgrades).
 * With ORIGIN set (a server behind a proxy) only that origin is allowed: a Host header
 * is whatever the client or a misconfigured proxy says, and localhost/LAN addresses
 * mean nothing there. Without ORIGIN (venue mode): the origin the request was addressed
 * to (its Host header) and any address of this machine, so that phones on the laptop's
 * Wi-Fi can post to http://192.168.x.y:3000.
 */
import { lanAddresses } from './venue';

export function isAllowedOrigin(
	origin: string | null,
	host: string | null,
	env: { ORIGIN?: string; PORT?: string } = process.env
): boolean {
	if (!origin) return false;
	let parsed: URL;
	try {
		parsed = new URL(origin);
	} catch {
		return false;
	}
	if (env.ORIGIN) return safeOrigin(env.ORIGIN) === parsed.origin;
	if (host && parsed.host === host) return true;
	const port = env.PORT ?? '3000';
	return (
		parsed.port === port &&
		(parsed.hostname === 'localhost' || lanAddresses().includes(parsed.hostname.replace(/^\[|\]$/g, '')))
	);
}

function safeOrigin(value: string): string | null {
	try {
		return new URL(value).origin;
	} catch {
		return null;
	}
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** True when a request must pass the origin check (a state-changing form submission). */
export function needsOriginCheck(request: Request): boolean {
	if (!UNSAFE.has(request.method)) return false;
	const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
	return FORM_TYPES.includes(type);
}
