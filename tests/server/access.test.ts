// The API that shares a draft and manages its links, and what a wrong or revoked secret gets.
import * as decoding from 'lib0/decoding';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { closeReasons } from '../../server/reasons.ts';
import { applyPlanChange, planFromDoc, planToDoc } from '../../src/lib/sync/binding.ts';
import { samplePlan } from '../unit/sample-plan.ts';
import {
	api,
	closeAfterEach,
	frames,
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

describe('the API', () => {
	it('shares a draft, makes, lists and revokes links, for the owner only', async () => {
		server = await startServer();
		expect(await api(server.url, '')).toEqual({
			status: 200,
			body: { service: 'nap-sync', version: 1 }
		});
		const draft = await share(server.url);
		expect(draft.documents).toEqual({
			plan: `plan:${draft.draftId}`,
			comments: `comments:${draft.draftId}`
		});
		expect(draft.ownerSecret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits

		const links = `/drafts/${draft.draftId}/links`;
		const made = await api(server.url, links, {
			body: { role: 'commenter', label: 'Parliament' },
			secret: draft.ownerSecret
		});
		expect(made.status).toBe(201);
		expect(made.body.token).toBe(`${made.body.link.linkId}.${made.body.secret}`);
		expect(made.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
		await api(server.url, links, { body: { role: 'reader' }, secret: draft.ownerSecret });

		const listed = await api(server.url, links, { secret: draft.ownerSecret });
		expect(
			listed.body.links.map((link: { role: string; label: string }) => [link.role, link.label])
		).toEqual([
			['commenter', 'Parliament'],
			['reader', '']
		]);
		expect(JSON.stringify(listed.body)).not.toContain(made.body.secret);

		const revoked = await api(server.url, `${links}/${made.body.link.linkId}`, {
			method: 'DELETE',
			secret: draft.ownerSecret
		});
		expect(revoked.status).toBe(200);
		expect(
			(await api(server.url, links, { secret: draft.ownerSecret })).body.links[0].revokedAt
		).toBe(revoked.body.revokedAt);
		expect(
			(
				await api(server.url, `${links}/${made.body.link.linkId}`, {
					method: 'DELETE',
					secret: draft.ownerSecret
				})
			).status
		).toBe(404);

		// Without the owner's secret, or with another draft's, nothing.
		const other = await share(server.url);
		for (const secret of [undefined, 'x', other.ownerSecret]) {
			expect((await api(server.url, links, { secret })).status).toBe(403);
			expect((await api(server.url, links, { body: { role: 'editor' }, secret })).status).toBe(403);
		}
	});

	it('lets one address share only so many drafts in an hour, and the server only so many in all', async () => {
		server = await startServer({ limits: { draftsPerAddressPerHour: 2, drafts: 3 } });
		expect((await api(server.url, '/drafts', { body: {} })).status).toBe(201);
		expect((await api(server.url, '/drafts', { body: {} })).status).toBe(201);
		expect(await api(server.url, '/drafts', { body: {} })).toEqual({
			status: 429,
			body: { error: 'too-many-drafts-address' }
		});
		await server.stop();
		server = await startServer({
			dataFile: server.dataFile,
			limits: { draftsPerAddressPerHour: 2, drafts: 3 }
		});
		expect((await api(server.url, '/drafts', { body: {} })).status).toBe(201);
		expect(await api(server.url, '/drafts', { body: {} })).toEqual({
			status: 507,
			body: { error: 'too-many-drafts' }
		});
	});

	it('refuses bodies that are not what it expects', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const links = `/drafts/${draft.draftId}/links`;
		for (const body of [
			{ role: 'owner' },
			{ role: 'editor', label: 'x'.repeat(201) },
			{ role: 'editor', extra: 1 },
			[],
			'editor'
		])
			expect(await api(server.url, links, { body, secret: draft.ownerSecret })).toEqual({
				status: 400,
				body: { error: 'invalid-body' }
			});
		expect((await api(server.url, '/drafts', { body: { draftId: 'mine' } })).status).toBe(400);
		const notJson = await fetch(`${server.url}/sync/api/drafts`, {
			method: 'POST',
			headers: { 'content-type': 'text/plain' },
			body: '{}'
		});
		expect(notJson.status).toBe(415);
		const broken = await fetch(`${server.url}/sync/api/drafts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{'
		});
		expect(broken.status).toBe(400);
		const huge = await fetch(`${server.url}/sync/api/drafts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ a: 'x'.repeat(20_000) })
		});
		expect(huge.status).toBe(413);
	});
});

