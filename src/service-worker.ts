/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The app shell offline. A phone that drops off the venue Wi-Fi keeps showing its page
 * (and its queue of unsent ideas, kept in localStorage by the page): the built scripts,
 * styles and icons are cached at install, and participant pages are cached as they are
 * visited, network first. Members' pages are never cached (they hold people's data and
 * may be on a shared laptop); nothing but GET on this origin is touched, so form posts,
 * the live event stream and board websockets go to the network as before.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${version}`;
const PAGES = 'pages';
const ASSETS = new Set([...build, ...files]);
// Participant pages: the join flow, the participant's home, boards and ballots.
const PARTICIPANT = /^\/(join|j\/[^/]+|p(\/(b|v)\/[^/]+)?)\/?(__data\.json)?$/;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL)
			.then((cache) => cache.addAll([...ASSETS]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== PAGES).map((k) => caches.delete(k))))
			.then(() => sw.clients.claim())
	);
});

async function fromShell(request: Request): Promise<Response> {
	const cached = await caches.match(request, { cacheName: SHELL });
	return cached ?? fetch(request);
}

/** Network first; a page that loaded is kept so it still shows without a connection. */
async function participantPage(request: Request): Promise<Response> {
	const cache = await caches.open(PAGES);
	try {
		const response = await fetch(request);
		if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
		return response;
	} catch (error) {
		const cached = await cache.match(request);
		if (cached) return cached;
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (ASSETS.has(url.pathname)) return event.respondWith(fromShell(request));
	if (PARTICIPANT.test(url.pathname) && request.headers.get('accept') !== 'text/event-stream')
		event.respondWith(participantPage(request));
});
