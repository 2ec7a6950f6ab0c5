// The progress report in Word, for the sample plan and its two periods of illustrative monitoring:
// opened as a package and read back, it holds what a reader of the report looks for: the figures, each
// action's status and what was done, each indicator's value and progress, the spending total; in the
// export language throughout, the team's text in the plan's.
import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UnknownPeriodError } from '../document/report.ts';
import { formatMoney } from '../i18n/format.ts';
import { actionsOf } from '../plan/walk.ts';
import { LANGUAGES, type Language, type Plan } from '../plan/schema.ts';
import { COPY_CONTENTS, type ExportContents } from './contents.ts';
import { buildReport } from './docx.ts';
import { exportStrings } from './strings.ts';
import { samplePlan as sample } from '../../../tests/unit/sample-plan.ts';
import { progressTexts } from '../../../tests/unit/typed-texts.ts';
import { LEAKED_VALUE, runLanguages, wordTexts } from '../../../tests/unit/word-xml.ts';
import enReport from '../../../locales/en/report.json' with { type: 'json' };
import frReport from '../../../locales/fr/report.json' with { type: 'json' };

const exports = new Map<string, ReturnType<typeof write>>();
/** One export per plan language, document language, period and copy, shared by the tests that read it. */
function open(
	plan: Language,
	language: Language,
	period: string,
	contents: ExportContents = COPY_CONTENTS.working
) {
	const key = JSON.stringify([plan, language, period, contents]);
	if (!exports.has(key)) exports.set(key, write(sample(plan), language, period, contents));
	return exports.get(key)!;
}

async function write(plan: Plan, language: Language, period: string, contents: ExportContents) {
	const buffer = await Packer.toBuffer(buildReport(plan, { language, period, contents }));
	const files = unzipSync(new Uint8Array(buffer));
	const part = (name: string) => strFromU8(files[name]);
	const xml = part('word/document.xml');
	/** The paragraphs of the body, each as its style and text. */
	const paragraphs = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => ({
		style: m[0].match(/<w:pStyle w:val="([^"]+)"/)?.[1] ?? '',
		text: wordTexts(m[0]).join('')
	}));
	const headings = (level: number) =>
		paragraphs.filter((p) => p.style === `Heading${level}`).map((p) => p.text);
	/** The text from a heading of level 3 (an action's) to the next heading of that level or above. */
	const under = (heading: string) => {
		const start = paragraphs.findIndex((p) => p.style === 'Heading3' && p.text === heading);
		if (start < 0) return '';
		const end = paragraphs.findIndex((p, i) => i > start && /^Heading[123]$/.test(p.style));
		return paragraphs
			.slice(start, end < 0 ? undefined : end)
			.map((p) => p.text)
			.join('\n');
	};
	return {
		part,
		paragraphs,
		headings,
		under,
		texts: paragraphs.map((p) => p.text).join('\n'),
		runs: () => runLanguages(xml, part('word/styles.xml'))
	};
}

/** The sample's figures (templates/sample/*.nap.json, the same in the three languages). */
const FIGURES = {
	'2027': { completed: 0, onTrack: 14, delayed: 3, indicatorsOnTrack: 9, spent: 1_180_000 },
	'2028': { completed: 2, onTrack: 14, delayed: 3, indicatorsOnTrack: 16, spent: 1_575_000 }
} as const;
const ACTIONS = 20;
const INDICATORS = 28;
const BUDGET = 9_120_000;

