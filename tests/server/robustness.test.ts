// Hostile input, restarts and shutdown: the document survives all of them, and so does the server.
import { spawn, spawnSync } from 'node:child_process';
import { connect as tcpConnect } from 'node:net';
import { createInterface } from 'node:readline';
import * as decoding from 'lib0/decoding';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { closeReasons } from '../../server/reasons.ts';
import {
	closeAfterEach,
	frames,
	invite,
	rawSocket,
	share,
	startServer,
	storedDocument,
	tempDataFile,
	until,
	type TestServer
} from './helpers.ts';

// Several servers and clients per test, on a machine other work shares.
vi.setConfig({ testTimeout: 60_000 });

let server: TestServer | undefined;
const open = closeAfterEach(() => server);

/** A deterministic source of bytes (so a failure can be replayed). */
function bytes(seed: number) {
	let state = seed;
	return (length: number) =>
		Uint8Array.from({ length }, () => {
			state = (state * 1103515245 + 12345) & 0x7fffffff;
			return state >> 16;
		});
}

/** An authenticated raw socket on `name`, past the first sync. */
async function authenticatedRaw(wsUrl: string, name: string, token: string) {
	const raw = await rawSocket(wsUrl);
	raw.ws.send(frames.auth(name, token));
	await until(() => raw.received.length > 0, undefined, 'the authentication');
	return raw;
}

const closeFrames = (received: Uint8Array[]) =>
	received.flatMap((frame) => {
		const decoder = decoding.createDecoder(frame);
		decoding.readVarString(decoder);
		return decoding.readVarUint(decoder) === 7 ? [decoding.readVarString(decoder)] : [];
	});

