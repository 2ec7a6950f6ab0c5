// The plan model: one zod schema is the single source of truth for a national action plan draft.
// Every field has a default, so a half-written draft (or an older file) parses into a whole plan:
// incomplete is normal while drafting; the checks in completeness.ts say what is missing.
import { z } from 'zod';
import { isPlanDate } from './dates.ts';
import { EMBLEM_TYPES, emblemMatches, MAX_EMBLEM_BASE64, MAX_EMBLEM_PIXELS, type Emblem } from './emblem.ts';

// The app's content security policy forbids eval: without this, zod probes `new Function` once and the
// browser reports a CSP violation (Lighthouse counts it against best practices).
z.config({ jitless: true });

export const SCHEMA_VERSION = 2;
export const FILE_FORMAT = 'nap-builder.plan';

export const LANGUAGES = ['en', 'fr', 'es'] as const;
export const REGIONS = ['africa', 'americas', 'asia-pacific', 'europe', 'middle-east'] as const;
export const STATUSES = ['draft', 'validated', 'adopted'] as const;
export const RESOLUTIONS = [
	'1325',
	'1820',
	'1888',
	'1889',
	'1960',
	'2106',
	'2122',
	'2242',
	'2467',
	'2493',
	'2538'
] as const;
export const INSTITUTION_KINDS = ['ministry', 'parliament', 'civil-society', 'un-entity', 'other'] as const;
export const EVENT_KINDS = ['national', 'regional', 'local', 'validation-workshop'] as const;
export const SECTORS = [
	'government',
	'security-sector',
	'parliament',
	'civil-society',
	'academia',
	'international',
	'other'
] as const;
/** The thematic framework: the four pillars, the five areas of the UN System-wide Action Plan, or the plan's own. */
export const FRAMEWORKS = ['pillars', 'system-wide', 'custom'] as const;
export const PILLAR_KEYS = [
	'participation',
	'protection',
	'prevention',
	'relief-recovery',
	'coordination-accountability',
	'normative'
] as const;
export const ACTION_STATUSES = ['not-started', 'in-progress', 'completed', 'delayed'] as const;
/** The five implementation strategies of the System-wide Action Plan (S/2007/567, para. 44). */
export const STRATEGIES = [
	'policy-development',
	'advocacy',
	'capacity-building',
	'partnership-networking',
	'goods-services'
] as const;
export const FUNDING_SOURCES = ['national-budget', 'development-partners', 'un-system', 'other'] as const;
export const FREQUENCIES = ['monthly', 'quarterly', 'biannual', 'annual', 'biennial', 'end-of-plan'] as const;
export const LEVELS = ['national', 'provincial', 'local'] as const;
/** Where an action takes effect: at home, or abroad (peacekeeping, diplomacy, development aid). */
export const ACTION_SCOPES = ['domestic', 'abroad'] as const;
/** What a reviewer's comment is on: a part of the plan (a wizard step) or one item. */
export const COMMENT_TARGETS = ['section', 'pillar', 'objective', 'action', 'indicator'] as const;

const MAX_SHORT = 500;
const MAX_LONG = 50_000;
/** The most items any list of the plan holds (institutions, actions, comments…). */
export const MAX_ITEMS = 5_000;

const id = z.string().min(1).max(64);
const shortText = z.string().max(MAX_SHORT).default('');
const longText = z.string().max(MAX_LONG).default('');
const year = z.number().int().min(1900).max(2200).nullable().default(null);
/** A year, a month or a day, as precise as the drafters know it (plan/dates.ts); '' when not known. */
const planDate = z.string().max(10).default('').refine(isPlanDate);
const count = z.number().int().min(0).max(10_000_000).nullable().default(null);
const ref = z.string().max(64).default(''); // an institution id, or '' when not chosen yet
/** The most institutions one action or body names as partners or members. */
export const MAX_REFS = 500;
const refs = z.array(z.string().min(1).max(64)).max(MAX_REFS).default([]);
/** An optional choice from a fixed list: '' means "not chosen yet". */
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.union([z.literal(''), z.enum(values)]).default('');
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_ITEMS).default([]);
/** The id of the template library item this was copied from ('' when the team wrote it): lets the
 * review step tell template wording from the team's own, and pull the same item in another language. */
