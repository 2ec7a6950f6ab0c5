// Why the sync server refused or ended a connection: one stable string each, for the app to turn into a
// message. Pure (no Node imports) so the app can import it.
//
// How each reaches the client:
// - at authentication, as the reason of a permission-denied reply (HocuspocusProvider's
//   `authenticationFailed` event, `{ reason }`);
// - for one open document, as the reason of a close message (the provider's `close` event,
//   `event.reason`; the socket itself stays open for the draft's other document);
// - for the whole socket, as the WebSocket close reason with the code in `socketCloseCodes`.
export const closeReasons = {
	/** No such draft or link, or the secret does not match (the two are not told apart). */
	unknownLink: 'unknown-link',
	/** The link was revoked by the draft's owner. */
	linkRevoked: 'link-revoked',
	/** The document name is not `plan:<draftId>` or `comments:<draftId>`. */
	invalidDocument: 'invalid-document',
	/** The server already holds as many open documents as it is allowed to. */
	tooManyDocuments: 'too-many-documents',
	/** The document already has as many connections as it is allowed to. */
	tooManyConnectionsDocument: 'too-many-connections-document',
	/** This address already has as many open sockets as it is allowed to (socket close 4429). */
	tooManyConnectionsAddress: 'too-many-connections-address',
	/** The update would make the document larger than the limit; it was not applied. */
	documentTooLarge: 'document-too-large',
	/** A presence update (name, institution, step, cursor) larger than 64 KiB; not applied. */
	presenceTooLarge: 'presence-too-large',
	/** The update could not be read, or depends on changes the server never received; not applied. */
	invalidUpdate: 'invalid-update',
	/** The server is shutting down or restarting (socket close 1012): reconnect later. */
	serverRestarting: 'server-restarting'
} as const;

export type CloseReason = (typeof closeReasons)[keyof typeof closeReasons];

/**
 * WebSocket close codes the server uses on the socket itself. A message larger than the message
 * limit is closed by the WebSocket layer with 1009 (its reason is the library's, not ours).
 */
export const socketCloseCodes = {
	messageTooLarge: 1009,
	serverRestarting: 1012,
	tooManyConnectionsAddress: 4429
} as const;
