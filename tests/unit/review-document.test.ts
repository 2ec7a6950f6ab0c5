// Review mode shows what the Word export shows: for the sample plan in each language, every labelled
// value of the Word file ("Responsible: Ministry of Defence", an indicator's "Unit: %") and every text
// the team typed appear in review mode's page, rendered on the server as the browser would show it.
import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import { buildPlanDocument } from '../../src/lib/document/build.ts';
import { textOf, type Block } from '../../src/lib/document/model.ts';
import { COPY_CONTENTS } from '../../src/lib/export/contents.ts';
import { buildDocument } from '../../src/lib/export/docx.ts';
import { toBase64 } from '../../src/lib/plan/emblem.ts';
import { exportStrings } from '../../src/lib/export/strings.ts';
import { LANGUAGES, type Language, type Plan } from '../../src/lib/plan/schema.ts';
import { samplePlan } from './sample-plan.ts';
import { typedTexts } from './typed-texts.ts';
import { decodeXml as decode } from './word-xml.ts';

// Review mode in the language of the test: the app's translator and the review page's state, as the
// page sets them up; the comment threads (which need a browser) left out.
const app = vi.hoisted(() => ({
	t: (key: string) => key,
	language: 'en',
	plan: undefined as unknown
}));
vi.mock('../../src/lib/i18n/i18n.svelte.ts', () => ({
	t: (key: string, params?: Record<string, string | number>) =>
		(app.t as (k: string, p?: Record<string, string | number>) => string)(key, params),
	locale: {
		get language() {
			return app.language;
		}
	}
}));
// Review mode reads the plan from its draft's session as plain objects (DraftSession.plain).
vi.mock('../../src/lib/state/review.svelte.ts', () => ({
	getReview: () => ({ plan: app.plan, session: { plain: () => structuredClone(app.plan) } })
}));
vi.mock('../../src/lib/components/review/CommentThread.svelte', () => ({ default: () => {} }));
const { default: ReviewDocument } =
	await import('../../src/lib/components/review/ReviewDocument.svelte');

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const htmlText = (html: string) =>
	squash(
		decode(
			html
				.replace(/<!--[\s\S]*?-->/g, '')
				.replace(/<br\s*\/?>/g, '\n')
				.replace(/<[^>]+>/g, '')
		)
	);

/** The labelled values of a Word file: in each paragraph, a bold run ending in the colon is a label, the runs after it its value. */
async function wordValues(plan: Plan, language: Language): Promise<[string, string][]> {
	const files = unzipSync(new Uint8Array(await Packer.toBuffer(buildDocument(plan, { language }))));
	const xml = strFromU8(files['word/document.xml']);
	const { colon, separator } = {
		colon: exportStrings(language)('export.colon'),
		separator: exportStrings(language)('export.separator')
	};
	const pairs: [string, string][] = [];
	for (const [paragraph] of xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)) {
		let current: [string, string] | undefined;
		for (const [run] of paragraph.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)) {
			const text = decode(
				[...run.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
			);
			if (/<w:b\/>/.test(run) && text.endsWith(colon)) {
				if (current) pairs.push(current);
				current = [
					squash(text.slice(text.startsWith(separator) ? separator.length : 0, -colon.length)),
					''
				];
			} else if (current) current[1] += text;
		}
		if (current) pairs.push(current);
	}
	return pairs.map(([label, value]) => [label, squash(value)]);
}

/** The labelled values of review mode's page: each term and its description. */
function reviewValues(html: string): Set<string> {
	const pairs = [...html.matchAll(/<dt>([\s\S]*?)<\/dt>\s*<dd>([\s\S]*?)<\/dd>/g)].map(
		([, dt, dd]) => `${htmlText(dt).replace(/\s*:$/, '')} = ${htmlText(dd)}`
	);
	return new Set(pairs);
}

