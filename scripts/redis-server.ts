// Debian's redis-server on a free loopback port, without persistence, for the tests and the bench
// that run several sync server instances; stopped by its pid.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const freePort = () =>
	new Promise<number>((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => resolve(port));
		});
	});

export async function startRedis(): Promise<{ url: string; stop(): void }> {
	if (spawnSync('redis-server', ['--version']).error)
		throw new Error(
			'redis-server is not installed: it is needed to run several sync server instances (Debian or Ubuntu: sudo apt-get install -y redis-server; .ci/run installs it)'
		);
	const dir = mkdtempSync(join(tmpdir(), 'nap-redis-'));
	const pidFile = join(dir, 'redis.pid');
	const port = await freePort();
	execFileSync('redis-server', [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
		'--daemonize',
		'yes',
		'--pidfile',
		pidFile
	]);
	const pid = () => {
		try {
			return Number(readFileSync(pidFile, 'utf8'));
		} catch {
			return 0;
		}
	};
	// The pid file is written once the server is up (bounded wait).
	for (let waited = 0; !pid(); waited += 20) {
		if (waited > 10_000) throw new Error('redis-server did not start within 10 s');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return { url: `redis://127.0.0.1:${port}`, stop: () => process.kill(pid(), 'SIGTERM') };
}
