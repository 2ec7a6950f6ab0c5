import { toBase64 } from '../plan/emblem.ts';
import { describe, expect, it } from 'vitest';
import { localeStrings } from '../../../tests/unit/texts.ts';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { type Field } from '../plan/fields.ts';
import { addItem, blank } from '../plan/operations.ts';
import type { Plan } from '../plan/schema.ts';
import {
	comparePlans,
	fieldsOf,
	indexPlan,
	LIST_KINDS,
	modelKind,
	SECTION_KINDS,
	type Entry
} from './compare.ts';
import { comparedField, fieldLabelKey, kindName } from './fields.ts';
import { fieldsOf as describedFields } from '../plan/fields.ts';

/** A plan with at least one item of every kind (and one of each kind of monitoring entry, not the
 * sample's hundreds: every field of every entry is changed one at a time). */
function everyKind() {
	const plan = samplePlan();
	addItem(plan.pillars, blank.pillar()); // a pillar the team names, beside the framework's
	const { periods, actions, indicators } = plan.progress;
	plan.progress = {
		...plan.progress,
		periods: periods.slice(0, 1),
		actions: actions.slice(0, 1),
		indicators: indicators.slice(0, 1)
	};
	return plan;
}

const entriesOf = (plan: Plan): Entry[] => [
	...indexPlan(plan).sections.values(),
	...indexPlan(plan).items.values()
];

/** Another value the field can hold than `value`. */
function otherValue(field: Field, value: unknown, plan: Plan): unknown {
	switch (field.type) {
		case 'shortText':
		case 'longText':
		case 'code':
			return `${value ?? ''} (changed)`;
		case 'number':
			return ((value as number | null) ?? 1) + 1;
		case 'year':
			return value === 2100 ? 2101 : 2100;
		case 'amount':
			return ((value as number | null) ?? 0) + 1000;
		case 'date':
			return value === '2100' ? '2101' : '2100';
		case 'boolean':
			return !value;
		case 'choice':
			return field.values.find((v) => v !== value);
		case 'institution':
			return plan.institutions.find((i) => i.id !== value)?.id;
		case 'institutions':
		case 'resolutions':
		case 'languages': {
			const codes =
				field.type === 'institutions' ? plan.institutions.map((i) => i.id) : field.values;
			const list = value as string[];
			return list.length ? list.slice(1) : [codes[0]];
		}
		case 'rows':
			return [...(value as object[]), { id: 'new-row', sector: 'academia', women: 3, men: 4 }];
		case 'image': {
			// A PNG's signature and header: all an emblem's check reads.
			const width = (value as { width: number } | null)?.width === 2 ? 3 : 2;
			const png = new Uint8Array([
				0x89,
				0x50,
				0x4e,
				0x47,
				0x0d,
				0x0a,
				0x1a,
				0x0a,
				0,
				0,
				0,
				13,
				0x49,
				0x48,
				0x44,
				0x52,
				0,
				0,
				0,
				width,
				0,
				0,
				0,
				1,
				8,
				6,
				0,
				0,
				0,
				0,
				0,
				0,
				0
			]);
			return { type: 'image/png', data: toBase64(png), width, height: 1 };
		}
		default:
			throw new Error(`No other value for a ${field.type} field`);
	}
}

describe('the comparison of two plans', () => {
	it('covers every kind of item and section', () => {
		expect(new Set(entriesOf(everyKind()).map((e) => e.kind))).toEqual(
			new Set([...SECTION_KINDS, ...LIST_KINDS])
		);
	});

	// Every field of every item, changed one at a time: a few thousand comparisons of the whole sample.
	it('sees a change to any described field of any item', { timeout: 30_000 }, () => {
		const before = everyKind();
		const missed: string[] = [];
		for (const entry of entriesOf(before))
			for (const field of describedFields(modelKind(entry.kind))) {
				const after = structuredClone(before);
				const target = entriesOf(after).find((e) => e.kind === entry.kind && e.id === entry.id)!;
				field.set(target.item, otherValue(field, field.get(target.item), after));
				const diff = comparePlans(before, after).differences.find((d) => d.id === entry.id);
				if (!diff?.fields.some((f) => f.field === field.name))
					missed.push(`${entry.kind}.${field.name}`);
			}
		expect(missed).toEqual([]);
	});

	it('names every kind and every field it compares with a text that exists', () => {
		const english = localeStrings('en');
		for (const kind of [...SECTION_KINDS, ...LIST_KINDS])
			expect(english.has(kindName(kind)), kind).toBe(true);
		for (const entry of entriesOf(everyKind()))
			for (const field of Object.keys(fieldsOf(entry))) {
				const key = fieldLabelKey(entry.kind, field);
				expect(key && english.has(key), `${entry.kind}.${field}`).toBe(true);
			}
	});

	it('compares an action’s scope and global indicators of its indicators', () => {
		expect(comparedField('action', 'scope')?.label).toBe('fields.action.scope');
		expect(comparedField('indicator', 'globalIndicator')?.label).toBe(
			'fields.indicator.globalIndicator'
		);
	});
});
