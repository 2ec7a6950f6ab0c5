// A tiny PNG encoder for the bars of the Word charts: Word needs raster images, and neither Node nor
// a worker has a canvas. Palette images, uncompressed ("stored") deflate blocks: a bar is a few
// hundred bytes, and the code stays small enough to read.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

export function adler32(bytes: Uint8Array): number {
	let a = 1;
	let b = 0;
	for (const byte of bytes) {
		a = (a + byte) % 65521;
		b = (b + a) % 65521;
	}
	return ((b << 16) | a) >>> 0;
}

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function chunk(type: string, data: Uint8Array): number[] {
	const typed = new Uint8Array([...type].map((c) => c.charCodeAt(0)).concat([...data]));
	return [...u32(data.length), ...typed, ...u32(crc32(typed))];
}

/** A zlib stream of stored (uncompressed) deflate blocks of at most 65,535 bytes each. */
export function zlibStored(data: Uint8Array): Uint8Array {
	const out: number[] = [0x78, 0x01];
	for (let at = 0; at === 0 || at < data.length; at += 65535) {
		const block = data.subarray(at, at + 65535);
		const last = at + 65535 >= data.length ? 1 : 0;
		out.push(last, block.length & 0xff, block.length >>> 8, ~block.length & 0xff, (~block.length >>> 8) & 0xff, ...block);
	}
	out.push(...u32(adler32(data)));
	return new Uint8Array(out);
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * An 8-bit palette PNG. `colours` are "RRGGBB" strings; `pixel(x, y)` gives each pixel's index in them.
 */
export function encodePng(width: number, height: number, colours: string[], pixel: (x: number, y: number) => number): Uint8Array {
	const rows = new Uint8Array(height * (width + 1)); // each row: filter type 0 (none), then its pixels
	for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = pixel(x, y);
	const header = new Uint8Array([...u32(width), ...u32(height), 8, 3, 0, 0, 0]); // depth 8, palette, no interlace
	const palette = new Uint8Array(colours.flatMap((c) => [0, 2, 4].map((i) => parseInt(c.slice(i, i + 2), 16))));
	return new Uint8Array([...PNG_SIGNATURE, ...chunk('IHDR', header), ...chunk('PLTE', palette), ...chunk('IDAT', zlibStored(rows)), ...chunk('IEND', new Uint8Array())]);
}

/** A horizontal bar of `width` × `height` pixels whose first `share` (0 to 1) is in `colour`, the rest a pale track. */
export function barPng(width: number, height: number, share: number, colour: string, track = 'E8ECF1'): Uint8Array {
	const filled = Math.round(Math.max(0, Math.min(1, share)) * width);
	return encodePng(width, height, [track, colour], (x) => (x < filled ? 1 : 0));
}
