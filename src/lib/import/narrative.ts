// The narrative fields an imported chapter can go to, where each is in the plan, and its label: light
// enough for the import page to load without the import's matching words. Pure.
import { fieldOf } from '../plan/fields.ts';

/** The narrative fields a chapter can go to. */
export const NARRATIVE_FIELDS = [
	'foreword',
	'introduction',
	'situationAnalysis',
	'legalFramework',
	'lessonsLearned',
	'consultation',
	'vision',
	'goal',
	'coordination',
	'monitoring',
	'civilSociety',
	'resourceMobilisation'
] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

/** Where each narrative field is in the plan, and its label (the form's). */
export const NARRATIVE_PLACES: Record<
	NarrativeField,
	{
		section: 'overview' | 'context' | 'consultation' | 'coordination' | 'monitoring' | 'budget';
		field: string;
	}
> = {
	foreword: { section: 'overview', field: 'foreword' },
	introduction: { section: 'context', field: 'introduction' },
	situationAnalysis: { section: 'context', field: 'situationAnalysis' },
	legalFramework: { section: 'context', field: 'legalFramework' },
	lessonsLearned: { section: 'context', field: 'lessonsLearned' },
	consultation: { section: 'consultation', field: 'summary' },
	vision: { section: 'overview', field: 'vision' },
	goal: { section: 'overview', field: 'goal' },
	coordination: { section: 'coordination', field: 'description' },
	monitoring: { section: 'monitoring', field: 'description' },
	civilSociety: { section: 'monitoring', field: 'civilSocietyRole' },
	resourceMobilisation: { section: 'budget', field: 'resourceMobilisation' }
};

/** The label key of a narrative field (its field's label in the form). */
export function narrativeLabel(field: NarrativeField): string {
	const place = NARRATIVE_PLACES[field];
	return fieldOf(place.section, place.field)!.label;
}
