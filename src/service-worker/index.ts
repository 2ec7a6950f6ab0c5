// Offline-first: after one visit the whole app works with the cable pulled. Every file of this
// version (the app's code, the three languages, the template library, the Word export, every
// prerendered page and the static files) is cached on install under a name that carries the
// version; older caches go on activation. A new version waits until the page asks it to take over
// (after flushing any pending autosave), so an update never interrupts someone typing.
import { assets, immutable, prerendered } from '$app/manifest';
import { version } from '$app/env';
import { self } from '$app/service-worker';

const CACHE = `nap-builder-${version}`;
const base = new URL(self.registration.scope).pathname; // e.g. "/" or "/nap/"
/** Manifest paths are relative to the base path. */
const url = (path: string) => base + path.replace(/^\//, '');
const FALLBACK = url('404.html');
const FILES = [
	...new Set(
		[...immutable, ...assets, ...prerendered].map((f) => url(f.path)).concat(url(''), FALLBACK)
	)
];

self.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await self.clients.claim();
		})()
	);
});

self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/** The cached answer for a page address: the prerendered page (its query, such as ?id=, ignored), else the app shell. */
async function page(request: Request, cache: Cache): Promise<Response | undefined> {
	const path = new URL(request.url).pathname;
	const candidates = [
		path,
		path.replace(/\/$/, '') + '.html',
		path.replace(/\/?$/, '/') + 'index.html'
	];
	for (const candidate of candidates) {
		const hit = await cache.match(candidate, { ignoreSearch: true });
		if (hit) return hit;
	}
	return cache.match(FALLBACK);
}

self.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const address = new URL(request.url);
	if (address.origin !== self.location.origin) return; // the app makes no such request; let it fail as it would
	// The sync server's API answers live or not at all: offline, its requests must fail as requests, never
	// be answered with the app shell (which a client would read as a broken answer from the server).
	if (address.pathname.startsWith(url('sync/'))) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// Files of this version never change: the cache answers, and the network is not asked.
			const cached =
				request.mode === 'navigate'
					? await page(request, cache)
					: await cache.match(request, { ignoreSearch: address.pathname.endsWith('.html') });
			if (cached) return cached;
			try {
				return await fetch(request);
			} catch {
				// Offline and not cached (a page of a route added after install): the app shell routes it.
				return (await cache.match(FALLBACK)) ?? Response.error();
			}
		})()
	);
});
