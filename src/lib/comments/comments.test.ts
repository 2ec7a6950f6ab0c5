import { describe, expect, it } from 'vitest';
import { actionsOf, addItem, blank, createPlan, removeItem } from '../plan/operations.ts';
import { planSchema, type Plan } from '../plan/schema.ts';
import {
	addComment,
	addReply,
	anchorKey,
	commentables,
	commentCounts,
	deleteComment,
	deleteReply,
	describeTarget,
	initialsOf,
	MAX_COMMENT_TEXT,
	openCommentsByTarget,
	reopenComment,
	resolveComment,
	threads
} from './comments.ts';
import { samplePlan as sample } from '../../../tests/unit/sample-plan.ts';

/** A plan with one pillar, one objective, one action and two indicators. */
function small(): Plan {
	const plan = createPlan();
	const pillar = addItem(plan.pillars, blank.pillar('participation'));
	const objective = addItem(pillar.objectives, blank.objective());
	const action = addItem(objective.actions, blank.action());
	addItem(action.indicators, blank.indicator());
	addItem(action.indicators, blank.indicator());
	return plan;
}

const at = (iso: string) => new Date(iso);
const translate = (key: string, params: Record<string, string | number> = {}) =>
	`${key}${params.ref ? ` ${params.ref}` : ''}`;

describe('the parts a reviewer can comment on', () => {
	it('lists sections and items in document order, numbered as the plan numbers them', () => {
		const plan = small();
		const pillar = plan.pillars[0];
		const objective = pillar.objectives[0];
		const action = objective.actions[0];
		expect(commentables(plan)).toEqual([
			{ target: 'section', targetId: 'overview', ref: '' },
			{ target: 'section', targetId: 'context', ref: '' },
			{ target: 'section', targetId: 'consultation', ref: '' },
			{ target: 'section', targetId: 'pillars', ref: '' },
			{ target: 'pillar', targetId: pillar.id, ref: '1' },
			{ target: 'objective', targetId: objective.id, ref: '1.1' },
			{ target: 'action', targetId: action.id, ref: '1.1.1' },
			{ target: 'indicator', targetId: action.indicators[0].id, ref: '1.1.1.1' },
			{ target: 'indicator', targetId: action.indicators[1].id, ref: '1.1.1.2' },
			{ target: 'section', targetId: 'coordination', ref: '' },
			{ target: 'section', targetId: 'budget', ref: '' }
		]);
	});

	it('numbers actions as actionsOf does (the refs of the completeness checks)', () => {
		const plan = sample();
		const refs = new Map(
			commentables(plan)
				.filter((c) => c.target === 'action')
				.map((c) => [c.targetId, c.ref])
		);
		for (const { action, ref } of actionsOf(plan)) expect(refs.get(action.id)).toBe(ref);
	});

	it('names a section by its step title and an item by its number', () => {
		const [overview, , , , pillar, objective, action, indicator] = commentables(small());
		expect(describeTarget(overview, translate)).toBe('wizard.steps.overview.title');
		expect(describeTarget(pillar, translate)).toBe('comments.ref.pillar 1');
		expect(describeTarget(objective, translate)).toBe('comments.ref.objective 1.1');
		expect(describeTarget(action, translate)).toBe('comments.ref.action 1.1.1');
		expect(describeTarget(indicator, translate)).toBe('comments.ref.indicator 1.1.1.1');
	});
});

