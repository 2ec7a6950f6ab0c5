// The emblem on the Word cover (a coat of arms, a ministry's logo): a PNG or JPEG the user adds once,
// kept in the draft as base64. Read from the file's own bytes, not from its name or the type the browser
// guesses: its signature says what it is and its header how many pixels it has. Pure: no DOM, so the
// schema (which checks a stored emblem the same way) and the Word export run it in Node too.

export const EMBLEM_TYPES = ['image/png', 'image/jpeg'] as const;
export type EmblemType = (typeof EMBLEM_TYPES)[number];
/** The largest emblem file taken: a cover emblem needs no more, and every copy of the draft carries it. */
export const MAX_EMBLEM_BYTES = 512 * 1024;
/** The longest base64 text of an emblem of MAX_EMBLEM_BYTES. */
export const MAX_EMBLEM_BASE64 = Math.ceil(MAX_EMBLEM_BYTES / 3) * 4;
/** The most pixels an emblem has on a side. */
export const MAX_EMBLEM_PIXELS = 10_000;

export interface Emblem {
	type: EmblemType;
	/** The file's bytes, base64. */
	data: string;
	width: number;
	height: number;
}

/** Why a file is refused: not a PNG or JPEG, larger than MAX_EMBLEM_BYTES, or not readable as one. */
export type EmblemProblem = 'type' | 'size' | 'unreadable';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, signature: number[]) =>
	signature.every((b, i) => bytes[i] === b);
const u16 = (bytes: Uint8Array, at: number) => (bytes[at] << 8) | bytes[at + 1];
const u32 = (bytes: Uint8Array, at: number) =>
	((bytes[at] << 24) >>> 0) + ((bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]);

/** What the bytes are, by their signature: a PNG, a JPEG, or neither. */
export function emblemType(bytes: Uint8Array): EmblemType | undefined {
	if (startsWith(bytes, PNG)) return 'image/png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	return undefined;
}

/** The pixel size a PNG's or a JPEG's header gives, or undefined where the header cannot be read. */
export function emblemSize(
	bytes: Uint8Array,
	type: EmblemType
): { width: number; height: number } | undefined {
	let size: { width: number; height: number } | undefined;
	if (type === 'image/png') {
		// The signature, then the IHDR chunk: its length (13), its name, the width and the height.
		if (bytes.length < 33 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR')
			return undefined;
		size = { width: u32(bytes, 16), height: u32(bytes, 20) };
	} else {
		// Segments after the start of image, each a marker and a length, up to a start of frame (SOF0 to SOF15,
		// not DHT, JPG or DAC), which gives precision, height and width.
		let at = 2;
		while (at + 9 < bytes.length) {
			if (bytes[at] !== 0xff) return undefined;
			const marker = bytes[at + 1];
			if (marker === 0xff) {
				at++; // fill byte
				continue;
			}
			if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
				at += 2; // markers without a length
				continue;
			}
			const length = u16(bytes, at + 2);
			if (length < 2) return undefined;
			if (
				marker >= 0xc0 &&
				marker <= 0xcf &&
				marker !== 0xc4 &&
				marker !== 0xc8 &&
				marker !== 0xcc
			) {
				size = { width: u16(bytes, at + 7), height: u16(bytes, at + 5) };
				break;
			}
			if (marker === 0xda || marker === 0xd9) return undefined; // image data before any frame header
			at += 2 + length;
		}
	}
	if (
		!size ||
		size.width < 1 ||
		size.height < 1 ||
		size.width > MAX_EMBLEM_PIXELS ||
		size.height > MAX_EMBLEM_PIXELS
	)
		return undefined;
	return size;
}

/** A file's bytes as an emblem, or why it is refused. */
export function readEmblem(
	bytes: Uint8Array
): { ok: true; emblem: Emblem } | { ok: false; problem: EmblemProblem } {
	const type = emblemType(bytes);
	if (!type) return { ok: false, problem: 'type' };
	if (bytes.length > MAX_EMBLEM_BYTES) return { ok: false, problem: 'size' };
	const size = emblemSize(bytes, type);
	if (!size) return { ok: false, problem: 'unreadable' };
	return { ok: true, emblem: { type, data: toBase64(bytes), ...size } };
}

/** Whether a stored emblem is what it says: its bytes of its type, within the limit, of the size it gives. */
export function emblemMatches(emblem: Emblem): boolean {
	const bytes = fromBase64(emblem.data);
	if (!bytes || bytes.length > MAX_EMBLEM_BYTES || emblemType(bytes) !== emblem.type) return false;
	const size = emblemSize(bytes, emblem.type);
	return !!size && size.width === emblem.width && size.height === emblem.height;
}

export function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** The bytes of a base64 text, or undefined where it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
	try {
		const binary = atob(text);
		const bytes = new Uint8Array(binary.length);
		for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
		return bytes;
	} catch {
		return undefined;
	}
}