/** The message types of every frame the server sent ([name][type][...]); for Auth, its subtype too. */
function kinds(received: Uint8Array[]) {
	return received.map((frame) => {
		const decoder = decoding.createDecoder(frame);
		decoding.readVarString(decoder);
		const type = decoding.readVarUint(decoder);
		return type === 2 ? `auth:${decoding.readVarUint(decoder)}` : String(type);
	});
}

describe('reading the plan over HTTP (what a device joining shows before its copy has come)', () => {
	it('gives a link holder the plan as the documents hold it, with their role, and the logs no content', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const plan = { ...samplePlan('fr'), id: 'partage' };
		const owner = open(server.wsUrl, draft.documents.plan, draft.ownerToken);
		const ownerComments = open(server.wsUrl, draft.documents.comments, draft.ownerToken);
		await Promise.all([owner.synced(), ownerComments.synced()]);
		const path = `/drafts/${draft.draftId}/plan`;
		const reader = await invite(server.url, draft, 'reader');
		// Not uploaded yet: nothing to read (the device waits for the socket).
		expect(await api(server.url, path, { secret: reader.token })).toEqual({
			status: 404,
			body: { error: 'not-uploaded' }
		});
		planToDoc(plan, owner.doc, { comments: ownerComments.doc });
		const expected = planFromDoc(owner.doc, { comments: ownerComments.doc });
		let read = await api(server.url, path, { secret: reader.token });
		for (let tries = 0; read.status !== 200 && tries < 100; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 50)); // the upload on its way
			read = await api(server.url, path, { secret: reader.token });
		}
		expect(read.body).toEqual({ role: 'reader', plan: JSON.parse(JSON.stringify(expected)) });
		expect(read.body.plan.overview.title).toBe(plan.overview.title);
		// A change that only deletes (it leaves the state vector as it was) is read anew.
		applyPlanChange(owner.doc, expected, {
			...expected,
			overview: { ...expected.overview, title: expected.overview.title.slice(5) }
		});
		let again = await api(server.url, path, { secret: reader.token });
		for (
			let tries = 0;
			again.body.plan.overview.title === plan.overview.title && tries < 100;
			tries++
		) {
			await new Promise((resolve) => setTimeout(resolve, 50)); // the change on its way
			again = await api(server.url, path, { secret: reader.token });
		}
		expect(again.body.plan.overview.title).toBe(plan.overview.title.slice(5));
		read = again;
		// Gzipped for a client that takes it (a plan is some 300 KB of JSON).
		const packed = await fetch(`${server.url}/sync/api${path}`, {
			headers: { authorization: `Bearer ${reader.token}`, 'accept-encoding': 'gzip' }
		});
		expect(packed.headers.get('content-encoding')).toBe('gzip');
		expect(await packed.json()).toEqual(read.body);
		const commenter = await invite(server.url, draft, 'commenter');
		expect((await api(server.url, path, { secret: commenter.token })).body.role).toBe('commenter');

		// From storage once nobody has it open.
		owner.destroy();
		ownerComments.destroy();
		await until(
			() => server.sync.hocuspocus.documents.size === 0,
			undefined,
			'the documents to close'
		);
		expect((await api(server.url, path, { secret: reader.token })).body.plan).toEqual(
			read.body.plan
		);
		expect(server.logs.filter((entry) => entry.event === 'plan-read')).toContainEqual({
			event: 'plan-read',
			draftId: draft.draftId,
			linkId: reader.link.linkId,
			role: 'reader'
		});
		const logged = JSON.stringify(server.logs);
		expect(logged).not.toContain(plan.overview.title);
		expect(logged).not.toContain(reader.token.split('.')[1]);
	});

	it("gives nothing to a wrong, revoked or missing secret, nor to another draft's link, nor past its limit", async () => {
		server = await startServer({ limits: { planReadsPerAddressPerHour: 3 } });
		const draft = await share(server.url);
		const other = await share(server.url);
		const path = `/drafts/${draft.draftId}/plan`;
		const { link, token } = await invite(server.url, draft, 'editor');
		const elsewhere = await invite(server.url, other, 'editor');
		const [linkId] = token.split('.');
		for (const secret of [
			undefined,
			'x',
			`${linkId}.${'A'.repeat(43)}`,
			elsewhere.token,
			draft.ownerSecret
		])
			expect(await api(server.url, path, { secret })).toEqual({
				status: 403,
				body: { error: closeReasons.unknownLink }
			});
		await api(server.url, `/drafts/${draft.draftId}/links/${link.linkId}`, {
			method: 'DELETE',
			secret: draft.ownerSecret
		});
		expect(await api(server.url, path, { secret: token })).toEqual({
			status: 403,
			body: { error: closeReasons.linkRevoked }
		});
		expect((await api(server.url, path, { method: 'DELETE', secret: token })).status).toBe(405);
		const reader = await invite(server.url, draft, 'reader');
		for (let i = 0; i < 3; i++)
			expect((await api(server.url, path, { secret: reader.token })).status).toBe(404);
		expect(await api(server.url, path, { secret: reader.token })).toEqual({
			status: 429,
			body: { error: 'too-many-reads' }
		});
	});
});

