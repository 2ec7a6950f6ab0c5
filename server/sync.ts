// The sync server: Hocuspocus behind the WebSocket path /sync and the HTTP API under /sync/api/, to
// mount on any Node HTTP server (scripts/serve.js mounts it beside the built app; main.ts runs it
// alone). Documents persist in one SQLite file; REDIS_URL lets several instances share them.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Database } from '@hocuspocus/extension-database';
import { Hocuspocus, isTransactionOrigin, type Document, type Extension } from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { AccessError, authorize, documentNames, type Grant } from './access.ts';
import { apiPrefix, handleApi, pathOf, requestUrl } from './api.ts';
import type { SyncConfig } from './config.ts';
import {
	DocumentSizes,
	isEmptyUpdate,
	isOversizedAwareness,
	refusal,
	updateInFrame
} from './guard.ts';
import { jsonLog, type Log } from './log.ts';
import { closeReasons, socketCloseCodes, type CloseReason } from './reasons.ts';
import { connectRedis, type RedisSync } from './redis.ts';
import { Storage } from './storage.ts';
import { docHasPlan, planFromDoc } from '../src/lib/sync/binding.ts';

export const syncPath = '/sync';

interface Context {
	address: string;
	grant?: Grant;
}

export interface SyncServer {
	hocuspocus: Hocuspocus<Context>;
	/** Answers the request when it is for the API; false when it is not (serve it otherwise). */
	handleRequest(request: IncomingMessage, response: ServerResponse): boolean;
	/** Takes the upgrade when it is for /sync; false when it is not. */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** Closes every socket, stores every open document, then lets go of the file and Redis. */
	close(): Promise<void>;
}

/** At most `limit` per key in any hour (counted in the hour since the key's first use). */
class HourlyQuota {
	private readonly used = new Map<string, { since: number; count: number }>();
	private readonly limit: number;
	constructor(limit: number) {
		this.limit = limit;
	}
	take(key: string): boolean {
		const now = Date.now();
		for (const [k, { since }] of this.used) if (now - since > 3_600_000) this.used.delete(k);
		const entry = this.used.get(key) ?? { since: now, count: 0 };
		if (entry.count >= this.limit) return false;
		entry.count++;
		this.used.set(key, entry);
		return true;
	}
}

/** Refusing an update closes the client's connection to that document with this reason. */
const refuse = (reason: CloseReason) => Object.assign(new Error(reason), { code: 4400, reason });

