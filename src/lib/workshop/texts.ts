// The plan's running texts that workshop slides show and that proposals from the room are appended
// to: one entry per text, with the step it is edited in and the label the wizard gives it.
import type { Step } from '../plan/completeness.ts';
import type { Plan } from '../plan/schema.ts';

export interface PlanText {
	step: Step;
	/** Text key of the field's label in the wizard (`fields.…`). */
	label: string;
	read: (plan: Plan) => string;
	write: (plan: Plan, value: string) => void;
}

export const PLAN_TEXTS = {
	vision: {
		step: 'overview',
		label: 'fields.overview.vision',
		read: (plan) => plan.overview.vision,
		write: (plan, value) => void (plan.overview.vision = value)
	},
	goal: {
		step: 'overview',
		label: 'fields.overview.goal',
		read: (plan) => plan.overview.goal,
		write: (plan, value) => void (plan.overview.goal = value)
	},
	situationAnalysis: {
		step: 'context',
		label: 'fields.context.situationAnalysis',
		read: (plan) => plan.context.situationAnalysis,
		write: (plan, value) => void (plan.context.situationAnalysis = value)
	},
	consultationSummary: {
		step: 'consultation',
		label: 'fields.consultation.summary',
		read: (plan) => plan.consultation.summary,
		write: (plan, value) => void (plan.consultation.summary = value)
	},
	coordinationDescription: {
		step: 'coordination',
		label: 'fields.coordination.description',
		read: (plan) => plan.coordination.description,
		write: (plan, value) => void (plan.coordination.description = value)
	},
	resourceMobilisation: {
		step: 'budget',
		label: 'fields.budget.resourceMobilisation',
		read: (plan) => plan.budget.resourceMobilisation,
		write: (plan, value) => void (plan.budget.resourceMobilisation = value)
	}
} as const satisfies Record<string, PlanText>;

export type PlanTextName = keyof typeof PLAN_TEXTS;

/** A text's paragraphs (one per non-blank line), as the Word export writes them. */
export function paragraphs(text: string): string[] {
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
}