describe('hostile frames', () => {
	it('garbage neither stops the server nor changes the document', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const owner = open(server.wsUrl, draft.documents.plan, draft.ownerToken);
		await owner.synced();
		owner.doc.getText('title').insert(0, 'Intact');
		await until(() => !owner.provider.hasUnsyncedChanges, undefined, 'the edit to be stored');
		const random = bytes(1325);
		const { plan } = draft.documents;
		for (let round = 0; round < 40; round++) {
			const raw = await authenticatedRaw(server.wsUrl, plan, draft.ownerToken);
			const attempts = [
				random(1 + (round % 64)), // anything at all
				frames.sync(plan, 2, random(1 + round)), // an update of random bytes
				frames.sync(plan, 1, random(8 + round)), // a sync step 2 of random bytes
				Uint8Array.of(...frames.sync(plan, 2, new Uint8Array(0)).slice(0, -1), 0xff), // a length beyond the frame
				new Uint8Array(0)
			];
			for (const frame of attempts) raw.ws.send(frame);
			raw.ws.send('text, not binary');
			await new Promise((resolve) => setTimeout(resolve, 5));
			raw.ws.terminate();
		}
		const after = open(server.wsUrl, plan, draft.ownerToken);
		await after.synced();
		expect(after.doc.getText('title').toString()).toBe('Intact');
		expect(after.doc.share.size).toBe(1);
		expect(after.doc.store.pendingStructs).toBeNull();
		await server.stop();
		const stored = storedDocument(server.dataFile, plan)!;
		expect(stored.getText('title').toString()).toBe('Intact');
		expect(stored.store.pendingStructs).toBeNull();
	});

	it('an update whose end cannot be read is refused whole (Yjs would apply its beginning)', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const { plan } = draft.documents;
		const owner = open(server.wsUrl, plan, draft.ownerToken);
		await owner.synced();
		owner.doc.getText('title').insert(0, 'Intact');

		const hostile = new Y.Doc();
		hostile.getText('title').insert(0, 'Injected');
		hostile.getText('title').delete(0, 2);
		const update = Y.encodeStateAsUpdate(hostile);
		const broken = update.slice(0, -1); // the delete set's last byte cut off
		expect(() => Y.applyUpdate(new Y.Doc(), broken)).toThrow();
		const probe = new Y.Doc();
		try {
			Y.applyUpdate(probe, broken);
		} catch {
			// Yjs integrated the structs before it failed on the delete set.
		}
		expect(probe.getText('title').toString()).toBe('jected');

		const raw = await authenticatedRaw(server.wsUrl, plan, draft.ownerToken);
		raw.ws.send(frames.sync(plan, 2, broken));
		await until(() => closeFrames(raw.received).length > 0, undefined, 'the refusal');
		expect(closeFrames(raw.received)).toEqual([closeReasons.invalidUpdate]);
		owner.doc.getText('title').insert(6, '.');
		const after = open(server.wsUrl, plan, draft.ownerToken);
		await after.synced();
		await until(
			() => after.doc.getText('title').toString() === 'Intact.',
			undefined,
			'the later edit'
		);
		expect(owner.doc.getText('title').toString()).toBe('Intact.');
	});

	it('an update built on changes the server never received is refused, not kept pending', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const { plan } = draft.documents;
		const elsewhere = new Y.Doc();
		elsewhere.getText('title').insert(0, 'Never sent');
		const before = Y.encodeStateVector(elsewhere);
		elsewhere.getText('title').insert(5, ' ever');
		const dependent = Y.encodeStateAsUpdate(elsewhere, before);

		const raw = await authenticatedRaw(server.wsUrl, plan, draft.ownerToken);
		raw.ws.send(frames.sync(plan, 2, dependent));
		await until(() => closeFrames(raw.received).length > 0, undefined, 'the refusal');
		expect(closeFrames(raw.received)).toEqual([closeReasons.invalidUpdate]);
		const owner = open(server.wsUrl, plan, draft.ownerToken);
		await owner.synced();
		owner.doc.getText('title').insert(0, 'Mine');
		await until(() => !owner.provider.hasUnsyncedChanges, undefined, 'the edit');
		await server.stop();
		const stored = storedDocument(server.dataFile, plan)!;
		expect(stored.getText('title').toString()).toBe('Mine');
		expect(stored.store.pendingStructs).toBeNull();
	});
	it('a subdocument is refused', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const { plan } = draft.documents;
		const hostile = new Y.Doc();
		hostile.getMap('plan').set('annex', new Y.Doc());
		const raw = await authenticatedRaw(server.wsUrl, plan, draft.ownerToken);
		raw.ws.send(frames.sync(plan, 2, Y.encodeStateAsUpdate(hostile)));
		await until(() => closeFrames(raw.received).length > 0, undefined, 'the refusal');
		expect(closeFrames(raw.received)).toEqual([closeReasons.invalidUpdate]);
		const reader = open(server.wsUrl, plan, draft.ownerToken);
		await reader.synced();
		expect(reader.doc.getMap('plan').size).toBe(0);
	});
});

