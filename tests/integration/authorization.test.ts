/**
 * One table for who may reach what. Every load, form action and endpoint under src/routes is
 * found on the file system (a new route without a row fails this test), tried as anonymous, a
 * participant of the workshop, a participant of another workshop, an observer, a member, a
 * facilitator, an owner, and the owner of another organisation, and the outcome is compared with
 * the level its row names.
 *
 * "Passes" means the guard let the person through: anything but 401, 403, 404 or a redirect to the
 * login page (an empty form then answers 400, which is fine). Refusals must be the right ones:
 * anonymous 401 (or the login page), another organisation 404 (its pages do not admit they exist),
 * a role without the permission 403. Nothing may crash (500).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { useTestDatabase } from './db';
import { aMember, aParticipant, anOrganisationWithOwner, asOrgOwner, aWorkshop } from './factories';
import { aSignedForum } from './signed-forum';
import { itemAs } from './access';
import { createSurvey } from '$lib/satisfaction/satisfaction.server';
import { createMap, startWorkshopMap } from '$lib/network/network.server';
import { createCard } from '$lib/assessment/assessment.server';
import { workshopAccessFor } from '$lib/workshops/access.server';
import { listRounds } from '$lib/voting/rounds.server';
import { listProposals } from '$lib/voting/proposals.server';
import { createBoard } from '$lib/boards/boards.server';
import { createTask, getPlan } from '$lib/plans/delivery.server';
import { createInvitation } from '$lib/orgs/orgs.server';

useTestDatabase();

const ROUTES = join(import.meta.dirname, '../../src/routes');

/**
 * Who passes:
 * - `public`: everyone (nobody gets 401/403);
 * - `signedIn`: any signed-in person;
 * - `phone`: anyone with a participant session (of any workshop);
 * - `participant`: only a participant of this workshop;
 * - `view`: members of the organisation with `workshop.view`/`org.view` (observer and up);
 * - `edit`: `board.edit` (member and up); `run`: `workshop.run` (facilitator and up);
 * - `manage`: `org.manageMembers` (owner).
 */
type Level = 'public' | 'signedIn' | 'phone' | 'participant' | 'view' | 'edit' | 'run' | 'manage';
type Row =
	| Level
	| {
			level: Level;
			/** The call names a resource the world does not have (an empty form names none): passing may end in 404. */
			missing?: true;
			/** Form fields sent (`$name` is replaced by the world's id of that name), to get past parsing to the guard. */
			form?: Record<string, string>;
			/** Query string of the request. */
			query?: string;
	  };

