// Reading a filled-in workbook back: the institutions' entries for a period, as proposed changes per
// action and indicator (each field as in the plan and as in the workbook), and the rows that could not
// be read, each with its reason. Nothing is applied here: applyChanges applies the changes the user
// accepted, recording the institution that sent the workbook.
//
// Columns are found by their heading's text in any of the three languages (columns.ts), wherever they
// are; rows by the plan's ids in the hidden columns, else by the action's and indicator's numbers.
// Every row's values are validated by the entries' own schemas (plan/schema.ts). A formula's result is
// never taken: the row is refused, since a workbook's cached results may say anything.
//
// Pure: no Svelte, no DOM (runs in the workbook worker and Node).
import type { Cell, Workbook, Worksheet } from 'exceljs';
import { clean } from '../export/xml-text.ts';
import { editableNumber, readNumber } from '../i18n/numbers.ts';
import { isPlanDate } from '../plan/dates.ts';
import { periodsOf } from '../plan/periods.ts';
import {
	actionProgressSchema,
	indicatorProgressSchema,
	type Action,
	type Indicator,
	type Language,
	type Plan
} from '../plan/schema.ts';
import { planLanguage } from '../plan/text.ts';
import { walk } from '../plan/walk.ts';
import { actionEntries, indicatorEntries } from '../progress/entries.ts';
import {
	COLUMNS,
	headingIndex,
	listValues,
	normalise,
	type Column,
	type Target
} from './columns.ts';
import { loadExcel } from './excel.ts';
import { MAX_CELL_TEXT } from './export.ts';
import { MAX_ROWS, unpackWorkbook, type Problem } from './unpack.ts';

export type { Problem } from './unpack.ts';

type Value = string | number | null;

export interface FieldChange {
	/** The entry's field ('status', 'value'…). */
	field: Target['field'];
	/** Text key of the field's name. */
	label: string;
	before: Value;
	after: Value;
	/** The workbook rows it comes from. */
	rows: number[];
}

export interface ItemChanges {
	kind: 'action' | 'indicator';
	id: string;
	/** "1.2.3" for an action, "1.2.3.1" for an indicator. */
	ref: string;
	/** The action's responsible institution (of the indicator's action). */
	responsibleId: string;
	changes: FieldChange[];
}

export interface RefusedRow {
	/** The row's number in the sheet, as the spreadsheet shows it. */
	row: number;
	/** A key under `workbook.refused.`. */
	reason: string;
	params: Record<string, string | number>;
}

export type Reading =
	| {
			ok: true;
			/** The period the workbook reports on. */
			period: string;
			sheet: string;
			/** The language of its headings. */
			language: Language;
			/** How many rows were read. */
			rows: number;
			items: ItemChanges[];
			refused: RefusedRow[];
			/** The institution proposed as the sender: the one most changed rows are the actions of. */
			reporter: string;
	  }
	| { ok: false; problem: Problem };

/** What a cell holds, as the import sees it. */
type CellValue =
	| { kind: 'value'; value: string | number | Date | boolean | null }
	| { kind: 'formula' }
	| { kind: 'error'; text: string };

