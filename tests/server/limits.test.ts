// Each limit, at its boundary, closes with its documented reason.
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { closeReasons, socketCloseCodes } from '../../server/reasons.ts';
import {
	closeAfterEach,
	invite,
	rawSocket,
	share,
	startServer,
	until,
	type TestServer
} from './helpers.ts';

// Several servers and clients per test, on a machine other work shares.
vi.setConfig({ testTimeout: 60_000 });

let server: TestServer;
const open = closeAfterEach(() => server);

describe('limits', () => {
	it('an update that would make the document too large is refused and reaches nobody', async () => {
		server = await startServer({ limits: { documentBytes: 4000 } });
		const draft = await share(server.url);
		const writer = open(server.wsUrl, draft.documents.plan, draft.ownerToken);
		const peer = open(
			server.wsUrl,
			draft.documents.plan,
			(await invite(server.url, draft, 'editor')).token
		);
		await Promise.all([writer.synced(), peer.synced()]);
		writer.doc.getText('body').insert(0, 'a'.repeat(3000));
		await until(
			() => peer.doc.getText('body').length === 3000,
			undefined,
			'the first edit, within the limit'
		);
		writer.doc.getText('body').insert(0, 'b'.repeat(3000));
		await until(
			() => writer.closeReasons.includes(closeReasons.documentTooLarge),
			undefined,
			'the refusal'
		);
		peer.doc.getText('body').insert(0, 'c');
		const fresh = open(server.wsUrl, draft.documents.plan, draft.ownerToken);
		await fresh.synced();
		await until(() => fresh.doc.getText('body').length === 3001, undefined, "the peer's edit");
		expect(fresh.doc.getText('body').toString()).not.toContain('b');
		expect(peer.doc.getText('body').toString()).not.toContain('b');
	});

	it('a message larger than the limit closes the socket with 1009', async () => {
		server = await startServer({ limits: { messageBytes: 10_000 } });
		const draft = await share(server.url);
		const writer = open(server.wsUrl, draft.documents.plan, draft.ownerToken);
		await writer.synced();
		writer.doc.getText('body').insert(0, 'x'.repeat(5000));
		await until(() => !writer.provider.hasUnsyncedChanges, undefined, 'a message within the limit');
		writer.doc.getText('body').insert(0, 'y'.repeat(20_000));
		await until(
			() => writer.closeCodes.includes(socketCloseCodes.messageTooLarge),
			undefined,
			'the socket to close'
		);
	});

	it('presence larger than presence ever is closes the connection and reaches nobody', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const { token } = await invite(server.url, draft, 'reader');
		const reader = open(server.wsUrl, draft.documents.plan, token);
		const peer = open(server.wsUrl, draft.documents.plan, draft.ownerToken);
		await Promise.all([reader.synced(), peer.synced()]);
		reader.provider.setAwarenessField('user', {
			name: 'Parliament staff',
			institution: 'Parliament'
		});
		await until(
			() =>
				[...peer.provider.awareness!.getStates().values()].some(
					(state) => state.user?.name === 'Parliament staff'
				),
			undefined,
			'presence to arrive'
		);
		reader.provider.setAwarenessField('user', { name: 'x'.repeat(100_000) });
		await until(
			() => reader.closeReasons.includes(closeReasons.presenceTooLarge),
			undefined,
			'the refusal'
		);
		expect(
			[...peer.provider.awareness!.getStates().values()].some(
				(state) => state.user?.name?.length === 100_000
			)
		).toBe(false);
	});

	it('documents per server, connections per document and per address', async () => {
		server = await startServer({
			limits: { documents: 2, connectionsPerDocument: 2, connectionsPerAddress: 4 }
		});
		const draft = await share(server.url);
		const other = await share(server.url);
		const plan = [
			open(server.wsUrl, draft.documents.plan, draft.ownerToken),
			open(server.wsUrl, draft.documents.plan, draft.ownerToken)
		];
		const comments = open(server.wsUrl, draft.documents.comments, draft.ownerToken);
		await Promise.all([...plan, comments].map((client) => client.synced()));

		const third = open(server.wsUrl, draft.documents.plan, draft.ownerToken);
		await until(() => third.failures.length > 0, undefined, 'the third connection to the plan');
		expect(third.failures[0]).toBe(closeReasons.tooManyConnectionsDocument);
		third.destroy();

		const thirdDocument = open(server.wsUrl, other.documents.plan, other.ownerToken);
		await until(() => thirdDocument.failures.length > 0, undefined, 'a third document');
		expect(thirdDocument.failures[0]).toBe(closeReasons.tooManyDocuments);
		// The fourth socket from this address is that one; a fifth is closed at once.
		const fifth = await rawSocket(server.wsUrl);
		await until(() => fifth.closed() !== undefined, undefined, 'the fifth socket to close');
		expect(fifth.closed()).toEqual({
			code: socketCloseCodes.tooManyConnectionsAddress,
			reason: closeReasons.tooManyConnectionsAddress
		});

		// Leaving frees the room.
		comments.destroy();
		plan[1].destroy();
		await until(
			() => server.sync.hocuspocus.getDocumentsCount() === 1,
			undefined,
			'the comments document to be unloaded'
		);
		const again = open(server.wsUrl, other.documents.plan, other.ownerToken);
		await again.synced();
	});

	it('behind a proxy (SYNC_TRUST_PROXY=1), sockets are counted per forwarded address', async () => {
		const socketFrom = async (address: string) => {
			const ws = new WebSocket(server.wsUrl, {
				headers: { 'x-forwarded-for': `10.0.0.9, ${address}` }
			});
			const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
			await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
			return { ws, closed };
		};
		server = await startServer({ trustProxy: true, limits: { connectionsPerAddress: 1 } });
		const first = await socketFrom('203.0.113.7');
		const other = await socketFrom('198.51.100.1');
		const second = await socketFrom('203.0.113.7');
		expect(await second.closed).toBe(socketCloseCodes.tooManyConnectionsAddress);
		expect(server.logs.find((entry) => entry.event === 'connection-refused')).toMatchObject({
			address: '203.0.113.7'
		});
		expect(first.ws.readyState).toBe(WebSocket.OPEN);
		expect(other.ws.readyState).toBe(WebSocket.OPEN);
		first.ws.close();
		other.ws.close();
	});
});
