import { describe, expect, it } from 'vitest';
import { addItem, applyFramework, blank, createPlan } from '../plan/operations.ts';
import { planSchema, type Plan } from '../plan/schema.ts';
import { capture, captureChoices, MAX_PROPOSAL } from './capture.ts';
import { buildSlides, slideIndexOf } from './slides.ts';
import type { Translate } from '../i18n/translate.ts';

const t: Translate = (key, params) => (params ? `${key} ${JSON.stringify(params)}` : key);

/** The four pillars; the second has one objective with one action. */
function plan(): Plan {
	const p = createPlan({ language: 'en' });
	applyFramework(p, 'pillars');
	const objective = addItem(p.pillars[1].objectives, {
		...blank.objective(),
		title: 'End impunity'
	});
	addItem(objective.actions, { ...blank.action(), description: 'Amend the criminal code' });
	return p;
}

const slideFor = (p: Plan, id: string) =>
	buildSlides(p, { language: 'en', t }).find((s) => s.id === id)!;

describe('captureChoices', () => {
	it('offers a new objective in the pillar, or a new action under each of its objectives', () => {
		const p = plan();
		const choices = captureChoices(p, slideFor(p, `pillar:${p.pillars[1].id}:1`), t);
		expect(choices.map((c) => c.value)).toEqual([
			'objective',
			`action:${p.pillars[1].objectives[0].id}`
		]);
		expect(choices[0].label).toBe(
			'workshop.captureBox.newObjective {"pillar":"options.pillar.protection"}'
		);
		expect(choices[1].label).toBe(
			'workshop.captureBox.newAction {"ref":"2.1","title":"End impunity"}'
		);
	});

	it('appends to the main text of each step slide', () => {
		const p = plan();
		const target = (id: string) => captureChoices(p, slideFor(p, id), t).map((c) => c.target);
		expect(target('title')).toEqual([{ kind: 'text', text: 'vision' }]);
		expect(target('overview')).toEqual([{ kind: 'text', text: 'vision' }]);
		expect(target('context')).toEqual([{ kind: 'text', text: 'situationAnalysis' }]);
		expect(target('consultation')).toEqual([{ kind: 'text', text: 'consultationSummary' }]);
		expect(target('coordination')).toEqual([{ kind: 'text', text: 'coordinationDescription' }]);
		expect(target('budget')).toEqual([{ kind: 'text', text: 'resourceMobilisation' }]);
	});
});

describe('capture', () => {
	it('adds a new objective at the end of the pillar, and it shows on the pillar slide', () => {
		const p = plan();
		const result = capture(
			p,
			{ kind: 'objective', pillarId: p.pillars[1].id },
			'  Protect women human rights defenders  '
		);
		expect(result).toMatchObject({ ok: true, kind: 'objective', ref: '2.2' });
		expect(p.pillars[1].objectives.map((o) => o.title)).toEqual([
			'End impunity',
			'Protect women human rights defenders'
		]);
		expect(p.pillars[1].objectives[1].actions).toEqual([]);
		const slides = buildSlides(p, { language: 'en', t });
		if (!result.ok) throw new Error('not captured');
		const slide = slides[slideIndexOf(slides, result.place)];
		expect(slide.sections.map((s) => s.heading)).toContain(
			'2.2 Protect women human rights defenders'
		);
		expect(planSchema.safeParse(p).success).toBe(true);
	});

	it('adds a new action under the chosen objective', () => {
		const p = plan();
		const objective = p.pillars[1].objectives[0];
		const result = capture(p, { kind: 'action', objectiveId: objective.id }, 'Train prosecutors');
		expect(result).toMatchObject({
			ok: true,
			kind: 'action',
			ref: '2.1.2',
			place: { objectiveId: objective.id }
		});
		expect(objective.actions.map((a) => a.description)).toEqual([
			'Amend the criminal code',
			'Train prosecutors'
		]);
	});

	it('appends a proposal to a text as a new paragraph', () => {
		const p = plan();
		p.context.situationAnalysis = 'First paragraph.\n';
		expect(
			capture(p, { kind: 'text', text: 'situationAnalysis' }, 'Displaced women lack documents.')
		).toMatchObject({ ok: true, place: { step: 'context' } });
		expect(p.context.situationAnalysis).toBe('First paragraph.\n\nDisplaced women lack documents.');
		capture(p, { kind: 'text', text: 'vision' }, 'A country at peace');
		expect(p.overview.vision).toBe('A country at peace');
		capture(p, { kind: 'text', text: 'consultationSummary' }, 'Youth groups asked to be heard.');
		capture(p, { kind: 'text', text: 'coordinationDescription' }, 'Provincial focal points.');
		capture(p, { kind: 'text', text: 'resourceMobilisation' }, 'A round table with partners.');
		expect([
			p.consultation.summary,
			p.coordination.description,
			p.budget.resourceMobilisation
		]).toEqual([
			'Youth groups asked to be heard.',
			'Provincial focal points.',
			'A round table with partners.'
		]);
	});

	it('refuses an empty proposal, one too long, or a place no longer in the plan, and leaves the plan as it was', () => {
		const p = plan();
		const before = JSON.stringify(p);
		expect(capture(p, { kind: 'text', text: 'vision' }, '  \n ')).toEqual({
			ok: false,
			error: 'empty'
		});
		expect(capture(p, { kind: 'text', text: 'vision' }, 'x'.repeat(MAX_PROPOSAL + 1))).toEqual({
			ok: false,
			error: 'tooLong'
		});
		p.context.situationAnalysis = 'y'.repeat(45_000);
		const full = JSON.stringify(p);
		expect(capture(p, { kind: 'text', text: 'situationAnalysis' }, 'z'.repeat(6_000))).toEqual({
			ok: false,
			error: 'tooLong'
		});
		expect(JSON.stringify(p)).toBe(full);
		p.context.situationAnalysis = '';
		expect(capture(p, { kind: 'objective', pillarId: 'gone' }, 'Something')).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(capture(p, { kind: 'action', objectiveId: 'gone' }, 'Something')).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(JSON.stringify(p)).toBe(before);
	});
});
