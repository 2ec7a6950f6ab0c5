// The sync server's HTTP API, under /sync/api/ on the app's own origin, JSON in and out:
//   GET    /sync/api/                                → { service, version }: sharing is available here
//   POST   /sync/api/drafts                  {}      → 201 { draftId, ownerSecret, ownerToken, documents }
//   POST   /sync/api/drafts/:draftId/links   { role, label? }  → 201 { link, secret, token }
//   GET    /sync/api/drafts/:draftId/links           → { links }
//   DELETE /sync/api/drafts/:draftId/links/:linkId   → { linkId, revokedAt }
//   GET    /sync/api/drafts/:draftId/plan            → { role, plan }: the plan as its documents hold it
// Link management needs `Authorization: Bearer <ownerSecret>`; reading the plan, any link's token
// (`<linkId>.<secret>`, as the WebSocket takes it). A POST must be application/json, which
// a page on another origin cannot send without a preflight this API never answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { AccessError, authorize, documentNames, roles } from './access.ts';
import type { Log } from './log.ts';
import { hashSecret, idPattern, newId, newSecret, secretMatches } from './secrets.ts';
import type { LinkRow, Storage } from './storage.ts';

export const apiPrefix = '/sync/api';

/** The request's URL; undefined when its target is no URL at all (`GET http://[`). */
export function requestUrl(request: IncomingMessage): URL | undefined {
	try {
		return new URL(request.url ?? '/', 'http://localhost');
	} catch {
		return undefined;
	}
}

/** The request's path, empty for a target that is no URL (nothing here serves it). */
export const pathOf = (request: IncomingMessage) => requestUrl(request)?.pathname ?? '';
const maxBodyBytes = 16 * 1024;

const shareBody = z.strictObject({});
const linkBody = z.strictObject({
	role: z.enum(roles),
	label: z.string().trim().max(200).default('')
});

class HttpError extends Error {
	readonly status: number;
	constructor(status: number, code: string) {
		super(code);
		this.status = status;
	}
}

export interface ApiOptions {
	storage: Storage;
	log: Log;
	maxDrafts: number;
	/** Counts a share from this request's address; false when the address has shared too many. */
	mayShare: (request: IncomingMessage) => boolean;
	/** Disconnects the holders of a revoked link, on every instance. */
	revoked: (draftId: string, linkId: string) => void;
	/** Counts a plan read from this request's address; false when the address has read too many. */
	mayRead: (request: IncomingMessage) => boolean;
	/** The plan as the draft's documents hold it (with its comments), as JSON; undefined before it was uploaded. */
	readPlan: (draftId: string) => string | undefined;
}

const publicLink = ({ id, role, label, createdAt, revokedAt }: LinkRow) => ({
	linkId: id,
	role,
	label,
	createdAt,
	revokedAt
});

/** Answers a request under /sync/api/. */
export async function handleApi(
	request: IncomingMessage,
	response: ServerResponse,
	options: ApiOptions
) {
	try {
		const answer = await route(request, options);
		send(response, answer.status, 'json' in answer ? answer.json : JSON.stringify(answer.body), {
			gzip: /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
		});
	} catch (error) {
		if (error instanceof HttpError)
			send(response, error.status, JSON.stringify({ error: error.message }));
		else {
			options.log('api-error', { error: error instanceof Error ? error.name : 'unknown' });
			send(response, 500, JSON.stringify({ error: 'internal' }));
		}
	}
}

/** An answer: a body to write as JSON, or JSON text as it is. */
type Answer = { status: number; body: unknown } | { status: number; json: string };

