// `npm run export` reads every encoding the app reads: a draft saved as UTF-8 with a byte order mark
// or as UTF-16 (as some editors on other systems save JSON) exports as the app would; --report writes a
// period's progress report, and refuses a period the plan does not have.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
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

describe('npm run export --report', { timeout: 120_000 }, () => {
	const folder = mkdtempSync(join(tmpdir(), 'nap-report-'));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
	const script = join(root, 'scripts/export.ts');
	const input = join(root, 'templates/sample/en.nap.json');

	it('writes the progress report of a period, in the language asked for', async () => {
		const out = join(folder, 'report.docx');
		const { stdout } = await run(
			process.execPath,
			[script, input, '--report', '2027', '--lang', 'es', '--out', out],
			{ cwd: root }
		);
		expect(stdout).toContain('Wrote');
		const document = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['word/document.xml']);
		expect(document).toContain('Informe sobre los progresos');
		expect(document).toContain('Período abarcado');
	});

	it('names the plan’s periods when asked for one it does not have, and writes nothing', async () => {
		const out = join(folder, 'none.docx');
		const failed = await run(process.execPath, [script, input, '--report', '2035', '--out', out], {
			cwd: root
		}).then(
			() => null,
			(error: { code: number; stderr: string }) => error
		);
		expect(failed?.code).toBe(2);
		expect(failed?.stderr).toContain(
			'The plan has no reporting period 2035. Its periods: 2027, 2028, 2029, 2030, 2031.'
		);
		expect(existsSync(out)).toBe(false);
	});
});
