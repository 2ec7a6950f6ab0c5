import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../i18n/format.ts';
import { localeStrings, translator } from '../../../tests/unit/texts.ts';
import { fieldRegistry, type FieldMeta } from './descriptions.ts';
import {
	fieldOf,
	fieldsOf,
	formatValue,
	isFilled,
	itemListsOf,
	KINDS,
	labelAt,
	schemaOf,
	sectionsOf,
	textsOf,
	unwrap,
	type Field
} from './fields.ts';
import { addItem, applyFramework, blank, createPlan } from './operations.ts';
import { ACTION_SCOPES, LANGUAGES, planSchema, RESOLUTIONS } from './schema.ts';

/** Every field of the plan's schema with its path, down through sections, lists and groups (not into internal fields). */
function walk(
	object: z.ZodObject,
	path: string,
	out: { path: string; meta: FieldMeta | undefined }[] = []
) {
	for (const [key, schema] of Object.entries(object.shape)) {
		const meta = fieldRegistry.get(schema as z.ZodType);
		out.push({ path: `${path}.${key}`, meta });
		if (
			meta &&
			(meta.type === 'section' ||
				meta.type === 'items' ||
				meta.type === 'group' ||
				meta.type === 'rows')
		) {
			const inner = unwrap(schema as z.ZodType);
			const def = inner._zod.def as { type: string; element?: z.ZodType };
			walk(
				(def.type === 'array' ? unwrap(def.element!) : inner) as z.ZodObject,
				`${path}.${key}`,
				out
			);
		}
	}
	return out;
}

const all = walk(planSchema, 'plan');
const described = all.flatMap(({ path, meta }) =>
	meta && meta.type !== 'internal' ? [{ path, meta }] : []
);

describe('field descriptions', () => {
	it('describe every field of the plan, or mark it internal', () => {
		expect(all.filter((f) => !f.meta).map((f) => f.path)).toEqual([]);
	});

	it('reach every kind of item, each with fields of its own', () => {
		for (const kind of KINDS)
			expect(fieldsOf(kind).length + itemListsOf(kind).length, kind).toBeGreaterThan(0);
	});

	it.each(LANGUAGES)('name every field, list, row and choice in %s', (language) => {
		const strings = localeStrings(language);
		const keys = described.flatMap(({ meta }) => {
			const own = [meta.label];
			if (meta.type === 'items' || meta.type === 'rows') own.push(meta.item);
			if (meta.type === 'rows') own.push(meta.row);
			return own;
		});
		for (const field of KINDS.flatMap((kind) => fieldsOf(kind)))
			if (field.type === 'choice') keys.push(...field.values.map((v) => `${field.options}.${v}`));
		expect(keys.filter((key) => !strings.has(key))).toEqual([]);
	});

	it.each(LANGUAGES)('name in %s the gap each needed field leaves', (language) => {
		const strings = localeStrings(language);
		const gaps = described.flatMap(({ meta }) =>
			'required' in meta && meta.required ? [`gaps.${meta.required}`] : []
		);
		expect(gaps.length).toBeGreaterThan(0);
		expect(gaps.filter((key) => !strings.has(key))).toEqual([]);
	});

	it('list a kind’s fields in the schema’s order, its budget line’s through it', () => {
		const names = fieldsOf('action').map((f) => f.name);
		expect(names.indexOf('description')).toBeLessThan(names.indexOf('responsibleId'));
		expect(names).toContain('budget.amount');
		expect(names).not.toContain('indicators'); // a list of items, not a field
		expect(itemListsOf('action').map((l) => l.of)).toEqual(['indicator']);
		expect(sectionsOf().map((s) => s.key)).toContain('monitoring');
		expect(schemaOf('action')).toBeDefined();
	});

	it('read and write a value through its field, a budget line’s too', () => {
		const action = blank.action();
		const amount = fieldOf('action', 'budget.amount')!;
		amount.set(action, 12_000);
		expect(action.budget.amount).toBe(12_000);
		expect(amount.get(action)).toBe(12_000);
		expect(fieldOf('action', 'scope')).toMatchObject({
			type: 'choice',
			options: 'options.scope',
			label: 'fields.action.scope',
			values: ACTION_SCOPES
		});
		expect(fieldOf('overview', 'resolutions')?.values).toEqual(RESOLUTIONS);
	});

	it('count an institution as filled only when the plan lists it', () => {
		const plan = createPlan();
		const lead = fieldOf('overview', 'leadInstitutionId')!;
		expect(isFilled(lead, 'gone', plan.institutions)).toBe(false);
		const ministry = addItem(plan.institutions, {
			...blank.institution(),
			name: 'Ministry of Gender'
		});
		expect(isFilled(lead, ministry.id, plan.institutions)).toBe(true);
	});
});