export async function createSync(config: SyncConfig, log: Log = jsonLog): Promise<SyncServer> {
	const { limits } = config;
	const storage = new Storage(config.dataFile);
	const sizes = new DocumentSizes(limits.documentBytes);
	// Documents changed through Redis only: the instance that received the change stores it, but it
	// may die first, so these are stored here too before they leave memory.
	const changedThroughRedis = new Set<string>();
	let closing = false;

	const disconnectLink = (draftId: string, linkId: string) => {
		for (const name of Object.values(documentNames(draftId)))
			for (const connection of hocuspocus.documents.get(name)?.getConnections() ?? [])
				if ((connection.context as Context).grant?.linkId === linkId)
					connection.close({ code: 4403, reason: closeReasons.linkRevoked });
	};

	const redis: RedisSync | undefined = config.redisUrl
		? await connectRedis(config.redisUrl, config.instance, disconnectLink)
		: undefined;

	/**
	 * Writes the document, merged with whatever another instance stored since this one loaded it (one
	 * instance alone wrote what is stored: its document holds it already).
	 */
	const store = (name: string, document: Document, state: Uint8Array) => {
		if (!storage.isOpen) return;
		const bytes = storage.storeDocument(name, (stored) => {
			if (!stored || !redis || Y.snapshotContainsUpdate(Y.snapshot(document), stored)) return state;
			Y.applyUpdate(document, stored, { source: 'local', skipStoreHooks: true });
			return Y.encodeStateAsUpdate(document);
		});
		changedThroughRedis.delete(name);
		log('document-stored', { documentName: name, bytes, instance: config.instance });
	};

	const persistence = new Database({
		fetch: async ({ documentName }) => storage.fetchDocument(documentName),
		store: async ({ documentName, document, state }) => store(documentName, document, state)
	});

	const access: Extension = {
		extensionName: 'nap-access',
		async onAuthenticate({ documentName, token, instance, connectionConfig, context }) {
			const { address } = context as Context;
			try {
				const grant = authorize(storage, documentName, token);
				const open =
					instance.documents.has(documentName) || instance.loadingDocuments.has(documentName);
				if (!open && instance.documents.size + instance.loadingDocuments.size >= limits.documents)
					throw new AccessError(closeReasons.tooManyDocuments);
				if (
					(instance.documents.get(documentName)?.getConnectionsCount() ?? 0) >=
					limits.connectionsPerDocument
				)
					throw new AccessError(closeReasons.tooManyConnectionsDocument);
				connectionConfig.readOnly = grant.readOnly;
				return { grant };
			} catch (error) {
				if (error instanceof AccessError)
					log('connection-refused', {
						documentName: documentName.slice(0, 80),
						reason: error.reason,
						address
					});
				throw error;
			}
		},
		async connected({ documentName, context, socketId }) {
			const { grant, address } = context as Context;
			log('connected', {
				documentName,
				linkId: grant?.linkId,
				role: grant?.role,
				readOnly: grant?.readOnly,
				address,
				socketId,
				instance: config.instance
			});
		},
		async onDisconnect({ documentName, context, socketId }) {
			const { grant } = context as Context;
			log('disconnected', {
				documentName,
				linkId: grant?.linkId,
				role: grant?.role,
				socketId,
				instance: config.instance
			});
		},
		async beforeHandleMessage({ connection, document, documentName, update: frame, context }) {
			const { grant } = context as Context;
			let update: Uint8Array | undefined;
			let reason: CloseReason | undefined;
			try {
				update = updateInFrame(frame);
				if (isOversizedAwareness(frame)) reason = closeReasons.presenceTooLarge;
			} catch {
				reason = closeReasons.invalidUpdate;
			}
			if (connection.readOnly && !reason) {
				// Hocuspocus refuses a read-only connection's updates itself (and acknowledges one that
				// changes nothing, as the first sync sends); this only records the attempt.
				if (update && !isEmptyUpdate(update))
					log('update-refused', {
						documentName,
						linkId: grant?.linkId,
						role: grant?.role,
						reason: 'read-only',
						bytes: frame.byteLength
					});
				return;
			}
			if (update)
				reason =
					refusal(document, update) ??
					(sizes.admit(documentName, document, update) ? undefined : closeReasons.documentTooLarge);
			if (!reason) return;
			log('update-refused', {
				documentName,
				linkId: grant?.linkId,
				role: grant?.role,
				reason,
				bytes: frame.byteLength
			});
			throw refuse(reason);
		},
		async afterLoadDocument({ documentName, document }) {
			sizes.measure(documentName, document);
		},
		async onChange({ documentName, transactionOrigin }) {
			if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'redis')
				changedThroughRedis.add(documentName);
		},
		async beforeUnloadDocument({ documentName, document }) {
			if (changedThroughRedis.has(documentName))
				store(documentName, document, Y.encodeStateAsUpdate(document));
		},
		async afterUnloadDocument({ documentName }) {
			sizes.forget(documentName);
			changedThroughRedis.delete(documentName);
		}
	};

	const hocuspocus = new Hocuspocus<Context>({
		name: config.instance,
		debounce: config.storeDebounceMs,
		maxDebounce: config.storeDebounceMs * 5,
		extensions: [...(redis ? [redis.extension] : []), persistence, access]
	});

	const shares = new HourlyQuota(limits.draftsPerAddressPerHour);
	const planReads = new HourlyQuota(limits.planReadsPerAddressPerHour);

	/**
	 * The plan read from a draft's documents as the app reads it (repaired, so it always parses), as
	 * JSON: from the documents this instance has open, else as stored. The last few are kept by the
	 * documents' exact state (an open one's snapshot holds the deletions a state vector does not; a
	 * stored one's bytes), so that a workshop's ten delegations opening one invitation at once cost one
	 * reading, not ten decodings of the whole document.
	 */
	const readings = new Map<string, { state: string; json: string }>();
	const readPlan = (draftId: string) => {
		const names = documentNames(draftId);
		const parts = [names.plan, names.comments].map((name) => {
			const open = hocuspocus.documents.get(name);
			return open ? { open } : { stored: storage.fetchDocument(name) ?? undefined };
		});
		if (!parts[0].open && !parts[0].stored) return undefined;
		const hash = createHash('sha256');
		for (const { open, stored } of parts) {
			hash.update(open ? 'open:' : 'stored:');
			if (open) hash.update(Y.encodeSnapshot(Y.snapshot(open)));
			else if (stored) hash.update(stored);
		}
		const state = hash.digest('base64');
		const kept = readings.get(draftId);
		if (kept?.state === state) return kept.json;
		const [doc, comments] = parts.map(({ open, stored }) => {
			if (open || !stored) return open;
			const read = new Y.Doc();
			Y.applyUpdate(read, stored);
			return read;
		});
		if (!doc || !docHasPlan(doc)) return undefined;
		const json = JSON.stringify(planFromDoc(doc, { comments }));
		readings.delete(draftId);
		readings.set(draftId, { state, json });
		for (const oldest of readings.keys()) if (readings.size > 20) readings.delete(oldest);
		return json;
	};
	const wss = new WebSocketServer({ noServer: true, maxPayload: limits.messageBytes });
	const sockets = new Set<WebSocket>();
	const socketsByAddress = new Map<string, number>();

	const clientAddress = (request: IncomingMessage) => {
		const forwarded = config.trustProxy
			? String(request.headers['x-forwarded-for'] ?? '')
					.split(',')
					.at(-1)
					?.trim()
			: '';
		return forwarded || request.socket.remoteAddress || 'unknown';
	};

	const accept = (ws: WebSocket, request: IncomingMessage) => {
		try {
			connectSocket(ws, request);
		} catch (error) {
			log('socket-error', { error: error instanceof Error ? error.message : 'unknown' });
			ws.terminate();
		}
	};

	const connectSocket = (ws: WebSocket, request: IncomingMessage) => {
		const address = clientAddress(request);
		const open = socketsByAddress.get(address) ?? 0;
		if (open >= limits.connectionsPerAddress) {
			log('connection-refused', { reason: closeReasons.tooManyConnectionsAddress, address });
			ws.close(socketCloseCodes.tooManyConnectionsAddress, closeReasons.tooManyConnectionsAddress);
			return;
		}
		socketsByAddress.set(address, open + 1);
		sockets.add(ws);
		const headers = new Headers();
		for (const [name, value] of Object.entries(request.headersDistinct))
			for (const v of value ?? []) headers.append(name, v);
		const client = hocuspocus.handleConnection(
			ws,
			new Request(requestUrl(request) ?? 'http://localhost/', { headers }),
			{ address }
		);
		ws.on('message', (data: Buffer) => {
			if (!closing)
				client.handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
		});
		ws.on('error', (error) => log('socket-error', { address, error: error.message }));
		ws.on('close', (code, reason) => {
			sockets.delete(ws);
			const left = (socketsByAddress.get(address) ?? 1) - 1;
			if (left) socketsByAddress.set(address, left);
			else socketsByAddress.delete(address);
			client.handleClose({ code, reason: reason.toString() });
		});
	};

	return {
		hocuspocus,
		handleRequest(request, response) {
			const pathname = pathOf(request);
			if (pathname !== apiPrefix && !pathname.startsWith(`${apiPrefix}/`)) return false;
			void handleApi(request, response, {
				storage,
				log,
				maxDrafts: limits.drafts,
				mayShare: (request) => shares.take(clientAddress(request)),
				mayRead: (request) => planReads.take(clientAddress(request)),
				readPlan,
				revoked: (draftId, linkId) => {
					if (redis)
						redis.publishRevocation(draftId, linkId).catch(() => disconnectLink(draftId, linkId));
					else disconnectLink(draftId, linkId);
				}
			});
			return true;
		},
		handleUpgrade(request, socket, head) {
			if (pathOf(request) !== syncPath) return false;
			if (closing) socket.destroy();
			else wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request));
			return true;
		},
		async close() {
			if (closing) return;
			closing = true;
			for (const ws of sockets)
				ws.close(socketCloseCodes.serverRestarting, closeReasons.serverRestarting);
			// A client that does not answer the close handshake within a second is cut off.
			for (let waited = 0; sockets.size && waited < 1000; waited += 20)
				await new Promise((resolve) => setTimeout(resolve, 20));
			for (const ws of sockets) ws.terminate();
			const documents = [...hocuspocus.documents.values()];
			await Promise.all(
				documents.flatMap((document) =>
					document.getConnections().map((connection) => connection.waitForPendingMessages())
				)
			);
			for (const document of documents)
				store(document.name, document, Y.encodeStateAsUpdate(document));
			await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
			await redis?.close();
			wss.close();
			storage.close();
			log('stopped', { instance: config.instance, documents: documents.length });
		}
	};
}