describe('a wrong or revoked secret', () => {
	it('gets not one byte of the document', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const owner = open(server.wsUrl, draft.documents.plan, draft.ownerToken);
		await owner.synced();
		owner.doc.getText('title').insert(0, 'Confidential draft');
		const { link, token } = await invite(server.url, draft, 'editor');
		await api(server.url, `/drafts/${draft.draftId}/links/${link.linkId}`, {
			method: 'DELETE',
			secret: draft.ownerSecret
		});
		const other = await share(server.url);
		const [linkId, secret] = token.split('.');
		const wrong = [
			`${linkId}.${'A'.repeat(43)}`, // right link, wrong secret
			token, // revoked
			`owner.${other.ownerSecret}`, // another draft's owner
			`${(await invite(server.url, other, 'editor')).link.linkId}.${secret}`, // another draft's link
			'',
			'garbage'
		];
		for (const attempt of wrong) {
			const raw = await rawSocket(server.wsUrl);
			// What a provider sends: its first sync step right behind the authentication.
			raw.ws.send(frames.auth(draft.documents.plan, attempt));
			raw.ws.send(frames.sync(draft.documents.plan, 0, Y.encodeStateVector(new Y.Doc())));
			await until(() => raw.received.length > 0, undefined, 'the answer');
			// The sync step was queued behind the authentication and is dropped with it; a second one
			// sent now waits for an authentication that never comes.
			raw.ws.send(frames.sync(draft.documents.plan, 0, Y.encodeStateVector(new Y.Doc())));
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(kinds(raw.received), attempt).toEqual(['auth:1']); // permission denied, nothing else
			expect(Buffer.concat(raw.received).toString('latin1')).not.toContain('Confidential');
			raw.ws.close();
		}
		const refusals = server.logs
			.filter((entry) => entry.event === 'connection-refused')
			.map((entry) => entry.reason);
		expect(refusals).toEqual([
			closeReasons.unknownLink,
			closeReasons.linkRevoked,
			...Array(4).fill(closeReasons.unknownLink)
		]);
	});

	it('the provider is told why', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const { link, token } = await invite(server.url, draft, 'reader');
		await api(server.url, `/drafts/${draft.draftId}/links/${link.linkId}`, {
			method: 'DELETE',
			secret: draft.ownerSecret
		});
		const revoked = open(server.wsUrl, draft.documents.plan, token);
		const wrong = open(server.wsUrl, draft.documents.plan, `${link.linkId}.${'B'.repeat(43)}`);
		const badName = open(server.wsUrl, 'plan:../../etc', draft.ownerToken);
		await until(
			() => revoked.failures.length > 0 && wrong.failures.length > 0 && badName.failures.length > 0,
			undefined,
			'the refusals'
		);
		expect([revoked.failures[0], wrong.failures[0], badName.failures[0]]).toEqual([
			closeReasons.linkRevoked,
			closeReasons.unknownLink,
			closeReasons.invalidDocument
		]);
		expect(revoked.doc.getText('title').toString()).toBe('');
	});
});