describe.each(LANGUAGES)('progress report of the sample plan (%s)', (language) => {
	const t = exportStrings(language);
	const plan = sample(language);
	const money = (amount: number) => formatMoney(amount, 'USD', language);

	describe.each(['2027', '2028'] as const)('period %s', (period) => {
		const figures = FIGURES[period];

		it('has a cover with the plan, the period covered, and the mark of illustrative data', async () => {
			const { paragraphs } = await open(language, language, period);
			const title = paragraphs.find((p) => p.style === 'Title');
			expect(title?.text).toBe(plan.overview.title);
			const cover = paragraphs
				.slice(0, 12)
				.map((p) => p.text)
				.join('\n');
			expect(cover).toContain(t('report.title'));
			expect(cover).toContain(`${t('report.cover.periodCovered')}${t('export.colon')}${period}`);
			expect(cover).toContain(t('report.cover.illustrative'));
		});

		it('uses Word heading styles: the summary, a chapter per pillar, spending, the annex', async () => {
			const doc = await open(language, language, period);
			expect(doc.headings(1)).toEqual([
				t('report.chapters.summary'),
				`1. ${t('options.pillar.participation')}`,
				`2. ${t('options.pillar.protection')}`,
				`3. ${t('options.pillar.prevention')}`,
				`4. ${t('options.pillar.relief-recovery')}`,
				`5. ${t('options.pillar.coordination-accountability')}`,
				t('report.chapters.spending'),
				t('report.chapters.institutionsAnnex')
			]);
			expect(doc.headings(3)).toContain(t('export.labels.action', { ref: '1.1.1' }));
		});

		it('gives the summary in figures: actions completed, on track, delayed, indicators on track, budget executed', async () => {
			const { paragraphs } = await open(language, language, period);
			const row = (label: string) => {
				const i = paragraphs.findIndex((p) => p.text === t(label));
				return paragraphs.slice(i + 1, i + 3).map((p) => p.text);
			};
			const of = (count: number, total: number) => t('report.figures.ofTotal', { count, total });
			expect(row('report.figures.actionsCompleted')[0]).toBe(of(figures.completed, ACTIONS));
			expect(row('report.figures.actionsOnTrack')[0]).toBe(of(figures.onTrack, ACTIONS));
			expect(row('report.figures.actionsDelayed')[0]).toBe(of(figures.delayed, ACTIONS));
			expect(row('report.figures.indicatorsOnTrack')[0]).toBe(
				of(figures.indicatorsOnTrack, INDICATORS)
			);
			expect(row('report.figures.budgetPeriod')[0]).toContain(
				t('report.figures.spentOf', { spent: money(figures.spent), budget: money(BUDGET) })
			);
		});

		it('shows each action with its status in the period and what was done', async () => {
			const doc = await open(language, language, period);
			let reported = 0;
			for (const { action, ref } of actionsOf(plan)) {
				const text = doc.under(t('export.labels.action', { ref }));
				expect(text, ref).toContain(action.description);
				const entry = plan.progress.actions.find(
					(e) => e.actionId === action.id && e.period === period
				);
				if (!entry) {
					expect(text, ref).toContain(t('report.status.unreported'));
					expect(text, ref).toContain(t('report.notReported'));
					continue;
				}
				reported++;
				expect(text, ref).toContain(
					`${t('fields.actionProgress.status')}${t('export.colon')}${t(`options.progressStatus.${entry.status}`)}`
				);
				expect(text, ref).toContain(entry.narrative);
				expect(text, ref).toContain(
					`${t('fields.actionProgress.spent')}${t('export.colon')}${money(entry.spent!)}`
				);
			}
			expect(reported).toBe(period === '2027' ? 18 : 20);
		});

		it('shows each indicator with its baseline, target, the period’s value and progress', async () => {
			const doc = await open(language, language, period);
			const valueIn = `${t('report.labels.valueIn', { period })}${t('export.colon')}`;
			for (const { action, ref } of actionsOf(plan)) {
				const text = doc.under(t('export.labels.action', { ref }));
				for (const indicator of action.indicators) {
					expect(text).toContain(indicator.statement);
					expect(text).toContain(`${indicator.baselineValue} (${indicator.baselineYear})`);
					expect(text).toContain(`${indicator.targetValue} (${indicator.targetYear})`);
					const entry = plan.progress.indicators.find(
						(e) => e.indicatorId === indicator.id && e.period === period
					);
					if (entry) expect(text, indicator.id).toContain(`${valueIn}${entry.value} (`);
					else expect(text, indicator.id).toContain(`${valueIn}${t('report.notComputed.noValue')}`);
				}
			}
			// Percentage of women among armed forces personnel: 6 % in 2025, 12 % by 2031; 7 in 2027, 8 in 2028.
			const first = doc.under(t('export.labels.action', { ref: '1.1.1' }));
			const percent = (n: number) =>
				new Intl.NumberFormat(language, { style: 'percent' }).format(n);
			const progress =
				period === '2027'
					? t('report.labels.progressOf', { progress: percent(1 / 6), expected: percent(1 / 3) })
					: t('report.labels.progressOf', { progress: percent(1 / 3), expected: percent(1 / 2) });
			expect(first).toContain(`${t('report.labels.progress')}${t('export.colon')}${progress}`);
			expect(first).toContain(
				`${t('fields.indicatorProgress.rating')}${t('export.colon')}${t('options.rating.at-risk')}`
			);
			// The law on conflict-related sexual violence: a yes/no indicator, rated by its reporter.
			expect(doc.under(t('export.labels.action', { ref: '2.1.1' }))).toContain(
				t('report.rating.reporter', { rating: t('options.rating.on-track') })
			);
		});

		it('holds every text reported for the period, and none of the other period', async () => {
			const { texts } = await open(language, language, period);
			expect(progressTexts(plan, period).filter((text) => !texts.includes(text))).toEqual([]);
			const other = period === '2027' ? '2028' : '2027';
			const summary = plan.progress.periods.find((p) => p.period === other)!.summary;
			expect(texts).not.toContain(summary);
		});

		it('totals spending against the budget, in the period and to date', async () => {
			const { paragraphs } = await open(language, language, period);
			const start = paragraphs.findIndex(
				(p) => p.style === 'Heading2' && p.text === t('report.chapters.spendingByPillar')
			);
			const table = paragraphs.slice(start).map((p) => p.text);
			const total = table.indexOf(t('report.labels.total'));
			const toDate = period === '2027' ? FIGURES['2027'].spent : 1_180_000 + 1_575_000;
			expect(table.slice(total + 1, total + 5)).toEqual([
				money(BUDGET),
				money(figures.spent),
				money(toDate),
				new Intl.NumberFormat(language, { style: 'percent' }).format(toDate / BUDGET)
			]);
		});

		it('writes no "undefined", "null" or "NaN"', async () => {
			const { texts } = await open(language, language, period);
			expect(texts).not.toMatch(LEAKED_VALUE);
		});
	});

	it('draws its charts as shaded bars in the tables', async () => {
		const xml = (await open(language, language, '2028')).part('word/document.xml');
		expect(xml.match(/<w:shd [^>]*w:fill="1D4E89"/g)?.length).toBeGreaterThan(10);
	});
});

