// The results matrix and a period's monitoring sheet as an .xlsx workbook: one row per indicator (an
// action without indicators gets a row of its own), the action's columns and its entry for the period
// repeated on each of its rows, then the indicator's and its entry. The plan's own columns are grey and
// are not read back; the period's columns are white, with drop-down lists for the status and the rating;
// amounts and years are numbers; the ids and the period sit in hidden columns.
//
// Pure: no Svelte, no DOM (runs in the page, the workbook worker and Node).
import type ExcelJS from 'exceljs';
import { clean } from '../export/xml-text.ts';
import { actionCurrency } from '../plan/operations.ts';
import type { Language, Plan } from '../plan/schema.ts';
import { walk } from '../plan/walk.ts';
import { actionEntries, indicatorEntries } from '../progress/entries.ts';
import { COLUMNS, type Column } from './columns.ts';
import { loadExcel } from './excel.ts';
import { exportStrings } from '../export/strings.ts';

export interface WorkbookOptions {
	language: Language;
	/** The period's key ('2027'). */
	period: string;
	/** Only the actions of this institution (an id); '' or undefined for every action. */
	institution?: string;
	now?: Date;
}

/** The row where the headings are; the data starts on the next. */
export const HEADING_ROW = 3;
/** Excel's limit on the characters of a cell. */
export const MAX_CELL_TEXT = 32_767;

type Value = string | number | null;
type DataValidations = {
	dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/** The workbook's rows, as values by column key (codes for the lists, names for institutions). */
export function matrixRows(plan: Plan, period: string, institution = ''): Record<string, Value>[] {
	const actions = actionEntries(plan, period);
	const indicators = indicatorEntries(plan, period);
	const names = new Map(plan.institutions.map((i) => [i.id, i.name.trim() || i.acronym.trim()]));
	const rows: Record<string, Value>[] = [];
	for (const place of walk(plan)) {
		if (place.kind !== 'action') continue;
		const { action, ref } = place;
		if (institution && action.responsibleId !== institution) continue;
		const entry = actions.get(action.id);
		const base: Record<string, Value> = {
			actionRef: ref,
			description: action.description,
			responsible: names.get(action.responsibleId) ?? '',
			startYear: action.startYear,
			endYear: action.endYear,
			budget: action.budget.amount,
			budgetCurrency: action.budget.amount === null ? '' : actionCurrency(plan, action),
			status: entry?.status ?? '',
			narrative: entry?.narrative ?? '',
			spent: entry?.spent ?? null,
			spentCurrency: entry?.currency ?? '',
			actionId: action.id,
			indicatorId: '',
			period
		};
		if (!action.indicators.length) rows.push(base);
		for (const [i, indicator] of action.indicators.entries()) {
			const value = indicators.get(indicator.id);
			rows.push({
				...base,
				indicatorRef: `${ref}.${i + 1}`,
				statement: indicator.statement,
				unit: indicator.unit,
				baselineValue: indicator.baselineValue,
				baselineYear: indicator.baselineYear,
				targetValue: indicator.targetValue,
				targetYear: indicator.targetYear,
				meansOfVerification: indicator.meansOfVerification,
				value: value?.value ?? '',
				date: value?.date ?? '',
				source: value?.source ?? '',
				note: value?.note ?? '',
				rating: value?.rating ?? '',
				indicatorId: indicator.id
			});
		}
	}
	return rows;
}

const GREY = 'FFEDEDED';
const HEADING = 'FFD9E2F3';
const columnLetter = (index: number): string => {
	let n = index + 1;
	let letters = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		letters = String.fromCharCode(65 + r) + letters;
		n = Math.floor((n - 1) / 26);
	}
	return letters;
};

/** A sheet name as Excel allows it: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (text: string) => text.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** The file's name: the plan's title and the period. */
export function workbookName(plan: Plan, period: string): string {
	const title =
		plan.overview.title
			.trim()
			.replace(/[^\p{L}\p{N}]+/gu, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 60) || 'plan';
	return `${title}-${period}.xlsx`;
}