describe('a restart', () => {
	it('keeps every document of every draft, and clients that stayed open sync what they typed meanwhile', async () => {
		const dataFile = tempDataFile();
		server = await startServer({ dataFile });
		const port = new URL(server.url).port;
		const drafts = [await share(server.url), await share(server.url)];
		const writers = drafts.flatMap((draft, n) =>
			[
				open(server!.wsUrl, draft.documents.plan, draft.ownerToken),
				open(server!.wsUrl, draft.documents.comments, draft.ownerToken)
			].map((client, kind) => ({ client, text: `draft ${n} ${kind ? 'comments' : 'plan'}` }))
		);
		await Promise.all(writers.map(({ client }) => client.synced()));
		for (const { client, text } of writers) client.doc.getText('body').insert(0, text);
		await until(
			() => writers.every(({ client }) => !client.provider.hasUnsyncedChanges),
			undefined,
			'every edit to reach the server'
		);

		await server.stop();
		await until(
			() => writers.every(({ client }) => client.closeCodes.includes(1012)),
			undefined,
			'the clients to hear of the restart'
		);
		expect(writers[0].client.closeReasons).toContain(closeReasons.serverRestarting);
		writers[0].client.doc.getText('body').insert(0, 'offline: ');

		server = await startServer({ dataFile, port: Number(port) });
		await until(
			() => writers[0].client.provider.isSynced && !writers[0].client.provider.hasUnsyncedChanges,
			undefined,
			'the client to reconnect and sync'
		);
		for (const [n, { text }] of writers.entries()) {
			const draft = drafts[Math.floor(n / 2)];
			const reader = open(
				server.wsUrl,
				n % 2 ? draft.documents.comments : draft.documents.plan,
				draft.ownerToken
			);
			await reader.synced();
			expect(reader.doc.getText('body').toString()).toBe(n === 0 ? `offline: ${text}` : text);
		}
	});

	it('SIGTERM stores every document before the process exits, and every log line is JSON', async () => {
		const dataFile = tempDataFile();
		const child = spawn(process.execPath, ['server/main.ts'], {
			env: {
				...process.env,
				PORT: '0',
				HOST: '127.0.0.1',
				SYNC_DATA_FILE: dataFile,
				SYNC_STORE_DEBOUNCE_MS: '600000'
			},
			stdio: ['ignore', 'pipe', 'inherit']
		});
		const lines: string[] = [];
		createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
		const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
		try {
			await until(
				() => lines.some((line) => line.includes('"listening"')),
				undefined,
				'the server to listen'
			);
			const { port } = JSON.parse(lines.find((line) => line.includes('"listening"'))!);
			const url = `http://127.0.0.1:${port}`;
			const draft = await share(url);
			const plan = open(`ws://127.0.0.1:${port}/sync`, draft.documents.plan, draft.ownerToken);
			const comments = open(
				`ws://127.0.0.1:${port}/sync`,
				draft.documents.comments,
				(await invite(url, draft, 'commenter')).token
			);
			await Promise.all([plan.synced(), comments.synced()]);
			plan.doc.getText('body').insert(0, 'Stored at shutdown');
			comments.doc.getArray('comments').push(['also stored']);
			await until(
				() => !plan.provider.hasUnsyncedChanges && !comments.provider.hasUnsyncedChanges,
				undefined,
				'the edits to reach the server'
			);
			expect(lines.some((line) => line.includes('document-stored'))).toBe(false); // not stored yet: the debounce is ten minutes
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		} finally {
			child.kill('SIGKILL');
		}
		const drafted = lines.map((line) => JSON.parse(line));
		expect(drafted.map((entry) => entry.event)).toContain('stopped');
		const draftId = drafted.find((entry) => entry.event === 'draft-shared').draftId;
		expect(storedDocument(dataFile, `plan:${draftId}`)!.getText('body').toString()).toBe(
			'Stored at shutdown'
		);
		expect(storedDocument(dataFile, `comments:${draftId}`)!.getArray('comments').toArray()).toEqual(
			['also stored']
		);
	});
});

describe('a backup', () => {
	it('taken while the server runs holds every stored document', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const owner = open(server.wsUrl, draft.documents.plan, draft.ownerToken);
		await owner.synced();
		owner.doc.getText('body').insert(0, 'Backed up');
		await until(
			() => server!.logs.some((entry) => entry.event === 'document-stored'),
			undefined,
			'the store'
		);
		const target = tempDataFile();
		const run = spawnSync(process.execPath, ['server/backup.ts', target], {
			env: { ...process.env, SYNC_DATA_FILE: server.dataFile },
			encoding: 'utf8'
		});
		expect(run.status, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout).event).toBe('backup');
		expect(storedDocument(target, draft.documents.plan)!.getText('body').toString()).toBe(
			'Backed up'
		);
	});
});

describe('requests that are no URL', () => {
	it('neither stop the server nor reach the API or the socket', async () => {
		server = await startServer();
		const { port } = new URL(server.url);
		const answer = (request: string) =>
			new Promise<string>((resolve) => {
				const socket = tcpConnect(Number(port), '127.0.0.1', () => socket.write(request));
				let text = '';
				socket.on('data', (data) => (text += data));
				socket.on('close', () => resolve(text));
				socket.on('error', () => resolve(text));
			});
		expect(await answer('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(
			/^HTTP\/1.1 404/
		);
		await answer(
			'GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'
		);
		const draft = await share(server.url);
		const client = open(server.wsUrl, draft.documents.plan, draft.ownerToken);
		await client.synced();
	});
});
