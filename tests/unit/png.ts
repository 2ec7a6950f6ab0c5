// PNG images for the tests (emblems of a given size and look), written by pngjs, a maintained encoder.
import { PNG } from 'pngjs';

/**
 * A `width` × `height` PNG whose pixel (x, y) is `colours[pixel(x, y)]` ('1D4E89'). `stored`: without
 * compression, so that the file is as large as its pixels (an emblem over the size limit).
 */
export function encodePng(
	width: number,
	height: number,
	colours: string[],
	pixel: (x: number, y: number) => number,
	{ stored = false } = {}
): Uint8Array {
	const png = new PNG({ width, height, colorType: 2, inputColorType: 2, inputHasAlpha: false });
	const rgb = colours.map((hex) => [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)));
	const data = Buffer.alloc(width * height * 3);
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) data.set(rgb[pixel(x, y)], (y * width + x) * 3);
	png.data = data;
	return new Uint8Array(
		PNG.sync.write(png, {
			colorType: 2,
			inputColorType: 2,
			inputHasAlpha: false,
			deflateLevel: stored ? 0 : 9
		})
	);
}