describe('the progress report, official and working copy', () => {
	it('names who reported each entry and when in the working copy only', async () => {
		const t = exportStrings('en');
		const working = await open('en', 'en', '2028', COPY_CONTENTS.working);
		const official = await open('en', 'en', '2028', COPY_CONTENTS.official);
		const reportedBy = `${t('fields.actionProgress.reportedBy')}${t('export.colon')}`;
		expect(working.texts).toContain(reportedBy);
		expect(working.texts).toContain(t('report.labels.lastUpdated'));
		expect(official.texts).not.toContain(reportedBy);
		expect(official.texts).not.toContain(t('report.labels.lastUpdated'));
		expect(official.texts).not.toContain(t('export.labels.notSecured'));
		// Both carry the report itself.
		expect(official.headings(1)).toEqual(working.headings(1));
	});
});

describe('languages of the progress report', () => {
	/** Every English text of the report's own words that French writes otherwise, as the pieces a reader meets. */
	function englishPieces(en: unknown, fr: unknown): string[] {
		if (typeof en === 'string')
			return en === fr
				? []
				: en
						.split(/{{[^}]*}}/)
						.map((s) => s.trim())
						.filter((s) => s.length >= 6);
		if (en && typeof en === 'object')
			return Object.entries(en).flatMap(([k, v]) =>
				englishPieces(v, (fr as Record<string, unknown>)[k])
			);
		return [];
	}

	it('in French, no English label', async () => {
		const { texts } = await open('fr', 'fr', '2028');
		const en = exportStrings('en');
		const fr = exportStrings('fr');
		/** Words French writes as English does ("Source", "Date"). */
		const frenchToo = new Set(
			[
				'fields.indicatorProgress.source',
				'fields.indicatorProgress.date',
				'report.labels.total'
			].map((key) => fr(key))
		);
		const labels = [
			...englishPieces(enReport, frReport),
			...['not-started', 'on-track', 'delayed', 'completed', 'cancelled'].map((s) =>
				en(`options.progressStatus.${s}`)
			),
			...['on-track', 'at-risk', 'off-track'].map((r) => en(`options.rating.${r}`)),
			...['status', 'narrative', 'spent', 'reportedBy'].map((f) =>
				en(`fields.actionProgress.${f}`)
			),
			...['rating', 'source', 'note'].map((f) => en(`fields.indicatorProgress.${f}`)),
			en('export.labels.responsible'),
			en('fields.indicator.baselineValue'),
			en('fields.indicator.targetValue')
		].filter((label) => !fr('report.title').includes(label) && !frenchToo.has(label));
		expect(labels.length).toBeGreaterThan(60);
		// As a word or words of their own: "Progress" is not found in "Progression".
		const found = (label: string) =>
			new RegExp(
				`(?<![\\p{L}])${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`,
				'u'
			).test(texts);
		expect(labels.filter(found)).toEqual([]);
	});

	it('a plan written in English, reported in Spanish: the team’s text stays English, the labels Spanish', async () => {
		const plan = sample('en');
		const t = exportStrings('es');
		const runs = (await open('en', 'es', '2027')).runs();
		const narrative = plan.progress.actions.find((e) => e.period === '2027')!.narrative;
		expect(runs.find((r) => r.text === narrative)?.lang).toBe('en-GB');
		expect(runs.find((r) => r.text === plan.progress.periods[0].summary)?.lang).toBe('en-GB');
		expect(
			runs.find((r) => r.style === 'Heading1' && r.text === t('report.chapters.summary'))?.lang
		).toBe('es-ES');
		expect(
			runs.find((r) => r.text === `${t('fields.actionProgress.narrative')}` && r.lang === 'es-ES')
		).toBeDefined();
	});
});

describe('the progress report of a period the plan does not have', () => {
	it('is refused, naming the plan’s periods', () => {
		try {
			buildReport(sample('en'), { language: 'en', period: '2035' });
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(UnknownPeriodError);
			expect((error as UnknownPeriodError).periods).toEqual([
				'2027',
				'2028',
				'2029',
				'2030',
				'2031'
			]);
		}
	});
});
