import { describe, expect, it } from 'vitest';
import { addItem, applyFramework, blank, createPlan } from '../plan/operations.ts';
import type { Plan } from '../plan/schema.ts';
import { guidanceFor } from '../templates/guidance.ts';
import {
	buildSlides,
	headingLinesOf,
	LIMITS,
	linesOf,
	slideFromParam,
	slideIndexOf,
	splitAtWord,
	type Slide
} from './slides.ts';
import type { Translate } from '../i18n/translate.ts';
import { samplePlan as sample } from '../../../tests/unit/sample-plan.ts';

/** Shows the key and its parameters, so tests see what a slide asks the locale files for. */
const t: Translate = (key, params) => (params ? `${key} ${JSON.stringify(params)}` : key);

/** A plan with the four pillars and `objectives` objectives of `actions` actions each in the first. */
function planWith(objectives: number, actions: number): Plan {
	const plan = createPlan({ language: 'en' });
	applyFramework(plan, 'pillars');
	for (let o = 1; o <= objectives; o++) {
		const objective = addItem(plan.pillars[0].objectives, {
			...blank.objective(),
			title: `Objective ${o}`
		});
		for (let a = 1; a <= actions; a++)
			addItem(objective.actions, { ...blank.action(), description: `Action ${o}.${a}` });
	}
	return plan;
}

/** A section's entries read back whole from the slides it flows over: each part that continues is joined to the next by a space. */
function entriesOf(slides: readonly Slide[], sectionId: string): string[] {
	const whole: string[] = [];
	let open = false;
	for (const entry of slides.flatMap((s) =>
		s.sections.filter((section) => section.id === sectionId).flatMap((section) => section.entries)
	)) {
		if (open) whole[whole.length - 1] += ` ${entry.text}`;
		else whole.push(entry.text);
		open = entry.continues === true;
	}
	return whole;
}

/** The lines a slide's body takes, as the projector estimate counts them. */
const linesOnSlide = (slide: Slide) =>
	slide.facts.reduce((n, f) => n + linesOf(f), 0) +
	slide.sections.reduce(
		(n, s) =>
			n +
			headingLinesOf(s.heading) +
			(s.entries.length ? s.entries.reduce((m, e) => m + linesOf(e.text), 0) : linesOf(s.empty)),
		0
	);

/** Long words, so that a cut inside one would show. */
const long = (words: number, seed: string) =>
	Array.from({ length: words }, (_, i) => `${seed}${i}responsibility`).join(' ');

describe('splitAtWord', () => {
	it('splits at the last space that fits, and the two parts read as the text again', () => {
		expect(splitAtWord('Mass Action for peace', 8)).toEqual(['Mass', 'Action for peace']);
		expect(splitAtWord('Mass Action for peace', 11)).toEqual(['Mass Action', 'for peace']);
		const text = long(40, 'w');
		const [first, rest] = splitAtWord(text, 100);
		expect(first.length).toBeLessThanOrEqual(100);
		expect(`${first} ${rest}`).toBe(text);
	});
	it('never splits a word that has no space before it', () => {
		expect(splitAtWord('Peacebuilding', 5)).toEqual(['Peacebuilding', '']);
	});
});

