// The policy dialogue template library: content kept apart from the engine, as data in
// templates/library/. Every text carries all three languages, so a plan started in one language
// can pull the same item in another: items are keyed by id, never by text.
import { z } from 'zod';
import {
	FRAMEWORKS,
	FREQUENCIES,
	LANGUAGES,
	PILLAR_KEYS,
	REGIONS,
	RESOLUTIONS,
	STRATEGIES,
	type Language
} from '../plan/schema.ts';
import { STEPS } from '../plan/completeness.ts';

export const MINISTRIES = [
	'defence',
	'foreign-affairs',
	'justice',
	'women-gender',
	'interior-police',
	'parliament'
] as const;
export type Ministry = (typeof MINISTRIES)[number];

const text = z
	.object({
		en: z.string().trim().min(1),
		fr: z.string().trim().min(1),
		es: z.string().trim().min(1)
	})
	.strict();
export type LocalText = z.output<typeof text>;

/** Ids are dotted paths such as `defence.2.3` (ministry, objective, action): stable across versions. */
const itemId = z
	.string()
	.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/)
	.max(64);

export const libraryIndicatorSchema = z
	.object({
		id: itemId,
		statement: text,
		unit: text,
		/** What the baseline measures, usually a placeholder the team replaces with the country's figure. */
		baseline: text,
		target: text,
		meansOfVerification: text,
		frequency: z.enum(FREQUENCIES),
		/** The Secretary-General's global indicator (S/2010/173) it maps to, e.g. "11a". */
		globalIndicator: z.string().max(20).optional()
	})
	.strict();

export const libraryActionSchema = z
	.object({
		id: itemId,
		text,
		strategy: z.enum(STRATEGIES),
		resolutions: z.array(z.enum(RESOLUTIONS)).min(1),
		indicators: z.array(libraryIndicatorSchema).min(1)
	})
	.strict();

export const libraryObjectiveSchema = z
	.object({
		id: itemId,
		pillar: z.enum(PILLAR_KEYS),
		title: text,
		expectedResults: text,
		actions: z.array(libraryActionSchema).min(1)
	})
	.strict();

export const ministryTemplateSchema = z
	.object({
		kind: z.literal('ministry'),
		id: z.enum(MINISTRIES),
		name: text,
		description: text,
		/** The institution the template's actions are assigned to. */
		institution: z.object({ name: text, acronym: text }).strict(),
		objectives: z.array(libraryObjectiveSchema).min(4)
	})
	.strict();

export const recommendationSchema = z
	.object({
		id: itemId,
		/** Which list of S/2004/814 it comes from, and its number there. */
		group: z.enum(['participation', 'gender-based-violence']),
		number: z.number().int().min(1).max(15),
		pillar: z.enum(PILLAR_KEYS),
		ministries: z.array(z.enum(MINISTRIES)).min(1),
		/** The recommendation in the app's own words. */
		summary: text,
		action: libraryActionSchema
	})
	.strict();

export const recommendationsSchema = z
	.object({
		kind: z.literal('recommendations'),
		source: text,
		recommendations: z.array(recommendationSchema).length(21)
	})
	.strict();

export const agendaSessionSchema = z
	.object({
		id: itemId,
		day: z.number().int().min(1).max(5),
		title: text,
		/** The wizard step the session fills. */
		step: z.enum(STEPS),
		minutes: z.number().int().min(15).max(480),
		/** What the facilitator does in the session. */
		facilitation: text
	})
	.strict();

export const regionalTemplateSchema = z
	.object({
		kind: z.literal('regional'),
		id: itemId,
		region: z.enum(REGIONS),
		name: text,
		/** Where, when and with whom the dialogue took place, from the sources. */
		description: text,
		framework: z.enum(FRAMEWORKS).exclude(['custom']),
		coordination: z.boolean(),
		documentLanguages: z.array(z.enum(LANGUAGES)).min(1),
		/** Ministry templates a delegation of the region usually combines. */
		ministries: z.array(z.enum(MINISTRIES)).min(1),
		/** Suggested priorities: objectives with their actions. */
		objectives: z.array(libraryObjectiveSchema).min(1),
		agenda: z.array(agendaSessionSchema).min(STEPS.length)
	})
	.strict();

export const frameworksSchema = z
	.object({
		kind: z.literal('frameworks'),
		frameworks: z
			.array(
				z
					.object({
						id: z.enum(FRAMEWORKS).exclude(['custom']),
						definition: text,
						guidance: text,
						source: text,
						areas: z
							.array(
								z.object({ key: z.enum(PILLAR_KEYS), definition: text, guidance: text }).strict()
							)
							.min(4)
					})
					.strict()
			)
			.length(2)
	})
	.strict();

export const guidanceSchema = z
	.object({
		kind: z.literal('guidance'),
		steps: z
			.array(
				z
					.object({ step: z.enum(STEPS), why: text, good: text, pitfalls: z.array(text).min(2) })
					.strict()
			)
			.length(STEPS.length)
	})
	.strict();

export const templateFileSchema = z.discriminatedUnion('kind', [
	ministryTemplateSchema,
	recommendationsSchema,
	regionalTemplateSchema,
	frameworksSchema,
	guidanceSchema
]);

export type LibraryIndicator = z.output<typeof libraryIndicatorSchema>;
export type LibraryAction = z.output<typeof libraryActionSchema>;
export type LibraryObjective = z.output<typeof libraryObjectiveSchema>;
export type MinistryTemplate = z.output<typeof ministryTemplateSchema>;
export type Recommendation = z.output<typeof recommendationSchema>;
export type RegionalTemplate = z.output<typeof regionalTemplateSchema>;
export type Frameworks = z.output<typeof frameworksSchema>;
export type Guidance = z.output<typeof guidanceSchema>;
export type TemplateFile = z.output<typeof templateFileSchema>;

export const localize = (value: LocalText, language: Language): string => value[language];
