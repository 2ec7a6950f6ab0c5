import { describe, expect, it } from 'vitest';
import { anchorKey, commentables } from '../comments/comments.ts';
import { COPY_CONTENTS } from '../export/contents.ts';
import { exportStrings } from '../export/strings.ts';
import { addItem, applyFramework, blank, createPlan } from '../plan/operations.ts';
import type { Plan } from '../plan/schema.ts';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { buildPlanDocument, planLine } from './build.ts';
import { textOf, type Block, type PlanDocument } from './model.ts';

const build = (plan: Plan, contents = COPY_CONTENTS.working, language: 'en' | 'fr' | 'es' = 'en') =>
	buildPlanDocument(plan, {
		language,
		t: exportStrings(language),
		contents,
		now: new Date('2027-03-12T00:00:00Z')
	});
const blocks = (doc: PlanDocument): Block[] =>
	doc.sections.flatMap((s) => s.parts.flatMap((p) => p.blocks));
/** The labelled values of the plan's chapters (the cover's aside). */
const values = (doc: PlanDocument) =>
	blocks(doc).flatMap((b) =>
		b.kind === 'values' && b.layout !== 'cover'
			? b.values.map((v) => [v.label, textOf(v.value)])
			: []
	);

describe('the document model of a plan', () => {
	it('has one part for each thing a reviewer can comment on, in the order comments number them, each with one anchored block', () => {
		const plan = samplePlan('en');
		const doc = build(plan);
		const parts = doc.sections.flatMap((s) => s.parts).filter((p) => p.anchor);
		expect(parts.map((p) => anchorKey(p.anchor!)).sort()).toEqual(
			commentables(plan).map(anchorKey).sort()
		);
		for (const part of parts)
			expect(
				part.blocks.filter((b) => 'anchored' in b && b.anchored).length,
				anchorKey(part.anchor!)
			).toBe(1);
	});

	it('numbers the results framework as the walk does, and gives every heading its own id', () => {
		const plan = samplePlan('fr');
		const doc = build(plan, COPY_CONTENTS.working, 'fr');
		const t = exportStrings('fr');
		const headings = blocks(doc).filter((b) => b.kind === 'heading');
		expect(new Set(headings.map((h) => h.id)).size).toBe(headings.length);
		expect(headings.map((h) => textOf(h.text))).toContain(
			t('export.labels.action', { ref: '1.1.2' })
		);
		expect(
			blocks(doc)
				.filter((b) => b.kind === 'entry')
				.map((b) => b.number)
		).toContain('1.1.1.1');
	});

	it('lists an action’s fields as the schema describes them, telling the team’s words (an institution) from the app’s (a choice)', () => {
		const plan = createPlan();
		applyFramework(plan, 'pillars');
		const ministry = addItem(plan.institutions, {
			...blank.institution(),
			name: 'Ministry of Defence'
		});
		addItem(addItem(plan.pillars[0].objectives, blank.objective()).actions, {
			...blank.action(),
			responsibleId: ministry.id,
			scope: 'abroad'
		});
		const t = exportStrings('en');
		const details = blocks(build(plan)).flatMap((b) => (b.kind === 'values' ? b.values : []));
		expect(details.find((v) => v.label === t('export.labels.responsible'))?.value).toEqual([
			{ kind: 'plan', text: 'Ministry of Defence' }
		]);
		expect(details.find((v) => v.label === t('fields.action.scope'))?.value).toEqual([
			{ kind: 'fixed', text: t('options.scope.abroad') }
		]);
		// What a plan needs, or a choice still to be made, reads "to be completed" while it is empty; what it may leave out, a dash.
		expect(details.find((v) => v.label === t('export.labels.timeframe'))?.value).toEqual([
			{ kind: 'missing', text: t('export.toBeCompleted') }
		]);
		expect(details.find((v) => v.label === t('fields.action.strategy'))?.value).toEqual([
			{ kind: 'missing', text: t('export.toBeCompleted') }
		]);
		expect(details.find((v) => v.label === t('fields.action.partnerIds'))?.value).toEqual([
			{ kind: 'fixed', text: '–' }
		]);
	});

	it('marks placeholders in the team’s text', () => {
		expect(planLine('Train [[number]] officers')).toEqual([
			{ kind: 'plan', text: 'Train ' },
			{ kind: 'placeholder', text: '[[number]]' },
			{ kind: 'plan', text: ' officers' }
		]);
	});

	it('says "to be completed" for an empty plan rather than leaving a chapter blank', () => {
		const doc = build(createPlan(), COPY_CONTENTS.working, 'es');
		const text = blocks(doc).filter((b) => b.kind === 'text');
		expect(text.length).toBeGreaterThan(5);
		for (const b of text) expect(b.lines.length).toBeGreaterThan(0);
		expect(blocks(doc).some((b) => b.kind === 'table')).toBe(false);
	});

	it('leaves the internal status and whether funds are secured out of an official copy', () => {
		const plan = samplePlan('en');
		const t = exportStrings('en');
		const official = values(build(plan, COPY_CONTENTS.official));
		const working = values(build(plan, COPY_CONTENTS.working));
		expect(working.some(([label]) => label === t('fields.action.status'))).toBe(true);
		expect(official.some(([label]) => label === t('fields.action.status'))).toBe(false);
		expect(working.some(([, value]) => value.includes(t('export.labels.secured')))).toBe(true);
		expect(
			official.some(
				([, value]) =>
					value.includes(t('export.labels.secured')) ||
					value.includes(t('export.labels.notSecured'))
			)
		).toBe(false);
	});
});
