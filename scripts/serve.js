// Serves the built app (build/) at http://localhost:4173, or the port in PORT, and the sync server
// for shared drafts on the same origin (the WebSocket path /sync and its API under /sync/api/; see
// server/ and the README; SYNC=off serves the app alone). The app itself needs no server-side code:
// any static server hosts it. The build holds a brotli and a gzip copy of each text file; the server
// sends one when the browser accepts it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.env.BUILD_DIR ?? 'build');
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? 'localhost';

/** @type {Record<string, string>} */
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8'
};

/**
 * The file for a URL path: the file itself, the page `<path>.html`, or `<path>/index.html`.
 * @param {string} pathname
 */
async function locate(pathname) {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const base = join(root, clean);
	if (!base.startsWith(root)) return undefined;
	for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
		const info = await stat(candidate).catch(() => undefined);
		if (info?.isFile()) return candidate;
	}
	return undefined;
}

/**
 * The precompressed copy of a file the browser accepts, if the build has one.
 * @param {string} path
 * @param {string} accepted the request's Accept-Encoding
 */
async function compressed(path, accepted) {
	for (const [encoding, suffix] of [
		['br', '.br'],
		['gzip', '.gz']
	]) {
		if (!new RegExp(`\\b${encoding}\\b`).test(accepted)) continue;
		const info = await stat(path + suffix).catch(() => undefined);
		if (info?.isFile()) return { encoding, file: path + suffix };
	}
	return undefined;
}

// Loaded only when it runs, so the app alone starts as fast as before.
async function startSync() {
	if (process.env.SYNC === 'off') return undefined;
	const [{ configFromEnvironment }, { createSync }] = await Promise.all([
		import('../server/config.ts'),
		import('../server/sync.ts')
	]);
	return createSync(configFromEnvironment());
}
const sync = await startSync();

const server = createServer(async (request, response) => {
	if (sync?.handleRequest(request, response)) return;
	try {
		const { pathname } = new URL(request.url ?? '/', 'http://localhost');
		const file = await locate(pathname);
		const path = file ?? join(root, '404.html');
		const packed = await compressed(path, String(request.headers['accept-encoding'] ?? ''));
		response.writeHead(file ? 200 : 404, {
			'content-type': types[extname(path)] ?? 'application/octet-stream',
			'cache-control': pathname.startsWith('/_app/immutable/')
				? 'public, max-age=31536000, immutable'
				: 'no-cache',
			'x-content-type-options': 'nosniff',
			vary: 'Accept-Encoding',
			...(packed && { 'content-encoding': packed.encoding })
		});
		if (request.method === 'HEAD') return response.end();
		createReadStream(packed?.file ?? path).pipe(response);
	} catch {
		response.writeHead(400).end();
	}
});

server.on('upgrade', (request, socket, head) => {
	if (!sync?.handleUpgrade(request, socket, head)) socket.destroy();
});

server.listen(port, host, () => {
	const address = server.address();
	console.log(
		`NAP Builder is running at http://${host}:${typeof address === 'object' && address ? address.port : port} (press Ctrl+C to stop)`
	);
});
// Ctrl+C or SIGTERM stores every shared document before exiting.
if (sync) {
	const [{ stopOnSignals }, { jsonLog }] = await Promise.all([
		import('../server/signals.ts'),
		import('../server/log.ts')
	]);
	stopOnSignals(server, sync, jsonLog);
}
