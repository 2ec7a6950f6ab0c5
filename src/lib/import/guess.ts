// The mapping an imported document is read with, and the app's proposal for it: which headings are
// pillars, objectives and actions, which chapters go to which narrative field, which table is the
// results matrix and what each of its columns holds, which table lists the institutions. The user
// corrects the proposal; build.ts turns the document and the mapping into a plan. Pure.
import { z } from 'zod';
import { MATRIX_COLUMNS, matrixHeader, type MatrixColumn } from '../document/build.ts';
import { fieldOf } from '../plan/fields.ts';
import { LANGUAGES, type Language } from '../plan/schema.ts';
import {
	columnHeaders,
	headingsOf,
	tablesOf,
	type DocStructure,
	type TableBlock
} from './structure.ts';
import {
	chapterOf,
	columnScores,
	documentStrings,
	generationOf,
	headingKindOf,
	languageOf,
	NARRATIVE_FIELDS,
	normal,
	pillarKeyOf,
	splitLead
} from './words.ts';

export const HEADING_ROLES = [
	'ignore',
	'pillar',
	'objective',
	'action',
	...NARRATIVE_FIELDS
] as const;
export type HeadingRole = (typeof HEADING_ROLES)[number];
export const COLUMN_ROLES = ['ignore', ...MATRIX_COLUMNS] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

const year = z.number().int().min(1900).max(2200).nullable();
export const mappingSchema = z.object({
	/** The language the document is written in: its numbers, its labels, the plan's language. */
	language: z.enum(LANGUAGES),
	/** The role of each heading, by its index among the document's headings. */
	headings: z.array(z.enum(HEADING_ROLES)).max(200_000),
	/** The index of the results matrix among the document's tables, or null. */
	matrix: z.number().int().min(0).nullable(),
	/** What each column of the results matrix holds. */
	columns: z.array(z.enum(COLUMN_ROLES)).max(200),
	/** The table of institutions (the acronyms annex), and its name and acronym columns. */
	institutions: z.object({
		table: z.number().int().min(0).nullable(),
		name: z.number().int().min(0),
		acronym: z.number().int().min(-1)
	}),
	/** The previous plan: its title, period and generation (first, second…). */
	previous: z.object({
		title: z.string().max(500),
		start: year,
		end: year,
		generation: z.number().int().min(1).max(19).nullable()
	}),
	country: z.string().max(500)
});
export type Mapping = z.output<typeof mappingSchema>;

/** What each column of a table most likely holds, each role to one column at most. */
export function guessColumns(table: TableBlock, language: Language): ColumnRole[] {
	const headers = columnHeaders(table);
	const pairs: { column: number; role: MatrixColumn; score: number }[] = [];
	headers.forEach((header, column) => {
		for (const [role, score] of columnScores(header, language)) pairs.push({ column, role, score });
	});
	pairs.sort((a, b) => b.score - a.score || a.column - b.column);
	const roles: ColumnRole[] = headers.map(() => 'ignore');
	const taken = new Set<string>();
	for (const { column, role } of pairs) {
		if (roles[column] !== 'ignore' || taken.has(role)) continue;
		roles[column] = role;
		taken.add(role);
	}
	return roles;
}

/** How much a table looks like a results matrix: the columns it fills, if it has an action or an indicator. */
function matrixScore(roles: ColumnRole[]): number {
	const known = roles.filter((r) => r !== 'ignore');
	if (!known.includes('action') && !known.includes('indicator')) return 0;
	return known.length >= 3 ? known.length : 0;
}

/** The name and acronym columns of a table of institutions, if it is one. */
function institutionColumns(table: TableBlock): { name: number; acronym: number } | null {
	const headers = columnHeaders(table).map(normal);
	const own = (lang: Language, name: string) =>
		normal(documentStrings(lang)(fieldOf('institution', name)!.label));
	const find = (name: string, words: string[]) =>
		headers.findIndex(
			(h) => LANGUAGES.some((l) => h === own(l, name)) || words.some((w) => h === w)
		);
	const acronym = find('acronym', [
		'acronym',
		'acronyms',
		'sigle',
		'sigles',
		'sigla',
		'siglas',
		'abbreviation',
		'abreviation',
		'abreviatura'
	]);
	const name = find('name', [
		'name',
		'nom',
		'nombre',
		'institution',
		'institucion',
		'full name',
		'nom complet',
		'signification',
		'significado'
	]);
	return acronym >= 0 && name >= 0 && acronym !== name ? { name, acronym } : null;
}

/** The app's proposal: `fallback` is the language assumed when the document's own cannot be told. */
export function guessMapping(structure: DocStructure, fallback: Language): Mapping {
	const headings = headingsOf(structure);
	const tables = tablesOf(structure);
	const language = languageOf(
		[
			...headings.map((h) => splitLead(h.text).rest || h.text),
			...headings.map((h) => h.text),
			...tables.flatMap(columnHeaders)
		],
		fallback
	);

	let matrix: number | null = null;
	let columns: ColumnRole[] = [];
	let best = 0;
	for (const table of tables) {
		const roles = guessColumns(table, language);
		const score = matrixScore(roles);
		if (score > best) {
			best = score;
			matrix = table.index;
			columns = roles;
		}
	}

	let institutions: Mapping['institutions'] = { table: null, name: 0, acronym: -1 };
	for (const table of tables) {
		const found = institutionColumns(table);
		if (found && table.index !== matrix) {
			institutions = { table: table.index, ...found };
			break;
		}
	}

	const roles: HeadingRole[] = headings.map((heading) => {
		const kind = headingKindOf(heading.text);
		if (kind) return kind;
		const { ref, rest } = splitLead(heading.text);
		if (pillarKeyOf(rest || heading.text)) return 'pillar';
		const chapter = chapterOf(heading.text, language);
		if (chapter) return chapter;
		// "2. Protection of women and girls" at the top level, before objectives: a pillar the team named.
		if (ref && !ref.includes('.') && nextKindBelow(headings, heading.index) === 'objective')
			return 'pillar';
		return 'ignore';
	});

	const t = documentStrings(language);
	const title = structure.blocks.find((b) => b.kind === 'title')?.text ?? headings[0]?.text ?? '';
	const labelled = (label: string) => {
		const prefix = normal(label);
		for (const block of structure.blocks) {
			if (block.kind !== 'paragraph') continue;
			const at = block.text.indexOf(':');
			if (at > 0 && normal(block.text.slice(0, at)) === prefix)
				return block.text.slice(at + 1).trim();
		}
		return '';
	};
	const period = /((?:19|20|21)\d\d)\s*[-–—/]\s*((?:19|20|21)\d\d)/.exec(
		labelled(t('export.cover.period')) || title
	);
	return {
		language,
		headings: roles,
		matrix,
		columns,
		institutions,
		previous: {
			title: title.slice(0, 500),
			start: period ? Number(period[1]) : null,
			end: period ? Number(period[2]) : null,
			generation: generationOf(title)
		},
		country: labelled(t('export.cover.country')).slice(0, 500)
	};
}

/** The kind the next headings below this one say they are, before a heading of its level or above. */
function nextKindBelow(
	headings: ReturnType<typeof headingsOf>,
	index: number
): ReturnType<typeof headingKindOf> {
	const level = headings[index].level;
	for (let i = index + 1; i < headings.length && headings[i].level > level; i++) {
		const kind = headingKindOf(headings[i].text);
		if (kind) return kind;
	}
	return null;
}

/** The header of a column role in a language (the preview's and the mapping form's words come from the locale files). */
export const columnRoleHeader = (role: MatrixColumn, language: Language): string =>
	matrixHeader(role, documentStrings(language));
