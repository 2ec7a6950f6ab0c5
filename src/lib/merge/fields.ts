// What each compared field is called and how its value reads, for the merge and versions pages.
// Labels are the wizard's own text keys, so a field has one name everywhere. fields.test.ts checks
// that every field of the plan model is listed here, so a new field cannot be left out of a comparison.
import type { ItemKind } from './compare.ts';

export type Display =
	| { type: 'text' }
	| { type: 'number' }
	| { type: 'amount' }
	| { type: 'boolean' }
	| { type: 'date' }
	/** A value from a fixed list, labelled by the text key `<options>.<value>`. */
	| { type: 'choice'; options: string }
	| { type: 'institution' }
	| { type: 'institutions' }
	| { type: 'languages' }
	| { type: 'resolutions' }
	/** The cover emblem: its kind and pixel size, never its bytes. */
	| { type: 'image' }
	| { type: 'participants' }
	/** The item an objective, action or indicator sits under. */
	| { type: 'parent' };

export interface FieldSpec {
	/** Text key of the field's name. */
	label: string;
	display: Display;
}

const spec =
	(display: Display) =>
	(label: string): FieldSpec => ({ label, display });
const text = spec({ type: 'text' });
const number = spec({ type: 'number' });
const boolean = spec({ type: 'boolean' });
const date = spec({ type: 'date' });
const institution = spec({ type: 'institution' });
const institutions = spec({ type: 'institutions' });
const parent = spec({ type: 'parent' });
const choice = (options: string, label: string): FieldSpec => ({ label, display: { type: 'choice', options } });

export const FIELDS: Record<ItemKind, Record<string, FieldSpec>> = {
	overview: {
		title: text('fields.overview.title'),
		country: text('fields.overview.country'),
		region: choice('options.region', 'fields.overview.region'),
		generation: number('fields.overview.generation'),
		periodStart: number('fields.overview.periodStart'),
		periodEnd: number('fields.overview.periodEnd'),
		status: choice('options.status', 'fields.overview.status'),
		leadInstitutionId: institution('fields.overview.leadInstitutionId'),
		issuingAuthority: text('fields.overview.issuingAuthority'),
		emblem: { label: 'fields.overview.emblem', display: { type: 'image' } },
		adoptionBody: text('fields.overview.adoptionBody'),
		adoptionDate: date('fields.overview.adoptionDate'),
		resolutions: { label: 'fields.overview.resolutions', display: { type: 'resolutions' } },
		documentLanguages: { label: 'fields.overview.documentLanguages', display: { type: 'languages' } },
		language: choice('common.languageNames', 'fields.overview.language'),
		foreword: text('fields.overview.foreword'),
		vision: text('fields.overview.vision'),
		goal: text('fields.overview.goal')
	},
	context: {
		introduction: text('fields.context.introduction'),
		legalFramework: text('fields.context.legalFramework'),
		situationAnalysis: text('fields.context.situationAnalysis'),
		lessonsLearned: text('fields.context.lessonsLearned')
	},
	consultation: { summary: text('fields.consultation.summary') },
	framework: { framework: choice('options.framework', 'fields.pillars.framework') },
	coordination: { description: text('fields.coordination.description') },
	monitoring: {
		reportingCycle: choice('options.frequency', 'fields.monitoring.reportingCycle'),
		responsibleId: institution('fields.monitoring.responsibleId'),
		reportsToParliament: boolean('fields.monitoring.reportsToParliament'),
		midTermReview: date('fields.monitoring.midTermReview'),
		finalEvaluation: date('fields.monitoring.finalEvaluation'),
		civilSocietyRole: text('fields.monitoring.civilSocietyRole'),
		description: text('fields.monitoring.description')
	},
	budget: {
		currency: text('fields.budget.currency'),
		resourceMobilisation: text('fields.budget.resourceMobilisation')
	},
	institution: {
		name: text('fields.institution.name'),
		acronym: text('fields.institution.acronym'),
		kind: choice('options.institutionKind', 'fields.institution.kind')
	},
	baselineFigure: {
		figure: text('fields.figure.figure'),
		value: text('fields.figure.value'),
		year: number('fields.figure.year'),
		source: text('fields.figure.source')
	},
	consultationEvent: {
		title: text('fields.event.title'),
		date: date('fields.event.date'),
		place: text('fields.event.place'),
		kind: choice('options.eventKind', 'fields.event.kind'),
		participants: { label: 'fields.event.participants', display: { type: 'participants' } },
		outcomes: text('fields.event.outcomes')
	},
	pillar: {
		key: choice('options.pillar', 'fields.pillars.item'),
		name: text('fields.pillar.name'),
		description: text('fields.pillar.description')
	},
	objective: {
		parent: parent('fields.pillars.item'),
		title: text('fields.objective.title'),
		expectedResults: text('fields.objective.expectedResults')
	},
	action: {
		parent: parent('fields.objective.item'),
		description: text('fields.action.description'),
		responsibleId: institution('fields.action.responsibleId'),
		partnerIds: institutions('fields.action.partnerIds'),
		startYear: number('fields.action.startYear'),
		endYear: number('fields.action.endYear'),
		status: choice('options.actionStatus', 'fields.action.status'),
		strategy: choice('options.strategy', 'fields.action.strategy'),
		scope: choice('options.scope', 'fields.action.scope'),
		'budget.amount': spec({ type: 'amount' })('fields.action.amount'),
		'budget.currency': text('fields.action.currency'),
		'budget.source': choice('options.fundingSource', 'fields.action.source'),
		'budget.secured': boolean('fields.action.secured')
	},
	indicator: {
		parent: parent('fields.action.item'),
		statement: text('fields.indicator.statement'),
		unit: text('fields.indicator.unit'),
		baselineValue: text('fields.indicator.baselineValue'),
		baselineYear: number('fields.indicator.baselineYear'),
		targetValue: text('fields.indicator.targetValue'),
		targetYear: number('fields.indicator.targetYear'),
		meansOfVerification: text('fields.indicator.meansOfVerification'),
		frequency: choice('options.frequency', 'fields.indicator.frequency'),
		globalIndicator: text('fields.indicator.globalIndicator')
	},
	coordinationBody: {
		name: text('fields.body.name'),
		level: choice('options.level', 'fields.body.level'),
		chairId: institution('fields.body.chairId'),
		memberIds: institutions('fields.body.memberIds'),
		meetingFrequency: choice('options.frequency', 'fields.body.meetingFrequency'),
		mandate: text('fields.body.mandate')
	}
};

/** How each kind of item is named: "Action" (then its number), or a section's name. */
export const KIND_NAMES: Record<ItemKind, string> = {
	overview: 'wizard.steps.overview.title',
	context: 'wizard.steps.context.title',
	consultation: 'wizard.steps.consultation.title',
	framework: 'fields.pillars.framework',
	coordination: 'fields.coordination.description',
	monitoring: 'fields.monitoring.title',
	budget: 'wizard.steps.budget.title',
	institution: 'fields.institutions.item',
	baselineFigure: 'fields.baselineData.item',
	consultationEvent: 'fields.events.item',
	pillar: 'fields.pillars.item',
	objective: 'fields.objective.item',
	action: 'fields.action.item',
	indicator: 'fields.indicator.item',
	coordinationBody: 'fields.bodies.item'
};

/** The field's spec; undefined only for a field missing from FIELDS (fields.test.ts keeps that from happening). */
export function fieldSpec(kind: ItemKind, field: string): FieldSpec | undefined {
	return FIELDS[kind][field];
}