function cellValue(cell: Cell): CellValue {
	const value = cell.value as unknown;
	if (value === null || value === undefined) return { kind: 'value', value: null };
	if (
		typeof value === 'string' ||
		typeof value === 'number' ||
		typeof value === 'boolean' ||
		value instanceof Date
	)
		return { kind: 'value', value };
	if (typeof value === 'object') {
		const o = value as Record<string, unknown>;
		if ('formula' in o || 'sharedFormula' in o) return { kind: 'formula' };
		if ('error' in o) return { kind: 'error', text: String(o.error) };
		if (Array.isArray(o.richText))
			return {
				kind: 'value',
				value: (o.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('')
			};
		if ('text' in o) return { kind: 'value', value: String(o.text ?? '') };
	}
	return { kind: 'value', value: String(value) };
}

const asText = (value: string | number | Date | boolean | null): string =>
	value === null
		? ''
		: value instanceof Date
			? value.toISOString().slice(0, 10)
			: String(value).replace(/\r\n?/g, '\n');

/** Where the headings are in a sheet, and which column each is. */
interface Layout {
	headingRow: number;
	/** Column key → column number in the sheet. */
	at: Map<string, number>;
	language: Language;
}

/** The first rows a heading row is looked for in. */
const HEADING_ROWS = 10;

function layoutOf(sheet: Worksheet): Layout | undefined {
	const index = headingIndex();
	let best: Layout | undefined;
	for (let r = 1; r <= HEADING_ROWS; r++) {
		const at = new Map<string, number>();
		const languages = new Map<Language, number>();
		sheet.getRow(r).eachCell((cell, col) => {
			const found = index.get(normalise(asText(cellText(cell))));
			if (found && !at.has(found.column.key)) {
				at.set(found.column.key, col);
				languages.set(found.language, (languages.get(found.language) ?? 0) + 1);
			}
		});
		const identified = ['actionId', 'indicatorId', 'actionRef', 'indicatorRef'].some((k) =>
			at.has(k)
		);
		const entries = COLUMNS.some((c) => c.role === 'entry' && at.has(c.key));
		if (identified && entries && (!best || at.size > best.at.size)) {
			const language = [...languages.entries()].sort((a, b) => b[1] - a[1])[0][0];
			best = { headingRow: r, at, language };
		}
	}
	return best;
}

function cellText(cell: Cell): string | number | Date | boolean | null {
	const value = cellValue(cell);
	return value.kind === 'value' ? value.value : null;
}

export interface Places {
	actions: Map<string, { action: Action; ref: string }>;
	indicators: Map<string, { indicator: Indicator; action: Action; ref: string }>;
	actionsByRef: Map<string, string>;
	indicatorsByRef: Map<string, string>;
}

export function placesOf(plan: Plan): Places {
	const places: Places = {
		actions: new Map(),
		indicators: new Map(),
		actionsByRef: new Map(),
		indicatorsByRef: new Map()
	};
	for (const place of walk(plan)) {
		if (place.kind === 'action') {
			places.actions.set(place.action.id, { action: place.action, ref: place.ref });
			places.actionsByRef.set(place.ref, place.action.id);
		} else if (place.kind === 'indicator') {
			places.indicators.set(place.indicator.id, {
				indicator: place.indicator,
				action: place.action,
				ref: place.ref
			});
			places.indicatorsByRef.set(place.ref, place.indicator.id);
		}
	}
	return places;
}

class Refusal extends Error {
	readonly reason: string;
	readonly params: Record<string, string | number>;
	constructor(reason: string, params: Record<string, string | number>) {
		super(reason);
		this.reason = reason;
		this.params = params;
	}
}

/** An entry column's cell as the value its field stores (the schema checks it after). */
function convert(
	column: Column,
	cell: CellValue,
	heading: string,
	language: Language,
	valueLanguage: Language
): Value {
	if (cell.kind === 'formula') throw new Refusal('formula', { column: heading });
	if (cell.kind === 'error') throw new Refusal('error', { column: heading, value: cell.text });
	const raw = cell.value;
	const text = asText(raw).trim();
	switch (column.type) {
		case 'status':
		case 'rating': {
			if (text === '') return '';
			const code = listValues(column.type).get(normalise(text));
			if (!code) throw new Refusal(column.type, { column: heading, value: excerptOf(text) });
			return code;
		}
		case 'number': {
			if (typeof raw === 'number') {
				if (!Number.isFinite(raw) || raw < 0 || raw > 1e15)
					throw new Refusal('number', { column: heading, value: String(raw) });
				return raw;
			}
			if (text === '') return null;
			const reading = readNumber(text, language, { min: 0, max: 1e15 });
			if (reading.status !== 'number')
				throw new Refusal('number', { column: heading, value: excerptOf(text) });
			return reading.value;
		}
		case 'date': {
			const date = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : text;
			if (!isPlanDate(date)) throw new Refusal('date', { column: heading, value: excerptOf(text) });
			return date;
		}
		case 'code': {
			if (text === '') return '';
			if (!/^[A-Za-z]{3}$/.test(text))
				throw new Refusal('code', { column: heading, value: excerptOf(text) });
			return text.toUpperCase();
		}
		default:
			// A value typed as a number reads as the plan's team writes numbers ("12,5" in French).
			if (typeof raw === 'number') return editableNumber(raw, valueLanguage);
			return asText(raw);
	}
}

const excerptOf = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

const ENTRY_SCHEMA = {
	action: actionProgressSchema
		.pick({ status: true, narrative: true, spent: true, currency: true })
		.partial(),
	indicator: indicatorProgressSchema
		.pick({ value: true, date: true, source: true, note: true, rating: true })
		.partial()
};

/** The value a field has in the plan's entry for the period (its default when there is none). */
function currentValue(
	entries: {
		actions: ReturnType<typeof actionEntries>;
		indicators: ReturnType<typeof indicatorEntries>;
	},
	target: Target,
	id: string
): Value {
	if (target.kind === 'action') {
		const entry = entries.actions.get(id);
		return entry ? (entry[target.field] as Value) : target.field === 'spent' ? null : '';
	}
	const entry = entries.indicators.get(id);
	return entry ? entry[target.field] : '';
}

/** Whether the workbook's value is the plan's, as the export wrote it (cleaned, cut to a cell's room). */
function same(before: Value, after: Value): boolean {
	if (before === after) return true;
	if (typeof before !== 'string' || typeof after !== 'string') return false;
	const written = clean(before).replace(/\r\n?/g, '\n');
	return (
		written === after ||
		written.slice(0, MAX_CELL_TEXT) === after ||
		written.trim() === after.trim()
	);
}

export async function readWorkbook(
	bytes: Uint8Array,
	plan: Plan,
	fallbackPeriod: string
): Promise<Reading> {
	const unpacked = unpackWorkbook(bytes);
	if (!unpacked.ok) return unpacked;
	const ExcelJS = await loadExcel();
	const workbook: Workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(unpacked.zip as unknown as ArrayBuffer);
	} catch {
		return { ok: false, problem: { key: 'unreadable' } };
	}

	let sheet: Worksheet | undefined;
	let layout: Layout | undefined;
	for (const candidate of workbook.worksheets) {
		const found = layoutOf(candidate);
		if (found && (!layout || found.at.size > layout.at.size)) {
			sheet = candidate;
			layout = found;
		}
	}
	if (!sheet || !layout) return { ok: false, problem: { key: 'wrongColumns' } };

	const places = placesOf(plan);
	const valueLanguage = planLanguage(plan) ?? layout.language;
	const headingText = new Map<string, string>();
	const headings = sheet.getRow(layout.headingRow);
	for (const [key, col] of layout.at) headingText.set(key, asText(cellText(headings.getCell(col))));

	interface ReadRow {
		row: number;
		actionId: string;
		indicatorId: string;
		period: string;
		values: Map<string, Value>;
	}
	const read: ReadRow[] = [];
	const refused: RefusedRow[] = [];
	const get = (row: number, key: string): CellValue => {
		const col = layout!.at.get(key);
		return col === undefined
			? { kind: 'value', value: null }
			: cellValue(sheet!.getRow(row).getCell(col));
	};
	const idText = (row: number, key: string): string => {
		const value = get(row, key);
		if (value.kind !== 'value') {
			const heading = headingText.get(key) ?? key;
			throw new Refusal(value.kind === 'formula' ? 'formula' : 'error', {
				column: heading,
				value: value.kind === 'error' ? value.text : ''
			});
		}
		return asText(value.value).trim();
	};

	let rowsSeen = 0;
	const lastRow = Math.min(sheet.rowCount, layout.headingRow + MAX_ROWS);
	for (let r = layout.headingRow + 1; r <= lastRow; r++) {
		const row = sheet.getRow(r);
		if (!row.hasValues) continue;
		// A row whose recognised columns are all empty is no row (a total line, a note below the table).
		let empty = true;
		for (const col of layout.at.values()) {
			const value = cellValue(row.getCell(col));
			if (value.kind !== 'value' || asText(value.value).trim() !== '') empty = false;
		}
		if (empty) continue;
		rowsSeen++;
		try {
			let actionId = idText(r, 'actionId');
			let indicatorId = idText(r, 'indicatorId');
			const period = idText(r, 'period');
			if (!places.actions.has(actionId))
				actionId = places.actionsByRef.get(idText(r, 'actionRef')) ?? '';
			if (!places.indicators.has(indicatorId)) {
				const named = indicatorId || idText(r, 'indicatorRef');
				indicatorId = places.indicatorsByRef.get(idText(r, 'indicatorRef')) ?? '';
				// A row that names an indicator the plan does not have is not read as its action's alone.
				if (named && !indicatorId) throw new Refusal('unknownItem', {});
			}
			if (indicatorId) {
				const owner = places.indicators.get(indicatorId)!.action.id;
				if (actionId && actionId !== owner) throw new Refusal('indicatorElsewhere', {});
				actionId = owner;
			}
			if (!actionId) throw new Refusal('unknownItem', {});
			const values = new Map<string, Value>();
			for (const column of COLUMNS) {
				if (column.role !== 'entry' || !layout.at.has(column.key)) continue;
				if (column.target!.kind === 'indicator' && !indicatorId) continue;
				values.set(
					column.key,
					convert(
						column,
						get(r, column.key),
						headingText.get(column.key)!,
						layout.language,
						valueLanguage
					)
				);
			}
			// The entries' own schemas check the rest (lengths, bounds).
			for (const kind of ['action', 'indicator'] as const) {
				const fields: Record<string, Value> = {};
				for (const column of COLUMNS)
					if (column.target?.kind === kind && values.has(column.key))
						fields[column.target.field] = values.get(column.key)!;
				const checked = ENTRY_SCHEMA[kind].safeParse(fields);
				if (!checked.success) {
					const issue = checked.error.issues[0];
					const field = String(issue.path[0]);
					const column = COLUMNS.find((c) => c.target?.kind === kind && c.target.field === field)!;
					const heading = headingText.get(column.key)!;
					const max = (issue as { maximum?: number | bigint }).maximum;
					throw issue.code === 'too_big' && column.type !== 'number'
						? new Refusal('tooLong', { column: heading, max: Number(max) })
						: new Refusal(column.type === 'number' ? 'number' : 'tooLong', {
								column: heading,
								value: String(fields[field]),
								max: Number(max ?? 0)
							});
				}
			}
			read.push({ row: r, actionId, indicatorId, period, values });
		} catch (error) {
			if (!(error instanceof Refusal)) throw error;
			refused.push({ row: r, reason: error.reason, params: error.params });
		}
	}
	if (rowsSeen === 0) return { ok: false, problem: { key: 'noRows' } };
	if (read.length === 0 && refused.every((r) => r.reason === 'unknownItem'))
		return { ok: false, problem: { key: 'otherPlan' } };

	// The period: the workbook's own, else the one shown.
	const period = read.find((r) => r.period)?.period || fallbackPeriod;
	if (!periodsOf(plan).some((p) => p.key === period))
		return { ok: false, problem: { key: 'unknownPeriod', params: { period } } };
	const inPeriod = read.filter((r) => {
		if (!r.period || r.period === period) return true;
		refused.push({ row: r.row, reason: 'otherPeriod', params: { period: r.period } });
		return false;
	});

	// Each field of each item: the value its rows give. An action's fields repeat on each of its rows:
	// a row left as exported says nothing; rows that change it must agree.
	const entries = {
		actions: actionEntries(plan, period),
		indicators: indicatorEntries(plan, period)
	};
	const items = new Map<string, ItemChanges>();
	const proposed = new Map<string, { change: FieldChange; first: number }>();
	for (const r of inPeriod)
		for (const [key, after] of r.values) {
			const column = COLUMNS.find((c) => c.key === key)!;
			const target = column.target!;
			const id = target.kind === 'action' ? r.actionId : r.indicatorId;
			const before = currentValue(entries, target, id);
			if (same(before, after)) continue;
			const itemKey = `${target.kind}:${id}`;
			const fieldKey = `${itemKey}:${target.field}`;
			const known = proposed.get(fieldKey);
			if (known) {
				if (known.change.after === after) known.change.rows.push(r.row);
				else
					refused.push({
						row: r.row,
						reason: 'conflict',
						params: {
							column: headingText.get(key)!,
							ref: places.actions.get(r.actionId)!.ref,
							other: known.first
						}
					});
				continue;
			}
			let item = items.get(itemKey);
			if (!item) {
				const action = places.actions.get(r.actionId)!;
				item = {
					kind: target.kind,
					id,
					ref: target.kind === 'action' ? action.ref : places.indicators.get(id)!.ref,
					responsibleId: action.action.responsibleId,
					changes: []
				};
				items.set(itemKey, item);
			}
			const change: FieldChange = {
				field: target.field,
				label: column.label,
				before,
				after,
				rows: [r.row]
			};
			item.changes.push(change);
			proposed.set(fieldKey, { change, first: r.row });
		}

	// In the plan's order: each action, then its indicators.
	const order = new Map<string, number>();
	for (const place of walk(plan))
		if (place.kind === 'action') order.set(`action:${place.action.id}`, order.size);
		else if (place.kind === 'indicator') order.set(`indicator:${place.indicator.id}`, order.size);
	const sorted = [...items.entries()]
		.sort((a, b) => order.get(a[0])! - order.get(b[0])!)
		.map(([, item]) => item);

	const senders = new Map<string, number>();
	for (const item of sorted)
		if (item.responsibleId)
			senders.set(item.responsibleId, (senders.get(item.responsibleId) ?? 0) + 1);
	const reporter = [...senders.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';

	return {
		ok: true,
		period,
		sheet: sheet.name,
		language: layout.language,
		rows: rowsSeen,
		items: sorted,
		refused: refused.sort((a, b) => a.row - b.row),
		reporter: plan.institutions.some((i) => i.id === reporter) ? reporter : ''
	};
}
