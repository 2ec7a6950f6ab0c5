import { describe, expect, it } from 'vitest';
import { checks, completeness, gaps, STEPS } from './completeness.ts';
import { fieldsOf, itemListsOf, KINDS } from './fields.ts';
import { addItem, applyFramework, blank, createPlan } from './operations.ts';

describe('completeness', () => {
	it('is zero for a new plan, with a gap in every step but review', () => {
		const plan = createPlan();
		const result = completeness(plan);
		expect(result.overall.done).toBeLessThan(result.overall.total);
		const stepsWithGaps = new Set(gaps(plan).map((g) => g.step));
		expect([...stepsWithGaps]).toEqual(STEPS.filter((s) => s !== 'review'));
	});

	it('rises as the drafter fills fields', () => {
		const plan = createPlan();
		const before = completeness(plan).overview.done;
		plan.overview.title = 'National action plan on women, peace and security';
		plan.overview.country = 'Lumeria';
		expect(completeness(plan).overview.done).toBe(before + 2);
	});

	it('names an action without a responsible institution and points at its field', () => {
		const plan = createPlan();
		applyFramework(plan, 'pillars');
		const objective = addItem(plan.pillars[1].objectives, blank.objective());
		const action = addItem(objective.actions, blank.action());
		const gap = gaps(plan).find((g) => g.key === 'actionResponsible');
		expect(gap).toMatchObject({
			step: 'actions',
			params: { ref: '2.1.1' },
			field: `action-${action.id}-responsibleId`
		});

		const ministry = addItem(plan.institutions, {
			...blank.institution(),
			name: 'Ministry of Justice'
		});
		action.responsibleId = ministry.id;
		expect(gaps(plan).some((g) => g.key === 'actionResponsible')).toBe(false);
	});

	it('flags an indicator without a baseline, and a pillar with no objective', () => {
		const plan = createPlan();
		applyFramework(plan, 'pillars');
		const action = addItem(
			addItem(plan.pillars[0].objectives, blank.objective()).actions,
			blank.action()
		);
		const indicator = addItem(action.indicators, blank.indicator());
		const keys = gaps(plan).map((g) => g.key);
		expect(keys).toContain('indicatorBaseline');
		expect(
			gaps(plan)
				.filter((g) => g.key === 'pillarObjectives')
				.map((g) => g.params.ref)
		).toEqual(['2', '3', '4']);
		indicator.baselineValue = '7%';
		indicator.baselineYear = 2025;
		expect(gaps(plan).map((g) => g.key)).not.toContain('indicatorBaseline');
	});

	it('reports contradictions, which count against the step', () => {
		const plan = createPlan();
		plan.overview.periodStart = 2030;
		plan.overview.periodEnd = 2026;
		const contradiction = checks(plan).find((c) => c.key === 'periodOrder');
		expect(contradiction).toMatchObject({
			ok: false,
			kind: 'invalid',
			field: 'overview-periodEnd'
		});
		const withContradiction = completeness(plan).overview.done;
		plan.overview.periodEnd = 2034;
		expect(completeness(plan).overview.done).toBe(withContradiction + 1);
	});

	it('never counts more than all', () => {
		const plan = createPlan();
		for (const step of [...STEPS, 'overall' as const]) {
			const { done, total, ratio } = completeness(plan)[step];
			expect(done).toBeLessThanOrEqual(total);
			expect(ratio).toBeGreaterThanOrEqual(0);
			expect(ratio).toBeLessThanOrEqual(1);
		}
	});

	it('leaves a gap for every field and list the schema marks as needed: in a plan of blank items, and in one with no items', () => {
		const plan = createPlan();
		plan.framework = '';
		const pillar = addItem(plan.pillars, blank.pillar());
		const objective = addItem(pillar.objectives, blank.objective());
		addItem(objective.actions, blank.action());
		addItem(
			addItem(addItem(pillar.objectives, blank.objective()).actions, blank.action()).indicators,
			blank.indicator()
		);
		addItem(plan.institutions, blank.institution());
		addItem(plan.context.baselineFigures, blank.baselineFigure());
		addItem(plan.consultation.events, blank.consultationEvent());
		addItem(plan.coordination.bodies, blank.coordinationBody());
		addItem(plan.pillars, blank.pillar()); // a pillar with no objective
		plan.overview.resolutions = [];
		const needed = KINDS.flatMap((kind) =>
			[...fieldsOf(kind), ...itemListsOf(kind)].flatMap((f) => (f.required ? [f.required] : []))
		);
		addItem(pillar.objectives, blank.objective()); // an objective with no action
		const open = new Set([...gaps(plan), ...gaps(createPlan())].map((g) => g.key));
		expect(needed.filter((gap) => !open.has(gap))).toEqual([]);
	});

	it('points a gap two fields share at the one still empty', () => {
		const plan = createPlan();
		plan.overview.periodStart = 2026;
		expect(gaps(plan).find((g) => g.key === 'period')?.field).toBe('overview-periodEnd');
		const figure = addItem(plan.context.baselineFigures, {
			...blank.baselineFigure(),
			figure: 'Women among judges (%)',
			source: 'Judicial council'
		});
		expect(
			gaps(plan)
				.filter((g) => g.params.name === 'Women among judges (%)')
				.map((g) => g.field)
		).toEqual([`baselineFigure-${figure.id}-value`, `baselineFigure-${figure.id}-year`]);
	});

	it('counts an institution field as filled only with an institution the plan lists', () => {
		const plan = createPlan();
		plan.monitoring.responsibleId = 'an-institution-since-deleted';
		expect(gaps(plan).map((g) => g.key)).toContain('monitoringResponsible');
		plan.monitoring.responsibleId = addItem(plan.institutions, {
			...blank.institution(),
			name: 'Ministry of Women'
		}).id;
		expect(gaps(plan).map((g) => g.key)).not.toContain('monitoringResponsible');
	});

	it('flags a placeholder left in any text of an indicator, at its field', () => {
		const plan = createPlan();
		applyFramework(plan, 'pillars');
		const action = addItem(
			addItem(plan.pillars[0].objectives, blank.objective()).actions,
			blank.action()
		);
		const indicator = addItem(action.indicators, blank.indicator());
		indicator.unit = '[[unit]]';
		indicator.globalIndicator = '[[number]]';
		const flagged = checks(plan)
			.filter((c) => c.key === 'indicatorPlaceholder')
			.map((c) => c.field);
		expect(flagged).toEqual([
			`indicator-${indicator.id}-unit`,
			`indicator-${indicator.id}-globalIndicator`
		]);
	});
});
