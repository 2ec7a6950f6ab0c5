// Sync server figures for npm run bench, one JSON line each: edit-to-peer latency (p50, p95) for 2, 10
// and 50 clients on one document the size of a 300-action plan, through one instance and through two
// instances on Redis; the server's memory per open document; the stored size against the plan's JSON.
// The servers run in their own processes (server/main.ts); the clients are Node providers in this one,
// so with 50 clients this process decodes 49 copies of every edit, as 49 browsers would in parallel.
// The plan's Y.Doc is the app's (src/lib/sync/binding.ts). Also, in this process: the time one keystroke
// takes to be written into the document at 300 and 3,000 actions (the binding skipping the objects an
// edit left the same, as the shared draft gives them), against comparing a whole fresh copy.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Storage } from '../server/storage.ts';
import type { Plan } from '../src/lib/plan/schema.ts';
import { applyPlanChange, planToDoc } from '../src/lib/sync/binding.ts';
import { LocalEdits } from '../src/lib/sync/concurrent.ts';
import { generatedPlan } from './generated-plan.ts';
import { startRedis } from './redis-server.ts';
import { startSyncProcess, type SyncProcess } from './sync-process.ts';

type Env = Record<string, string>;
const plan = generatedPlan(300);

/** The plan's document as the app uploads it (its comments go to a document of their own). */
function planDocument(of: Plan = plan): Y.Doc {
	const doc = new Y.Doc();
	planToDoc(of, doc, { comments: new Y.Doc() });
	return doc;
}

/**
 * One keystroke written into the document: the median over 60 keys typed at the end of one action's
 * description, the plan copied as the shared draft copies it (only the edited path new), and as a
 * whole fresh copy (the binding then compares every object).
 */
function keystrokes(env: Record<string, unknown>) {
	for (const actions of [300, 3000]) {
		const start = generatedPlan(actions);
		for (const sharing of [true, false]) {
			const doc = planDocument(start);
			const edits = new LocalEdits();
			let before: Plan = structuredClone(start);
			const times: number[] = [];
			for (let k = 0; k < 60; k++) {
				const [pillar] = before.pillars;
				const [objective] = pillar.objectives;
				const [action] = objective.actions;
				let after: Plan = {
					...before,
					pillars: [
						{
							...pillar,
							objectives: [
								{
									...objective,
									actions: [
										{ ...action, description: `${action.description}x` },
										...objective.actions.slice(1)
									]
								},
								...pillar.objectives.slice(1)
							]
						},
						...before.pillars.slice(1)
					]
				};
				if (!sharing) after = JSON.parse(JSON.stringify(after)) as Plan;
				const t = performance.now();
				applyPlanChange(doc, before, after, { edits });
				times.push(performance.now() - t);
				before = after;
			}
			console.log(
				JSON.stringify({
					figure: 'sync-keystroke-write',
					actions,
					sharedObjects: sharing,
					ms: round(times.sort((a, b) => a - b)[times.length >> 1]),
					goal: sharing && actions === 3000 ? 'under 5 ms' : undefined,
					...env
				})
			);
		}
	}
}

