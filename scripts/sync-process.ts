// A sync server instance in its own process (server/main.ts on the pinned Node), on an ephemeral
// loopback port, with its JSON log lines collected: for the tests that kill one, and the bench.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface SyncProcess {
	name: string;
	child: ChildProcess;
	port: number;
	url: string;
	wsUrl: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the server's JSON log lines, read field by field
	logs: Record<string, any>[];
	exited: Promise<number | null>;
}

export async function startSyncProcess(
	name: string,
	env: Record<string, string>,
	nodeOptions: string[] = []
): Promise<SyncProcess> {
	const child = spawn(process.execPath, [...nodeOptions, 'server/main.ts'], {
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SYNC_INSTANCE: name, ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const logs: SyncProcess['logs'] = [];
	createInterface({ input: child.stdout! }).on('line', (line) => logs.push(JSON.parse(line)));
	const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
	for (let waited = 0; !logs.some((entry) => entry.event === 'listening'); waited += 20) {
		if (waited > 30_000 || child.exitCode !== null) {
			child.kill('SIGKILL');
			throw new Error(`sync instance ${name} did not start`);
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	const { port } = logs.find((entry) => entry.event === 'listening')!;
	return {
		name,
		child,
		port,
		url: `http://127.0.0.1:${port}`,
		wsUrl: `ws://127.0.0.1:${port}/sync`,
		logs,
		exited
	};
}