/** Builds the workbook; resolves with its bytes and a file name. */
export async function workbookFile(
	plan: Plan,
	options: WorkbookOptions
): Promise<{ bytes: Uint8Array; name: string }> {
	const ExcelJS = await loadExcel();
	const t = exportStrings(options.language);
	const text = (value: string) => clean(value).slice(0, MAX_CELL_TEXT);
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'NAP Builder';
	workbook.lastModifiedBy = 'NAP Builder';
	const now = options.now ?? new Date();
	workbook.created = now;
	workbook.modified = now;

	const rows = matrixRows(plan, options.period, options.institution);
	const sheet = workbook.addWorksheet(
		sheetName(t('workbook.sheet.monitoring', { period: options.period })),
		{ views: [{ state: 'frozen', ySplit: HEADING_ROW, xSplit: 1 }] }
	);
	const lists = workbook.addWorksheet(sheetName(t('workbook.sheet.lists')), { state: 'hidden' });

	sheet.columns = COLUMNS.map((column) => ({
		key: column.key,
		width: column.width,
		hidden: column.role === 'id'
	}));
	sheet.getCell(1, 1).value = text(
		t('workbook.title', { plan: plan.overview.title.trim(), period: options.period })
	);
	sheet.getCell(1, 1).font = { bold: true, size: 14 };
	sheet.getCell(2, 1).value = text(t('workbook.instructions'));
	sheet.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
	sheet.mergeCells(2, 1, 2, 12);
	sheet.getRow(2).height = 60;

	const heading = sheet.getRow(HEADING_ROW);
	for (const [i, column] of COLUMNS.entries()) {
		const cell = heading.getCell(i + 1);
		cell.value = t(column.label);
		cell.font = { bold: true };
		cell.alignment = { wrapText: true, vertical: 'top' };
		cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADING } };
	}

	const label = (column: Column, value: Value): Value => {
		if (value === null || value === '') return column.type === 'number' ? null : '';
		if (column.type === 'status') return t(`options.progressStatus.${value}`);
		if (column.type === 'rating') return t(`options.rating.${value}`);
		return typeof value === 'string' ? text(value) : value;
	};
	for (const [r, values] of rows.entries()) {
		const row = sheet.getRow(HEADING_ROW + 1 + r);
		for (const [i, column] of COLUMNS.entries()) {
			const cell = row.getCell(i + 1);
			const value = label(column, values[column.key] ?? null);
			if (value !== null && value !== '') cell.value = value;
			if (column.type === 'number' && column.key !== 'startYear' && column.key !== 'endYear')
				cell.numFmt = '#,##0.00';
			if (column.role === 'plan')
				cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: GREY } };
			if (column.type === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
			else cell.alignment = { vertical: 'top' };
		}
	}

	// The lists' values on the hidden sheet, which the drop-downs name (labels may hold commas).
	const statuses = ['not-started', 'on-track', 'delayed', 'completed', 'cancelled'] as const;
	const ratings = ['on-track', 'at-risk', 'off-track'] as const;
	statuses.forEach(
		(code, i) => (lists.getCell(i + 1, 1).value = t(`options.progressStatus.${code}`))
	);
	ratings.forEach((code, i) => (lists.getCell(i + 1, 2).value = t(`options.rating.${code}`)));
	const quoted = `'${lists.name.replace(/'/g, "''")}'`;
	const last = HEADING_ROW + Math.max(rows.length, 1);
	for (const [i, column] of COLUMNS.entries()) {
		if (column.type !== 'status' && column.type !== 'rating') continue;
		const letter = columnLetter(i);
		const range =
			column.type === 'status'
				? `${quoted}!$A$1:$A$${statuses.length}`
				: `${quoted}!$B$1:$B$${ratings.length}`;
		// Typed by ExcelJS's sources, not its declarations: a list over a whole range, one rule.
		(sheet as unknown as DataValidations).dataValidations.add(
			`${letter}${HEADING_ROW + 1}:${letter}${last}`,
			{
				type: 'list',
				allowBlank: true,
				formulae: [range],
				showErrorMessage: true,
				error: t('workbook.listError')
			}
		);
	}
	sheet.autoFilter = {
		from: { row: HEADING_ROW, column: 1 },
		to: { row: HEADING_ROW, column: COLUMNS.length }
	};

	const buffer = await workbook.xlsx.writeBuffer();
	return {
		bytes: new Uint8Array(buffer as ArrayBuffer),
		name: workbookName(plan, options.period)
	};
}
