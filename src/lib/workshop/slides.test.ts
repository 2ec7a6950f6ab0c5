import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addItem, applyFramework, blank, createPlan } from '../plan/operations.ts';
import type { Plan } from '../plan/schema.ts';
import { guidanceFor } from '../templates/guidance.ts';
import { buildSlides, digest, LIMITS, slideFromParam, slideIndexOf } from './slides.ts';
import type { Translate } from '../i18n/translate.ts';
import { samplePlan as sample } from '../../../tests/unit/sample-plan.ts';

/** Shows the key and its parameters, so tests see what a slide asks the locale files for. */
const t: Translate = (key, params) => (params ? `${key} ${JSON.stringify(params)}` : key);

/** A plan with the four pillars and `objectives` objectives of `actions` actions each in the first. */
function planWith(objectives: number, actions: number): Plan {
	const plan = createPlan({ language: 'en' });
	applyFramework(plan, 'pillars');
	for (let o = 1; o <= objectives; o++) {
		const objective = addItem(plan.pillars[0].objectives, { ...blank.objective(), title: `Objective ${o}` });
		for (let a = 1; a <= actions; a++) addItem(objective.actions, { ...blank.action(), description: `Action ${o}.${a}` });
	}
	return plan;
}

describe('digest', () => {
	it('keeps a short list whole', () => {
		expect(digest([1, 2, 3], 3)).toEqual({ head: [1, 2, 3], omitted: 0, tail: [] });
	});
	it('keeps the first entries and the last one of a long list, and counts the rest', () => {
		expect(digest([1, 2, 3, 4, 5, 6], 3)).toEqual({ head: [1, 2], omitted: 3, tail: [6] });
	});
});

describe('buildSlides on the sample plan', () => {
	const plan = sample('en');
	const slides = buildSlides(plan, { language: 'en', t });

	it('has a title slide, the five steps to discuss and one slide per pillar, in the order of the wizard', () => {
		expect(slides.map((s) => s.id)).toEqual([
			'title',
			'overview',
			'context',
			'consultation',
			...plan.pillars.map((p) => `pillar:${p.id}:1`),
			'coordination',
			'budget'
		]);
		expect(slides.map((s) => s.step)).toEqual(['overview', 'overview', 'context', 'consultation', ...plan.pillars.map(() => 'pillars'), 'coordination', 'budget']);
	});

	it('shows the plan title, country and period on the title slide', () => {
		const [title] = slides;
		expect(title.heading).toBe(plan.overview.title);
		expect(title.facts).toContain(`workshop.fact ${JSON.stringify({ label: 'fields.overview.country', value: 'Republic of Lumeria' })}`);
		expect(title.facts).toContain(`workshop.fact ${JSON.stringify({ label: 'workshop.period', value: '2027–2031' })}`);
	});

	it('shows the vision and the goal on the overview slide', () => {
		const overview = slides[1];
		expect(overview.heading).toBe('workshop.heading.overview');
		expect(overview.sections.map((s) => s.heading)).toEqual(['fields.overview.vision', 'fields.overview.goal']);
		expect(overview.sections[0].entries.map((e) => e.text)).toEqual([plan.overview.vision]);
	});

	it('cuts a long paragraph to what a projector shows', () => {
		const [situation] = slides[2].sections;
		expect(situation.heading).toBe('fields.context.situationAnalysis');
		const shown = situation.entries[0].text;
		expect(shown.endsWith('…')).toBe(true);
		expect(shown.length).toBeLessThanOrEqual(LIMITS.paragraphChars);
		// Cut between two words of the text, never inside one.
		const kept = shown.slice(0, -1);
		expect(plan.context.situationAnalysis.startsWith(kept)).toBe(true);
		expect(plan.context.situationAnalysis[kept.length]).toMatch(/[\s,;:.]/);
		expect(situation.entries).toHaveLength(3);
	});

	it('shows each pillar with its objectives and their actions as short lines, numbered as in the plan', () => {
		const pillar = slides.find((s) => s.pillarId === plan.pillars[1].id)!;
		expect(pillar.heading).toBe('options.pillar.protection');
		expect(pillar.sections).toHaveLength(2);
		const [first] = pillar.sections;
		expect(first.id).toBe(plan.pillars[1].objectives[0].id);
		expect(first.heading).toBe(`2.1 ${plan.pillars[1].objectives[0].title}`);
		expect(first.entries.map((e) => e.text.slice(0, 6))).toEqual(['2.1.1 ', '2.1.2 ']);
		for (const entry of first.entries) expect(entry.text.length).toBeLessThanOrEqual(LIMITS.lineChars);
		expect(pillar.facts).toEqual([
			`workshop.pillarCounts ${JSON.stringify({ objectives: 'workshop.objectives {"count":2}', actions: 'workshop.actions {"count":4}' })}`
		]);
	});

	it('sums the consultation participants and states the budget total with what is secured', () => {
		expect(slides[3].facts).toEqual(['workshop.participants {"total":261,"women":153}']);
		const budget = slides.at(-1)!;
		expect(budget.facts).toEqual(['workshop.budgetTotal {"total":"US$9,120,000","secured":"US$3,880,000"}']);
	});

	it('gives each slide the guidance of its step in the interface language', () => {
		const french = buildSlides(plan, { language: 'fr', t });
		expect(french[2].guidance.why).toBe(guidanceFor('context').why.fr);
		expect(french[4].guidance.pitfalls).toEqual(guidanceFor('pillars').pitfalls.map((p) => p.fr));
		expect(slides[0].guidance.good).toBe(guidanceFor('overview').good.en);
	});
});

