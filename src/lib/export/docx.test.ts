// The Word export, opened as a package: structure, language, and every word the team typed.
import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { addItem, applyFramework, blank, createPlan } from '../plan/operations.ts';
import { LANGUAGES, type Language, type Plan } from '../plan/schema.ts';
import { buildDocument, COPY_CONTENTS, type ExportContents } from './docx.ts';
import { exportStrings } from './strings.ts';
import { encodePng } from '../../../tests/unit/png.ts';
import { fromBase64, readEmblem } from '../plan/emblem.ts';
import { samplePlan as sample } from '../../../tests/unit/sample-plan.ts';
import { typedTexts } from '../../../tests/unit/typed-texts.ts';
import { decodeXml as decode, LEAKED_VALUE, runLanguages } from '../../../tests/unit/word-xml.ts';

// One export per plan and set of options, shared by the tests that read it: writing a whole Word file
// takes a second or more, and six tests read the same sample export in each language.
const opened = new WeakMap<Plan, Map<string, ReturnType<typeof write>>>();
function open(
	plan: Plan,
	language: Language,
	paper: 'a4' | 'letter' = 'a4',
	contents?: ExportContents
) {
	const key = JSON.stringify([language, paper, contents]);
	const exports = opened.get(plan) ?? new Map<string, ReturnType<typeof write>>();
	opened.set(plan, exports);
	if (!exports.has(key)) exports.set(key, write(plan, language, paper, contents));
	return exports.get(key)!;
}

async function write(
	plan: Plan,
	language: Language,
	paper: 'a4' | 'letter',
	contents?: ExportContents
) {
	const buffer = await Packer.toBuffer(buildDocument(plan, { language, paper, contents }));
	const files = unzipSync(new Uint8Array(buffer));
	const part = (name: string) => strFromU8(files[name]);
	const all = Object.keys(files)
		.filter((n) => n.endsWith('.xml'))
		.map(part)
		.join('\n');
	const texts = [...all.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]));
	const headings = (level: number) =>
		[
			...part('word/document.xml').matchAll(
				new RegExp(
					`<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="Heading${level}"/>(?:(?!</w:p>).)*</w:p>`,
					'gs'
				)
			)
		].map((m) =>
			[...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join('')
		);
	return { files, part, texts: texts.join('\n'), headings };
}

