// The Word file opens in a real word processor: LibreOffice converts each language's export of the
// sample plan to PDF, and the PDF text has the plan's title and the chapter headings in that language.
// Each plan carries reviewers' comments (one with a reply), which LibreOffice must read as comments.
// The same run converts each language's progress report of the sample's second period of monitoring.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment, addReply } from '../../src/lib/comments/comments.ts';
import { buildDocument, buildReport } from '../../src/lib/export/docx.ts';
import { encodePng } from './png.ts';
import { exportStrings } from '../../src/lib/export/strings.ts';
import { readEmblem } from '../../src/lib/plan/emblem.ts';
import { LANGUAGES, type Language, type Plan } from '../../src/lib/plan/schema.ts';
import { samplePlan as sample } from './sample-plan.ts';
import { decodeXml as decode } from './word-xml.ts';

const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';
const dir = mkdtempSync(join(tmpdir(), 'nap-office-'));
const plans = new Map<Language, Plan>();
const pdfText = new Map<Language, string>();
/** Each page's text, as pdftotext gives it (lines kept). */
const pdfPages = new Map<Language, string[]>();
/** The headings of each export, levels 1 to 3, in order, as the Word file has them. */
const headings = new Map<Language, string[]>();
let annotations = '';
/** The period the progress reports cover, and each report's PDF text. */
const PERIOD = '2028';
const reportText = new Map<Language, string>();
const reportPages = new Map<Language, number>();

/** A comment on a chapter (with a reply) and one on an indicator in a table. */
function withComments(plan: Plan): Plan {
	const context = addComment(
		plan,
		{ target: 'section', targetId: 'context' },
		'Amina Diallo',
		'Comment on the context'
	)!;
	addReply(plan, context.id, 'Jean Martin', 'Reply on the context');
	const indicator = plan.pillars[0].objectives[0].actions[0].indicators[0];
	addComment(
		plan,
		{ target: 'indicator', targetId: indicator.id },
		'Amina Diallo',
		'Comment on an indicator'
	);
	return plan;
}

