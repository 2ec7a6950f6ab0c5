// The plan model: one zod schema is the single source of truth for a national action plan draft.
// Every field has a default, so a half-written draft (or an older file) parses into a whole plan:
// incomplete is normal while drafting; the checks in completeness.ts say what is missing.
import { z } from 'zod';
import { LANGUAGES, MAX_ITEMS, type Language } from './constants.ts';
import { isPlanDate } from './dates.ts';
import { PERIOD_KEY } from './periods.ts';
import { describe, type Kind, type Need } from './descriptions.ts';
import {
	EMBLEM_TYPES,
	emblemMatches,
	MAX_EMBLEM_BASE64,
	MAX_EMBLEM_PIXELS,
	type Emblem
} from './emblem.ts';

// The app's content security policy forbids eval: without this, zod probes `new Function` once and the
// browser reports a CSP violation (Lighthouse counts it against best practices).
z.config({ jitless: true });

export { LANGUAGES, MAX_ITEMS, type Language };

export const SCHEMA_VERSION = 4;
export const FILE_FORMAT = 'nap-builder.plan';

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
export const INSTITUTION_KINDS = [
	'ministry',
	'parliament',
	'civil-society',
	'un-entity',
	'other'
] as const;
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
export const FUNDING_SOURCES = [
	'national-budget',
	'development-partners',
	'un-system',
	'other'
] as const;
export const FREQUENCIES = [
	'monthly',
	'quarterly',
	'biannual',
	'annual',
	'biennial',
	'end-of-plan'
] as const;
export const LEVELS = ['national', 'provincial', 'local'] as const;
/** Where an action takes effect: at home, or abroad (peacekeeping, diplomacy, development aid). */
export const ACTION_SCOPES = ['domestic', 'abroad'] as const;
/** How an action stands in a reporting period, as its institution reports it (monitoring, after adoption). */
export const PROGRESS_STATUSES = [
	'not-started',
	'on-track',
	'delayed',
	'completed',
	'cancelled'
] as const;
/** Where an indicator stands against its target in a period (progress/rating.ts says by which rule). */
export const RATINGS = ['on-track', 'at-risk', 'off-track'] as const;
/** What a reviewer's comment is on: a part of the plan (a wizard step) or one item. */
export const COMMENT_TARGETS = ['section', 'pillar', 'objective', 'action', 'indicator'] as const;

const MAX_SHORT = 500;
const MAX_LONG = 50_000;

// Every field is built by a function that takes its description (descriptions.ts): its label key, and
// for a field the plan needs, the gap shown while it is empty. A field's kind of value is the builder's.
const internal = <S extends z.ZodType>(schema: S) => describe(schema, { type: 'internal' });
const id = internal(z.string().min(1).max(64));
const shortText = (label: string, need?: Need) =>
	describe(z.string().max(MAX_SHORT).default(''), { type: 'shortText', label, ...need });
const longText = (label: string, need?: Need) =>
	describe(z.string().max(MAX_LONG).default(''), { type: 'longText', label, ...need });
const code = (label: string) => describe(z.string().max(10).default(''), { type: 'code', label });
const year = (label: string, need?: Need) =>
	describe(z.number().int().min(1900).max(2200).nullable().default(null), {
		type: 'year',
		label,
		...need
	});
/** A year, a month or a day, as precise as the drafters know it (plan/dates.ts); '' when not known. */
const planDate = (label: string, need?: Need) =>
	describe(z.string().max(10).default('').refine(isPlanDate), { type: 'date', label, ...need });
const count = (label: string) =>
	describe(z.number().int().min(0).max(10_000_000).nullable().default(null), {
		type: 'number',
		label
	});
const refSchema = () => z.string().max(64).default(''); // an institution id, or '' when not chosen yet
const ref = (label: string, need?: Need) =>
	describe(refSchema(), { type: 'institution', label, ...need });
/** The most institutions one action or body names as partners or members. */
export const MAX_REFS = 500;
const refs = (label: string) =>
	describe(z.array(z.string().min(1).max(64)).max(MAX_REFS).default([]), {
		type: 'institutions',
		label
	});
/** An optional choice from a fixed list, labelled by `options.<options>.<value>`: '' means "not chosen yet". */
const choice = <T extends readonly [string, ...string[]]>(
	values: T,
	options: string,
	label: string,
	need?: Need
) =>
	describe(z.union([z.literal(''), z.enum(values)]).default(''), {
		type: 'choice',
		options: `options.${options}`,
		label,
		...need
	});