describe('buildSlides on the sample plan', () => {
	const plan = sample('en');
	const slides = buildSlides(plan, { language: 'en', t });

	it('has a title slide, the five steps to discuss and each pillar, in the order of the wizard, each continued as long as it needs', () => {
		expect(slides.filter((s) => !s.continued).map((s) => s.id)).toEqual([
			'title',
			'overview',
			'context',
			'consultation',
			...plan.pillars.map((p) => `pillar:${p.id}:1`),
			'coordination',
			'budget'
		]);
		expect(slides.filter((s) => !s.continued).map((s) => s.step)).toEqual([
			'overview',
			'overview',
			'context',
			'consultation',
			...plan.pillars.map(() => 'pillars'),
			'coordination',
			'budget'
		]);
		// A continued slide follows a slide of its step or pillar, and says so in its heading.
		for (const [i, slide] of slides.entries()) {
			if (!slide.continued) continue;
			expect([slides[i - 1].step, slides[i - 1].pillarId]).toEqual([slide.step, slide.pillarId]);
			expect(slide.heading).toBe(
				`workshop.continued ${JSON.stringify({ heading: slides.findLast((s, j) => j < i && !s.continued)!.heading })}`
			);
		}
		expect(slides.some((s) => s.continued)).toBe(true);
		expect(new Set(slides.map((s) => s.id)).size).toBe(slides.length);
	});

	it('shows every text of the plan whole, split between words over the slides it flows on to, each within what a slide holds', () => {
		const texts = {
			vision: plan.overview.vision,
			goal: plan.overview.goal,
			situationAnalysis: plan.context.situationAnalysis,
			consultationSummary: plan.consultation.summary,
			coordinationDescription: plan.coordination.description,
			resourceMobilisation: plan.budget.resourceMobilisation
		};
		for (const [id, text] of Object.entries(texts))
			expect(entriesOf(slides, id), id).toEqual(
				text
					.split('\n')
					.map((l) => l.trim())
					.filter(Boolean)
			);
		for (const [p, pillar] of plan.pillars.entries())
			for (const [o, objective] of pillar.objectives.entries())
				expect(entriesOf(slides, objective.id)).toEqual(
					objective.actions.map((a, i) => `${p + 1}.${o + 1}.${i + 1} ${a.description}`)
				);
		for (const slide of slides) {
			expect(linesOnSlide(slide), slide.id).toBeLessThanOrEqual(LIMITS.slideLines);
			for (const entry of slide.sections.flatMap((s) => s.entries))
				expect(entry.text).not.toMatch(/…$/);
		}
	});

	it('shows the plan title, country and period on the title slide', () => {
		const [title] = slides;
		expect(title.heading).toBe(plan.overview.title);
		expect(title.facts).toContain(
			`workshop.fact ${JSON.stringify({ label: 'fields.overview.country', value: 'Republic of Lumeria' })}`
		);
		expect(title.facts).toContain(
			`workshop.fact ${JSON.stringify({ label: 'workshop.period', value: '2027–2031' })}`
		);
	});

	it('shows the vision and the goal on the overview slide', () => {
		const overview = slides[1];
		expect(overview.heading).toBe('workshop.heading.overview');
		expect(overview.sections.map((s) => s.heading)).toEqual([
			'fields.overview.vision',
			'fields.overview.goal'
		]);
		expect(overview.sections[0].entries.map((e) => e.text)).toEqual([plan.overview.vision]);
	});

	it('flows a long text on to a continued slide, its section heading marked continued', () => {
		const context = slides.filter((s) => s.step === 'context');
		expect(context.length).toBeGreaterThan(1);
		expect(context[0].sections[0].heading).toBe('fields.context.situationAnalysis');
		const next = context[1].sections[0];
		expect(next.heading).toBe('workshop.continued {"heading":"fields.context.situationAnalysis"}');
		expect(next.continued).toBe(true);
	});

	it('shows each pillar with its objectives and their actions as short lines, numbered as in the plan', () => {
		const pillar = slides.find((s) => s.pillarId === plan.pillars[1].id)!;
		expect(pillar.heading).toBe('options.pillar.protection');
		const [first] = pillar.sections;
		expect(first.id).toBe(plan.pillars[1].objectives[0].id);
		expect(first.heading).toBe(`2.1 ${plan.pillars[1].objectives[0].title}`);
		expect(first.entries[0].text.slice(0, 6)).toBe('2.1.1 ');
		expect(pillar.facts).toEqual([
			`workshop.pillarCounts ${JSON.stringify({ objectives: 'workshop.objectives {"count":2}', actions: 'workshop.actions {"count":4}' })}`
		]);
	});

	it('sums the consultation participants and states the budget total with what is secured', () => {
		expect(slides.find((s) => s.id === 'consultation')!.facts).toEqual([
			'workshop.participants {"total":261,"women":153}'
		]);
		const budget = slides.find((s) => s.id === 'budget')!;
		expect(budget.facts).toEqual([
			'workshop.budgetTotal {"total":"US$9,120,000","secured":"US$3,880,000"}'
		]);
	});

	it('gives each slide the guidance of its step in the interface language', () => {
		const french = buildSlides(plan, { language: 'fr', t });
		expect(french.find((s) => s.step === 'context')!.guidance.why).toBe(
			guidanceFor('context').why.fr
		);
		expect(french.find((s) => s.kind === 'pillar')!.guidance.pitfalls).toEqual(
			guidanceFor('pillars').pitfalls.map((p) => p.fr)
		);
		expect(slides[0].guidance.good).toBe(guidanceFor('overview').good.en);
	});
});