describe.each(LANGUAGES)('Word export of the sample plan (%s)', (language) => {
	const plan = sample(language);
	const t = exportStrings(language);

	it('uses Word heading styles for the chapters, in the export language', async () => {
		const doc = await open(plan, language);
		const h1 = doc.headings(1);
		for (const chapter of [
			'introduction',
			'context',
			'consultation',
			'resultsMatrix',
			'budget',
			'monitoring',
			'acronymsAnnex'
		])
			expect(h1, chapter).toContain(t(`export.chapters.${chapter}`));
		expect(h1).toContain(`1. ${t('options.pillar.participation')}`);
		expect(
			doc
				.headings(2)
				.some((h) => h.startsWith(t('export.labels.objective', { ref: '1.1' }) + t('export.colon')))
		).toBe(true);
		expect(doc.headings(3)).toContain(t('export.labels.action', { ref: '1.1.1' }));
	});

	it('has a table of contents over headings 1 to 3, an entry for each heading with its page number written, and no update-fields prompt', async () => {
		const doc = await open(plan, language);
		const xml = doc.part('word/document.xml');
		expect(xml.includes('TOC \\h \\o &quot;1-3&quot;'), 'TOC field over levels 1-3').toBe(true);
		const headings = [1, 2, 3].flatMap((level) => doc.headings(level));
		// Each entry: a PAGEREF to the heading's bookmark, with a page number as its result.
		const numbers = [
			...xml.matchAll(
				/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/>(?:<\/w:r><w:r>)?<w:t(?: [^>]*)?>(\d+)<\/w:t>/g
			)
		].map((m) => Number(m[1]));
		expect(numbers).toHaveLength(headings.length);
		// The cover and the contents come first; the numbers never go back.
		expect(numbers[0]).toBeGreaterThanOrEqual(3);
		for (let i = 1; i < numbers.length; i++)
			expect(numbers[i]).toBeGreaterThanOrEqual(numbers[i - 1]);
		expect(xml).not.toContain('w:dirty="true"');
		expect(doc.part('word/settings.xml')).not.toContain('w:updateFields');
	});

	it('puts the results matrix in a landscape section whose header row repeats and whose rows do not split', async () => {
		const xml = (await open(plan, language)).part('word/document.xml');
		const sections = [...xml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
		expect(sections.map((s) => s.includes('w:orient="landscape"'))).toEqual([false, true, false]);
		const matrixStart = xml.lastIndexOf(t('export.chapters.resultsMatrix')); // the first is in the table of contents
		const matrix = xml.slice(matrixStart, xml.indexOf('</w:tbl>', matrixStart));
		expect(matrix.includes('<w:tblHeader/>'), 'repeating header row').toBe(true);
		expect(matrix.match(/<w:cantSplit\/>/g)?.length).toBeGreaterThan(20);
	});

	it('numbers pages "Page X of Y" in the footer, and repeats the title in the header', async () => {
		const doc = await open(plan, language);
		const footer = Object.keys(doc.files)
			.filter((n) => /word\/footer\d*\.xml/.test(n))
			.map(doc.part)
			.join('');
		expect(footer).toMatch(/PAGE/);
		expect(footer).toMatch(/NUMPAGES/);
		const [before] = t('export.page', { page: '|', pages: '|' }).split('|');
		expect(footer).toContain(before.trim());
		const header = Object.keys(doc.files)
			.filter((n) => /word\/header\d*\.xml/.test(n))
			.map(doc.part)
			.join('');
		expect(
			header.replace(/&apos;/g, "'").includes(plan.overview.title),
			'title in the header'
		).toBe(true);
	});

	it('sets the document language and properties', async () => {
		const doc = await open(plan, language);
		expect(doc.part('word/styles.xml')).toContain(
			`w:val="${{ en: 'en-GB', fr: 'fr-FR', es: 'es-ES' }[language]}"`
		);
		const core = doc.part('docProps/core.xml');
		expect(core).toContain('<dc:creator>NAP Builder</dc:creator>');
		expect(core).toContain('<cp:lastModifiedBy>NAP Builder</cp:lastModifiedBy>');
		expect(core).toContain(`<dc:subject>${t('export.cover.subject')}</dc:subject>`);
		expect(core).toContain('<dc:title>');
	});

	it('contains every text the team typed', async () => {
		const doc = await open(plan, language);
		const missing = typedTexts(plan).filter((text) => !doc.texts.includes(text));
		expect(missing).toEqual([]);
	});

	it('writes no "undefined", "null" or "NaN"', async () => {
		const doc = await open(plan, language);
		expect(doc.texts).not.toMatch(LEAKED_VALUE);
	});
});

describe('Word export of unusual plans', () => {
	it('keeps markup, quotes, accents and emoji as text, and drops characters XML forbids', async () => {
		const plan = createPlan();
		plan.overview.title = 'Plan <script>alert("x")</script> & « paix » 🕊️';
		plan.context.situationAnalysis =
			'Line one with <img src=x onerror=alert(1)>\nLine two: javascript:alert(1) \u0007bell';
		const doc = await open(plan, 'fr');
		expect(doc.texts).toContain('Plan <script>alert("x")</script> & « paix » 🕊️');
		expect(doc.texts).toContain('Line one with <img src=x onerror=alert(1)>');
		expect(doc.texts).toContain('Line two: javascript:alert(1) bell');
		expect(doc.part('word/document.xml')).not.toContain('<script>');
	});

	it('marks empty parts "to be completed" rather than printing empty tables', async () => {
		const doc = await open(createPlan(), 'es');
		expect(doc.texts).toContain(exportStrings('es')('export.toBeCompleted'));
		expect(doc.texts).not.toMatch(LEAKED_VALUE);
	});

	it('uses US Letter on request', async () => {
		const plan = createPlan();
		applyFramework(plan, 'pillars');
		addItem(addItem(plan.pillars[0].objectives, blank.objective()).actions, blank.action());
		const xml = (await open(plan, 'en', 'letter')).part('word/document.xml');
		expect(xml).toContain('w:w="12240"');
		expect((await open(plan, 'en')).part('word/document.xml')).toContain('w:w="11906"');
	});
});

describe('a document written twice', () => {
	it('gives the same contents page, page numbers and footers the second time', async () => {
		const document = buildDocument(sample('en'), { language: 'en' });
		const parts = async () => {
			const files = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
			return Object.fromEntries(
				Object.entries(files)
					.filter(([name]) => name.startsWith('word/'))
					.map(([name, data]) => [name, strFromU8(data)])
			);
		};
		const first = await parts();
		expect(first['word/document.xml']).toMatch(/PAGEREF _Toc1 \\h/);
		expect(first['word/footer1.xml']).toMatch(/NUMPAGES/);
		expect(await parts()).toEqual(first);
	});
});

describe('progress of a long export', () => {
	it('reports rising progress that ends at every action written twice (chapter and matrix)', () => {
		const plan = sample('en');
		const actions = plan.pillars.flatMap((p) => p.objectives.flatMap((o) => o.actions)).length;
		const seen: [number, number][] = [];
		buildDocument(plan, { language: 'en', onProgress: (done, total) => seen.push([done, total]) });
		expect(seen.length).toBeGreaterThan(0);
		expect(seen.at(-1)).toEqual([2 * actions, 2 * actions]);
		for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThan(seen[i - 1][0]);
	});
});

describe('an official copy and a working copy', () => {
	it('the official copy leaves out the scorecard annex, the internal status of actions and comments; the working copy keeps them', async () => {
		const plan = sample('fr');
		plan.comments.push({
			id: 'c1',
			target: 'section',
			targetId: 'context',
			field: '',
			author: 'Parlement',
			createdAt: '2027-01-05T10:00:00.000Z',
			text: 'Ajouter les chiffres de 2026.',
			replies: [],
			resolved: false,
			resolvedBy: '',
			resolvedAt: ''
		});
		const t = exportStrings('fr');
		const statusLabel = `${t('fields.action.status')}${t('export.colon')}`;
		const official = await open(plan, 'fr', 'a4', COPY_CONTENTS.official);
		const working = await open(plan, 'fr', 'a4', COPY_CONTENTS.working);

		expect(working.headings(1)).toContain(t('scorecard.export.annex'));
		expect(official.headings(1)).not.toContain(t('scorecard.export.annex'));
		expect(working.texts).toContain(t('export.labels.notSecured'));
		expect(official.texts).not.toContain(t('export.labels.notSecured'));
		expect(working.texts).toContain(statusLabel);
		expect(official.texts).not.toContain(statusLabel);
		expect(Object.keys(working.files)).toContain('word/comments.xml');
		expect(working.part('word/comments.xml')).toContain('Ajouter les chiffres de 2026.');
		expect(
			official.files['word/comments.xml'] ? official.part('word/comments.xml') : ''
		).not.toContain('Ajouter les chiffres de 2026.');
		// The plan itself is whole in both.
		for (const copy of [official, working])
			for (const action of [
				...plan.pillars.flatMap((p) => p.objectives.flatMap((o) => o.actions))
			].slice(0, 5))
				expect(copy.texts).toContain(action.description.split('\n')[0].trim());
	});
});

describe('placeholders in the document', () => {
	it('are highlighted wherever the plan’s text holds them: paragraphs, details and tables', async () => {
		const plan = sample('en');
		const [action] = plan.pillars[0].objectives[0].actions;
		action.description = 'Train [[number]] police officers a year.';
		action.indicators[0].baselineValue = '[[to be confirmed]]';
		const { part } = await open(plan, 'en');
		const xml = part('word/document.xml');
		const highlighted = [
			...xml.matchAll(
				/<w:r>(?:(?!<\/w:r>).)*?<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*?<w:t(?: [^>]*)?>([^<]*)<\/w:t><\/w:r>/gs
			)
		].map((m) => m[1]);
		expect(highlighted).toContain('[[number]]');
		expect(highlighted).toContain('[[to be confirmed]]');
		expect(highlighted.every((text) => /^\[\[[^\]]+\]\]$/.test(text))).toBe(true);
		expect(xml).toContain('Train ');
		expect(xml).toContain(' police officers a year.');
	});
});

