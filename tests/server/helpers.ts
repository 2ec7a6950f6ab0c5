// Test helpers: a sync server on an ephemeral loopback port with its own data file, the API, and
// Node clients (HocuspocusProvider over ws, and raw ws for what no provider would send).
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { afterEach } from 'vitest';
import * as Y from 'yjs';
import { configFromEnvironment, type Limits, type SyncConfig } from '../../server/config.ts';
import { Storage } from '../../server/storage.ts';
import { createSync, type SyncServer } from '../../server/sync.ts';

export const tempDataFile = () => join(mkdtempSync(join(tmpdir(), 'nap-sync-')), 'sync.sqlite');

/** Waits until `condition` holds, polling every 10 ms, failing after `ms` (generous: the machine may be loaded). */
export async function until(
	condition: () => boolean,
	ms = 15_000,
	what = 'condition'
): Promise<void> {
	for (let waited = 0; !condition(); waited += 10) {
		if (waited >= ms) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

export interface TestServer {
	sync: SyncServer;
	http: Server;
	url: string;
	wsUrl: string;
	dataFile: string;
	logs: Record<string, unknown>[];
	stop(): Promise<void>;
}

export async function startServer(
	options: {
		dataFile?: string;
		limits?: Partial<Limits>;
		redisUrl?: string;
		port?: number;
		trustProxy?: boolean;
	} = {}
): Promise<TestServer> {
	const base = configFromEnvironment({});
	const config: SyncConfig = {
		...base,
		dataFile: options.dataFile ?? tempDataFile(),
		redisUrl: options.redisUrl,
		storeDebounceMs: 100,
		trustProxy: options.trustProxy ?? false,
		limits: { ...base.limits, ...options.limits }
	};
	const logs: Record<string, unknown>[] = [];
	const sync = await createSync(config, (event, fields) => logs.push({ event, ...fields }));
	const http = createServer((request, response) => {
		if (!sync.handleRequest(request, response)) response.writeHead(404).end();
	});
	http.on('upgrade', (request, socket, head) => {
		if (!sync.handleUpgrade(request, socket, head)) socket.destroy();
	});
	await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
	const { port } = http.address() as AddressInfo;
	let stopped = false;
	return {
		sync,
		http,
		url: `http://127.0.0.1:${port}`,
		wsUrl: `ws://127.0.0.1:${port}/sync`,
		dataFile: config.dataFile,
		logs,
		async stop() {
			if (stopped) return;
			stopped = true;
			http.close();
			await sync.close();
			http.closeAllConnections();
		}
	};
}

export async function api(
	url: string,
	path: string,
	init: { method?: string; body?: unknown; secret?: string } = {}
) {
	const response = await fetch(`${url}/sync/api${path}`, {
		method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
		headers: {
			...(init.body !== undefined && { 'content-type': 'application/json' }),
			...(init.secret && { authorization: `Bearer ${init.secret}` })
		},
		body: init.body === undefined ? undefined : JSON.stringify(init.body)
	});
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read the API's JSON answers field by field
	const body = (await response.json()) as Record<string, any>;
	return { status: response.status, body };
}

export interface SharedDraft {
	draftId: string;
	ownerSecret: string;
	ownerToken: string;
	documents: { plan: string; comments: string };
}

export async function share(url: string): Promise<SharedDraft> {
	const { status, body } = await api(url, '/drafts', { body: {} });
	if (status !== 201) throw new Error(`share: ${status}`);
	return body as SharedDraft;
}

export async function invite(
	url: string,
	draft: SharedDraft,
	role: 'editor' | 'commenter' | 'reader'
) {
	const { status, body } = await api(url, `/drafts/${draft.draftId}/links`, {
		body: { role },
		secret: draft.ownerSecret
	});
	if (status !== 201) throw new Error(`invite: ${status}`);
	return body as { link: { linkId: string }; token: string };
}

export interface TestClient {
	doc: Y.Doc;
	provider: HocuspocusProvider;
	socket: HocuspocusProviderWebsocket;
	authenticated: () => boolean;
	failures: string[];
	closeReasons: string[];
	closeCodes: number[];
	synced(): Promise<void>;
	destroy(): void;
}

/** A provider on one document, reconnecting quickly when its socket closes. */
export function connect(wsUrl: string | (() => string), name: string, token: string): TestClient {
	const doc = new Y.Doc();
	const socket = new HocuspocusProviderWebsocket({
		url: typeof wsUrl === 'string' ? wsUrl : wsUrl(),
		WebSocketPolyfill: WebSocket,
		delay: 50,
		minDelay: 50,
		maxDelay: 200,
		factor: 1.5
	});
	const failures: string[] = [];
	const closeReasons: string[] = [];
	const closeCodes: number[] = [];
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name,
		token,
		document: doc,
		onAuthenticationFailed: ({ reason }) => void failures.push(reason),
		onClose: ({ event }) => {
			closeReasons.push(event.reason);
			closeCodes.push(event.code);
		}
	});
	provider.attach();
	return {
		doc,
		provider,
		socket,
		failures,
		closeReasons,
		closeCodes,
		authenticated: () => provider.isAuthenticated,
		synced: () => until(() => provider.isSynced, 15_000, `${name} to sync`),
		destroy() {
			provider.destroy();
			socket.destroy();
		}
	};
}

/** Hocuspocus's wire format, for the raw client: [document name][message type][...]. */
export const frames = {
	auth(name: string, token: string) {
		const e = encoding.createEncoder();
		encoding.writeVarString(e, name);
		encoding.writeVarUint(e, 2); // Auth
		encoding.writeVarUint(e, 0); // Token
		encoding.writeVarString(e, token);
		return encoding.toUint8Array(e);
	},
	sync(name: string, syncType: 0 | 1 | 2, payload: Uint8Array) {
		const e = encoding.createEncoder();
		encoding.writeVarString(e, name);
		encoding.writeVarUint(e, 0); // Sync
		encoding.writeVarUint(e, syncType); // step 1, step 2, update
		encoding.writeVarUint8Array(e, payload);
		return encoding.toUint8Array(e);
	}
};

/** A raw WebSocket that records every frame the server sends. */
export async function rawSocket(wsUrl: string) {
	const ws = new WebSocket(wsUrl);
	const received: Uint8Array[] = [];
	let closed: { code: number; reason: string } | undefined;
	ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
	ws.on('close', (code, reason) => (closed = { code, reason: reason.toString() }));
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	return { ws, received, closed: () => closed };
}

/** The document as the data file holds it (open the file only while no server writes to it). */
export function storedDocument(dataFile: string, name: string): Y.Doc | undefined {
	const storage = new Storage(dataFile);
	try {
		const state = storage.fetchDocument(name);
		if (!state) return undefined;
		const doc = new Y.Doc();
		Y.applyUpdate(doc, state);
		return doc;
	} finally {
		storage.close();
	}
}

/**
 * The clients a test opens (`open`) and the server it runs now (`current`), all closed after each
 * test, so that one test's sockets never reach the next.
 */
export function closeAfterEach(
	current: () => TestServer | undefined
): (...args: Parameters<typeof connect>) => TestClient {
	const clients: TestClient[] = [];
	afterEach(async () => {
		for (const client of clients.splice(0)) client.destroy();
		await current()?.stop();
	});
	return (...args) => {
		const client = connect(...args);
		clients.push(client);
		return client;
	};
}