const flag = (label: string, need?: Need) =>
	describe(z.boolean().default(false), { type: 'boolean', label, ...need });
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_ITEMS).default([]);
/** A list of items in their own right, of kind `of`. */
const items = <T extends z.ZodType>(
	schema: T,
	of: Kind,
	label: string,
	item: string,
	need?: Need
) => describe(list(schema), { type: 'items', of, label, item, ...need });
const section = <T extends z.ZodObject>(object: T, of: Kind, label: string) =>
	describe(object.prefault({} as z.input<T>), { type: 'section', of, label });
/** The id of the template library item this was copied from ('' when the team wrote it): lets the
 * review step tell template wording from the team's own, and pull the same item in another language. */
const templateId = internal(z.string().max(64).default(''));
/** The institution (an id in this plan) whose draft file contributed the item in a merge; '' for the
 * team's own work. */
const contributedBy = internal(refSchema());

export const institutionSchema = z.object({
	id,
	name: shortText('fields.institution.name', { required: 'institutionName' }),
	acronym: describe(z.string().max(40).default(''), {
		type: 'shortText',
		label: 'fields.institution.acronym'
	}),
	kind: choice(INSTITUTION_KINDS, 'institutionKind', 'fields.institution.kind'),
	templateId
});

export const baselineFigureSchema = z.object({
	id,
	figure: shortText('fields.baselineFigure.figure', { required: 'baselineFigureValue' }),
	value: shortText('fields.baselineFigure.value', { required: 'baselineFigureValue' }),
	year: year('fields.baselineFigure.year', { required: 'baselineFigureSource' }),
	source: shortText('fields.baselineFigure.source', { required: 'baselineFigureSource' })
});

export const participantsSchema = z.object({
	id,
	sector: choice(SECTORS, 'sector', 'fields.participants.sector'),
	women: count('fields.participants.women'),
	men: count('fields.participants.men')
});

export const consultationEventSchema = z.object({
	id,
	title: shortText('fields.consultationEvent.title'),
	date: planDate('fields.consultationEvent.date', { required: 'consultationEventDate' }),
	place: shortText('fields.consultationEvent.place'),
	kind: choice(EVENT_KINDS, 'eventKind', 'fields.consultationEvent.kind', {
		required: 'consultationEventDate'
	}),
	participants: describe(list(participantsSchema), {
		type: 'rows',
		of: 'participants',
		label: 'fields.consultationEvent.participants',
		item: 'fields.participants.item',
		row: 'fields.participants.row'
	}),
	outcomes: longText('fields.consultationEvent.outcomes')
});

export const indicatorSchema = z.object({
	id,
	statement: longText('fields.indicator.statement', { required: 'indicatorStatement' }),
	unit: shortText('fields.indicator.unit', { required: 'indicatorStatement' }),
	baselineValue: shortText('fields.indicator.baselineValue', { required: 'indicatorBaseline' }),
	baselineYear: year('fields.indicator.baselineYear', { required: 'indicatorBaseline' }),
	targetValue: shortText('fields.indicator.targetValue', { required: 'indicatorTarget' }),
	targetYear: year('fields.indicator.targetYear', { required: 'indicatorTarget' }),
	meansOfVerification: shortText('fields.indicator.meansOfVerification', {
		required: 'indicatorVerification'
	}),
	frequency: choice(FREQUENCIES, 'frequency', 'fields.indicator.frequency'),
	/** The Secretary-General's global indicator (S/2010/173) it maps to, e.g. "11a"; '' when none applies. */
	globalIndicator: describe(z.string().max(20).default(''), {
		type: 'shortText',
		label: 'fields.indicator.globalIndicator'
	}),
	templateId,
	contributedBy
});

export const budgetLineSchema = z.object({
	amount: describe(z.number().min(0).max(1e15).nullable().default(null), {
		type: 'amount',
		label: 'fields.action.amount',
		required: 'actionAmount'
	}),
	/** ISO 4217 code; '' means the plan's currency. Free text here so that a half-typed code is kept. */
	currency: code('fields.action.currency'),
	source: choice(FUNDING_SOURCES, 'fundingSource', 'fields.action.source', {
		required: 'actionSource'
	}),
	secured: flag('fields.action.secured')
});

