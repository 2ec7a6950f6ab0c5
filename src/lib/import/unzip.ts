// The parts of a zip package (a .docx, an .xlsx), unpacked with fflate and never more than a limit:
// the file is fed to the unpacker in small pieces and the bytes each part unpacks to are counted, so a
// zip bomb (a few kilobytes that unpack to gigabytes) stops at the limit, whatever its headers claim.
import { Unzip, UnzipInflate } from 'fflate';
import { ImportError, MAX_UNPACKED_BYTES } from './structure.ts';

const PIECE = 16 * 1024;

/** Whether the bytes start as a zip package does. */
export const isZip = (bytes: Uint8Array): boolean =>
	bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;

/**
 * The parts of the package that `wanted` accepts, by name. Throws an ImportError: 'tooBig' when they
 * unpack to more than `limit` bytes in all, `broken` when the package cannot be read.
 */
export function unzipParts(
	bytes: Uint8Array,
	wanted: (name: string) => boolean,
	broken: 'notWord' | 'notSheet',
	limit = MAX_UNPACKED_BYTES
): Map<string, Uint8Array> {
	const parts = new Map<string, Uint8Array>();
	let total = 0;
	let failure: ImportError | undefined;
	const unzip = new Unzip((file) => {
		if (!wanted(file.name) || failure) return;
		if ((file.originalSize ?? 0) > limit) {
			failure = new ImportError('tooBig');
			return;
		}
		const chunks: Uint8Array[] = [];
		file.ondata = (error, chunk, final) => {
			if (failure) return;
			if (error) {
				failure = new ImportError(broken);
				return;
			}
			total += chunk.length;
			if (total > limit) {
				failure = new ImportError('tooBig');
				file.terminate();
				return;
			}
			chunks.push(chunk);
			if (final) parts.set(file.name, concat(chunks));
		};
		file.start();
	});
	unzip.register(UnzipInflate);
	try {
		for (let at = 0; at < bytes.length && !failure; at += PIECE)
			unzip.push(bytes.subarray(at, at + PIECE), at + PIECE >= bytes.length);
	} catch {
		failure ??= new ImportError(broken);
	}
	if (failure) throw failure;
	return parts;
}

function concat(chunks: Uint8Array[]): Uint8Array {
	if (chunks.length === 1) return chunks[0];
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	return out;
}