const templateId = z.string().max(64).default('');
/** The institution (an id in this plan) whose draft file contributed the item in a merge; '' for the
 * team's own work. */
const contributedBy = ref;

export const institutionSchema = z.object({
	id,
	name: shortText,
	acronym: z.string().max(40).default(''),
	kind: choice(INSTITUTION_KINDS),
	templateId
});

export const baselineFigureSchema = z.object({
	id,
	figure: shortText,
	value: shortText,
	year,
	source: shortText
});

export const participantsSchema = z.object({
	id,
	sector: choice(SECTORS),
	women: count,
	men: count
});

export const consultationEventSchema = z.object({
	id,
	title: shortText,
	date: planDate,
	place: shortText,
	kind: choice(EVENT_KINDS),
	participants: list(participantsSchema),
	outcomes: longText
});

export const indicatorSchema = z.object({
	id,
	statement: longText,
	unit: shortText,
	baselineValue: shortText,
	baselineYear: year,
	targetValue: shortText,
	targetYear: year,
	meansOfVerification: shortText,
	frequency: choice(FREQUENCIES),
	/** The Secretary-General's global indicator (S/2010/173) it maps to, e.g. "11a"; '' when none applies. */
	globalIndicator: z.string().max(20).default(''),
	templateId,
	contributedBy
});

export const budgetLineSchema = z.object({
	amount: z.number().min(0).max(1e15).nullable().default(null),
	/** ISO 4217 code; '' means the plan's currency. Free text here so that a half-typed code is kept. */
	currency: z.string().max(10).default(''),
	source: choice(FUNDING_SOURCES),
	secured: z.boolean().default(false)
});

export const actionSchema = z.object({
	id,
	description: longText,
	responsibleId: ref,
	partnerIds: refs,
	startYear: year,
	endYear: year,
	status: choice(ACTION_STATUSES),
	strategy: choice(STRATEGIES),
	scope: choice(ACTION_SCOPES),
	budget: budgetLineSchema.prefault({}),
	indicators: list(indicatorSchema),
	templateId,
	contributedBy
});

export const objectiveSchema = z.object({
	id,
	title: longText,
	expectedResults: longText,
	actions: list(actionSchema),
	templateId,
	contributedBy
});

export const pillarSchema = z.object({
	id,
	/** A framework's own pillar (its name comes from the interface language); '' for a pillar the team named. */
	key: choice(PILLAR_KEYS),
	name: shortText,
	description: longText,
	objectives: list(objectiveSchema)
});

export const coordinationBodySchema = z.object({
	id,
	name: shortText,
	level: choice(LEVELS),
	chairId: ref,
	memberIds: refs,
	meetingFrequency: choice(FREQUENCIES),
	mandate: longText
});

/** The most replies one comment holds. */
export const MAX_REPLIES = 500;
const timestamp = z.iso.datetime();
const author = z.string().max(200).default('');
const commentText = z.string().max(10_000).default('');

export const replySchema = z.object({
	id,
	author,
	createdAt: timestamp,
	text: commentText
});

/** A reviewer's comment (parliament staff, a validation workshop). Comments travel in the draft file and
 * become Word comments on export, anchored on the text they are about. */
export const commentSchema = z.object({
	id,
	target: z.enum(COMMENT_TARGETS),
	/** The step name for a section, else the item's id. */
	targetId: z.string().min(1).max(64),
	/** Which field of the item the comment is anchored on ('' for the item as a whole). */
	field: z.string().max(64).default(''),
	author,
	createdAt: timestamp,
	text: commentText,
	replies: z.array(replySchema).max(MAX_REPLIES).default([]),
	resolved: z.boolean().default(false),
	resolvedBy: author,
	resolvedAt: z.union([z.literal(''), timestamp]).default('')
});