export const actionSchema = z.object({
	id,
	description: longText('fields.action.description', { required: 'actionDescription' }),
	responsibleId: ref('fields.action.responsibleId', { required: 'actionResponsible' }),
	partnerIds: refs('fields.action.partnerIds'),
	startYear: year('fields.action.startYear', { required: 'actionTimeframe' }),
	endYear: year('fields.action.endYear', { required: 'actionTimeframe' }),
	status: choice(ACTION_STATUSES, 'actionStatus', 'fields.action.status'),
	strategy: choice(STRATEGIES, 'strategy', 'fields.action.strategy'),
	scope: choice(ACTION_SCOPES, 'scope', 'fields.action.scope'),
	budget: describe(budgetLineSchema.prefault({}), {
		type: 'group',
		of: 'budgetLine',
		label: 'wizard.steps.budget.title'
	}),
	indicators: items(
		indicatorSchema,
		'indicator',
		'fields.action.indicators',
		'fields.indicator.item',
		{ required: 'actionIndicators' }
	),
	templateId,
	contributedBy
});

export const objectiveSchema = z.object({
	id,
	title: longText('fields.objective.title', { required: 'objectiveTitle' }),
	expectedResults: longText('fields.objective.expectedResults'),
	actions: items(actionSchema, 'action', 'fields.objective.actions', 'fields.action.item', {
		required: 'objectiveActions'
	}),
	templateId,
	contributedBy
});

export const pillarSchema = z.object({
	id,
	/** A framework's own pillar (its name comes from the interface language); '' for a pillar the team named. */
	key: choice(PILLAR_KEYS, 'pillar', 'fields.pillars.item'),
	// Needed only when the pillar has no key: completeness.ts checks it.
	name: shortText('fields.pillar.name'),
	description: longText('fields.pillar.description'),
	objectives: items(
		objectiveSchema,
		'objective',
		'fields.pillar.objectives',
		'fields.objective.item',
		{ required: 'pillarObjectives' }
	)
});

export const coordinationBodySchema = z.object({
	id,
	name: shortText('fields.coordinationBody.name', { required: 'coordinationBodyDetails' }),
	level: choice(LEVELS, 'level', 'fields.coordinationBody.level', {
		required: 'coordinationBodyDetails'
	}),
	chairId: ref('fields.coordinationBody.chairId'),
	memberIds: refs('fields.coordinationBody.memberIds'),
	meetingFrequency: choice(FREQUENCIES, 'frequency', 'fields.coordinationBody.meetingFrequency'),
	mandate: longText('fields.coordinationBody.mandate')
});

const emblemShape = z.object({
	type: z.enum(EMBLEM_TYPES),
	data: z
		.string()
		.min(1)
		.max(MAX_EMBLEM_BASE64)
		.regex(/^[A-Za-z0-9+/]*={0,2}$/),
	width: z.number().int().min(1).max(MAX_EMBLEM_PIXELS),
	height: z.number().int().min(1).max(MAX_EMBLEM_PIXELS)
});
/** The emblem on the cover, or null. One value as a whole: its bytes must be a PNG or JPEG of the type and
 * pixel size it gives (emblem.ts), and a stored emblem that is not is reset as a whole, never half kept. */
export const emblemSchema = z
	.custom<Emblem>(
		(value) => emblemShape.safeParse(value).success && emblemMatches(value as Emblem),
		{ message: 'emblem' }
	)
	.nullable()
	.default(null);

export const overviewSchema = z.object({
	title: shortText('fields.overview.title', { required: 'title' }),
	country: shortText('fields.overview.country', { required: 'country' }),
	region: choice(REGIONS, 'region', 'fields.overview.region'),
	/** First, second… plan of the country. */
	generation: describe(z.number().int().min(1).max(20).nullable().default(null), {
		type: 'number',
		label: 'fields.overview.generation'
	}),
	periodStart: year('fields.overview.periodStart', { required: 'period' }),
	periodEnd: year('fields.overview.periodEnd', { required: 'period' }),
	status: describe(z.enum(STATUSES).default('draft'), {
		type: 'choice',
		options: 'options.status',
		label: 'fields.overview.status'
	}),
	leadInstitutionId: ref('fields.overview.leadInstitutionId', { required: 'lead' }),
	/** Who issues the plan, on the cover: "Government of …, Ministry of …". */
	issuingAuthority: shortText('fields.overview.issuingAuthority'),
	emblem: describe(emblemSchema, { type: 'image', label: 'fields.overview.emblem' }),
	adoptionBody: shortText('fields.overview.adoptionBody'),
	adoptionDate: planDate('fields.overview.adoptionDate'),
	resolutions: describe(z.array(z.enum(RESOLUTIONS)).max(RESOLUTIONS.length).default(['1325']), {
		type: 'resolutions',
		label: 'fields.overview.resolutions',
		required: 'resolutions'
	}),
	documentLanguages: describe(z.array(z.enum(LANGUAGES)).max(LANGUAGES.length).default([]), {
		type: 'languages',
		label: 'fields.overview.documentLanguages'
	}),
	/** The language the team writes the plan in ('' until chosen: then the first of documentLanguages).
	 * Its own text carries it in the Word file, whatever the language of the export's headings. */
	language: describe(z.union([z.literal(''), z.enum(LANGUAGES)]).default(''), {
		type: 'choice',
		options: 'common.languageNames',
		label: 'fields.overview.language'
	}),
	foreword: longText('fields.overview.foreword'),
	vision: longText('fields.overview.vision', { required: 'vision', any: true }),
	goal: longText('fields.overview.goal', { required: 'vision', any: true })
});

