// npm run export -- <draft.nap.json> [--report <period>] [--lang en|fr|es] [--paper a4|letter] [--out plan.docx]
// Builds the Word document of a draft saved by the app, or with --report the progress report of one of
// its reporting periods ('2027', '2027-H1'…), with the same code the app runs.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Packer } from 'docx';
import { UnknownPeriodError } from '../src/lib/document/report.ts';
import { buildDocument, buildReport, type Paper } from '../src/lib/export/docx.ts';
import { exportFileName, reportFileName } from '../src/lib/export/name.ts';
import { exportStrings } from '../src/lib/export/strings.ts';
import { decodeDraftBytes, MAX_FILE_BYTES, readDraftFile } from '../src/lib/plan/file.ts';
import { LANGUAGES, type Language } from '../src/lib/plan/schema.ts';

const USAGE =
	'Usage: npm run export -- <draft.nap.json> [--report <period>] [--lang en|fr|es] [--paper a4|letter] [--out plan.docx]';

function fail(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(2);
}

let args;
try {
	args = parseArgs({
		allowPositionals: true,
		options: {
			lang: { type: 'string' },
			paper: { type: 'string', default: 'a4' },
			out: { type: 'string' },
			report: { type: 'string' }
		}
	});
} catch (error) {
	fail((error as Error).message);
}
// npm runs scripts in the project folder; paths are the user's, relative to where they typed the command.
const here = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);
const [given, ...extra] = args.positionals;
const input = given ? here(given) : '';
if (!input || extra.length)
	fail(given ? `Unexpected argument: ${extra[0]}` : 'No draft file given.');
const { paper } = args.values;
if (paper !== 'a4' && paper !== 'letter') fail(`--paper must be a4 or letter, not "${paper}".`);
const lang = args.values.lang;
if (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang))
	fail(`--lang must be one of ${LANGUAGES.join(', ')}, not "${lang}".`);

const size = await stat(input).then(
	(s) => s.size,
	() => fail(`Cannot read ${given}.`)
);
// The same decoding as the app's: UTF-8 with or without a byte order mark, UTF-16 either way round.
const result = readDraftFile(
	size > MAX_FILE_BYTES ? '' : decodeDraftBytes(await readFile(input)),
	size
);
if (!result.ok) {
	// The app's own message for the problem, in English (or the requested language).
	const messages = JSON.parse(
		await readFile(new URL(`../locales/${lang ?? 'en'}/file.json`, import.meta.url), 'utf8')
	);
	const text = String(messages[result.error.key]).replace(
		/{{\s*(\w+)\s*}}/g,
		(_: string, k: string) => String(result.error.params[k] ?? '')
	);
	fail(`${given}: ${text}`);
}
const plan = result.plan;
const language = (lang ?? plan.overview.documentLanguages[0] ?? 'en') as Language;
const t = exportStrings(language); // fails early if the language has no texts
const period = args.values.report;
if (period !== undefined && !period.trim())
	fail('--report needs a reporting period, such as 2027.');
let document;
try {
	document =
		period === undefined
			? buildDocument(plan, { language, paper: paper as Paper })
			: buildReport(plan, { language, paper: paper as Paper, period });
} catch (error) {
	if (!(error instanceof UnknownPeriodError)) throw error;
	fail(
		`${given}: ${
			error.periods.length
				? t('report.cli.unknownPeriod', { period: error.period, periods: error.periods.join(', ') })
				: t('report.cli.noPeriods', { period: error.period })
		}`
	);
}
const out = here(
	args.values.out ??
		(period === undefined ? exportFileName(plan, language) : reportFileName(plan, language, period))
);
const buffer = await Packer.toBuffer(document);
await writeFile(out, buffer);
const what = period === undefined ? '' : `progress report ${period}, `;
console.log(`Wrote ${out} (${what}${language}, ${paper}, ${Math.round(buffer.length / 1024)} KB)`);