const emblemShape = z.object({
	type: z.enum(EMBLEM_TYPES),
	data: z.string().min(1).max(MAX_EMBLEM_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/),
	width: z.number().int().min(1).max(MAX_EMBLEM_PIXELS),
	height: z.number().int().min(1).max(MAX_EMBLEM_PIXELS)
});
/** The emblem on the cover, or null. One value as a whole: its bytes must be a PNG or JPEG of the type and
 * pixel size it gives (emblem.ts), and a stored emblem that is not is reset as a whole, never half kept. */
export const emblemSchema = z
	.custom<Emblem>((value) => emblemShape.safeParse(value).success && emblemMatches(value as Emblem), { message: 'emblem' })
	.nullable()
	.default(null);

export const planSchema = z.object({
	format: z.literal(FILE_FORMAT),
	schemaVersion: z.literal(SCHEMA_VERSION),
	id,
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
	overview: z
		.object({
			title: shortText,
			country: shortText,
			region: choice(REGIONS),
			/** First, second… plan of the country. */
			generation: z.number().int().min(1).max(20).nullable().default(null),
			periodStart: year,
			periodEnd: year,
			status: z.enum(STATUSES).default('draft'),
			leadInstitutionId: ref,
			/** Who issues the plan, on the cover: "Government of …, Ministry of …". */
			issuingAuthority: shortText,
			emblem: emblemSchema,
			adoptionBody: shortText,
			adoptionDate: planDate,
			resolutions: z.array(z.enum(RESOLUTIONS)).max(RESOLUTIONS.length).default(['1325']),
			documentLanguages: z.array(z.enum(LANGUAGES)).max(LANGUAGES.length).default([]),
			/** The language the team writes the plan in ('' until chosen: then the first of documentLanguages).
			 * Its own text carries it in the Word file, whatever the language of the export's headings. */
			language: choice(LANGUAGES),
			foreword: longText,
			vision: longText,
			goal: longText
		})
		.prefault({}),
	institutions: list(institutionSchema),
	context: z
		.object({
			introduction: longText,
			legalFramework: longText,
			situationAnalysis: longText,
			lessonsLearned: longText,
			baselineData: list(baselineFigureSchema)
		})
		.prefault({}),
	consultation: z
		.object({
			summary: longText,
			events: list(consultationEventSchema)
		})
		.prefault({}),
	framework: choice(FRAMEWORKS),
	pillars: list(pillarSchema),
	coordination: z
		.object({
			description: longText,
			bodies: list(coordinationBodySchema)
		})
		.prefault({}),
	monitoring: z
		.object({
			reportingCycle: choice(FREQUENCIES),
			responsibleId: ref,
			reportsToParliament: z.boolean().default(false),
			midTermReview: planDate,
			finalEvaluation: planDate,
			civilSocietyRole: longText,
			description: longText
		})
		.prefault({}),
	budget: z
		.object({
			/** The currency an action's amount is in when it names none (ISO 4217). */
			currency: z.string().max(10).default('USD'),
			resourceMobilisation: longText
		})
		.prefault({}),
	comments: list(commentSchema)
});

export type Language = (typeof LANGUAGES)[number];
export type Plan = z.output<typeof planSchema>;
export type Institution = z.output<typeof institutionSchema>;
export type BaselineFigure = z.output<typeof baselineFigureSchema>;
export type ConsultationEvent = z.output<typeof consultationEventSchema>;
export type Participants = z.output<typeof participantsSchema>;
export type Pillar = z.output<typeof pillarSchema>;
export type Objective = z.output<typeof objectiveSchema>;
export type Action = z.output<typeof actionSchema>;
export type Indicator = z.output<typeof indicatorSchema>;
export type BudgetLine = z.output<typeof budgetLineSchema>;
export type CoordinationBody = z.output<typeof coordinationBodySchema>;
export type Comment = z.output<typeof commentSchema>;
export type Reply = z.output<typeof replySchema>;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];
export type ActionScope = (typeof ACTION_SCOPES)[number];
export type PillarKey = (typeof PILLAR_KEYS)[number];
export type Framework = (typeof FRAMEWORKS)[number];
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export type Resolution = (typeof RESOLUTIONS)[number];
export type Strategy = (typeof STRATEGIES)[number];
