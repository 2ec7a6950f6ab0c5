// ExcelJS, loaded only when a workbook is made or read (it is about 250 KB compressed): in the browser
// its bundle (package.json "browser"), in Node its own sources.
import type ExcelJS from 'exceljs';

export type Excel = typeof ExcelJS;

let loading: Promise<Excel> | undefined;

export function loadExcel(): Promise<Excel> {
	loading ??= import('exceljs').then((module) => {
		const found = module as unknown as Excel & { default?: Excel };
		return found.default ?? found;
	});
	return loading;
}