describe.each(LANGUAGES)('review mode and the Word export of the sample plan (%s)', (language) => {
	const plan = samplePlan(language);
	app.language = language;

	const renderReview = () => {
		app.t = exportStrings(language);
		app.language = language;
		app.plan = plan;
		return render(ReviewDocument).body;
	};

	it('shows every labelled value the Word file shows', async () => {
		const html = renderReview();
		const shown = reviewValues(html);
		const word = await wordValues(plan, language);
		const t = exportStrings(language);
		// The values the Word file has: an action's scope and an indicator's global indicator among them.
		expect(word.length).toBeGreaterThan(100);
		for (const label of [
			'fields.action.scope',
			'export.labels.globalIndicator',
			'export.labels.responsible',
			'fields.indicator.unit',
			'fields.action.status',
			'export.labels.budget'
		])
			expect(
				word.map(([l]) => l),
				label
			).toContain(t(label));
		const missing = word.filter(([label, value]) => !shown.has(`${label} = ${value}`));
		expect(missing).toEqual([]);
	}, 30_000); // it writes a whole Word file, which takes seconds on a busy machine

	it('shows every text the team typed, as text', () => {
		const html = renderReview();
		const text = htmlText(html);
		const missing = typedTexts(plan).filter((line) => !text.includes(squash(line)));
		expect(missing).toEqual([]);
		expect(html).not.toMatch(/<script/);
	});
});

/** What a block shows, as text: a review page that shows the block shows all of it. */
function shownBy(block: Block): string[] {
	switch (block.kind) {
		case 'emblem':
			return [block.description];
		case 'contents':
			return [block.title];
		case 'label':
			return [block.text];
		case 'heading':
			return [textOf([...(block.lead ?? []), ...block.text])];
		case 'title':
		case 'subtitle':
		case 'authority':
			return [textOf(block.text)];
		case 'entry':
			return [`${block.number} ${textOf(block.text)}`];
		case 'text':
			return block.lines.map(textOf).filter(Boolean);
		case 'list':
			return block.items.map(textOf);
		case 'values':
			return block.values.flatMap((v) => [v.label, textOf(v.value)]);
		case 'table':
			return [
				...block.headers,
				...[...block.rows, ...(block.totals ?? [])].flatMap((row) =>
					row.flatMap((cell) => cell.map(textOf))
				)
			];
	}
}

describe('review mode renders every kind of block of the document model', () => {
	it('cover with emblem and issuing authority, headings, texts with placeholders, labelled values, lists, entries and tables', () => {
		const plan = samplePlan('en');
		plan.overview.issuingAuthority = 'Government of Lumeria, Ministry of Foreign Affairs';
		const png = new Uint8Array([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0,
			4, 0, 0, 0, 2, 8, 6, 0, 0, 0, 0, 0, 0, 0
		]);
		plan.overview.emblem = { type: 'image/png', data: toBase64(png), width: 4, height: 2 };
		plan.pillars[0].objectives[0].actions[0].description = 'Train [[number]] officers a year.';
		const t = exportStrings('en');
		const model = buildPlanDocument(plan, {
			language: 'en',
			t,
			contents: { ...COPY_CONTENTS.working, annex: false },
			now: new Date(plan.updatedAt)
		});
		const blocks = model.sections.flatMap((s) => s.parts.flatMap((p) => p.blocks));
		app.t = t;
		app.language = 'en';
		app.plan = plan;
		const html = render(ReviewDocument).body;
		const text = htmlText(html);
		const kinds = new Set(blocks.map((b) => b.kind));
		expect([...kinds].sort()).toEqual([
			'authority',
			'contents',
			'emblem',
			'entry',
			'heading',
			'label',
			'list',
			'subtitle',
			'table',
			'text',
			'title',
			'values'
		]);
		const unseen = blocks.flatMap((b) =>
			shownBy(b)
				.filter((shown) => !text.includes(squash(shown)))
				.map((shown) => `${b.kind}: ${shown}`)
		);
		expect(unseen.filter((u) => !u.startsWith('emblem'))).toEqual([]);
		expect(html).toMatch(/<img [^>]*alt="Government of Lumeria, Ministry of Foreign Affairs"/);
		expect(html).toContain('<mark>[[number]]</mark>');
		// Every heading is linked from the contents.
		for (const b of blocks) if (b.kind === 'heading') expect(html).toContain(`href="#${b.id}"`);
	});
});
