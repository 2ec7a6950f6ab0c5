// The columns of the results matrix workbook, in order: the plan's own (grey, not read back), the
// period's entries (filled in by the institutions) and the ids (hidden). Each heading is the label of
// the field it shows (plan/fields.ts), so the wizard, the document and the workbook name a field alike;
// a heading is recognised on import by its text in any of the three languages, not by its position.
//
// Pure: no Svelte, no DOM.
import { fieldOf, type Kind } from '../plan/fields.ts';
import { LANGUAGES, type Language } from '../plan/schema.ts';
import { exportStrings } from '../export/strings.ts';

/** A field of a period's entry that the workbook fills in. */
export type Target =
	| { kind: 'action'; field: 'status' | 'narrative' | 'spent' | 'currency' }
	| { kind: 'indicator'; field: 'value' | 'date' | 'source' | 'note' | 'rating' };

export type ColumnType = 'text' | 'number' | 'status' | 'rating' | 'date' | 'code';

export interface Column {
	key: string;
	/** Text key of its heading. */
	label: string;
	/** The plan's own (shown, not read back), the period's entry (read back), or an id (hidden). */
	role: 'plan' | 'entry' | 'id';
	type: ColumnType;
	/** Where an entry column's value goes. */
	target?: Target;
	/** Width in characters. */
	width: number;
}

const described = (kind: Kind, name: string): string => {
	const field = fieldOf(kind, name);
	if (!field) throw new Error(`No field ${name} in ${kind}`);
	return field.label;
};

const plan = (key: string, label: string, type: ColumnType, width: number): Column => ({
	key,
	label,
	role: 'plan',
	type,
	width
});
const entry = (key: string, label: string, type: ColumnType, target: Target, width: number) =>
	({ key, label, role: 'entry', type, target, width }) satisfies Column;
const id = (key: string): Column => ({
	key,
	label: `workbook.columns.${key}`,
	role: 'id',
	type: 'text',
	width: 12
});

export const COLUMNS: readonly Column[] = [
	plan('actionRef', 'workbook.columns.actionRef', 'text', 10),
	plan('description', described('action', 'description'), 'text', 50),
	plan('responsible', described('action', 'responsibleId'), 'text', 28),
	plan('startYear', described('action', 'startYear'), 'number', 10),
	plan('endYear', described('action', 'endYear'), 'number', 10),
	plan('budget', 'workbook.columns.budget', 'number', 14),
	plan('budgetCurrency', 'workbook.columns.budgetCurrency', 'text', 10),
	entry(
		'status',
		described('actionProgress', 'status'),
		'status',
		{ kind: 'action', field: 'status' },
		18
	),
	entry(
		'narrative',
		described('actionProgress', 'narrative'),
		'text',
		{ kind: 'action', field: 'narrative' },
		50
	),
	entry(
		'spent',
		described('actionProgress', 'spent'),
		'number',
		{ kind: 'action', field: 'spent' },
		14
	),
	entry(
		'spentCurrency',
		'workbook.columns.spentCurrency',
		'code',
		{ kind: 'action', field: 'currency' },
		10
	),
	plan('indicatorRef', 'workbook.columns.indicatorRef', 'text', 10),
	plan('statement', described('indicator', 'statement'), 'text', 50),
	plan('unit', described('indicator', 'unit'), 'text', 16),
	plan('baselineValue', described('indicator', 'baselineValue'), 'text', 12),
	plan('baselineYear', described('indicator', 'baselineYear'), 'number', 10),
	plan('targetValue', described('indicator', 'targetValue'), 'text', 12),
	plan('targetYear', described('indicator', 'targetYear'), 'number', 10),
	plan('meansOfVerification', described('indicator', 'meansOfVerification'), 'text', 30),
	entry(
		'value',
		described('indicatorProgress', 'value'),
		'text',
		{ kind: 'indicator', field: 'value' },
		14
	),
	entry(
		'date',
		described('indicatorProgress', 'date'),
		'date',
		{ kind: 'indicator', field: 'date' },
		14
	),
	entry(
		'source',
		described('indicatorProgress', 'source'),
		'text',
		{ kind: 'indicator', field: 'source' },
		24
	),
	entry(
		'note',
		described('indicatorProgress', 'note'),
		'text',
		{ kind: 'indicator', field: 'note' },
		40
	),
	entry(
		'rating',
		described('indicatorProgress', 'rating'),
		'rating',
		{ kind: 'indicator', field: 'rating' },
		16
	),
	id('actionId'),
	id('indicatorId'),
	id('period')
];

export const columnByKey = new Map(COLUMNS.map((c) => [c.key, c]));

/** A heading as compared on import: case, accents' composition and spacing do not count. */
export const normalise = (text: string): string =>
	text.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('en');

let headings: Map<string, { column: Column; language: Language }> | undefined;

/** Every column by its heading's text in each language. */
export function headingIndex(): Map<string, { column: Column; language: Language }> {
	if (!headings) {
		headings = new Map();
		for (const language of LANGUAGES) {
			const t = exportStrings(language);
			for (const column of COLUMNS) {
				const text = normalise(t(column.label));
				if (!headings.has(text)) headings.set(text, { column, language });
			}
		}
	}
	return headings;
}

/** The codes of a list column and every text that names one, in any language: "Delayed", "En retard", "delayed". */
const lists = new Map<string, Map<string, string>>();

export function listValues(type: 'status' | 'rating'): Map<string, string> {
	const known = lists.get(type);
	if (known) return known;
	const options = type === 'status' ? 'options.progressStatus' : 'options.rating';
	const codes = fieldOf(
		type === 'status' ? 'actionProgress' : 'indicatorProgress',
		type === 'status' ? 'status' : 'rating'
	)!.values;
	const map = new Map<string, string>();
	for (const code of codes) map.set(normalise(code), code);
	for (const language of LANGUAGES) {
		const t = exportStrings(language);
		for (const code of codes) map.set(normalise(t(`${options}.${code}`)), code);
	}
	lists.set(type, map);
	return map;
}