describe('comments and replies', () => {
	it('adds a comment on a part, with author and time, which the schema accepts', () => {
		const plan = small();
		const objective = plan.pillars[0].objectives[0];
		const comment = addComment(
			plan,
			{ target: 'objective', targetId: objective.id },
			'  Amina Diallo ',
			' Not measurable. \n',
			at('2027-03-01T10:00:00Z')
		);
		expect(comment).toMatchObject({
			target: 'objective',
			targetId: objective.id,
			author: 'Amina Diallo',
			text: 'Not measurable.',
			createdAt: '2027-03-01T10:00:00.000Z',
			resolved: false,
			replies: []
		});
		expect(plan.comments).toHaveLength(1);
		expect(planSchema.safeParse(plan).success).toBe(true);
	});

	it('refuses an empty comment or one with no author, and cuts text to what the schema holds', () => {
		const plan = small();
		const anchor = { target: 'section', targetId: 'context' } as const;
		expect(addComment(plan, anchor, 'Amina', '   ')).toBeUndefined();
		expect(addComment(plan, anchor, ' ', 'Text')).toBeUndefined();
		expect(plan.comments).toHaveLength(0);
		addComment(plan, anchor, 'Amina', 'x'.repeat(MAX_COMMENT_TEXT + 50));
		expect(plan.comments[0].text).toHaveLength(MAX_COMMENT_TEXT);
		expect(planSchema.safeParse(plan).success).toBe(true);
	});

	it('replies at the end of a thread', () => {
		const plan = small();
		const comment = addComment(
			plan,
			{ target: 'section', targetId: 'budget' },
			'Amina',
			'Where is the funding source?'
		)!;
		addReply(plan, comment.id, 'Jean', 'Added in the budget step.', at('2027-03-02T09:00:00Z'));
		addReply(plan, comment.id, 'Amina', 'Thanks.');
		expect(comment.replies.map((r) => [r.author, r.text])).toEqual([
			['Jean', 'Added in the budget step.'],
			['Amina', 'Thanks.']
		]);
		expect(comment.replies[0].createdAt).toBe('2027-03-02T09:00:00.000Z');
		expect(addReply(plan, 'no-such-comment', 'Jean', 'Text')).toBeUndefined();
		expect(addReply(plan, comment.id, 'Jean', '  ')).toBeUndefined();
		expect(comment.replies).toHaveLength(2);
	});

	it('resolves and reopens a thread, recording who resolved it and when', () => {
		const plan = small();
		const comment = addComment(
			plan,
			{ target: 'section', targetId: 'overview' },
			'Amina',
			'Title?'
		)!;
		expect(resolveComment(plan, comment.id, 'Jean', at('2027-03-03T08:00:00Z'))).toBe(true);
		expect(comment).toMatchObject({
			resolved: true,
			resolvedBy: 'Jean',
			resolvedAt: '2027-03-03T08:00:00.000Z'
		});
		expect(resolveComment(plan, comment.id, 'Jean')).toBe(false);
		expect(planSchema.safeParse(plan).success).toBe(true);
		expect(reopenComment(plan, comment.id)).toBe(true);
		expect(comment).toMatchObject({ resolved: false, resolvedBy: '', resolvedAt: '' });
		expect(reopenComment(plan, comment.id)).toBe(false);
	});

	it('deletes only one’s own comment or reply, and can put it back', () => {
		const plan = small();
		const anchor = { target: 'section', targetId: 'overview' } as const;
		const first = addComment(plan, anchor, 'Amina', 'First')!;
		addComment(plan, anchor, 'Jean', 'Second');
		const reply = addReply(plan, first.id, 'Jean', 'A reply')!;
		expect(deleteComment(plan, first.id, 'Jean')).toBeUndefined();
		expect(deleteComment(plan, first.id, '')).toBeUndefined();
		expect(deleteReply(plan, first.id, reply.id, 'Amina')).toBeUndefined();
		expect(plan.comments).toHaveLength(2);

		const undoReply = deleteReply(plan, first.id, reply.id, 'Jean');
		expect(first.replies).toHaveLength(0);
		undoReply!();
		expect(first.replies.map((r) => r.text)).toEqual(['A reply']);

		const undo = deleteComment(plan, first.id, ' Amina ');
		expect(plan.comments.map((c) => c.text)).toEqual(['Second']);
		undo!();
		expect(plan.comments.map((c) => c.text)).toEqual(['First', 'Second']);
	});
});

describe('threads and counts', () => {
	it('groups comments by part, oldest first, and can leave resolved ones out', () => {
		const plan = small();
		const objective = plan.pillars[0].objectives[0];
		const on = { target: 'objective', targetId: objective.id } as const;
		const later = addComment(plan, on, 'Amina', 'Later', at('2027-03-05T00:00:00Z'))!;
		const earlier = addComment(plan, on, 'Jean', 'Earlier', at('2027-03-04T00:00:00Z'))!;
		const section = addComment(
			plan,
			{ target: 'section', targetId: 'context' },
			'Jean',
			'Context',
			at('2027-03-04T00:00:00Z')
		)!;
		resolveComment(plan, section.id, 'Amina');

		const all = threads(plan);
		expect(all.byTarget.get(anchorKey(on))?.map((c) => c.text)).toEqual(['Earlier', 'Later']);
		expect(all.byTarget.get('section:context')?.map((c) => c.id)).toEqual([section.id]);
		expect(all.removed).toEqual([]);

		const open = threads(plan, 'open');
		expect(open.byTarget.has('section:context')).toBe(false);
		expect(open.byTarget.get(anchorKey(on))?.map((c) => c.id)).toEqual([earlier.id, later.id]);
		expect(commentCounts(plan)).toEqual({ open: 2, resolved: 1, removed: 0 });
	});

	it('keeps the comments of a deleted item apart, as on a removed item, and never drops them', () => {
		const plan = small();
		const action = plan.pillars[0].objectives[0].actions[0];
		const indicator = action.indicators[1];
		const onIndicator = addComment(
			plan,
			{ target: 'indicator', targetId: indicator.id },
			'Amina',
			'Baseline?'
		)!;
		addComment(plan, { target: 'action', targetId: action.id }, 'Amina', 'Who leads?');
		addComment(plan, { target: 'section', targetId: 'no-such-step' }, 'Jean', 'From an old file');

		removeItem(action.indicators, indicator.id);
		const result = threads(plan);
		expect(result.removed.map((c) => c.id)).toContain(onIndicator.id);
		expect(result.removed).toHaveLength(2);
		expect(result.byTarget.get(anchorKey({ target: 'action', targetId: action.id }))).toHaveLength(
			1
		);
		expect(plan.comments).toHaveLength(3);
		expect(commentCounts(plan)).toEqual({ open: 3, resolved: 0, removed: 2 });
		// What goes to Word: open comments on parts still in the plan.
		expect([...openCommentsByTarget(plan).keys()]).toEqual([
			anchorKey({ target: 'action', targetId: action.id })
		]);
	});
});

describe('initials for Word', () => {
	it.each([
		['Amina Diallo', 'AD'],
		['jean-paul Sartre', 'JPS'],
		['María José de la Fuente Ortega', 'MJD'],
		['Élodie', 'É'],
		['  ', '']
	])('%s → %s', (name, initials) => expect(initialsOf(name)).toBe(initials));
});
