// What a client's update must be before the server applies it: readable to the end (a malformed tail
// would otherwise be found only after the structs before it were applied), complete (nothing it
// builds on is missing, else Yjs would keep it pending in the document and store it for ever), free of
// subdocuments, and small enough to keep the document within its limit. Whether the plan it makes
// still parses is the app's binding to say (a plan read from a Y.Doc is repaired as it is read).
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { closeReasons, type CloseReason } from './reasons.ts';

// Hocuspocus's message types that carry a y-protocols sync message (Sync and SyncReply), and presence.
const syncMessageTypes = new Set([0, 4]);
const awarenessMessageType = 1;

/** Presence (a name, an institution, a step, a cursor) is small; more is not presence. */
export const maxAwarenessBytes = 64 * 1024;

/** Whether the frame is a presence update larger than presence ever is. */
export function isOversizedAwareness(frame: Uint8Array): boolean {
	if (frame.byteLength <= maxAwarenessBytes) return false;
	const decoder = decoding.createDecoder(frame);
	decoding.readVarString(decoder);
	return decoding.readVarUint(decoder) === awarenessMessageType;
}

/** The Yjs update a client's frame carries, if it carries one (sync step 2 or an update). */
export function updateInFrame(frame: Uint8Array): Uint8Array | undefined {
	const decoder = decoding.createDecoder(frame);
	decoding.readVarString(decoder); // the document's name, already routed by Hocuspocus
	if (!syncMessageTypes.has(decoding.readVarUint(decoder))) return undefined;
	const syncType = decoding.readVarUint(decoder);
	if (syncType !== messageYjsSyncStep2 && syncType !== messageYjsUpdate) return undefined;
	return decoding.readVarUint8Array(decoder);
}

/** Whether `update` carries no change at all (or cannot be read: then it changes nothing either). */
export function isEmptyUpdate(update: Uint8Array): boolean {
	try {
		const { structs, ds } = Y.decodeUpdate(update);
		return structs.length === 0 && ds.clients.size === 0;
	} catch {
		return true;
	}
}

/** Why `update` may not be applied to `doc`, or undefined when it may. */
export function refusal(doc: Y.Doc, update: Uint8Array): CloseReason | undefined {
	let decoded: ReturnType<typeof Y.decodeUpdate>;
	try {
		decoded = Y.decodeUpdate(update);
	} catch {
		return closeReasons.invalidUpdate;
	}
	// The clock range the update covers for each client.
	const covers = new Map<number, { from: number; to: number }>();
	for (const struct of decoded.structs) {
		if (struct instanceof Y.Skip) return closeReasons.invalidUpdate;
		const { client, clock } = struct.id;
		const range = covers.get(client);
		if (range) range.to = Math.max(range.to, clock + struct.length);
		else covers.set(client, { from: clock, to: clock + struct.length });
	}
	const known = (client: number) =>
		Math.max(Y.getState(doc.store, client), covers.get(client)?.to ?? 0);
	for (const [client, { from }] of covers)
		if (from > Y.getState(doc.store, client)) return closeReasons.invalidUpdate;
	for (const struct of decoded.structs) {
		if (!(struct instanceof Y.Item)) continue;
		// A shared draft has no subdocuments: one would have every client open a document the server
		// never checks.
		if (struct.content instanceof Y.ContentDoc) return closeReasons.invalidUpdate;
		for (const id of [
			struct.origin,
			struct.rightOrigin,
			struct.parent instanceof Y.ID ? struct.parent : null
		])
			if (id && id.clock >= known(id.client)) return closeReasons.invalidUpdate;
	}
	for (const [client, ranges] of decoded.ds.clients)
		for (const { clock, len } of ranges)
			if (clock + len > known(client)) return closeReasons.invalidUpdate;
	return undefined;
}

/**
 * Each open document's encoded size, known exactly when it was loaded or last measured, plus the
 * bytes of the updates applied since (an upper bound: merged updates take less). Measured again only
 * when that bound would pass the limit.
 */
export class DocumentSizes {
	private readonly sizes = new Map<string, { measured: number; since: number }>();
	private readonly limit: number;
	constructor(limit: number) {
		this.limit = limit;
	}

	measure(name: string, doc: Y.Doc) {
		this.sizes.set(name, { measured: Y.encodeStateAsUpdate(doc).byteLength, since: 0 });
	}

	/** Whether `update` keeps the document within the limit; counts it when it does. */
	admit(name: string, doc: Y.Doc, update: Uint8Array): boolean {
		let size = this.sizes.get(name);
		if (!size || size.measured + size.since + update.byteLength > this.limit) {
			this.measure(name, doc);
			size = this.sizes.get(name)!;
			if (size.measured + update.byteLength > this.limit) return false;
		}
		size.since += update.byteLength;
		return true;
	}

	forget(name: string) {
		this.sizes.delete(name);
	}
}
