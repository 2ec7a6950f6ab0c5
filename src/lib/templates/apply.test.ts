// Starting a plan from templates, pulling library items into it, and telling template wording from the team's.
import { describe, expect, it } from 'vitest';
import { checks } from '../plan/completeness.ts';
import { actionsOf, addItem, applyFramework, blank, createPlan } from '../plan/operations.ts';
import { planSchema } from '../plan/schema.ts';
import { addActions, addObjectives, matchInstitution, planFromTemplates } from './apply.ts';
import { wording } from './wording.ts';
import { bundledLibrary } from './bundled.ts';
import { findActions, findObjectives } from './library.ts';

const library = bundledLibrary();

describe('a plan started from templates', () => {
	const plan = planFromTemplates(library, {
		language: 'fr',
		regional: 'addis-ababa-2008',
		ministries: ['justice', 'women-gender']
	});
	const region = library.regions.find((r) => r.id === 'addis-ababa-2008')!;
	const justice = library.ministries.find((m) => m.id === 'justice')!;
	const gender = library.ministries.find((m) => m.id === 'women-gender')!;

	it('is a valid plan in the chosen language, with the region, framework and document languages of the regional template', () => {
		expect(planSchema.safeParse(plan).success).toBe(true);
		expect(plan.overview.region).toBe('africa');
		expect(plan.overview.documentLanguages).toEqual(['fr', 'en']);
		expect(plan.framework).toBe('pillars');
		expect(plan.pillars.map((p) => p.key)).toEqual(
			expect.arrayContaining([
				'participation',
				'protection',
				'prevention',
				'relief-recovery',
				'coordination-accountability'
			])
		);
	});

	it('lists each chosen ministry once, named in French, with the gender ministry as lead', () => {
		expect(plan.institutions.map((i) => i.name)).toEqual([
			gender.institution.name.fr,
			justice.institution.name.fr
		]);
		expect(plan.overview.leadInstitutionId).toBe(plan.institutions[0].id);
	});

	it('holds every objective, action and indicator of the chosen templates, each in its pillar and in French', () => {
		const expected = [...region.objectives, ...gender.objectives, ...justice.objectives];
		const objectives = plan.pillars.flatMap((p) => p.objectives.map((o) => ({ o, key: p.key })));
		expect(objectives).toHaveLength(expected.length);
		for (const template of expected) {
			const copy = objectives.find(({ o }) => o.templateId === template.id);
			expect(copy?.o.title).toBe(template.title.fr);
			expect(copy?.key).toBe(template.pillar);
			expect(copy?.o.actions.map((a) => a.description)).toEqual(
				template.actions.map((a) => a.text.fr)
			);
			expect(copy?.o.actions.flatMap((a) => a.indicators.map((i) => i.statement))).toEqual(
				template.actions.flatMap((a) => a.indicators.map((i) => i.statement.fr))
			);
		}
	});

	it('gives ministry actions their ministry as the responsible institution, and leaves regional priorities for the team to assign', () => {
		const justiceId = plan.institutions.find((i) => i.templateId === 'justice')!.id;
		for (const { action } of actionsOf(plan)) {
			if (action.templateId.startsWith('justice.')) expect(action.responsibleId).toBe(justiceId);
			if (action.templateId.startsWith('addis-ababa-2008.')) expect(action.responsibleId).toBe('');
		}
	});

	it('flags the country figures the templates leave as placeholders, until the team writes them in', () => {
		const copy = structuredClone(plan);
		const flagged = checks(copy).filter((c) => c.key === 'indicatorPlaceholder');
		expect(flagged.length).toBeGreaterThan(10);
		const indicator = [...actionsOf(copy)]
			.flatMap(({ action }) => action.indicators)
			.find((i) => i.baselineValue.includes('[['))!;
		const field = `indicator-${indicator.id}-baselineValue`;
		expect(checks(copy).some((c) => c.field === field && c.key === 'indicatorPlaceholder')).toBe(
			true
		);
		indicator.baselineValue = '12,5 %';
		expect(checks(copy).some((c) => c.field === field && c.key === 'indicatorPlaceholder')).toBe(
			false
		);
	});

	it('tells template wording from the team’s own once a text is edited', () => {
		const copy = structuredClone(plan);
		const [{ action }] = actionsOf(copy);
		expect(wording(action, library)).toBe('template');
		action.description += ' Dans les trois provinces du nord.';
		expect(wording(action, library)).toBe('own');
		expect(wording(action.indicators[0], library)).toBe('template');
	});
});