async function waitFor(condition: () => boolean, ms: number, what: string) {
	for (let waited = 0; !condition(); waited += 5) {
		if (waited > ms) throw new Error(`bench-sync: timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

async function share(url: string) {
	const response = await fetch(`${url}/sync/api/drafts`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}'
	});
	return (await response.json()) as { ownerToken: string; documents: { plan: string } };
}

function client(wsUrl: string, name: string, token: string, doc = new Y.Doc()) {
	const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: WebSocket });
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name,
		token,
		document: doc
	});
	provider.attach();
	return { doc, provider, destroy: () => (provider.destroy(), socket.destroy()) };
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (ms: number) => Math.round(ms * 100) / 100;
const dataEnv = (): Env => ({
	SYNC_DATA_FILE: join(mkdtempSync(join(tmpdir(), 'nap-bench-sync-')), 'sync.sqlite'),
	SYNC_MAX_CONNECTIONS_PER_ADDRESS: '1000',
	SYNC_MAX_DRAFTS_PER_ADDRESS_PER_HOUR: '1000'
});

/** Edit-to-peer latency: one edit at a time, each from the next writer, timed until every peer has it. */
async function latency(instances: SyncProcess[], clients: number, env: Record<string, unknown>) {
	const draft = await share(instances[0].url);
	const owner = client(instances[0].wsUrl, draft.documents.plan, draft.ownerToken, planDocument());
	await waitFor(
		() => owner.provider.isSynced && !owner.provider.hasUnsyncedChanges,
		60_000,
		'the upload'
	);
	const all = Array.from({ length: clients }, (_, i) =>
		client(instances[i % instances.length].wsUrl, draft.documents.plan, draft.ownerToken)
	);
	try {
		await waitFor(
			() => all.every((c) => c.provider.isSynced && c.doc.getMap('plan').size > 0),
			120_000,
			'every client to sync'
		);
		// Writers on the first instance; through Redis, only peers on the other instance count.
		const writers = all.filter((_, i) => i % instances.length === 0);
		const peersOf = (writer: (typeof all)[number]) =>
			all.filter((c, i) => c !== writer && (instances.length === 1 || i % instances.length === 1));
		const samples: number[] = [];
		const edits = 105;
		for (let k = 0; k < edits; k++) {
			const writer = writers[k % writers.length];
			const peers = peersOf(writer);
			const arrived = new Map<unknown, number>();
			const listeners = peers.map((peer) => {
				const listener = () => {
					if (!arrived.has(peer)) arrived.set(peer, performance.now());
				};
				peer.doc.on('update', listener);
				return () => peer.doc.off('update', listener);
			});
			const actions = (
				(writer.doc.getMap('plan').get('pillars') as Y.Array<Y.Map<unknown>>)
					.get(k % 4)
					.get('objectives') as Y.Array<Y.Map<unknown>>
			)
				.get(0)
				.get('actions') as Y.Array<Y.Map<unknown>>;
			const start = performance.now();
			(actions.get(0).get('description') as Y.Text).insert(0, 'x');
			await waitFor(() => arrived.size === peers.length, 10_000, `edit ${k} to reach every peer`);
			for (const off of listeners) off();
			if (k >= 5) for (const at of arrived.values()) samples.push(at - start); // the first five warm up
		}
		samples.sort((a, b) => a - b);
		const goal =
			instances.length > 1
				? 'p95 under 50 ms'
				: clients === 10
					? 'p95 under 25 ms'
					: clients === 50
						? 'p95 under 100 ms'
						: undefined;
		console.log(
			JSON.stringify({
				figure: 'sync-edit-to-peer',
				clients,
				instances: instances.length,
				redis: instances.length > 1,
				p50: round(percentile(samples, 50)),
				p95: round(percentile(samples, 95)),
				samples: samples.length,
				goal,
				...env
			})
		);
	} finally {
		for (const c of [owner, ...all]) c.destroy();
	}
}

/** The server's memory after a collection (it logs it on SIGUSR2). */
async function memory(instance: SyncProcess) {
	const seen = instance.logs.length;
	instance.child.kill('SIGUSR2');
	await waitFor(
		() => instance.logs.slice(seen).some((e) => e.event === 'memory'),
		10_000,
		'the memory line'
	);
	return instance.logs.slice(seen).find((e) => e.event === 'memory')!;
}

/** Memory per open document, and the stored size of one, on one instance. */
async function memoryAndSize(env: Record<string, unknown>) {
	const documents = 20;
	const environment = dataEnv();
	const instance = await startSyncProcess(
		'bench-memory',
		{ ...environment, SYNC_STORE_DEBOUNCE_MS: '100' },
		['--expose-gc']
	);
	const open: ReturnType<typeof client>[] = [];
	try {
		const openOne = async () => {
			const draft = await share(instance.url);
			const c = client(instance.wsUrl, draft.documents.plan, draft.ownerToken, planDocument());
			open.push(c);
			await waitFor(
				() => c.provider.isSynced && !c.provider.hasUnsyncedChanges,
				60_000,
				'the upload'
			);
			return draft.documents.plan;
		};
		const first = await openOne(); // the server warm, one document open
		await waitFor(
			() => instance.logs.some((e) => e.event === 'document-stored' && e.documentName === first),
			30_000,
			'the store'
		);
		const before = await memory(instance);
		for (let i = 0; i < documents; i++) await openOne();
		const after = await memory(instance);
		if (after.documents !== documents + 1)
			throw new Error(`bench-sync: ${after.documents} documents open, not ${documents + 1}`);
		const perDocument = (key: string) => Math.round((after[key] - before[key]) / documents);
		console.log(
			JSON.stringify({
				figure: 'sync-memory-per-open-document',
				actions: 300,
				documents,
				heapKiB: perDocument('heapUsedKiB'),
				rssKiB: perDocument('rssKiB'),
				note: 'heap after a collection, and resident memory, of the server process per open document with one client',
				...env
			})
		);

		const storage = new Storage(environment.SYNC_DATA_FILE);
		const stored = storage.fetchDocument(first)!.byteLength;
		storage.close();
		const json = JSON.stringify(plan).length;
		console.log(
			JSON.stringify({
				figure: 'sync-stored-size',
				actions: 300,
				storedBytes: stored,
				planJsonBytes: json,
				ratio: Math.round((stored / json) * 100) / 100,
				...env
			})
		);
	} finally {
		for (const c of open) c.destroy();
		instance.child.kill('SIGKILL');
		await instance.exited;
	}
}

/**
 * Every figure; `only` stops early: 'keystroke' after the keystroke, 'memory' after memory and size
 * (node scripts/bench-sync.ts memory); 'latency' gives the edit-to-peer latencies alone.
 */
export async function syncFigures(env: Record<string, unknown>, only?: string) {
	if (only !== 'latency') keystrokes(env);
	if (only === 'keystroke') return;
	if (only !== 'latency') await memoryAndSize(env);
	if (only === 'memory') return;
	const single = await startSyncProcess('bench-one', dataEnv());
	try {
		for (const clients of [2, 10, 50]) await latency([single], clients, env);
	} finally {
		single.child.kill('SIGKILL');
		await single.exited;
	}
	let redis: Awaited<ReturnType<typeof startRedis>>;
	try {
		redis = await startRedis();
	} catch (error) {
		console.log(
			JSON.stringify({
				figure: 'sync-edit-to-peer',
				redis: true,
				error: (error as Error).message,
				...env
			})
		);
		return;
	}
	const shared = dataEnv();
	const pair = [
		await startSyncProcess('bench-a', { ...shared, REDIS_URL: redis.url }),
		await startSyncProcess('bench-b', { ...shared, REDIS_URL: redis.url })
	];
	try {
		for (const clients of [2, 10, 50]) await latency(pair, clients, env);
	} finally {
		for (const instance of pair) instance.child.kill('SIGKILL');
		await Promise.all(pair.map((instance) => instance.exited));
		redis.stop();
	}
}

if (import.meta.main) await syncFigures({ node: process.version }, process.argv[2]);
