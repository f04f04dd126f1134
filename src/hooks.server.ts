import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import * as auth from '$lib/server/auth/session';
import { openDatabase } from '$lib/server/db';
import { isAllowedOrigin, needsOriginCheck } from '$lib/server/origin';
import { seedDemo, DEMO_EMAIL, DEMO_PASSWORD } from '$lib/server/demo';
import * as realtime from '$lib/server/realtime';
import { getControlState } from '$lib/boards/boards.server';

/** src/serve.ts (and the dev plugin in vite.config.ts) hand websocket upgrades to this. */
const UPGRADE = Symbol.for('ruang-rembuk.upgrade');

/** Runs once when the server starts: migrate, and on a first embedded start seed the demo. */
export const init: ServerInit = async () => {
	const databaseUrl = process.env.DATABASE_URL || undefined;
	await openDatabase({ databaseUrl, dataDir: process.env.DATA_DIR || 'data' });
	realtime.setControlSource(getControlState);
	(globalThis as Record<symbol, unknown>)[UPGRADE] = realtime.handleUpgrade;
	(globalThis as Record<symbol, unknown>)[Symbol.for('ruang-rembuk.shutdown')] = realtime.closeAll;
	if (!databaseUrl || process.env.DEMO === '1') {
		const code = await seedDemo();
		if (code) {
			console.log(`Demo (demo only, never use in production): ${DEMO_EMAIL} / ${DEMO_PASSWORD}; join code ${code}`);
		}
	}
};

const originCheck: Handle = ({ event, resolve }) => {
	const { request } = event;
	if (needsOriginCheck(request) && !isAllowedOrigin(request.headers.get('origin'), request.headers.get('host'))) {
		return new Response('Cross-site form submissions are forbidden', { status: 403 });
	}
	return resolve(event);
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
	});

const sessions: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.participant = null;
	event.locals.participantSession = null;
	const secure = !dev && event.url.protocol === 'https:';

	const memberToken = event.cookies.get(auth.COOKIE.member);
	if (memberToken) {
		const found = await auth.validateMemberSession(memberToken);
		if (found) {
			event.locals.user = found.user;
			event.locals.session = found.session;
			auth.setSessionCookie(event.cookies, 'member', memberToken, found.session.expiresAt, secure);
		} else {
			auth.deleteSessionCookie(event.cookies, 'member');
		}
	}
	const participantToken = event.cookies.get(auth.COOKIE.participant);
	if (participantToken) {
		const found = await auth.validateParticipantSession(participantToken);
		if (found) {
			event.locals.participant = found.participant;
			event.locals.participantSession = found.session;
			auth.setSessionCookie(event.cookies, 'participant', participantToken, found.session.expiresAt, secure);
		} else {
			auth.deleteSessionCookie(event.cookies, 'participant');
		}
	}
	return resolve(event);
};

export const handle = sequence(originCheck, i18n, sessions);