/** pdftotext breaks lines and may hyphenate: compare on words separated by single spaces. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
	const files: string[] = [];
	for (const language of LANGUAGES) {
		const plan = withComments(sample(language));
		// One plan has the cover a government issues: an emblem above the issuing authority.
		if (language === 'fr') {
			plan.overview.issuingAuthority = 'République de Lumérie, ministère de l’Égalité des genres';
			const emblem = readEmblem(
				encodePng(120, 120, ['1D4E89', 'F2C500'], (x, y) =>
					(x - 60) ** 2 + (y - 60) ** 2 < 2500 ? 1 : 0
				)
			);
			if (emblem.ok) plan.overview.emblem = emblem.emblem;
		}
		plans.set(language, plan);
		const file = join(dir, `plan-${language}.docx`);
		const buffer = await Packer.toBuffer(buildDocument(plan, { language, paper: 'a4' }));
		writeFileSync(file, buffer);
		const xml = strFromU8(unzipSync(new Uint8Array(buffer))['word/document.xml']);
		headings.set(
			language,
			[
				...xml.matchAll(
					/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading[123]"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs
				)
			].map((m) =>
				decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
			)
		);
		files.push(file);
		const report = join(dir, `report-${language}.docx`);
		writeFileSync(
			report,
			await Packer.toBuffer(buildReport(sample(language), { language, period: PERIOD }))
		);
		files.push(report);
	}
	try {
		// One LibreOffice run converts the three files; a profile of its own avoids clashing with a desktop instance.
		execFileSync(
			SOFFICE,
			[
				`-env:UserInstallation=file://${dir}/profile`,
				'--headless',
				'--convert-to',
				'pdf',
				'--outdir',
				dir,
				...files
			],
			{
				stdio: 'pipe',
				timeout: 240_000
			}
		);
	} catch (error) {
		throw new Error(
			`LibreOffice could not convert the Word files (is libreoffice-writer installed? .ci/run installs it): ${error}`,
			{ cause: error }
		);
	}
	// LibreOffice's own format shows what it made of the Word comments.
	execFileSync(
		SOFFICE,
		[
			`-env:UserInstallation=file://${dir}/profile`,
			'--headless',
			'--convert-to',
			'odt',
			'--outdir',
			dir,
			join(dir, 'plan-fr.docx')
		],
		{ stdio: 'pipe', timeout: 240_000 }
	);
	annotations = [
		...strFromU8(
			unzipSync(new Uint8Array(readFileSync(join(dir, 'plan-fr.odt'))))['content.xml']
		).matchAll(/<office:annotation[ >][\s\S]*?<\/office:annotation>/g)
	]
		.map((m) => m[0])
		.join('\n');
	for (const language of LANGUAGES) {
		const text = execFileSync(
			'pdftotext',
			['-enc', 'UTF-8', join(dir, `plan-${language}.pdf`), '-'],
			{ encoding: 'utf8' }
		);
		pdfText.set(language, squash(text));
		pdfPages.set(language, text.split('\f'));
		const report = join(dir, `report-${language}.pdf`);
		reportText.set(
			language,
			squash(execFileSync('pdftotext', ['-enc', 'UTF-8', report, '-'], { encoding: 'utf8' }))
		);
		const pages = execFileSync('pdfinfo', [report], { encoding: 'utf8' }).match(
			/Pages:\s+(\d+)/
		)?.[1];
		reportPages.set(language, Number(pages));
	}
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(LANGUAGES)('LibreOffice opens the %s Word export', (language) => {
	const t = exportStrings(language);

	it('renders the title, the cover labels and the chapter headings in the export language', () => {
		const text = pdfText.get(language)!;
		const plan = plans.get(language)!;
		expect(text).toContain(squash(plan.overview.title));
		expect(text).toContain(squash(plan.overview.country));
		if (plan.overview.issuingAuthority)
			expect(pdfPages.get(language)![0]).toContain(plan.overview.issuingAuthority);
		for (const key of ['contents', 'cover.period', 'cover.leadInstitution'])
			expect(text, key).toContain(t(`export.${key}`));
		for (const chapter of [
			'introduction',
			'context',
			'consultation',
			'resultsMatrix',
			'budget',
			'monitoring',
			'acronymsAnnex'
		])
			expect(text, chapter).toContain(squash(t(`export.chapters.${chapter}`)));
		expect(text).toContain(t('options.pillar.protection'));
	});

	it('renders the scorecard annex: its heading, the criteria and the chart titles', () => {
		const text = pdfText.get(language)!;
		const annex = exportStrings(language);
		const start = text.lastIndexOf(squash(annex('scorecard.export.annex')));
		expect(start, 'annex heading after the table of contents').toBeGreaterThan(
			text.indexOf(squash(annex('export.chapters.acronymsAnnex')))
		);
		const after = text.slice(start);
		for (const key of [
			'criteria.indicators',
			'criteria.securitySector',
			'status.met',
			'charts.pillars',
			'charts.sources',
			'charts.timeline'
		])
			expect(after, key).toContain(squash(annex(`scorecard.${key}`)));
	});

	it('lays out many pages, with the footer in the export language', () => {
		const text = pdfText.get(language)!;
		const pages = execFileSync('pdfinfo', [join(dir, `plan-${language}.pdf`)], {
			encoding: 'utf8'
		}).match(/Pages:\s+(\d+)/)?.[1];
		expect(Number(pages)).toBeGreaterThan(10);
		const footer = t('export.page', { page: 2, pages: Number(pages) });
		expect(text).toContain(footer);
	});
});

describe.each(LANGUAGES)('LibreOffice opens the %s progress report', (language) => {
	const t = exportStrings(language);

	it('renders the cover, the chapters, the figures and the footer in the export language', () => {
		const text = reportText.get(language)!;
		const plan = sample(language);
		expect(text).toContain(squash(plan.overview.title));
		for (const key of ['title', 'cover.periodCovered', 'cover.illustrative'])
			expect(text, key).toContain(squash(t(`report.${key}`)));
		for (const chapter of ['summary', 'figures', 'rule', 'spending', 'institutionsAnnex'])
			expect(text, chapter).toContain(squash(t(`report.chapters.${chapter}`)));
		expect(text).toContain(t('report.figures.ofTotal', { count: 2, total: 20 }));
		expect(text).toContain(t('options.progressStatus.delayed'));
		expect(text).toContain(squash(plan.progress.periods[1].summary));
		const pages = reportPages.get(language)!;
		expect(pages).toBeGreaterThan(5);
		expect(text).toContain(t('export.page', { page: 2, pages }));
	});
});

describe('LibreOffice reads the reviewers’ comments', () => {
	it('as comments with their authors, the reply included', () => {
		expect(annotations.match(/<office:annotation[ >]/g)).toHaveLength(3);
		for (const text of [
			'Comment on the context',
			'Reply on the context',
			'Comment on an indicator'
		])
			expect(annotations).toContain(text);
		expect(annotations).toContain('<dc:creator>Amina Diallo</dc:creator>');
		expect(annotations).toContain('<dc:creator>Jean Martin</dc:creator>');
	});
});

/** Text compared without spaces and hyphens: pdftotext joins a word broken at a hyphen at the end of a line. */
const bare = (s: string) => s.replace(/[\s\-\u00ad]/g, '');