describe('revoking a link', () => {
	it('disconnects its holders at once, from both documents, and only them', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const owner = open(server.wsUrl, draft.documents.plan, draft.ownerToken);
		const { link, token } = await invite(server.url, draft, 'editor');
		const kept = (await invite(server.url, draft, 'editor')).token;
		const holderPlan = open(server.wsUrl, draft.documents.plan, token);
		const holderComments = open(server.wsUrl, draft.documents.comments, token);
		const colleague = open(server.wsUrl, draft.documents.plan, kept);
		await Promise.all([
			owner.synced(),
			holderPlan.synced(),
			holderComments.synced(),
			colleague.synced()
		]);

		await api(server.url, `/drafts/${draft.draftId}/links/${link.linkId}`, {
			method: 'DELETE',
			secret: draft.ownerSecret
		});
		await until(
			() =>
				holderPlan.closeReasons.includes(closeReasons.linkRevoked) &&
				holderComments.closeReasons.includes(closeReasons.linkRevoked),
			undefined,
			'the holder to be disconnected'
		);

		owner.doc.getText('title').insert(0, 'After the revocation');
		await until(
			() => colleague.doc.getText('title').toString() === 'After the revocation',
			undefined,
			'the colleague to keep receiving'
		);
		holderPlan.doc.getText('title').insert(0, 'Still here? ');
		colleague.doc.getText('title').insert(0, '> ');
		await until(
			() => owner.doc.getText('title').toString() === '> After the revocation',
			undefined,
			"the colleague's edit"
		);
		expect(holderPlan.doc.getText('title').toString()).toBe('Still here? ');
		expect(colleague.closeReasons).toEqual([]);
	});
});

describe('the logs', () => {
	it('say who connected to which document with which role, never a secret or the content', async () => {
		server = await startServer();
		const draft = await share(server.url);
		const { link, token } = await invite(server.url, draft, 'commenter');
		const client = open(server.wsUrl, draft.documents.comments, token);
		await client.synced();
		client.doc.getText('comment').insert(0, 'A confidential remark');
		await until(
			() => server.logs.some((entry) => entry.event === 'document-stored'),
			undefined,
			'the store'
		);
		client.destroy();
		await until(
			() => server.logs.some((entry) => entry.event === 'disconnected'),
			undefined,
			'the disconnection'
		);
		const connected = server.logs.find((entry) => entry.event === 'connected');
		expect(connected).toMatchObject({
			documentName: draft.documents.comments,
			linkId: link.linkId,
			role: 'commenter',
			readOnly: false,
			address: '127.0.0.1'
		});
		const all = JSON.stringify(server.logs);
		for (const secret of [token.split('.')[1], draft.ownerSecret])
			expect(all).not.toContain(secret);
		expect(all).not.toContain('confidential');
	});
});
