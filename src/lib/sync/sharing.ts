// Sharing a draft through the sync server on the app's own origin (server/api.ts): the API calls, the
// invitation link, and which drafts on this device are shared (with what token). Small and free of
// Yjs: the home page and every draft page may import it; the sync engine itself loads only for a
// shared draft (state/shared-draft.svelte.ts).
import { closeReasons, type CloseReason } from './reasons.ts';

export { closeReasons, type CloseReason };

export const ROLES = ['editor', 'commenter', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** How this device takes part in a shared draft. */
export interface SharedLink {
	draftId: string;
	/** `<linkId>.<secret>`, or `owner.<ownerSecret>` for the coordinator who shared it. */
	token: string;
	role: Role;
	/** Only the coordinator's device has it: it makes and revokes links. */
	ownerSecret?: string;
}

export interface LinkInfo {
	linkId: string;
	role: Role;
	label: string;
	createdAt: string;
	revokedAt: string | null;
}

const API = '/sync/api';
const idPattern = /^[A-Za-z0-9_-]{22}$/;
const secretPattern = /^[A-Za-z0-9_-]{43}$/;

export class SharingError extends Error {
	/** 'unavailable': this server has no sync server (a static host); else the API's error code. */
	readonly code: string;
	constructor(code: string) {
		super(code);
		this.code = code;
	}
}

async function call<T>(
	path: string,
	init: { method?: string; body?: unknown; secret?: string } = {}
): Promise<T> {
	let response: Response;
	try {
		response = await fetch(`${API}${path}`, {
			method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
			headers: {
				...(init.body !== undefined && { 'content-type': 'application/json' }),
				...(init.secret && { authorization: `Bearer ${init.secret}` })
			},
			body: init.body === undefined ? undefined : JSON.stringify(init.body),
			cache: 'no-store'
		});
	} catch {
		throw new SharingError('offline');
	}
	const json = (await response.json().catch(() => undefined)) as
		(T & { error?: string }) | undefined;
	// A static host answers /sync/api/ with its 404 page (HTML), not the API's JSON.
	if (!json) throw new SharingError('unavailable');
	if (!response.ok) throw new SharingError(json.error ?? 'unavailable');
	return json;
}

/** Whether this server runs the sync server (a static host does not). */
export async function sharingAvailable(): Promise<boolean> {
	try {
		const info = await call<{ service?: string }>('/');
		return info.service === 'nap-sync';
	} catch (error) {
		// No answer at all is not "no sync server": the user is told to check the connection instead.
		if (error instanceof SharingError && error.code === 'offline') throw error;
		return false;
	}
}

/** Registers a new shared draft on the server; the document is uploaded when the device first syncs. */
export async function createSharedDraft(): Promise<SharedLink> {
	const { draftId, ownerSecret, ownerToken } = await call<{
		draftId: string;
		ownerSecret: string;
		ownerToken: string;
	}>('/drafts', { body: {} });
	return { draftId, token: ownerToken, role: 'editor', ownerSecret };
}

export const createLink = (link: SharedLink, role: Role, label = '') =>
	call<{ link: LinkInfo; token: string }>(`/drafts/${link.draftId}/links`, {
		body: { role, label },
		secret: link.ownerSecret
	});

export const listLinks = async (link: SharedLink) =>
	(await call<{ links: LinkInfo[] }>(`/drafts/${link.draftId}/links`, { secret: link.ownerSecret }))
		.links;

export const revokeLink = (link: SharedLink, linkId: string) =>
	call<{ revokedAt: string }>(`/drafts/${link.draftId}/links/${linkId}`, {
		method: 'DELETE',
		secret: link.ownerSecret
	});

/**
 * The plan of a shared draft as the server reads it from its documents, and this link's role: what a
 * device joining shows while its own copy comes. Not checked here (sync/snapshot.ts checks it).
 */
export const readSharedPlan = (draftId: string, token: string) =>
	call<{ role?: unknown; plan?: unknown }>(`/drafts/${draftId}/plan`, { secret: token });

/** The address of an invitation: the secret rides in the fragment, which no request carries (no server log sees it). */
export const invitationUrl = (origin: string, draftId: string, token: string) =>
	`${origin}/join#${draftId}.${token}`;

/** The draft and token of an invitation's fragment (`#<draftId>.<linkId>.<secret>`); undefined if it is none. */
export function parseInvitation(hash: string): { draftId: string; token: string } | undefined {
	const [draftId, linkId, secret, ...rest] = hash.replace(/^#/, '').split('.');
	if (
		rest.length ||
		!idPattern.test(draftId ?? '') ||
		!idPattern.test(linkId ?? '') ||
		!secretPattern.test(secret ?? '')
	)
		return undefined;
	return { draftId, token: `${linkId}.${secret}` };
}

// Which local drafts are shared, by plan id: in localStorage, read synchronously when a draft opens.
const key = (planId: string) => `nap-builder.shared.${planId}`;
const store = (): Storage | undefined => {
	try {
		return localStorage;
	} catch {
		return undefined;
	}
};

export function sharedLinkOf(planId: string): SharedLink | undefined {
	try {
		const value = JSON.parse(store()?.getItem(key(planId)) ?? 'null') as SharedLink | null;
		return value &&
			typeof value.draftId === 'string' &&
			typeof value.token === 'string' &&
			ROLES.includes(value.role)
			? value
			: undefined;
	} catch {
		return undefined;
	}
}

export function rememberSharedLink(planId: string, link: SharedLink): void {
	store()?.setItem(key(planId), JSON.stringify(link));
}

export function forgetSharedLink(planId: string): void {
	store()?.removeItem(key(planId));
}

/** The `updatedAt` a shared draft's session last stored the draft with, by plan id. */
const baseKey = (planId: string) => `nap-builder.shared-saved.${planId}`;
export function savedBase(planId: string): string | null {
	try {
		return store()?.getItem(baseKey(planId)) ?? null;
	} catch {
		return null;
	}
}
export function rememberSavedBase(planId: string, updatedAt: string): void {
	try {
		store()?.setItem(baseKey(planId), updatedAt);
	} catch {
		// Not remembered: a version restored on this device would then wait for an edit to be shared.
	}
}

/** The message key (under `sharing.refused.`) for why the server refused or closed the connection. */
export function refusalKey(reason: string): string {
	const known = Object.values(closeReasons) as string[];
	return known.includes(reason) ? reason : 'unknown';
}