export const contextSchema = z.object({
	introduction: longText('fields.context.introduction'),
	legalFramework: longText('fields.context.legalFramework', { required: 'legalFramework' }),
	situationAnalysis: longText('fields.context.situationAnalysis', {
		required: 'situationAnalysis'
	}),
	lessonsLearned: longText('fields.context.lessonsLearned'),
	baselineFigures: items(
		baselineFigureSchema,
		'baselineFigure',
		'fields.baselineFigures.title',
		'fields.baselineFigures.item',
		{ required: 'baselineFigures' }
	)
});

export const consultationSchema = z.object({
	summary: longText('fields.consultation.summary', { required: 'summary' }),
	events: items(
		consultationEventSchema,
		'consultationEvent',
		'fields.events.title',
		'fields.events.item',
		{ required: 'events' }
	)
});

export const coordinationSchema = z.object({
	description: longText('fields.coordination.description'),
	bodies: items(
		coordinationBodySchema,
		'coordinationBody',
		'fields.bodies.title',
		'fields.bodies.item',
		{ required: 'bodies' }
	)
});

/** The most entries the monitoring of a plan holds, over all its periods (an entry per action or
 * indicator and period: 1,000 actions reported on quarterly over five years stay well within it). */
export const MAX_ENTRIES = 50_000;
const entries = <T extends z.ZodType>(schema: T, of: Kind, label: string, item: string) =>
	describe(z.array(schema).max(MAX_ENTRIES).default([]), { type: 'items', of, label, item });
/** A reporting period by its key (progress/periods.ts): '2027', '2027-H1', '2027-Q3', '2027-03' or
 * '2027-2028'. Not typed by anyone: the monitoring area picks it from the plan's reporting cycle. */
const periodKey = internal(z.string().max(16).regex(PERIOD_KEY));
const updatedAt = internal(z.union([z.literal(''), z.iso.datetime()]).default(''));

/** What the coordinating ministry writes for a period as a whole (the progress report's summary). */
export const periodReportSchema = z.object({
	id,
	period: periodKey,
	summary: longText('fields.periodReport.summary'),
	challenges: longText('fields.periodReport.challenges'),
	updatedAt
});

/** One action in one period: what its institution reports. */
export const actionProgressSchema = z.object({
	id,
	/** The action reported on (an id in this plan's pillars). */
	actionId: internal(z.string().min(1).max(64)),
	period: periodKey,
	status: choice(PROGRESS_STATUSES, 'progressStatus', 'fields.actionProgress.status'),
	narrative: longText('fields.actionProgress.narrative'),
	spent: describe(z.number().min(0).max(1e15).nullable().default(null), {
		type: 'amount',
		label: 'fields.actionProgress.spent'
	}),
	/** ISO 4217; '' means the plan's currency. */
	currency: code('fields.actionProgress.currency'),
	/** The institution that reported it (a workbook's sender, or the person's institution). */
	reportedBy: ref('fields.actionProgress.reportedBy'),
	updatedAt
});

