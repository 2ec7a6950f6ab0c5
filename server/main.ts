// The sync server on its own, without the app: `node server/main.ts` (PORT, HOST, and the SYNC_*
// settings of config.ts). npm start serves the app and the sync server together (scripts/serve.js).
import { createServer } from 'node:http';
import { configFromEnvironment } from './config.ts';
import { jsonLog } from './log.ts';
import { stopOnSignals } from './signals.ts';
import { createSync } from './sync.ts';

const config = configFromEnvironment();
const sync = await createSync(config);
const server = createServer((request, response) => {
	if (!sync.handleRequest(request, response)) response.writeHead(404).end();
});
server.on('upgrade', (request, socket, head) => {
	if (!sync.handleUpgrade(request, socket, head)) socket.destroy();
});
server.listen(Number(process.env.PORT ?? 4180), process.env.HOST ?? 'localhost', () => {
	const address = server.address();
	jsonLog('listening', {
		instance: config.instance,
		port: typeof address === 'object' && address ? address.port : undefined,
		dataFile: config.dataFile,
		redis: Boolean(config.redisUrl)
	});
});
stopOnSignals(server, sync, jsonLog);