describe('buildSlides on long and empty plans', () => {
	it('shows every paragraph of a text, on one slide while they fit', () => {
		const plan = createPlan();
		plan.context.situationAnalysis = ['One', 'Two', 'Three', 'Four', 'Five'].join('\n\n');
		const context = buildSlides(plan, { language: 'en', t }).filter((s) => s.step === 'context');
		expect(context).toHaveLength(1);
		expect(context[0].sections[0].entries.map((e) => e.text)).toEqual([
			'One',
			'Two',
			'Three',
			'Four',
			'Five'
		]);
	});

	it('shows every action of an objective', () => {
		const plan = planWith(1, 9);
		const slides = buildSlides(plan, { language: 'en', t });
		expect(entriesOf(slides, plan.pillars[0].objectives[0].id)).toEqual(
			Array.from({ length: 9 }, (_, i) => `1.1.${i + 1} Action 1.${i + 1}`)
		);
	});

	it('splits a pillar with many objectives over several slides, each within its line budget', () => {
		const plan = planWith(7, 3);
		const slides = buildSlides(plan, { language: 'en', t });
		const parts = slides.filter((s) => s.pillarId === plan.pillars[0].id);
		expect(parts.length).toBeGreaterThan(1);
		const ids = parts.flatMap((p) => p.sections.map((s) => s.id));
		expect(ids.filter((id, i) => id !== ids[i - 1])).toEqual(
			plan.pillars[0].objectives.map((o) => o.id)
		);
		for (const part of parts) expect(linesOnSlide(part)).toBeLessThanOrEqual(LIMITS.slideLines);
		expect(parts.map((p) => p.id)).toEqual(
			parts.map((_, i) => `pillar:${plan.pillars[0].id}:${i + 1}`)
		);
		expect(parts[1].heading).toBe('workshop.continued {"heading":"options.pillar.participation"}');
		expect(new Set(slides.map((s) => s.id)).size).toBe(slides.length);
	});

	it('shows a long objective and its many long actions whole, continued over slides, no word cut', () => {
		const plan = createPlan({ language: 'en' });
		applyFramework(plan, 'pillars');
		const objective = addItem(plan.pillars[0].objectives, {
			...blank.objective(),
			title: long(8, 'objective')
		});
		for (let a = 1; a <= 12; a++)
			addItem(objective.actions, { ...blank.action(), description: long(12, `action${a}x`) });
		const slides = buildSlides(plan, { language: 'en', t }).filter(
			(s) => s.pillarId === plan.pillars[0].id
		);
		expect(slides.length).toBeGreaterThan(2);
		expect(slides[0].sections[0].heading).toBe(`1.1 ${objective.title}`);
		// Continued under its number, not its long title again.
		expect(slides[1].sections[0].heading).toBe(
			`workshop.continued ${JSON.stringify({ heading: 'workshop.objectiveRef {"ref":"1.1"}' })}`
		);
		expect(entriesOf(slides, objective.id)).toEqual(
			objective.actions.map((a, i) => `1.1.${i + 1} ${a.description}`)
		);
		// Every part of a split entry ends and starts on a whole word of the text.
		const words = new Set(
			objective.actions.flatMap((a, i) => `1.1.${i + 1} ${a.description}`.split(' '))
		);
		for (const entry of slides.flatMap((s) => s.sections.flatMap((section) => section.entries)))
			for (const word of entry.text.split(' ')) expect(words.has(word), word).toBe(true);
		for (const slide of slides) expect(linesOnSlide(slide)).toBeLessThanOrEqual(LIMITS.slideLines);
	});

	it('shows a single word longer than a slide whole rather than cut it', () => {
		const plan = createPlan();
		const word = 'x'.repeat(LIMITS.lineChars * (LIMITS.slideLines + 2));
		plan.overview.vision = word;
		const slides = buildSlides(plan, { language: 'en', t });
		expect(entriesOf(slides, 'vision')).toEqual([word]);
		expect(entriesOf(slides, 'goal')).toEqual([]);
	});

	it('still has a slide for every step and pillar of a blank plan, with nothing written on them', () => {
		const plan = createPlan();
		applyFramework(plan, 'pillars');
		const slides = buildSlides(plan, { language: 'en', t });
		expect(slides).toHaveLength(1 + 3 + 4 + 2);
		expect(slides.some((s) => s.continued)).toBe(false);
		expect(slides[0].heading).toBe('common.untitled');
		expect(slides[0].facts).toEqual([]);
		expect(slides[2].sections.every((s) => s.entries.length === 0)).toBe(true);
		expect(slides[4].facts).toEqual(['workshop.noObjectives']);
	});
});

