import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { addItem, blank, createPlan } from '../plan/operations.ts';
import { ACTION_SCOPES } from '../plan/schema.ts';
import { fieldsOf, indexPlan, type Entry } from './compare.ts';
import { FIELDS, KIND_NAMES } from './fields.ts';

const english = new Map<string, unknown>();
const flatten = (value: unknown, prefix: string): void => {
	if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, `${prefix}.${k}`);
	else english.set(prefix, value);
};
const dir = join(import.meta.dirname, '../../../locales/en');
for (const file of readdirSync(dir)) flatten(JSON.parse(readFileSync(join(dir, file), 'utf8')), file.replace('.json', ''));

/** A plan with at least one item of every kind. */
function everyKind() {
	const plan = samplePlan();
	addItem(plan.pillars, blank.pillar()); // a pillar the team names, beside the framework's
	return plan;
}

describe('field catalogue', () => {
	const entries: Entry[] = [...indexPlan(everyKind()).sections.values(), ...indexPlan(everyKind()).items.values()];

	it('covers every item kind', () => {
		expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(Object.keys(FIELDS)));
	});

	it('names every kind of item with a text key that exists', () => {
		for (const key of Object.values(KIND_NAMES)) expect(english.has(key), key).toBe(true);
	});

	it('names every field the comparison looks at, with a text key that exists', () => {
		for (const entry of entries)
			for (const field of Object.keys(fieldsOf(entry))) {
				const spec = FIELDS[entry.kind][field];
				expect(spec, `${entry.kind}.${field}`).toBeDefined();
				expect(english.has(spec.label), spec.label).toBe(true);
			}
	});

	it('lists no field the model does not have', () => {
		const plan = createPlan();
		const objective = addItem(addItem(plan.pillars, blank.pillar()).objectives, blank.objective());
		addItem(addItem(objective.actions, blank.action()).indicators, blank.indicator());
		plan.institutions.push(blank.institution());
		plan.context.baselineData.push(blank.baselineFigure());
		plan.consultation.events.push(blank.consultationEvent());
		plan.coordination.bodies.push(blank.coordinationBody());
		const index = indexPlan(plan);
		for (const entry of [...index.sections.values(), ...index.items.values()])
			expect(Object.keys(FIELDS[entry.kind]).sort(), entry.kind).toEqual(Object.keys(fieldsOf(entry)).sort());
	});

	it('has a label for every choice value', () => {
		const scope = FIELDS.action.scope.display;
		for (const value of ACTION_SCOPES) expect(scope.type === 'choice' && english.has(`${scope.options}.${value}`), value).toBe(true);
		const sample = everyKind();
		for (const entry of [...indexPlan(sample).sections.values(), ...indexPlan(sample).items.values()])
			for (const [field, value] of Object.entries(fieldsOf(entry))) {
				const display = FIELDS[entry.kind][field].display;
				if (display.type === 'choice' && value !== '') expect(english.has(`${display.options}.${value}`), `${display.options}.${value}`).toBe(true);
			}
	});
});
