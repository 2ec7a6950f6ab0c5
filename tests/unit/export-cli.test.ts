// `npm run export` reads every encoding the app reads: a draft saved as UTF-8 with a byte order mark
// or as UTF-16 (as some editors on other systems save JSON) exports as the app would.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const sample = readFileSync(join(root, 'templates/sample/en.nap.json'), 'utf8');

function utf16(text: string, littleEndian: boolean): Buffer {
	const bytes = Buffer.alloc((text.length + 1) * 2);
	if (littleEndian) bytes.writeUInt16LE(0xfeff, 0);
	else bytes.writeUInt16BE(0xfeff, 0);
	for (let i = 0; i < text.length; i++) {
		if (littleEndian) bytes.writeUInt16LE(text.charCodeAt(i), 2 + i * 2);
		else bytes.writeUInt16BE(text.charCodeAt(i), 2 + i * 2);
	}
	return bytes;
}

describe('npm run export, on files in other encodings', { timeout: 120_000 }, () => {
	const folder = mkdtempSync(join(tmpdir(), 'nap-export-'));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
	it.each([
		[
			'UTF-8 with a byte order mark',
			Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')])
		],
		['UTF-16LE', utf16(sample, true)],
		['UTF-16BE', utf16(sample, false)]
	])('exports a draft saved as %s', async (name, bytes) => {
		const input = join(folder, `${name.replace(/\W+/g, '-')}.nap.json`);
		const out = `${input}.docx`;
		writeFileSync(input, bytes);
		// The pinned Node that runs this test (npm scripts) runs the script, as `npm run export` would.
		const { stdout } = await run(
			process.execPath,
			[join(root, 'scripts/export.ts'), input, '--out', out],
			{ cwd: root }
		);
		expect(stdout).toContain('Wrote');
		expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK'); // a Word file is a zip package
	});
});
