// Graceful shutdown: on SIGTERM or SIGINT, stop taking connections, store every document, exit.
import type { Server } from 'node:http';
import type { Log } from './log.ts';

export function stopOnSignals(server: Server, sync: { close(): Promise<void> }, log: Log) {
	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		log('stopping', { signal });
		server.close();
		await sync.close();
		process.exit(0);
	};
	for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => void stop(signal));
}