async function route(
	request: IncomingMessage,
	{ storage, log, maxDrafts, mayShare, revoked, mayRead, readPlan }: ApiOptions
): Promise<Answer> {
	const path = pathOf(request).slice(apiPrefix.length).replace(/\/$/, '');
	const method = request.method ?? 'GET';
	const parts = path.split('/').slice(1);

	if (path === '' && method === 'GET')
		return { status: 200, body: { service: 'nap-sync', version: 1 } };

	if (path === '/drafts' && method === 'POST') {
		await readBody(request, shareBody);
		if (storage.countDrafts() >= maxDrafts) throw new HttpError(507, 'too-many-drafts');
		if (!mayShare(request)) throw new HttpError(429, 'too-many-drafts-address');
		const draftId = newId();
		const ownerSecret = newSecret();
		storage.createDraft(draftId, hashSecret(ownerSecret));
		log('draft-shared', { draftId });
		return {
			status: 201,
			body: {
				draftId,
				ownerSecret,
				ownerToken: `owner.${ownerSecret}`,
				documents: documentNames(draftId)
			}
		};
	}

	if (
		parts[0] === 'drafts' &&
		idPattern.test(parts[1] ?? '') &&
		parts[2] === 'links' &&
		parts.length <= 4
	) {
		const draftId = parts[1];
		checkOwner(request, storage, draftId);
		if (parts.length === 3 && method === 'GET')
			return { status: 200, body: { links: storage.links(draftId).map(publicLink) } };
		if (parts.length === 3 && method === 'POST') {
			const { role, label } = await readBody(request, linkBody);
			const secret = newSecret();
			const link = {
				id: newId(),
				draftId,
				role,
				label,
				secretHash: hashSecret(secret),
				createdAt: new Date().toISOString()
			};
			storage.createLink(link);
			log('link-created', { draftId, linkId: link.id, role });
			return {
				status: 201,
				body: {
					link: publicLink({ ...link, revokedAt: null }),
					secret,
					token: `${link.id}.${secret}`
				}
			};
		}
		if (parts.length === 4 && method === 'DELETE') {
			const linkId = parts[3];
			const revokedAt = idPattern.test(linkId) ? storage.revokeLink(draftId, linkId) : undefined;
			if (!revokedAt) throw new HttpError(404, 'no-such-link');
			log('link-revoked', { draftId, linkId });
			revoked(draftId, linkId);
			return { status: 200, body: { linkId, revokedAt } };
		}
		throw new HttpError(405, 'method-not-allowed');
	}
	// What a device joining shows at once, while its own copy of the documents comes over the socket.
	if (parts[0] === 'drafts' && idPattern.test(parts[1] ?? '') && parts[2] === 'plan') {
		if (parts.length !== 3) throw new HttpError(404, 'not-found');
		if (method !== 'GET') throw new HttpError(405, 'method-not-allowed');
		const draftId = parts[1];
		let role: (typeof roles)[number];
		let linkId: string;
		try {
			({ role, linkId } = authorize(storage, documentNames(draftId).plan, bearer(request) ?? ''));
		} catch (error) {
			if (error instanceof AccessError) throw new HttpError(403, error.reason);
			throw error;
		}
		if (!mayRead(request)) throw new HttpError(429, 'too-many-reads');
		const plan = readPlan(draftId);
		if (plan === undefined) throw new HttpError(404, 'not-uploaded');
		log('plan-read', { draftId, linkId, role });
		return { status: 200, json: `{"role":${JSON.stringify(role)},"plan":${plan}}` };
	}
	throw new HttpError(404, 'not-found');
}

const bearer = (request: IncomingMessage) =>
	/^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];

function checkOwner(request: IncomingMessage, storage: Storage, draftId: string) {
	const secret = bearer(request);
	const hash = storage.draftOwnerHash(draftId);
	if (!secret || !hash || !secretMatches(secret, hash)) throw new HttpError(403, 'forbidden');
}

async function readBody<T extends z.ZodType>(
	request: IncomingMessage,
	schema: T
): Promise<z.infer<T>> {
	if (!/^application\/json(;|$)/.test(request.headers['content-type'] ?? ''))
		throw new HttpError(415, 'expected-json');
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > maxBodyBytes) throw new HttpError(413, 'body-too-large');
		chunks.push(chunk);
	}
	let json: unknown;
	try {
		json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
	} catch {
		throw new HttpError(400, 'invalid-json');
	}
	const parsed = schema.safeParse(json);
	if (!parsed.success) throw new HttpError(400, 'invalid-body');
	return parsed.data;
}

/** Answers with JSON text; a long one gzipped when the client takes it (a plan: 300 KB, 30 KB gzipped). */
function send(response: ServerResponse, status: number, json: string, { gzip = false } = {}) {
	const packed = gzip && json.length > 1024;
	response.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'cache-control': 'no-store',
		'x-content-type-options': 'nosniff',
		vary: 'accept-encoding',
		...(packed && { 'content-encoding': 'gzip' })
	});
	response.end(packed ? gzipSync(json, { level: 1 }) : json);
}
