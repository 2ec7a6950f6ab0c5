// Proposals from the room, captured on a slide and written into the plan where that slide's content
// is edited: on a pillar slide a new objective (or a new action under a chosen objective); on a step
// slide a new paragraph at the end of the step's main text.
import type { Step } from '../plan/completeness.ts';
import { addItem, blank, findObjective, hasRoom, indexOfId } from '../plan/operations.ts';
import { numbers } from '../plan/walk.ts';
import { objectiveSchema, type Plan } from '../plan/schema.ts';
import { excerpt, pillarName } from '../plan/text.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Slide, SlidePlace } from './slides.ts';
import { PLAN_TEXTS, type PlanTextName } from './texts.ts';

/** The text a proposal on each step's slide is appended to (the title slide belongs to the overview). */
export const CAPTURE_TEXTS = {
	overview: 'vision',
	context: 'situationAnalysis',
	consultation: 'consultationSummary',
	coordination: 'coordinationDescription',
	budget: 'resourceMobilisation'
} as const satisfies Partial<Record<Step, PlanTextName>>;

/** The longest proposal the capture box takes. */
export const MAX_PROPOSAL = 10_000;

export type CaptureTarget =
	| { kind: 'text'; text: PlanTextName }
	| { kind: 'objective'; pillarId: string }
	| { kind: 'action'; objectiveId: string };

export interface CaptureChoice {
	/** The value of the choice in a select: 'text', 'objective' or `action:<objective id>`. */
	value: string;
	label: string;
	target: CaptureTarget;
}

/** Where a proposal on this slide can go; the first choice is the default. Empty when nowhere. */
export function captureChoices(plan: Plan, slide: Slide, t: Translate): CaptureChoice[] {
	if (slide.kind === 'pillar') {
		const pillar = plan.pillars[indexOfId(plan.pillars, slide.pillarId)];
		if (!pillar) return [];
		const refs = numbers(plan);
		return [
			{
				value: 'objective',
				label: t('workshop.captureBox.newObjective', {
					pillar: pillarName(pillar, t) || t('common.untitled')
				}),
				target: { kind: 'objective', pillarId: pillar.id }
			},
			...pillar.objectives.map((objective) => ({
				value: `action:${objective.id}`,
				label: t('workshop.captureBox.newAction', {
					ref: refs.get(objective.id) ?? '',
					title: excerpt(objective.title, 80) || t('common.untitled')
				}),
				target: { kind: 'action', objectiveId: objective.id } as const
			}))
		];
	}
	const text =
		slide.step in CAPTURE_TEXTS
			? CAPTURE_TEXTS[slide.step as keyof typeof CAPTURE_TEXTS]
			: undefined;
	if (!text) return [];
	return [
		{
			value: 'text',
			label: t('workshop.captureBox.appendTo', { field: t(PLAN_TEXTS[text].label) }),
			target: { kind: 'text', text }
		}
	];
}

export type CaptureResult =
	| {
			ok: true;
			kind: CaptureTarget['kind'];
			/** "2.3" for an objective, "2.1.3" for an action; '' for a text. */
			ref: string;
			/** Where the proposal now shows (see slideIndexOf). */
			place: SlidePlace;
	  }
	| { ok: false; error: 'empty' | 'tooLong' | 'notFound' | 'full' };

/** Every text a proposal goes into is a long text of the plan model: this is its limit. */
const fits = (text: string) => objectiveSchema.shape.title.safeParse(text).success;

/** Writes a proposal into the plan (in place). The plan is left untouched when it fails. */
export function capture(plan: Plan, target: CaptureTarget, proposal: string): CaptureResult {
	const text = proposal.trim();
	if (!text) return { ok: false, error: 'empty' };
	if (text.length > MAX_PROPOSAL) return { ok: false, error: 'tooLong' };

	if (target.kind === 'text') {
		const field = PLAN_TEXTS[target.text];
		const before = field.read(plan).trimEnd();
		const after = before ? `${before}\n\n${text}` : text;
		if (!fits(after)) return { ok: false, error: 'tooLong' };
		field.write(plan, after);
		return { ok: true, kind: 'text', ref: '', place: { step: field.step, text: target.text } };
	}

	if (target.kind === 'objective') {
		const pillar = plan.pillars[indexOfId(plan.pillars, target.pillarId)];
		if (!pillar) return { ok: false, error: 'notFound' };
		if (!hasRoom(pillar.objectives)) return { ok: false, error: 'full' };
		const objective = addItem(pillar.objectives, { ...blank.objective(), title: text });
		return {
			ok: true,
			kind: 'objective',
			ref: numbers(plan).get(objective.id) ?? '',
			place: { step: 'pillars', pillarId: target.pillarId, objectiveId: objective.id }
		};
	}

	const found = findObjective(plan, target.objectiveId);
	if (!found) return { ok: false, error: 'notFound' };
	const { actions } = found.objective;
	if (!hasRoom(actions)) return { ok: false, error: 'full' };
	const action = addItem(actions, { ...blank.action(), description: text });
	return {
		ok: true,
		kind: 'action',
		ref: numbers(plan).get(action.id) ?? '',
		place: { step: 'pillars', pillarId: found.pillar.id, objectiveId: target.objectiveId }
	};
}
