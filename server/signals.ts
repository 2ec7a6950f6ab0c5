// Graceful shutdown: on SIGTERM or SIGINT, stop taking connections, store every document, exit.
// SIGUSR2 logs the memory in use (after a collection when Node runs with --expose-gc).
import type { Server } from 'node:http';
import type { Log } from './log.ts';
import type { SyncServer } from './sync.ts';

export function stopOnSignals(
	server: Server,
	sync: Pick<SyncServer, 'close' | 'hocuspocus'>,
	log: Log
) {
	process.on('SIGUSR2', () => {
		(globalThis as { gc?: () => void }).gc?.();
		const { rss, heapUsed } = process.memoryUsage();
		log('memory', {
			rssKiB: Math.round(rss / 1024),
			heapUsedKiB: Math.round(heapUsed / 1024),
			documents: sync.hocuspocus.getDocumentsCount(),
			connections: sync.hocuspocus.getConnectionsCount()
		});
	});
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
