// npm start's server: the app's static files as before, and the sync server on the same origin.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { connect, share, tempDataFile, until } from './helpers.ts';

// Several servers and clients per test, on a machine other work shares.
vi.setConfig({ testTimeout: 60_000 });

function serve(env: Record<string, string>) {
	const build = mkdtempSync(join(tmpdir(), 'nap-build-'));
	const page = '<!doctype html><title>NAP Builder</title>';
	writeFileSync(join(build, 'index.html'), page);
	writeFileSync(join(build, 'index.html.br'), brotliCompressSync(page));
	writeFileSync(join(build, 'index.html.gz'), gzipSync(page));
	writeFileSync(join(build, '404.html'), 'not found');
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: {
			...process.env,
			PORT: '0',
			HOST: '127.0.0.1',
			BUILD_DIR: build,
			SYNC_DATA_FILE: tempDataFile(),
			...env
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const lines: string[] = [];
	createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
	return {
		child,
		page,
		async url() {
			await until(
				() => lines.some((line) => line.includes('running at')),
				15_000,
				'the server to listen'
			);
			return /running at (http:\/\/[^ ]+)/.exec(
				lines.find((line) => line.includes('running at'))!
			)![1];
		}
	};
}

describe('npm start', () => {
	it('serves the app and the sync server on one origin and port', async () => {
		const server = serve({});
		try {
			const url = await server.url();
			const page = await fetch(`${url}/`, { headers: { 'accept-encoding': 'br' } });
			expect(page.status).toBe(200);
			expect(page.headers.get('content-encoding')).toBe('br');
			expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
			expect(page.headers.get('x-content-type-options')).toBe('nosniff');
			expect(await page.text()).toBe(server.page); // fetch decodes the brotli copy
			expect((await fetch(`${url}/nowhere`)).status).toBe(404);

			const draft = await share(url);
			const client = connect(
				`${url.replace('http', 'ws')}/sync`,
				draft.documents.plan,
				draft.ownerToken
			);
			await client.synced();
			client.destroy();
		} finally {
			server.child.kill('SIGTERM');
		}
	});

	it('with SYNC=off, serves the app alone', async () => {
		const server = serve({ SYNC: 'off' });
		try {
			const url = await server.url();
			expect((await fetch(`${url}/`)).status).toBe(200);
			expect((await fetch(`${url}/sync/api/`)).status).toBe(404);
		} finally {
			server.child.kill('SIGTERM');
		}
	});
});
