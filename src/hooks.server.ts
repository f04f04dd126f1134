import type { Handle, RequestEvent, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import * as auth from '$lib/sessions/sessions.server';
import { openDatabase } from '$lib/server/db';
import {
	compactBallotTables,
	recoverLostBallots,
	setOthersWriteRound,
	writeAllWaiting,
	writeRoundWaiting
} from '$lib/voting/ballot-pool.server';
import { isAllowedOrigin, needsOriginCheck } from '$lib/server/origin';
import { securityHeaders } from '$lib/server/headers';
import { setShutdownHandler, setUpgradeHandler } from '$lib/server/handoff';
import { seedDemo, DEMO_EMAIL, DEMO_PASSWORD } from '$lib/demo/demo.server';
import * as realtime from '$lib/server/realtime';
import { boardsRealtime } from '$lib/boards/realtime-policy.server';
import { settleAuthorship } from '$lib/boards/authorship.server';
import { startRetentionJob } from '$lib/safeguarding/retention.server';

/** Runs once when the server starts: migrate, and on a first embedded start seed the demo. */
export const init: ServerInit = async () => {
	const databaseUrl = process.env.DATABASE_URL || undefined;
	await openDatabase({ databaseUrl, dataDir: process.env.DATA_DIR || 'data' });
	// Ballots that waited in memory when the last process stopped are gone: free their voters.
	// Not with several nodes: the pending guards may be another live node's waiting ballots.
	if (!process.env.REDIS_URL) {
		const freed = await recoverLostBallots();
		if (freed > 0) console.log(`${freed} ballot(s) lost with the last process; those voters can vote again`);
	}
	await compactBallotTables();
	// The realtime layer's rules (who may open which room, control rooms, board storage) are the boards domain's.
	realtime.configureRealtime(boardsRealtime);
	// Several nodes share boards, events and limits through Redis; loaded only when asked for.
	if (process.env.REDIS_URL) {
		if (!databaseUrl) throw new Error('REDIS_URL needs DATABASE_URL: nodes share one Postgres database');
		const { startCluster } = await import('$lib/server/cluster');
		await startCluster({
			url: process.env.REDIS_URL,
			writeRound: writeRoundWaiting,
			useOthersWriteRound: setOthersWriteRound
		});
	}
	// src/serve.ts (and the dev plugin in vite.config.ts) hand websocket upgrades to this.
	setUpgradeHandler(realtime.handleUpgrade);
	// Authorship being recorded for notes just added, and ballots still waiting in memory,
	// are written before the rooms and the database close.
	setShutdownHandler(async () => {
		await Promise.all([settleAuthorship().then(realtime.closeAll), writeAllWaiting()]);
	});
	// Personal data of closed workshops is anonymised after the organisation's retention.
	startRetentionJob();
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

/** Reads one kind of session cookie: refreshes it while valid, deletes it when not. */
async function restore<T extends { session: auth.Session }>(
	event: RequestEvent,
	kind: auth.SessionKind,
	validate: (token: string) => Promise<T | null>,
	secure: boolean
): Promise<T | null> {
	const token = event.cookies.get(auth.COOKIE[kind]);
	if (!token) return null;
	const found = await validate(token);
	if (found) auth.setSessionCookie(event.cookies, kind, token, found.session.expiresAt, secure);
	else auth.deleteSessionCookie(event.cookies, kind);
	return found;
}

const sessions: Handle = async ({ event, resolve }) => {
	const secure = !dev && event.url.protocol === 'https:';
	const member = await restore(event, 'member', auth.validateMemberSession, secure);
	const participant = await restore(event, 'participant', auth.validateParticipantSession, secure);
	event.locals.user = member?.user ?? null;
	event.locals.session = member?.session ?? null;
	event.locals.participant = participant?.participant ?? null;
	event.locals.participantSession = participant?.session ?? null;
	return resolve(event);
};

const FORM_TYPE = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i;

/**
 * A form body that cannot be read (a broken multipart, a boundary missing) is answered
 * here with a 400 and a plain message; otherwise each action's `request.formData()`
 * would throw into a 500. Read from a copy, so actions and endpoints read the body as sent.
 */
const readableForms: Handle = async ({ event, resolve }) => {
	const { request } = event;
	if (
		request.method === 'GET' ||
		request.method === 'HEAD' ||
		!FORM_TYPE.test(request.headers.get('content-type') ?? '')
	)
		return resolve(event);
	try {
		await request.clone().formData();
	} catch {
		return new Response('Formulir tidak terbaca. / The form could not be read.', {
			status: 400,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	return resolve(event);
};

export const handle = sequence(securityHeaders, originCheck, readableForms, i18n, sessions);
