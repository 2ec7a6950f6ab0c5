// Who may do what: a shared draft is two documents, `plan:<draftId>` and `comments:<draftId>`; a
// connection presents a token `<linkId>.<secret>` (or `owner.<ownerSecret>`), and its role decides
// which of the two it may write.
import { closeReasons, type CloseReason } from './reasons.ts';
import { idPattern, secretMatches, secretPattern } from './secrets.ts';
import type { Storage } from './storage.ts';

export const roles = ['editor', 'commenter', 'reader'] as const;
export type Role = (typeof roles)[number];
export type DocumentKind = 'plan' | 'comments';

/** The documents each role may write; every role may read both. The owner writes as an editor. */
const writes: Record<Role, readonly DocumentKind[]> = {
	editor: ['plan', 'comments'],
	commenter: ['comments'],
	reader: []
};

export const documentNames = (draftId: string) => ({
	plan: `plan:${draftId}`,
	comments: `comments:${draftId}`
});

export function parseDocumentName(
	name: string
): { kind: DocumentKind; draftId: string } | undefined {
	const match = /^(plan|comments):(.*)$/.exec(name);
	if (!match || !idPattern.test(match[2])) return undefined;
	return { kind: match[1] as DocumentKind, draftId: match[2] };
}

/** What a connection proved: for the logs and for revocation, never the secret. */
export interface Grant {
	draftId: string;
	kind: DocumentKind;
	/** The link's id, or 'owner'. */
	linkId: string;
	role: Role;
	readOnly: boolean;
}

export class AccessError extends Error {
	readonly reason: CloseReason;
	constructor(reason: CloseReason) {
		// No message: Hocuspocus prints a refused hook's message on stderr, and the JSON log says it.
		super();
		this.reason = reason;
	}
}

/** The grant for `token` on document `name`, or an AccessError saying why not. */
export function authorize(storage: Storage, name: string, token: string): Grant {
	const document = parseDocumentName(name);
	if (!document) throw new AccessError(closeReasons.invalidDocument);
	const [linkId, secret, ...rest] = token.split('.');
	if (rest.length || !secretPattern.test(secret ?? ''))
		throw new AccessError(closeReasons.unknownLink);
	let role: Role;
	if (linkId === 'owner') {
		const hash = storage.draftOwnerHash(document.draftId);
		if (!hash || !secretMatches(secret, hash)) throw new AccessError(closeReasons.unknownLink);
		role = 'editor';
	} else {
		const link = idPattern.test(linkId) ? storage.link(linkId) : undefined;
		if (!link || link.draftId !== document.draftId || !secretMatches(secret, link.secretHash))
			throw new AccessError(closeReasons.unknownLink);
		if (link.revokedAt) throw new AccessError(closeReasons.linkRevoked);
		role = link.role;
	}
	return { ...document, linkId, role, readOnly: !writes[role].includes(document.kind) };
}