/** `<route id> <handler>`: load, GET/POST, or `?/<action>`. */
const TABLE: Record<string, Row> = {
	'/ load': 'public',
	'/+layout load': 'public',
	'/(app)/+layout load': 'signedIn',
	'/(app)/account load': 'signedIn',
	'/(app)/account ?/*': 'signedIn',
	'/(app)/orgs load': 'signedIn',
	'/(app)/orgs ?/*': 'signedIn',
	'/(app)/orgs/[orgId] load': 'view',
	'/(app)/orgs/[orgId]/data load': 'view',
	'/(app)/orgs/[orgId]/data ?/*': 'manage',
	'/(app)/orgs/[orgId]/import-forum POST': 'run',
	'/(app)/orgs/[orgId]/members load': 'view',
	'/(app)/orgs/[orgId]/members ?/*': 'manage',
	'/(app)/orgs/[orgId]/partners load': 'view',
	'/(app)/orgs/[orgId]/partners ?/*': { level: 'run', missing: true },
	'/(app)/orgs/[orgId]/plans load': 'view',
	'/(app)/orgs/[orgId]/tasks load': 'view',
	'/(app)/orgs/[orgId]/tasks ?/calendar': 'manage',
	'/(app)/orgs/[orgId]/tasks ?/move': { level: 'run', form: { taskId: '$taskId', status: 'done' } },
	'/(app)/orgs/[orgId]/workshops/new load': 'run',
	'/(app)/orgs/[orgId]/workshops/new ?/*': 'run',
	'/(app)/orgs/[orgId]/workshops/import load': 'run',
	'/(app)/orgs/[orgId]/workshops/import ?/*': 'run',
	'/(app)/w/[workshopId] load': 'view',
	'/(app)/w/[workshopId] ?/*': { level: 'run', missing: true },
	'/(app)/w/[workshopId]/boards/[boardId] load': 'view',
	'/(app)/w/[workshopId]/boards/[boardId] ?/*': { level: 'run', missing: true },
	'/(app)/w/[workshopId]/boards/[boardId] ?/dot': { level: 'edit', missing: true },
	'/(app)/w/[workshopId]/boards/[boardId]/projector load': 'view',
	'/(app)/w/[workshopId]/edit load': 'run',
	'/(app)/w/[workshopId]/edit ?/*': 'run',
	'/(app)/w/[workshopId]/exports/[file] GET': 'view',
	'/(app)/w/[workshopId]/forum GET': 'run',
	'/(app)/w/[workshopId]/live GET': { level: 'view', query: 't=attendance' },
	'/(app)/w/[workshopId]/plan load': 'view',
	'/(app)/w/[workshopId]/plan ?/*': { level: 'run', missing: true },
	'/(app)/w/[workshopId]/projector load': 'view',
	'/(app)/w/[workshopId]/proposals load': 'view',
	'/(app)/w/[workshopId]/proposals ?/*': 'run',
	'/(app)/w/[workshopId]/proposals/[proposalId] load': 'view',
	'/(app)/w/[workshopId]/proposals/[proposalId] ?/*': 'run',
	'/(app)/w/[workshopId]/record load': 'run',
	'/(app)/w/[workshopId]/record ?/*': 'run',
	'/(app)/w/[workshopId]/rounds/[roundId] load': 'view',
	'/(app)/w/[workshopId]/rounds/[roundId] ?/*': 'run',
	'/(app)/w/[workshopId]/rounds/[roundId]/ballots.pdf GET': 'run',
	'/(app)/w/[workshopId]/rounds/[roundId]/export.pb GET': 'view',
	'/(app)/w/[workshopId]/rounds/[roundId]/projector load': 'view',
	'/(app)/w/[workshopId]/rounds/new load': 'run',
	'/(app)/w/[workshopId]/rounds/new ?/*': 'run',
	'/(app)/w/[workshopId]/safeguarding load': 'run',
	'/(app)/w/[workshopId]/safeguarding ?/*': { level: 'run', missing: true },
	'/(app)/w/[workshopId]/tasks/[taskId] load': 'view',
	'/(app)/w/[workshopId]/tasks/[taskId] ?/*': 'run',
	'/(app)/w/[workshopId]/tasks/[taskId]/photo/[name] GET': { level: 'view', missing: true },
	'/(app)/orgs/[orgId]/cycle load': 'view',
	'/(app)/orgs/[orgId]/ikm load': 'view',
	'/(app)/orgs/[orgId]/ikm ?/*': 'run',
	'/(app)/orgs/[orgId]/ikm/[surveyId] load': 'view',
	'/(app)/orgs/[orgId]/ikm/[surveyId] ?/*': 'run',
	'/(app)/orgs/[orgId]/ikm/[surveyId]/responses.csv GET': 'view',
	'/(app)/orgs/[orgId]/network load': 'view',
	'/(app)/orgs/[orgId]/network ?/*': 'run',
	'/(app)/orgs/[orgId]/network/[mapId] load': 'view',
	'/(app)/orgs/[orgId]/network/[mapId] ?/*': { level: 'run', missing: true },
	'/(app)/orgs/[orgId]/scorecards load': 'view',
	'/(app)/orgs/[orgId]/scorecards ?/*': 'run',
	'/(app)/orgs/[orgId]/scorecards/[cardId] load': 'view',
	'/(app)/orgs/[orgId]/scorecards/[cardId] ?/*': { level: 'run', missing: true },
	'/(app)/orgs/[orgId]/scorecards/[cardId] ?/score': { level: 'edit', missing: true },
	'/(app)/orgs/[orgId]/social load': 'view',
	'/(app)/orgs/[orgId]/social ?/*': { level: 'run', missing: true },
	'/(app)/orgs/[orgId]/social ?/asset': 'edit',
	'/(app)/w/[workshopId]/impact load': 'view',
	'/(app)/w/[workshopId]/impact ?/*': { level: 'edit', missing: true },
	'/(app)/w/[workshopId]/network load': 'view',
	'/(app)/w/[workshopId]/network ?/*': 'run',
	'/(app)/w/[workshopId]/network/projector load': 'view',
	'/(app)/w/[workshopId]/social load': 'view',
	'/(app)/w/[workshopId]/social ?/*': { level: 'run', missing: true },
	'/p/agreements load': 'phone',
	'/p/agreements ?/*': { level: 'phone', missing: true },
	'/p/assets load': 'phone',
	'/p/assets ?/*': 'phone',
	'/p/i/[itemId] load': 'participant',
	'/p/i/[itemId] ?/*': 'participant',
	'/p/n/[mapId] load': 'participant',
	'/p/n/[mapId] ?/*': 'participant',
	'/p/pulse load': 'phone',
	'/p/pulse ?/*': { level: 'phone', missing: true },
	'/p/s/[cardId] load': 'participant',
	'/p/s/[cardId] ?/*': 'participant',
	'/s/[code] load': 'public',
	'/s/[code] ?/*': 'public',
	'/(auth)/login load': 'public',
	'/(auth)/login ?/*': 'public',
	'/(auth)/signup load': 'public',
	'/(auth)/signup ?/*': 'public',
	'/f/[code] load': 'public',
	'/f/[code]/open-data.zip GET': 'public',
	'/healthz GET': 'public',
	'/ical/[token] GET': 'public',
	'/invite/[token] load': 'public',
	'/invite/[token] ?/accept': 'signedIn',
	'/invite/[token] ?/register': 'public',
	'/j/[code] load': 'public',
	'/j/[code] ?/*': 'public',
	'/join load': 'public',
	'/join ?/*': 'public',
	'/lang POST': 'public',
	'/logout load': 'public',
	'/logout ?/*': 'public',
	'/p/+layout load': 'public',
	'/p load': 'phone',
	'/p/b/[boardId] load': 'participant',
	'/p/b/[boardId] ?/*': {
		level: 'participant',
		form: { noteId: 'n1', action: 'add', emoji: '👍', text: 'Ide', id: 'n1' }
	},
	'/p/help load': 'public', // always sends to /p (the action is the page)
	'/p/help ?/*': 'phone',
	'/p/live GET': 'phone',
	'/p/v/[roundId] load': 'participant',
	'/p/v/[roundId] ?/*': 'participant',
	'/recover load': 'public',
	'/recover ?/*': 'public',
	'/reset/[token] load': 'public',
	'/reset/[token] ?/*': 'public'
};

