// The PNG files are checked with Node's own zlib: inflate verifies the stream and its Adler-32, and
// zlib.crc32 recomputes every chunk's checksum.
import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { barPng, crc32, encodePng, PNG_SIGNATURE } from './png.ts';

interface Chunk {
	type: string;
	data: Uint8Array;
	crc: number;
	computed: number;
}

function chunks(png: Uint8Array): Chunk[] {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const out: Chunk[] = [];
	for (let at = 8; at < png.length; ) {
		const length = view.getUint32(at);
		const typed = png.subarray(at + 4, at + 8 + length);
		out.push({ type: String.fromCharCode(...typed.subarray(0, 4)), data: typed.subarray(4), crc: view.getUint32(at + 8 + length), computed: zlibCrc32(typed) });
		at += 12 + length;
	}
	return out;
}

/** The palette indices of each row, after checking the filter byte. */
function pixels(png: Uint8Array, width: number): number[][] {
	const raw = inflateSync(Buffer.concat(chunks(png).filter((c) => c.type === 'IDAT').map((c) => c.data)));
	const rows: number[][] = [];
	for (let at = 0; at < raw.length; at += width + 1) {
		expect(raw[at]).toBe(0);
		rows.push([...raw.subarray(at + 1, at + 1 + width)]);
	}
	return rows;
}

describe('PNG encoder', () => {
	it('writes a signature, IHDR, PLTE, IDAT and IEND with correct checksums', () => {
		const png = encodePng(3, 2, ['FF0000', '00FF00'], (x, y) => (x + y) % 2);
		expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
		const parts = chunks(png);
		expect(parts.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
		for (const part of parts) expect(part.crc, part.type).toBe(part.computed);
		expect([...parts[0].data]).toEqual([0, 0, 0, 3, 0, 0, 0, 2, 8, 3, 0, 0, 0]);
		expect([...parts[1].data]).toEqual([255, 0, 0, 0, 255, 0]);
		expect(pixels(png, 3)).toEqual([
			[0, 1, 0],
			[1, 0, 1]
		]);
	});

	it('splits image data into stored blocks of at most 65,535 bytes', () => {
		const width = 400;
		const png = encodePng(width, 300, ['000000', 'FFFFFF'], (x) => x % 2); // 120,300 bytes of rows
		const rows = pixels(png, width);
		expect(rows).toHaveLength(300);
		expect(rows[299].slice(0, 4)).toEqual([0, 1, 0, 1]);
	});

	it('draws a bar filled to its share', () => {
		const png = barPng(10, 2, 0.3, '1D4E89');
		expect(pixels(png, 10)[1]).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
		expect(pixels(barPng(4, 1, 0, '1D4E89'), 4)[0]).toEqual([0, 0, 0, 0]);
		expect(pixels(barPng(4, 1, 7, '1D4E89'), 4)[0]).toEqual([1, 1, 1, 1]);
	});

	it('computes the CRC-32 of the PNG specification', () => {
		expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
	});
});
