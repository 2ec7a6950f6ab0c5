// The scorecard annex of the Word export, opened as a package: its heading, the criteria in the export
// language, the bars (shaded cells), the timeline's shaded years, and the scope of each action.
import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { actionsOf, createPlan } from '../plan/operations.ts';
import { LANGUAGES, type Language, type Plan } from '../plan/schema.ts';
import {
	budgetBySource,
	coverageByInstitution,
	coverageByPillar,
	timeline
} from '../review/charts.ts';
import { CRITERIA, scorecard } from '../review/scorecard.ts';
import { buildDocument } from './docx.ts';
import { exportStrings } from './strings.ts';
import { samplePlan as sample } from '../../../tests/unit/sample-plan.ts';
import { decodeXml as decode, LEAKED_VALUE } from '../../../tests/unit/word-xml.ts';

async function open(plan: Plan, language: Language) {
	const files = unzipSync(new Uint8Array(await Packer.toBuffer(buildDocument(plan, { language }))));
	const xml = strFromU8(files['word/document.xml']);
	const paragraphs = [
		...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>|<w:p [^>]*>(?:(?!<\/w:p>).)*<\/w:p>/gs)
	].map((m) => m[0]);
	const textOf = (p: string) =>
		[...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join('');
	const headings = (level: number) =>
		paragraphs.filter((p) => p.includes(`<w:pStyle w:val="Heading${level}"/>`)).map(textOf);
	return { files, xml, texts: paragraphs.map(textOf), headings };
}