/** Every route module under src/routes, with the route id SvelteKit gives it. */
function routeModules(dir = ROUTES): { id: string; file: string; kind: 'page' | 'layout' | 'server' }[] {
	const found: { id: string; file: string; kind: 'page' | 'layout' | 'server' }[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) found.push(...routeModules(path));
		else {
			const kind =
				name === '+page.server.ts'
					? 'page'
					: name === '+layout.server.ts'
						? 'layout'
						: name === '+server.ts'
							? 'server'
							: null;
			if (kind) found.push({ id: '/' + relative(ROUTES, dir).split('\\').join('/'), file: path, kind });
		}
	}
	return found.map((m) => ({ ...m, id: m.id === '/' ? '/' : m.id.replace(/\/$/, '') }));
}

/** `rows`: the rows that may hold it, most specific first (`?/<action>`, then `?/*`). */
type Handler = { key: string; rows: string[]; call: (event: object) => unknown };

async function handlersOf(module: { id: string; file: string; kind: string }): Promise<Handler[]> {
	const mod = (await import(/* @vite-ignore */ module.file)) as Record<string, unknown>;
	const prefix = module.kind === 'layout' ? `${module.id === '/' ? '/' : module.id + '/'}+layout` : module.id;
	const out: Handler[] = [];
	if (typeof mod.load === 'function')
		out.push({ key: `${prefix} load`, rows: [`${prefix} load`], call: mod.load as Handler['call'] });
	for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
		if (typeof mod[method] === 'function')
			out.push({ key: `${prefix} ${method}`, rows: [`${prefix} ${method}`], call: mod[method] as Handler['call'] });
	for (const [name, action] of Object.entries((mod.actions ?? {}) as Record<string, Handler['call']>))
		out.push({ key: `${prefix} ?/${name}`, rows: [`${prefix} ?/${name}`, `${prefix} ?/*`], call: action });
	return out;
}

type Outcome = { status: number; location?: string };

async function outcomeOf(run: () => unknown): Promise<Outcome> {
	try {
		const result = (await run()) as unknown;
		if (result instanceof Response) {
			await result.body?.cancel().catch(() => {});
			return { status: result.status, location: result.headers.get('location') ?? undefined };
		}
		const failed = result as { status?: number; data?: unknown } | undefined;
		if (failed && typeof failed === 'object' && 'status' in failed && 'data' in failed)
			return { status: failed.status ?? 400 };
		return { status: 200 };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location };
		if (isHttpError(e)) return { status: e.status };
		return { status: 500, location: String((e as Error)?.stack ?? e) };
	}
}

