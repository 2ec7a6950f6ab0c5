// Two sync server instances on one real Redis (Debian's redis-server, started here on a free port)
// and one data file, as behind a load balancer.
import {
	createServer as createTcpServer,
	connect as tcpConnect,
	type AddressInfo,
	type Server as TcpServer
} from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedis } from '../../scripts/redis-server.ts';
import { startSyncProcess, type SyncProcess } from '../../scripts/sync-process.ts';
import { closeReasons } from '../../server/reasons.ts';
import {
	api,
	connect,
	invite,
	share,
	storedDocument,
	tempDataFile,
	until,
	type TestClient
} from './helpers.ts';

// Several servers and clients per test, on a machine other work shares.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

let redis: Awaited<ReturnType<typeof startRedis>>;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis?.stop());

const instances: SyncProcess[] = [];
const clients: TestClient[] = [];
const open = (...args: Parameters<typeof connect>) => {
	const client = connect(...args);
	clients.push(client);
	return client;
};
let balancer: TcpServer | undefined;

afterEach(async () => {
	for (const client of clients.splice(0)) client.destroy();
	balancer?.close();
	for (const instance of instances.splice(0)) {
		instance.child.kill('SIGKILL');
		await instance.exited;
	}
});

async function startInstance(name: string, dataFile: string, env: Record<string, string> = {}) {
	const instance = await startSyncProcess(name, {
		SYNC_DATA_FILE: dataFile,
		REDIS_URL: redis.url,
		...env
	});
	instances.push(instance);
	return instance;
}

/** A TCP load balancer: each new connection goes to the first instance that accepts it. */
async function balance(backends: SyncProcess[]): Promise<string> {
	balancer = createTcpServer((client) => {
		const tryBackend = (index: number) => {
			if (index >= backends.length) return client.destroy();
			const backend = tcpConnect(backends[index].port, '127.0.0.1');
			backend.once('error', () => tryBackend(index + 1));
			backend.once('connect', () => {
				backend.removeAllListeners('error');
				client.pipe(backend).pipe(client);
				backend.on('error', () => client.destroy());
				backend.on('close', () => client.destroy());
				client.on('error', () => backend.destroy());
				client.on('close', () => backend.destroy());
			});
		};
		tryBackend(0);
	});
	await new Promise<void>((resolve) => balancer!.listen(0, '127.0.0.1', resolve));
	return `ws://127.0.0.1:${(balancer!.address() as AddressInfo).port}/sync`;
}

const body = (client: TestClient) => client.doc.getText('body').toString();

describe('two instances on one Redis', () => {
	it('an edit through one instance reaches a client of the other, both ways, and a revocation on one disconnects on the other', async () => {
		const dataFile = tempDataFile();
		const [one, two] = [await startInstance('one', dataFile), await startInstance('two', dataFile)];
		const draft = await share(one.url);
		const { link, token } = await invite(two.url, draft, 'editor'); // the API of either instance
		const onOne = open(one.wsUrl, draft.documents.plan, draft.ownerToken);
		const onTwo = open(two.wsUrl, draft.documents.plan, token);
		await Promise.all([onOne.synced(), onTwo.synced()]);
		onOne.doc.getText('body').insert(0, 'from one');
		await until(() => body(onTwo) === 'from one', undefined, 'the edit to reach instance two');
		onTwo.doc.getText('body').insert(8, ', from two');
		await until(
			() => body(onOne) === 'from one, from two',
			undefined,
			'the edit to reach instance one'
		);

		expect(
			(
				await api(one.url, `/drafts/${draft.draftId}/links/${link.linkId}`, {
					method: 'DELETE',
					secret: draft.ownerSecret
				})
			).status
		).toBe(200);
		await until(
			() => onTwo.closeReasons.includes(closeReasons.linkRevoked),
			undefined,
			'the holder on instance two to be disconnected'
		);
		expect(
			two.logs.some(
				(entry) =>
					entry.event === 'connected' && entry.linkId === link.linkId && entry.instance === 'two'
			)
		).toBe(true);
	});

	it('killing one instance: its clients reconnect to the other and nothing is lost, not even from storage', async () => {
		const dataFile = tempDataFile();
		// Neither stores on its own for ten minutes: what reaches the file comes from the unload below.
		const env = { SYNC_STORE_DEBOUNCE_MS: '600000' };
		const [one, two] = [
			await startInstance('one', dataFile, env),
			await startInstance('two', dataFile, env)
		];
		const wsUrl = await balance([one, two]);
		const draft = await share(one.url);
		const throughOne = open(wsUrl, draft.documents.plan, draft.ownerToken); // the balancer sends it to one
		const onTwo = open(two.wsUrl, draft.documents.plan, draft.ownerToken);
		await Promise.all([throughOne.synced(), onTwo.synced()]);
		expect(one.logs.some((entry) => entry.event === 'connected')).toBe(true);

		throughOne.doc.getText('body').insert(0, 'typed through one');
		await until(() => body(onTwo) === 'typed through one', undefined, 'the edit to reach two');
		one.child.kill('SIGKILL'); // before it stored anything
		await one.exited;
		await until(
			() => two.logs.filter((entry) => entry.event === 'connected').length >= 2,
			undefined,
			'the client to reconnect through two'
		);
		await until(() => throughOne.provider.isSynced, undefined, 'the client to sync with two');
		expect(body(throughOne)).toBe('typed through one');
		const late = open(wsUrl, draft.documents.plan, draft.ownerToken);
		await late.synced();
		expect(body(late)).toBe('typed through one');

		// Every client leaves. The edit reached two only through Redis, and one died before storing it:
		// two stores it as it unloads the document, then dies too. The file holds it.
		for (const client of [throughOne, onTwo, late]) client.destroy();
		await until(
			() =>
				two.logs.some(
					(entry) =>
						entry.event === 'document-stored' && entry.documentName === draft.documents.plan
				),
			undefined,
			'two to store the document'
		);
		two.child.kill('SIGKILL');
		await two.exited;
		expect(storedDocument(dataFile, draft.documents.plan)!.getText('body').toString()).toBe(
			'typed through one'
		);
	});
});