describe.each(LANGUAGES)(
	'the contents page of the %s export, as LibreOffice prints it',
	(language) => {
		/** The contents entries the PDF shows: each entry's text and the page number after its dot leader. */
		function entries(): { title: string; page: number }[] {
			const pages = pdfPages.get(language)!;
			const t = exportStrings(language);
			// The pages after the cover that have dot leaders.
			const leaders = /\.{5,}\s*\d+/;
			const contents = pages
				.slice(1)
				.filter(
					(page, i, all) => leaders.test(page) && all.slice(0, i + 1).every((p) => leaders.test(p))
				);
			// Each page without its header (the plan's title) and its footer ("Page 2 of 28").
			const title = squash(plans.get(language)!.overview.title);
			const footer = new RegExp(
				`^${t('export.page', { page: '@', pages: '@' })
					.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
					.replace(/@/g, '\\d+')}$`
			);
			const text = contents
				.map((page) =>
					squash(
						page
							.split('\n')
							.filter((line) => !footer.test(line.trim()))
							.join(' ')
					)
				)
				.map((page) => (page.startsWith(title) ? page.slice(title.length) : page))
				.join(' ');
			const afterHeading = text.slice(
				text.indexOf(t('export.contents')) + t('export.contents').length
			);
			const found = [...afterHeading.matchAll(/(.+?)\s*\.{3,}\s*(\d+)(?=\s|$)/g)];
			return found.map((m) => ({ title: m[1].trim(), page: Number(m[2]) }));
		}

		/** The page LibreOffice puts each heading on, searched in document order after the contents. */
		function actualPages(list: string[], from: number): number[] {
			const pages = pdfPages.get(language)!;
			let cursor = from;
			return list.map((heading) => {
				for (let p = cursor; p < pages.length; p++) {
					const lines = pages[p]
						.split('\n')
						.map((l) => l.trim())
						.filter(Boolean);
					// A heading is one line or a few lines in a row (a long one wraps).
					if (
						lines.some((_, i) =>
							[1, 2, 3, 4, 5].some((n) => bare(lines.slice(i, i + n).join(' ')) === bare(heading))
						)
					) {
						cursor = p;
						return p + 1;
					}
				}
				return 0;
			});
		}

		it('lists every heading, each with a page number', () => {
			const shown = entries();
			expect(shown.map((e) => bare(e.title))).toEqual(headings.get(language)!.map(bare));
			expect(shown.every((e) => e.page >= 3)).toBe(true);
		});

		it('gives nearly every heading the page LibreOffice puts it on', () => {
			const shown = entries();
			const list = headings.get(language)!;
			const actual = actualPages(list, 2);
			const matching = shown.filter((e, i) => e.page === actual[i]).length;
			console.info(
				`${language}: ${matching} of ${list.length} contents entries show the page LibreOffice puts their heading on`
			);
			expect(
				actual.filter((p) => p === 0),
				'headings not found in the PDF'
			).toEqual([]);
			expect(matching / list.length).toBeGreaterThanOrEqual(0.9);
		});
	}
);