describe('the cover', () => {
	it('carries the emblem centred above the issuing authority and the title, and the authority in the plan’s language', async () => {
		const plan = sample('en');
		plan.overview.issuingAuthority = 'Government of Lumeria, Ministry of Gender Equality';
		const read = readEmblem(encodePng(60, 40, ['1D4E89', 'FFFFFF'], (x, y) => (x > y ? 1 : 0)));
		if (!read.ok) throw new Error(read.problem);
		plan.overview.emblem = read.emblem;
		const { part, files } = await open(plan, 'fr', 'a4', COPY_CONTENTS.official);
		const xml = part('word/document.xml');
		const cover = xml.slice(0, xml.indexOf('w:docPartGallery'));
		const emblemAt = cover.indexOf('<w:drawing>');
		const authorityAt = cover.indexOf('Government of Lumeria, Ministry of Gender Equality');
		const titleAt = cover.indexOf('<w:pStyle w:val="Title"/>');
		expect(emblemAt).toBeGreaterThan(0);
		expect(emblemAt).toBeLessThan(authorityAt);
		expect(authorityAt).toBeLessThan(titleAt);
		const emblemParagraph = cover.slice(cover.lastIndexOf('<w:p>', emblemAt), emblemAt);
		expect(emblemParagraph).toContain('<w:jc w:val="center"/>');
		expect(cover).toContain(`descr="${plan.overview.issuingAuthority}"`);
		// The picture itself, at the size of its pixels (60 × 40 at 96 to the inch).
		const media = Object.keys(files).filter((name) => name.startsWith('word/media/'));
		expect(media).toHaveLength(1);
		expect([...files[media[0]]]).toEqual([...fromBase64(read.emblem.data)!]);
		expect(cover).toMatch(/<wp:extent cx="571500" cy="381000"\/>/);
		const runs = runLanguages(xml, part('word/styles.xml'));
		expect(runs.find((r) => r.text === plan.overview.issuingAuthority)?.lang).toBe('en-GB');
	});

	it('a large emblem is scaled down to fit the cover, keeping its proportions', async () => {
		const plan = sample('en');
		const read = readEmblem(encodePng(800, 400, ['000000'], () => 0));
		if (!read.ok) throw new Error(read.problem);
		plan.overview.emblem = read.emblem;
		const xml = (await open(plan, 'en', 'a4', COPY_CONTENTS.official)).part('word/document.xml');
		const [, cx, cy] = xml.match(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/)!.map(Number);
		expect(cx / cy).toBeCloseTo(2, 1);
		expect(cy / 9525).toBeLessThanOrEqual(113); // about 3 cm
		expect(cx / 9525).toBeLessThanOrEqual(265);
	});

	it('dates the plan by the version exported, not by the day of the export', async () => {
		const plan = sample('en');
		plan.updatedAt = '2027-03-12T09:30:00.000Z';
		const { texts } = await open(plan, 'en');
		expect(texts).toContain('12 March 2027');
		const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
			new Date()
		);
		if (today !== '12 March 2027') expect(texts).not.toContain(today);
	});
});