/** Sent away to sign in or to join: what a page does instead of 401. */
const sentAway = (o: Outcome) => o.status >= 300 && o.status < 400 && /^\/(login|join|p)(\?|$)/.test(o.location ?? '');

type Persona =
	'anonymous' | 'participant' | 'otherParticipant' | 'observer' | 'member' | 'facilitator' | 'owner' | 'outsider';
const PERSONAS: Persona[] = [
	'anonymous',
	'participant',
	'otherParticipant',
	'observer',
	'member',
	'facilitator',
	'owner',
	'outsider'
];
const RANK: Partial<Record<Persona, number>> = { observer: 1, member: 2, facilitator: 3, owner: 4 };
const NEEDS: Partial<Record<Level, number>> = { view: 1, edit: 2, run: 3, manage: 4 };

/** Whether a persona passes a level, and if not, the refusals that are right for it. */
function expected(level: Level, who: Persona): { passes: true } | { passes: false; statuses: number[] } {
	// 401 from an action or endpoint; a page sends them to sign in or to join instead.
	const anonymous = { passes: false as const, statuses: [401, 303] };
	switch (level) {
		case 'public':
			return { passes: true };
		case 'signedIn':
			return ['anonymous', 'participant', 'otherParticipant'].includes(who) ? anonymous : { passes: true };
		case 'phone':
			return who === 'participant' || who === 'otherParticipant' ? { passes: true } : anonymous;
		case 'participant':
			if (who === 'participant') return { passes: true };
			return who === 'otherParticipant' ? { passes: false, statuses: [403, 404] } : anonymous;
		default: {
			if (who === 'anonymous' || who === 'participant' || who === 'otherParticipant') return anonymous;
			if (who === 'outsider') return { passes: false, statuses: [404] };
			return RANK[who]! >= NEEDS[level]! ? { passes: true } : { passes: false, statuses: [403] };
		}
	}
}

/** A signed forum (closed round, plan with an item), a board, a task, and a second organisation with its own workshop. */
async function aWorld() {
	const { owner, organisationId, w } = await aSignedForum();
	const observer = await aMember(organisationId, owner.id, 'observer');
	const member = await aMember(organisationId, owner.id, 'member');
	const facilitator = await aMember(organisationId, owner.id, 'facilitator');
	const other = await anOrganisationWithOwner('Organisasi Lain');
	const otherWorkshop = await aWorkshop(other.organisationId);
	const boardId = await createBoard(w.id, 'Papan');
	const [round] = await listRounds(w.id);
	const [proposal] = await listProposals(w.id);
	const [item] = (await getPlan(w.id)).items;
	const task = await createTask(await itemAs(item.id), { title: 'Tugas', owner: null, dueDate: null });
	if (!task.ok) throw new Error('setup');
	const run = await asOrgOwner(organisationId, 'workshop.run');
	const survey = await createSurvey(run, {
		title: 'Survei',
		function: null,
		planItemId: null,
		workshopId: null,
		askGroups: false,
		groups: []
	});
	const card = await createCard(run, { title: 'Kartu', workshopId: w.id, function: null });
	if (!survey.ok || !card.ok) throw new Error('setup');
	await createMap(await asOrgOwner(organisationId, 'workshop.edit'), { title: 'Peta', takenOn: '2026-03-14' });
	const mapId = await startWorkshopMap(await workshopAccessFor(owner.id, w.id, 'workshop.run'));
	const invitation = await createInvitation(await asOrgOwner(organisationId, 'org.manageMembers'), 'member');
	const user = (u: { id: string; name: string; email: string }) => ({ id: u.id, name: u.name, email: u.email });
	const locals: Record<Persona, App.Locals> = {
		anonymous: { user: null, session: null, participant: null, participantSession: null },
		participant: {
			user: null,
			session: null,
			participant: await aParticipant(w, 'Peserta'),
			participantSession: null
		},
		otherParticipant: {
			user: null,
			session: null,
			participant: await aParticipant(otherWorkshop, 'Peserta Lain'),
			participantSession: null
		},
		observer: { user: user(observer), session: null, participant: null, participantSession: null },
		member: { user: user(member), session: null, participant: null, participantSession: null },
		facilitator: { user: user(facilitator), session: null, participant: null, participantSession: null },
		owner: { user: user(owner), session: null, participant: null, participantSession: null },
		outsider: { user: user(other.owner), session: null, participant: null, participantSession: null }
	} as unknown as Record<Persona, App.Locals>;
	const params: Record<string, string> = {
		orgId: organisationId,
		workshopId: w.id,
		boardId,
		roundId: round.id,
		proposalId: proposal.id,
		taskId: task.id,
		surveyId: survey.id,
		cardId: card.id,
		mapId,
		itemId: item.id,
		file: 'berita-acara.pdf',
		name: 'tidak-ada.jpg',
		code: w.joinCode,
		token: invitation
	};
	return { locals, params };
}