describe('the scorecard annex in French', async () => {
	const plan = sample('fr');
	const t = exportStrings('fr');
	const doc = await open(plan, 'fr');
	// The annex: from its heading on (its first mention is in the table of contents' field).
	const annex = doc.xml.slice(doc.xml.lastIndexOf(t('scorecard.export.annex')));
	const annexTexts = [...annex.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
		decode(m[1])
	);

	it('is a Word heading 1, last of the annexes, with its charts under headings 2', () => {
		const h1 = doc.headings(1);
		expect(h1.at(-1)).toBe('Annexe\u00a0: grille d’évaluation de la qualité');
		expect(h1.indexOf(t('export.chapters.acronymsAnnex'))).toBe(h1.length - 2);
		const h2 = doc.headings(2);
		for (const key of [
			'export.criteriaTitle',
			'charts.pillars',
			'charts.institutions',
			'charts.sources',
			'charts.timeline'
		])
			expect(h2, key).toContain(t(`scorecard.${key}`));
	});

	it('lists every criterion with its status and reason in French', () => {
		const card = scorecard(plan);
		expect(card).toHaveLength(CRITERIA.length);
		for (const c of card) {
			expect(annexTexts, c.id).toContain(t(`scorecard.criteria.${c.id}`));
			expect(annexTexts, c.id).toContain(
				t(`scorecard.reasons.${c.id}.${c.reason.key}`, c.reason.params)
			);
		}
		expect(annexTexts).toContain('Rempli');
		expect(annexTexts).toContain('Objectifs et indicateurs SMART');
		expect(annexTexts).not.toContain('Met');
	});

	it('draws each figure over its bar: a shaded cell as long as the figure’s share of the largest of its series', () => {
		// A bar is a one-row table of exact height inside the figure's cell: its shaded cell, then what is left.
		const bars = [...annex.matchAll(/<w:tbl>((?:(?!<w:tbl>|<\/w:tbl>)[\s\S])*)<\/w:tbl>/g)]
			.map((m) => m[1])
			.filter((table) => table.includes('w:hRule="exact"'))
			.map((table) => {
				const cells = [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => ({
					width: Number(c[0].match(/<w:tcW [^>]*w:w="(\d+)"/)![1]),
					fill: c[0].match(/w:fill="([0-9A-F]{6})"/)?.[1]
				}));
				const total = cells.reduce((sum, c) => sum + c.width, 0);
				return { colour: cells[0].fill, share: cells[0].width / total };
			});
		const byPillar = coverageByPillar(plan).rows;
		const byInstitution = coverageByInstitution(plan).rows;
		const sources = budgetBySource(plan).rows;
		const nonZero = (values: number[]) => values.filter((v) => v > 0).length;
		const series = (rows: { actions: number; indicators: number; budget: number }[]) =>
			nonZero(rows.map((r) => r.actions)) +
			nonZero(rows.map((r) => r.indicators)) +
			nonZero(rows.map((r) => r.budget));
		expect(bars).toHaveLength(
			series(byPillar) + series(byInstitution) + nonZero(sources.map((r) => r.amount))
		);
		// The pillars' actions, first of the actions bars: each as long as its share of the pillar with most actions.
		const most = Math.max(...byPillar.map((r) => r.actions));
		const shares = byPillar.filter((r) => r.actions > 0).map((r) => r.actions / most);
		const drawn = bars
			.filter((b) => b.colour === '1D4E89')
			.slice(0, shares.length)
			.map((b) => b.share);
		expect(drawn).toHaveLength(shares.length);
		drawn.forEach((share, i) => expect(share).toBeCloseTo(shares[i], 2));
		expect(drawn).toContain(1);
		expect(annex).not.toContain('<w:drawing>');
	});

	it('shades, for each objective, the years its actions run, with how many run', () => {
		const { years } = timeline(plan);
		const running = plan.pillars
			.flatMap((p) => p.objectives)
			.flatMap((o) =>
				years.map(
					(year) =>
						o.actions.filter(
							(a) =>
								a.startYear !== null &&
								a.endYear !== null &&
								a.startYear <= year &&
								year <= a.endYear
						).length
				)
			);
		const shadedCells = [
			...annex.matchAll(
				/<w:tc>(?:(?!<\/w:tc>).)*?w:fill="1D4E89"(?:(?!<\/w:tc>).)*?<w:t[^>]*>(\d+)<\/w:t>/gs
			)
		].map((m) => Number(m[1]));
		expect(shadedCells).toEqual(running.filter((n) => n > 0));
		expect(shadedCells.length).toBeGreaterThan(0);
		for (const year of years) expect(annexTexts).toContain(String(year));
	});

	it('says where each action takes effect, in its details', () => {
		const withScope = sample('fr');
		const [first, second, third] = [...actionsOf(withScope)].map((a) => a.action);
		first.scope = 'domestic';
		second.scope = 'abroad';
		third.scope = '';
		return open(withScope, 'fr').then((scoped) => {
			expect(scoped.texts).toContain(
				`Où l’action est menée${t('export.colon')}Sur le territoire national`
			);
			expect(scoped.texts).toContain(`Où l’action est menée${t('export.colon')}À l’étranger`);
			expect(scoped.texts).toContain(
				`Où l’action est menée${t('export.colon')}${t('export.toBeCompleted')}`
			);
		});
	});
});

describe.each(LANGUAGES)('the scorecard annex (%s)', (language) => {
	it('says there is nothing to chart on an empty plan, and writes no "undefined"', async () => {
		const t = exportStrings(language);
		const doc = await open(createPlan(), language);
		expect(doc.headings(1)).toContain(t('scorecard.export.annex'));
		expect(doc.texts).toContain(t('scorecard.charts.empty'));
		expect(doc.texts).toContain(t('scorecard.status.not-met'));
		expect(Object.keys(doc.files).some((name) => name.startsWith('word/media/'))).toBe(false);
		expect(doc.texts.join('\n')).not.toMatch(LEAKED_VALUE);
	});
});

describe('plural forms in the export language', () => {
	it("follow each language's rules", () => {
		expect(exportStrings('en')('scorecard.charts.actions', { count: 1 })).toBe('1 action');
		expect(exportStrings('fr')('scorecard.charts.indicators', { count: 0 })).toBe('0 indicateur');
		expect(exportStrings('es')('scorecard.charts.actions', { count: 3 })).toBe('3 acciones');
		expect(() => exportStrings('fr')('scorecard.nothing')).toThrow(/No fr text/);
	});
});