describe('slideIndexOf and slideFromParam', () => {
	const plan = planWith(7, 3);
	const slides = buildSlides(plan, { language: 'en', t });

	it('finds the last slide that shows an objective, a pillar or a step: where a proposal added at its end shows', () => {
		const last = plan.pillars[0].objectives.at(-1)!;
		const index = slideIndexOf(slides, {
			step: 'pillars',
			pillarId: plan.pillars[0].id,
			objectiveId: last.id
		});
		expect(slides[index].sections.map((s) => s.id)).toContain(last.id);
		expect(slideIndexOf(slides, { step: 'pillars', pillarId: plan.pillars[2].id })).toBe(
			slides.findIndex((s) => s.pillarId === plan.pillars[2].id)
		);
		expect(slideIndexOf(slides, { step: 'budget' })).toBe(slides.length - 1);
		expect(slideIndexOf(slides, { step: 'overview' })).toBe(1);
	});

	it('finds the continued slide where a text that flows on ends', () => {
		const long = createPlan();
		long.context.situationAnalysis = Array.from(
			{ length: 6 },
			(_, i) => `Paragraph ${i} ${'of the situation '.repeat(12)}`
		).join('\n');
		long.context.baselineFigures = Array.from({ length: 8 }, (_, i) => ({
			...blank.baselineFigure(),
			figure: `Figure ${i}`
		}));
		const longSlides = buildSlides(long, { language: 'en', t });
		const index = slideIndexOf(longSlides, { step: 'context', text: 'situationAnalysis' });
		expect(longSlides[index].continued).toBe(true);
		const situation = longSlides[index].sections.find((s) => s.id === 'situationAnalysis')!;
		expect(situation.entries.at(-1)!.text).toMatch(/ of the situation$/);
		expect(entriesOf(longSlides.slice(index + 1), 'situationAnalysis')).toEqual([]);
	});

	it('reads a slide number from the address, kept within the slides', () => {
		expect(slideFromParam('3', 10)).toBe(2);
		expect(slideFromParam('99', 10)).toBe(9);
		expect(slideFromParam('0', 10)).toBe(0);
		expect(slideFromParam('abc', 10)).toBe(0);
		expect(slideFromParam(null, 10)).toBe(0);
	});
});