/** One indicator in one period: the value measured. */
export const indicatorProgressSchema = z.object({
	id,
	indicatorId: internal(z.string().min(1).max(64)),
	period: periodKey,
	/** As measured, in the indicator's unit; text, since a value may be "12 of 40" as well as "30". */
	value: shortText('fields.indicatorProgress.value'),
	date: planDate('fields.indicatorProgress.date'),
	source: shortText('fields.indicatorProgress.source'),
	note: longText('fields.indicatorProgress.note'),
	/** The reporter's own rating: used where progress cannot be computed (a text indicator). */
	rating: choice(RATINGS, 'rating', 'fields.indicatorProgress.rating'),
	reportedBy: ref('fields.indicatorProgress.reportedBy'),
	updatedAt
});

/** Monitoring after adoption: beside the plan, never editing it. Entries are flat lists keyed by item
 * and period (not nested under a period), so that two ministries reporting at once for a period no one
 * has opened yet add entries side by side instead of each creating the period. */
export const progressSchema = z.object({
	/** The data is illustrative (the sample plan's): the dashboard and the report say so. */
	illustrative: flag('fields.progress.illustrative'),
	periods: entries(
		periodReportSchema,
		'periodReport',
		'fields.progress.periods',
		'fields.periodReport.item'
	),
	actions: entries(
		actionProgressSchema,
		'actionProgress',
		'fields.progress.actions',
		'fields.actionProgress.item'
	),
	indicators: entries(
		indicatorProgressSchema,
		'indicatorProgress',
		'fields.progress.indicators',
		'fields.indicatorProgress.item'
	)
});

export const monitoringSchema = z.object({
	reportingCycle: choice(FREQUENCIES, 'frequency', 'fields.monitoring.reportingCycle', {
		required: 'reportingCycle'
	}),
	responsibleId: ref('fields.monitoring.responsibleId', { required: 'monitoringResponsible' }),
	reportsToParliament: flag('fields.monitoring.reportsToParliament', { required: 'parliament' }),
	midTermReview: planDate('fields.monitoring.midTermReview'),
	finalEvaluation: planDate('fields.monitoring.finalEvaluation', { required: 'evaluation' }),
	civilSocietyRole: longText('fields.monitoring.civilSocietyRole', {
		required: 'civilSocietyRole'
	}),
	description: longText('fields.monitoring.description')
});

export const budgetSchema = z.object({
	/** The currency an action's amount is in when it names none (ISO 4217). */
	currency: describe(z.string().max(10).default('USD'), {
		type: 'code',
		label: 'fields.budget.currency'
	}),
	resourceMobilisation: longText('fields.budget.resourceMobilisation', {
		required: 'resourceMobilisation'
	})
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

export const planSchema = z.object({
	format: internal(z.literal(FILE_FORMAT)),
	schemaVersion: internal(z.literal(SCHEMA_VERSION)),
	id,
	createdAt: internal(z.iso.datetime()),
	updatedAt: internal(z.iso.datetime()),
	overview: section(overviewSchema, 'overview', 'wizard.steps.overview.title'),
	institutions: items(
		institutionSchema,
		'institution',
		'fields.institutions.title',
		'fields.institutions.item',
		{ required: 'institutions' }
	),
	context: section(contextSchema, 'context', 'wizard.steps.context.title'),
	consultation: section(consultationSchema, 'consultation', 'wizard.steps.consultation.title'),
	framework: choice(FRAMEWORKS, 'framework', 'fields.pillars.framework', { required: 'framework' }),
	pillars: items(pillarSchema, 'pillar', 'wizard.steps.pillars.title', 'fields.pillars.item', {
		required: 'pillarsPresent'
	}),
	coordination: section(coordinationSchema, 'coordination', 'fields.coordination.description'),
	monitoring: section(monitoringSchema, 'monitoring', 'fields.monitoring.title'),
	budget: section(budgetSchema, 'budget', 'wizard.steps.budget.title'),
	progress: section(progressSchema, 'progress', 'fields.progress.title'),
	comments: internal(list(commentSchema))
});

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
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
export type Rating = (typeof RATINGS)[number];
export type Progress = z.output<typeof progressSchema>;
export type PeriodReport = z.output<typeof periodReportSchema>;
export type ActionProgress = z.output<typeof actionProgressSchema>;
export type IndicatorProgress = z.output<typeof indicatorProgressSchema>;
export type Comment = z.output<typeof commentSchema>;
export type Reply = z.output<typeof replySchema>;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];
export type ActionScope = (typeof ACTION_SCOPES)[number];
export type PillarKey = (typeof PILLAR_KEYS)[number];
export type Framework = (typeof FRAMEWORKS)[number];
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export type Resolution = (typeof RESOLUTIONS)[number];
export type Strategy = (typeof STRATEGIES)[number];
