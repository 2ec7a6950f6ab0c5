// Sharing and roles, with real Node clients that bypass any interface.
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Storage } from '../../server/storage.ts';
import {
	closeAfterEach,
	invite,
	share,
	startServer,
	until,
	type TestClient,
	type TestServer
} from './helpers.ts';

// Several servers and clients per test, on a machine other work shares.
vi.setConfig({ testTimeout: 60_000 });

let server: TestServer;
const open = closeAfterEach(() => server);

const text = (client: TestClient) => client.doc.getText('title').toString();

describe('two editors', () => {
	it('type into the same text at once and both end with both texts', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const [a, b] = [
			await invite(server.url, draft, 'editor'),
			await invite(server.url, draft, 'editor')
		];
		const one = open(server.wsUrl, draft.documents.plan, a.token);
		const two = open(server.wsUrl, draft.documents.plan, b.token);
		await Promise.all([one.synced(), two.synced()]);
		one.doc.getText('title').insert(0, 'Defence: ');
		two.doc.getText('title').insert(0, 'Justice: ');
		await until(
			() => text(one) === text(two) && text(one).length === 18,
			undefined,
			'the two texts to converge'
		);
		expect(text(one)).toContain('Defence: ');
		expect(text(one)).toContain('Justice: ');
	});
});

/** Waits until the server has decided on (and refused) a write from this link. */
const refusedFrom = (linkId: string, reason: string) =>
	until(
		() =>
			server.logs.some(
				(entry) =>
					entry.event === 'update-refused' && entry.linkId === linkId && entry.reason === reason
			),
		undefined,
		`a ${reason} refusal`
	);

describe('a commenter', () => {
	it('cannot change the plan (not on other clients, not in storage) but writes comments', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const owner = open(server.wsUrl, draft.documents.plan, draft.ownerToken);
		await owner.synced();
		owner.doc.getText('title').insert(0, 'National action plan');
		const { link, token } = await invite(server.url, draft, 'commenter');
		const witness = open(
			server.wsUrl,
			draft.documents.plan,
			(await invite(server.url, draft, 'editor')).token
		);
		const commenterPlan = open(server.wsUrl, draft.documents.plan, token);
		const commenterComments = open(server.wsUrl, draft.documents.comments, token);
		const ownerComments = open(server.wsUrl, draft.documents.comments, draft.ownerToken);
		await Promise.all([
			witness.synced(),
			commenterPlan.synced(),
			commenterComments.synced(),
			ownerComments.synced()
		]);
		await until(
			() =>
				text(commenterPlan) === 'National action plan' && text(witness) === 'National action plan',
			undefined,
			'every client to read the plan'
		);

		commenterPlan.doc.getText('title').insert(0, 'HACKED ');
		commenterComments.doc.getArray('comments').push(['Please add a baseline for indicator 1.1']);
		await refusedFrom(link.linkId, 'read-only');
		await until(
			() => ownerComments.doc.getArray('comments').length === 1,
			undefined,
			'the comment to reach the owner'
		);
		// Had the server applied the commenter's edit, its broadcast would reach the witness before the
		// owner's edit that follows it.
		owner.doc.getText('title').insert(text(owner).length, ' 2027');
		await until(
			() => text(witness).endsWith(' 2027'),
			undefined,
			"the owner's edit to reach the witness"
		);
		expect(text(witness)).toBe('National action plan 2027');
		expect(text(owner)).toBe('National action plan 2027');

		await server.stop();
		const stored = new Storage(server.dataFile);
		const plan = new Y.Doc();
		Y.applyUpdate(plan, stored.fetchDocument(draft.documents.plan)!);
		const comments = new Y.Doc();
		Y.applyUpdate(comments, stored.fetchDocument(draft.documents.comments)!);
		stored.close();
		expect(plan.getText('title').toString()).toBe('National action plan 2027');
		expect(comments.getArray('comments').toArray()).toEqual([
			'Please add a baseline for indicator 1.1'
		]);
	});
});

describe('a reader', () => {
	it('reads both documents and writes neither', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const ownerPlan = open(server.wsUrl, draft.documents.plan, draft.ownerToken);
		const ownerComments = open(server.wsUrl, draft.documents.comments, draft.ownerToken);
		await Promise.all([ownerPlan.synced(), ownerComments.synced()]);
		ownerPlan.doc.getText('title').insert(0, 'Plan');
		const { link, token } = await invite(server.url, draft, 'reader');
		const witnessToken = (await invite(server.url, draft, 'editor')).token;
		const witnessPlan = open(server.wsUrl, draft.documents.plan, witnessToken);
		const witnessComments = open(server.wsUrl, draft.documents.comments, witnessToken);
		const plan = open(server.wsUrl, draft.documents.plan, token);
		const comments = open(server.wsUrl, draft.documents.comments, token);
		await Promise.all([
			plan.synced(),
			comments.synced(),
			witnessPlan.synced(),
			witnessComments.synced()
		]);
		await until(
			() => text(plan) === 'Plan' && text(witnessPlan) === 'Plan',
			undefined,
			'the reader to read the plan'
		);

		plan.doc.getText('title').insert(0, 'X');
		await refusedFrom(link.linkId, 'read-only');
		comments.doc.getArray('comments').push(['from a reader']);
		await until(
			() =>
				server.logs.filter(
					(entry) => entry.event === 'update-refused' && entry.linkId === link.linkId
				).length === 2,
			undefined,
			'the second refusal'
		);
		ownerComments.doc.getArray('comments').push(['from the owner']);
		ownerPlan.doc.getText('title').insert(4, '!');
		await until(
			() => text(witnessPlan) === 'Plan!' && witnessComments.doc.getArray('comments').length === 1,
			undefined,
			"the owner's edits to reach the witness"
		);
		await until(
			() => text(plan).endsWith('Plan!') && comments.doc.getArray('comments').length === 2,
			undefined,
			"the owner's edits to reach the reader"
		);
		expect(text(witnessPlan)).toBe('Plan!');
		expect(witnessComments.doc.getArray('comments').toArray()).toEqual(['from the owner']);
	});
});