describe('buildSlides on long and empty plans', () => {
	it('keeps the first paragraphs and the last one of a long text, and counts the others', () => {
		const plan = createPlan();
		plan.context.situationAnalysis = ['One', 'Two', 'Three', 'Four', 'Five'].join('\n\n');
		const context = buildSlides(plan, { language: 'en', t })[2];
		expect(context.sections[0].entries.map((e) => e.text)).toEqual(['One', 'Two', 'workshop.more {"count":2}', 'Five']);
		expect(context.sections[0].entries[2].more).toBe(true);
	});

	it('shows at most a few actions of an objective, the last one included', () => {
		const plan = planWith(1, 9);
		const [section] = buildSlides(plan, { language: 'en', t })[4].sections;
		expect(section.entries.map((e) => e.text)).toEqual(['1.1.1 Action 1.1', '1.1.2 Action 1.2', '1.1.3 Action 1.3', 'workshop.more {"count":5}', '1.1.9 Action 1.9']);
	});

	it('splits a pillar with many objectives over several slides, each within its line budget', () => {
		const plan = planWith(7, 3);
		const slides = buildSlides(plan, { language: 'en', t });
		const parts = slides.filter((s) => s.pillarId === plan.pillars[0].id);
		expect(parts.length).toBeGreaterThan(1);
		expect(parts.flatMap((p) => p.sections.map((s) => s.id))).toEqual(plan.pillars[0].objectives.map((o) => o.id));
		for (const part of parts) expect(part.sections.reduce((n, s) => n + 1 + s.entries.length, 0)).toBeLessThanOrEqual(LIMITS.pillarLines);
		expect(parts[1].heading).toBe(`workshop.pillarPart {"pillar":"options.pillar.participation","part":2,"parts":${parts.length}}`);
		expect(new Set(slides.map((s) => s.id)).size).toBe(slides.length);
	});

	it('still has a slide for every step and pillar of a blank plan, with nothing written on them', () => {
		const plan = createPlan();
		applyFramework(plan, 'pillars');
		const slides = buildSlides(plan, { language: 'en', t });
		expect(slides).toHaveLength(1 + 3 + 4 + 2);
		expect(slides[0].heading).toBe('common.untitled');
		expect(slides[0].facts).toEqual([]);
		expect(slides[2].sections.every((s) => s.entries.length === 0)).toBe(true);
		expect(slides[4].facts).toEqual(['workshop.noObjectives']);
	});
});

describe('slideIndexOf and slideFromParam', () => {
	const plan = planWith(7, 3);
	const slides = buildSlides(plan, { language: 'en', t });

	it('finds the slide that shows an objective, a pillar or a step', () => {
		const last = plan.pillars[0].objectives.at(-1)!;
		const index = slideIndexOf(slides, { step: 'pillars', pillarId: plan.pillars[0].id, objectiveId: last.id });
		expect(slides[index].sections.map((s) => s.id)).toContain(last.id);
		expect(slideIndexOf(slides, { step: 'pillars', pillarId: plan.pillars[2].id })).toBe(slides.findIndex((s) => s.pillarId === plan.pillars[2].id));
		expect(slideIndexOf(slides, { step: 'budget' })).toBe(slides.length - 1);
		expect(slideIndexOf(slides, { step: 'overview' })).toBe(1);
	});

	it('reads a slide number from the address, kept within the slides', () => {
		expect(slideFromParam('3', 10)).toBe(2);
		expect(slideFromParam('99', 10)).toBe(9);
		expect(slideFromParam('0', 10)).toBe(0);
		expect(slideFromParam('abc', 10)).toBe(0);
		expect(slideFromParam(null, 10)).toBe(0);
	});
});