describe('adding from the library', () => {
	it('copies chosen actions, with their indicators, into an objective, in another language than the plan’s', () => {
		const plan = createPlan({ language: 'en' });
		applyFramework(plan, 'pillars');
		const [objective] = addObjectives(
			plan,
			library,
			findObjectives(library, { ministry: 'defence' }, 'en').slice(0, 1),
			'en'
		);
		const before = objective.actions.length;
		const entries = findActions(library, { ministry: 'justice', pillar: 'protection' }, 'es').slice(
			0,
			3
		);
		const added = addActions(plan, library, objective, entries, 'es');
		expect(objective.actions).toHaveLength(before + 3);
		expect(added.map((a) => a.description)).toEqual(entries.map((e) => e.action.text.es));
		for (const [n, action] of added.entries())
			expect(action.indicators.map((i) => i.statement)).toEqual(
				entries[n].action.indicators.map((i) => i.statement.es)
			);
		// The justice ministry, concerned by the actions, joins the plan as their responsible institution.
		expect(plan.institutions.find((i) => i.id === added[0].responsibleId)?.templateId).toBe(
			'justice'
		);
	});

	it('filters by ministry, pillar, resolution and implementation strategy, and searches without regard to accents or case', () => {
		const all = library.actions;
		const filtered = findActions(
			library,
			{
				ministry: 'defence',
				pillar: 'prevention',
				resolution: '1820',
				strategy: 'capacity-building'
			},
			'en'
		);
		expect(filtered.length).toBeGreaterThan(0);
		expect(filtered.length).toBeLessThan(all.length);
		for (const e of filtered) {
			expect(e.ministries).toContain('defence');
			expect(e.pillar).toBe('prevention');
			expect(e.action.resolutions).toContain('1820');
			expect(e.action.strategy).toBe('capacity-building');
		}
		const accented = findActions(library, { query: 'SECURITE' }, 'fr');
		expect(accented.length).toBeGreaterThan(0);
		expect(
			accented.every((e) =>
				/sécurité/i.test(
					e.action.text.fr +
						e.objective?.title.fr +
						e.action.indicators.map((i) => i.statement.fr).join(' ')
				)
			)
		).toBe(true);
		expect(findActions(library, { query: 'zzzz-nothing' }, 'en')).toEqual([]);
	});

	it('offers the Secretary-General’s 21 recommendations as actions, each tagged with its pillar and ministries', () => {
		const recommendations = library.actions.filter((e) => e.source.kind === 'recommendation');
		expect(recommendations).toHaveLength(21);
		for (const e of recommendations) expect(e.ministries.length).toBeGreaterThan(0);
	});
});

describe('institutions from the library are the plan’s own where it has them', () => {
	const foreignActions = () =>
		findActions(library, { ministry: 'foreign-affairs' }, 'en')
			.filter((e) => e.source.kind !== 'regional' && e.ministries[0] === 'foreign-affairs')
			.slice(0, 2);
	function planWith(name: string, acronym = '') {
		const plan = createPlan({ language: 'en' });
		applyFramework(plan, 'pillars');
		addItem(plan.pillars[0].objectives, blank.objective());
		const own = addItem(plan.institutions, {
			...blank.institution(),
			name,
			acronym,
			kind: 'ministry'
		});
		return { plan, own, objective: plan.pillars[0].objectives[0] };
	}

	it('matches by name in any language, accents and case ignored, and adds no second ministry', () => {
		for (const name of [
			'Ministry of Foreign Affairs',
			'ministère des affaires ÉTRANGÈRES',
			' Ministerio de Relaciones Exteriores '
		]) {
			const { plan, own, objective } = planWith(name);
			expect(matchInstitution(plan, library, 'foreign-affairs')).toEqual({
				status: 'same',
				id: own.id
			});
			const added = addActions(plan, library, objective, foreignActions(), 'en');
			expect(plan.institutions).toHaveLength(1);
			expect(added.every((a) => a.responsibleId === own.id)).toBe(true);
		}
	});

	it('leaves a doubt where only the acronym or part of the name agrees, and follows the user’s answer', () => {
		const { plan, own, objective } = planWith(
			'Ministry of Foreign Affairs and International Cooperation',
			'MFAIC'
		);
		expect(matchInstitution(plan, library, 'foreign-affairs')).toEqual({
			status: 'doubt',
			candidates: [own.id]
		});
		const byAcronym = planWith('Foreign Office', 'MFA');
		expect(matchInstitution(byAcronym.plan, library, 'foreign-affairs')).toEqual({
			status: 'doubt',
			candidates: [byAcronym.own.id]
		});

		const same = addActions(plan, library, objective, foreignActions(), 'en', {
			'foreign-affairs': own.id
		});
		expect(plan.institutions).toHaveLength(1);
		expect(same[0].responsibleId).toBe(own.id);
		const other = addActions(byAcronym.plan, library, byAcronym.objective, foreignActions(), 'en', {
			'foreign-affairs': 'new'
		});
		expect(byAcronym.plan.institutions).toHaveLength(2);
		expect(
			byAcronym.plan.institutions.find((i) => i.id === other[0].responsibleId)?.templateId
		).toBe('foreign-affairs');
	});

	it('finds nothing where nothing agrees', () => {
		const { plan } = planWith('Ministry of Justice', 'MoJ');
		expect(matchInstitution(plan, library, 'foreign-affairs')).toEqual({ status: 'none' });
	});
});