describe('languages of the text', () => {
	it('a plan written in English and exported in French: the team’s text is English, the headings and labels French', async () => {
		const plan = sample('en');
		expect(plan.overview.documentLanguages).toEqual(['en']);
		const t = exportStrings('fr');
		const { part } = await open(plan, 'fr');
		const runs = runLanguages(part('word/document.xml'), part('word/styles.xml'));
		// What the team typed: every run that holds one of its texts is tagged English.
		const typed = typedTexts(plan).filter((text) => text.length >= 12);
		const holding = runs.filter((r) => typed.some((text) => r.text.includes(text)));
		expect(holding.length).toBeGreaterThan(typed.length / 2);
		expect(holding.filter((r) => r.lang !== 'en-GB')).toEqual([]);
		const description = plan.pillars[0].objectives[0].actions[0].description;
		expect(runs.find((r) => r.text === description)?.lang).toBe('en-GB');
		// The fixed texts carry the export language.
		const heading = runs.find(
			(r) => r.style === 'Heading1' && r.text === t('export.chapters.context')
		);
		expect(heading?.lang).toBe('fr-FR');
		expect(
			runs.find((r) => r.text === `${t('export.labels.responsible')}${t('export.colon')}`)?.lang
		).toBe('fr-FR');
		expect(
			runs.find(
				(r) => r.style === 'MatrixHeader' && r.text === t('fields.indicator.meansOfVerification')
			)?.lang
		).toBe('fr-FR');
	});

	it('the plan’s chosen language wins over the first language of the document', async () => {
		const plan = sample('fr');
		plan.overview.documentLanguages = ['en', 'fr'];
		plan.overview.language = 'fr';
		const { part } = await open(plan, 'es');
		const runs = runLanguages(part('word/document.xml'), part('word/styles.xml'));
		expect(
			runs.find((r) => r.text === plan.pillars[0].objectives[0].actions[0].description)?.lang
		).toBe('fr-FR');
		expect(
			runs.find(
				(r) => r.style === 'Heading1' && r.text === exportStrings('es')('export.chapters.budget')
			)?.lang
		).toBe('es-ES');
	});

	it('a plan exported in its own language is in that language throughout', async () => {
		const { part } = await open(sample('es'), 'es');
		const langs = new Set(
			runLanguages(part('word/document.xml'), part('word/styles.xml')).map((r) => r.lang)
		);
		expect([...langs]).toEqual(['es-ES']);
	});
});
