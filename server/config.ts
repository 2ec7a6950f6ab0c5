// The sync server's settings, from environment variables (each documented in the README).
import { z } from 'zod';

const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const MiB = 1024 * 1024;

const environment = z.object({
	SYNC_DATA_FILE: z.string().min(1).default('data/nap-sync.sqlite'),
	REDIS_URL: z.string().url().optional(),
	SYNC_INSTANCE: z.string().min(1).optional(),
	SYNC_TRUST_PROXY: z.enum(['0', '1']).default('0'),
	SYNC_MAX_DOCUMENT_BYTES: count(32 * MiB),
	SYNC_MAX_MESSAGE_BYTES: count(32 * MiB),
	SYNC_MAX_DOCUMENTS: count(100),
	SYNC_MAX_CONNECTIONS_PER_DOCUMENT: count(100),
	SYNC_MAX_CONNECTIONS_PER_ADDRESS: count(100),
	SYNC_MAX_DRAFTS: count(10_000),
	SYNC_MAX_DRAFTS_PER_ADDRESS_PER_HOUR: count(20),
	SYNC_MAX_PLAN_READS_PER_ADDRESS_PER_HOUR: count(600),
	SYNC_STORE_DEBOUNCE_MS: count(2000)
});

export interface Limits {
	/** Encoded size of one document (its state as stored). */
	documentBytes: number;
	/** One WebSocket message; the first upload of a draft is one message, so at least a document. */
	messageBytes: number;
	/** Documents open at once on one instance (a 300-action plan takes about 10 MiB of heap open). */
	documents: number;
	connectionsPerDocument: number;
	/** Open WebSockets from one address (the proxy's X-Forwarded-For when SYNC_TRUST_PROXY=1). */
	connectionsPerAddress: number;
	/** Drafts shared on this server in all. */
	drafts: number;
	/** Drafts one address may share in an hour (each may grow to a document's limit). */
	draftsPerAddressPerHour: number;
	/** Plans one address may read over HTTP in an hour (reading a 300-action plan takes some 30 ms). */
	planReadsPerAddressPerHour: number;
}

export interface SyncConfig {
	dataFile: string;
	/** Several instances share documents through this Redis; undefined for a single instance. */
	redisUrl?: string;
	/** This instance's name in the logs and in Redis. */
	instance: string;
	/** Read the client's address from X-Forwarded-For (only behind a proxy that sets it). */
	trustProxy: boolean;
	/** A document is stored this long after its last change (and at once when its last client leaves). */
	storeDebounceMs: number;
	limits: Limits;
}

export function configFromEnvironment(
	env: Record<string, string | undefined> = process.env
): SyncConfig {
	const parsed = environment.safeParse(env);
	if (!parsed.success) throw new Error(`Sync server settings: ${z.prettifyError(parsed.error)}`);
	const e = parsed.data;
	return {
		dataFile: e.SYNC_DATA_FILE,
		redisUrl: e.REDIS_URL,
		instance: e.SYNC_INSTANCE ?? `sync-${process.pid}`,
		trustProxy: e.SYNC_TRUST_PROXY === '1',
		storeDebounceMs: e.SYNC_STORE_DEBOUNCE_MS,
		limits: {
			documentBytes: e.SYNC_MAX_DOCUMENT_BYTES,
			messageBytes: e.SYNC_MAX_MESSAGE_BYTES,
			documents: e.SYNC_MAX_DOCUMENTS,
			connectionsPerDocument: e.SYNC_MAX_CONNECTIONS_PER_DOCUMENT,
			connectionsPerAddress: e.SYNC_MAX_CONNECTIONS_PER_ADDRESS,
			drafts: e.SYNC_MAX_DRAFTS,
			draftsPerAddressPerHour: e.SYNC_MAX_DRAFTS_PER_ADDRESS_PER_HOUR,
			planReadsPerAddressPerHour: e.SYNC_MAX_PLAN_READS_PER_ADDRESS_PER_HOUR
		}
	};
}