describe('labelAt', () => {
	it('names the field, entry or list a path in the plan leads to, and nothing else', () => {
		const action = ['pillars', 0, 'objectives', 1, 'actions', 2];
		expect(labelAt(['overview', 'adoptionDate'])).toBe('fields.overview.adoptionDate');
		expect(labelAt(['framework'])).toBe('fields.pillars.framework');
		expect(labelAt([...action, 'budget', 'amount'])).toBe('fields.action.amount');
		expect(labelAt([...action, 'partnerIds', 3])).toBe('fields.action.partnerIds');
		expect(labelAt(['context', 'baselineFigures', 0, 'source'])).toBe(
			'fields.baselineFigure.source'
		);
		expect(labelAt(['consultation', 'events', 0, 'participants', 1, 'women'])).toBe(
			'fields.participants.women'
		);
		expect(labelAt([...action, 'indicators'])).toBe('fields.action.indicators');
		for (const none of [
			['overview'],
			action,
			[...action, 'id'],
			[...action, 'templateId'],
			['comments', 0, 'text'],
			['overview', 'nothing']
		])
			expect(labelAt(none), none.join('.')).toBeUndefined();
	});
});

describe('textsOf', () => {
	it('yields every text the team typed with its path, and no code, choice, id or number', () => {
		const plan = createPlan();
		applyFramework(plan, 'pillars');
		const action = addItem(addItem(plan.pillars[0].objectives, blank.objective()).actions, {
			...blank.action(),
			description: 'Train judges',
			scope: 'abroad'
		});
		action.budget.currency = 'EUR';
		addItem(action.indicators, {
			...blank.indicator(),
			globalIndicator: '11a',
			baselineYear: 2024
		});
		addItem(plan.institutions, {
			...blank.institution(),
			name: 'Ministry of Justice',
			kind: 'ministry'
		});
		const texts = [...textsOf(plan)];
		expect(texts).toContainEqual(
			expect.objectContaining({
				path: 'pillars[0].objectives[0].actions[0].description',
				kind: 'action',
				text: 'Train judges'
			})
		);
		expect(texts).toContainEqual(
			expect.objectContaining({
				path: 'pillars[0].objectives[0].actions[0].indicators[0].globalIndicator',
				text: '11a'
			})
		);
		expect(texts).toContainEqual(
			expect.objectContaining({ path: 'institutions[0].name', text: 'Ministry of Justice' })
		);
		expect(texts).toContainEqual(expect.objectContaining({ path: 'overview.title', text: '' }));
		const values = texts.map((t) => t.text);
		for (const code of ['abroad', 'EUR', 'USD', 'ministry', 'pillars', action.id])
			expect(values).not.toContain(code);
	});
});

describe('formatValue', () => {
	const plan = createPlan();
	applyFramework(plan, 'pillars');
	const ministry = addItem(plan.institutions, {
		...blank.institution(),
		name: 'Ministère de la Justice',
		acronym: 'MJ'
	});
	const field = (kind: Parameters<typeof fieldOf>[0], name: string): Field => fieldOf(kind, name)!;

	it.each(LANGUAGES)(
		'shows choices, institutions, dates, amounts and boxes as %s writes them',
		(language) => {
			const t = translator(language);
			const context = { t, language, institutions: plan.institutions };
			expect(formatValue(field('action', 'scope'), 'abroad', context)).toBe(
				t('options.scope.abroad')
			);
			expect(formatValue(field('action', 'responsibleId'), ministry.id, context)).toBe(
				'Ministère de la Justice'
			);
			expect(formatValue(field('action', 'responsibleId'), 'gone', context)).toBe(
				t('common.missing')
			);
			expect(formatValue(field('action', 'partnerIds'), [ministry.id, 'gone'], context)).toBe(
				`Ministère de la Justice, ${t('common.missing')}`
			);
			expect(formatValue(field('monitoring', 'finalEvaluation'), '2030-06', context)).toMatch(
				{ en: /June 2030/, fr: /juin 2030/, es: /junio de 2030/ }[language]
			);
			expect(
				formatValue(field('action', 'budget.amount'), 1_500_000, { ...context, currency: 'EUR' })
			).toBe(formatMoney(1_500_000, 'EUR', language));
			expect(
				formatValue(field('action', 'budget.amount'), 1_500_000, { ...context, currency: 'EUR' })
			).toMatch(/€/);
			expect(formatValue(field('action', 'budget.secured'), false, context)).toBe(t('common.no'));
			expect(formatValue(field('action', 'startYear'), 2027, context)).toBe('2027');
			expect(formatValue(field('action', 'description'), '  ', context)).toBe('');
			expect(formatValue(field('overview', 'documentLanguages'), ['fr'], context)).toBe('Français');
		}
	);

	it('writes a row of participants with its sector’s name, a count left empty as 0', () => {
		const t = translator('en');
		const text = formatValue(
			field('consultationEvent', 'participants'),
			[{ id: 'p', sector: 'civil-society', women: 12, men: null }],
			{ t, language: 'en', institutions: [] }
		);
		expect(text).toBe(
			t('fields.participants.row', {
				sector: t('options.sector.civil-society'),
				women: '12',
				men: '0'
			})
		);
	});
});