function eventFor(
	routeId: string,
	world: Awaited<ReturnType<typeof aWorld>>,
	who: Persona,
	method: string,
	options: { form?: Record<string, string>; query?: string }
) {
	const names = [...routeId.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);
	const params = Object.fromEntries(names.map((n) => [n, world.params[n]]));
	const path = routeId.replace(/\/\([^)]+\)/g, '').replace(/\[(\w+)\]/g, (_, n: string) => world.params[n]) || '/';
	const url = new URL(`http://rembuk.test${path}${options.query ? '?' + options.query : ''}`);
	const body = new FormData();
	for (const [k, v] of Object.entries(options.form ?? {}))
		body.set(k, v.startsWith('$') ? world.params[v.slice(1)] : v);
	const jar = new Map<string, string>();
	return {
		locals: structuredClone(world.locals[who]),
		params,
		url,
		route: { id: routeId },
		request: new Request(url, method === 'GET' ? { method } : { method, body }),
		cookies: {
			get: (name: string) => jar.get(name),
			getAll: () => [...jar].map(([name, value]) => ({ name, value })),
			set: (name: string, value: string) => void jar.set(name, value),
			delete: (name: string) => void jar.delete(name),
			serialize: () => ''
		},
		depends: () => {},
		untrack: <T>(fn: () => T) => fn(),
		parent: async () => ({}),
		setHeaders: () => {},
		getClientAddress: () => '127.0.0.1',
		fetch,
		isDataRequest: false,
		isSubRequest: false,
		platform: undefined
	};
}

describe('the authorization table', () => {
	const modules = routeModules();

	it('has a row for every load, action and endpoint, and no row without one', async () => {
		const used = new Set<string>();
		const missing: string[] = [];
		for (const module of modules)
			for (const h of await handlersOf(module)) {
				const row = h.rows.find((r) => r in TABLE);
				if (row) used.add(row);
				else missing.push(h.key);
			}
		const stale = Object.keys(TABLE).filter((r) => !used.has(r));
		expect(missing, 'handlers without a row in TABLE').toEqual([]);
		expect(stale, 'rows in TABLE that no handler uses').toEqual([]);
		expect(modules.length).toBeGreaterThan(40);
	});

	for (const module of modules) {
		it(`${module.id} (${module.kind}): each persona passes or is refused as its row says`, async () => {
			const world = await aWorld();
			const wrong: string[] = [];
			for (const handler of await handlersOf(module)) {
				const row = handler.rows.map((r) => TABLE[r]).find(Boolean);
				if (!row) continue; // reported by the test above
				const { level, missing, form, query } = typeof row === 'string' ? { level: row } : row;
				for (const who of PERSONAS) {
					const method = handler.key.endsWith(' load') || handler.key.endsWith(' GET') ? 'GET' : 'POST';
					const event = eventFor(module.id, world, who, method, { form, query });
					const outcome = await outcomeOf(() => handler.call(event));
					const want = expected(level, who);
					const said = `${handler.key} as ${who}: ${outcome.status}${outcome.location ? ' ' + outcome.location : ''}`;
					if (outcome.status >= 500) {
						wrong.push(`${said} (crashed)`);
					} else if (want.passes) {
						const refusal =
							outcome.status === 401 ||
							outcome.status === 403 ||
							(level !== 'public' && ((outcome.status === 404 && !missing) || sentAway(outcome)));
						if (refusal) wrong.push(`${said}, should pass (${level})`);
					} else {
						const right = sentAway(outcome)
							? want.statuses.includes(303)
							: want.statuses.includes(outcome.status) && outcome.status !== 303;
						if (!right) wrong.push(`${said}, should be refused with ${want.statuses.join('/')} (${level})`);
					}
				}
			}
			expect(wrong).toEqual([]);
		});
	}
});
