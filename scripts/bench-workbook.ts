// The results matrix workbook in Node: export of a period's workbook, and import of it back (as exported,
// and with every indicator's value and every action's status changed), for plans of 300 and 1,000
// actions (two indicators each). One JSON line per figure. Runs alone with `npx node scripts/bench-workbook.ts`.
import ExcelJS from 'exceljs';
import { setActionProgress, setIndicatorProgress } from '../src/lib/progress/entries.ts';
import { walk } from '../src/lib/plan/walk.ts';
import { workbookFile } from '../src/lib/workbook/export.ts';
import { readWorkbook } from '../src/lib/workbook/import.ts';
import { generatedPlan } from './generated-plan.ts';

const PERIOD = '2028';

async function time<T>(run: () => Promise<T>, repeat = 3): Promise<{ ms: number; result: T }> {
	let result = await run(); // warm up
	const times: number[] = [];
	for (let i = 0; i < repeat; i++) {
		const start = performance.now();
		result = await run();
		times.push(performance.now() - start);
	}
	return { ms: Math.round(Math.min(...times)), result };
}

export async function workbookFigures(env: Record<string, string>, sizes = [300, 1000]) {
	for (const actions of sizes) {
		const plan = generatedPlan(actions);
		// Last period's entries, so that the sheet carries values as a real one does.
		for (const place of walk(plan))
			if (place.kind === 'action')
				setActionProgress(plan, place.action.id, PERIOD, { status: 'on-track', spent: 1000 });
			else if (place.kind === 'indicator')
				setIndicatorProgress(plan, place.indicator.id, PERIOD, { value: '10', source: 'Survey' });
		const exported = await time(() => workbookFile(plan, { language: 'en', period: PERIOD }));
		const { bytes } = exported.result;
		console.log(
			JSON.stringify({
				figure: 'workbook-export-node',
				actions,
				rows: actions * 2,
				ms: exported.ms,
				bytes: bytes.length,
				...env
			})
		);

		const unchanged = await time(() => readWorkbook(bytes, plan, PERIOD));
		console.log(
			JSON.stringify({
				figure: 'workbook-import-node',
				actions,
				edited: 'none',
				ms: unchanged.ms,
				changes: unchanged.result.ok ? unchanged.result.items.length : unchanged.result.problem.key,
				...env
			})
		);

		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		const headings = sheet.getRow(3).values as unknown[];
		const value = headings.indexOf('Value measured');
		const status = headings.indexOf('Status in the period');
		for (let r = 4; r <= sheet.rowCount; r++) {
			sheet.getRow(r).getCell(value).value = 20 + r;
			sheet.getRow(r).getCell(status).value = 'Delayed';
		}
		const edited = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
		const changed = await time(() => readWorkbook(edited, plan, PERIOD));
		const reading = changed.result;
		console.log(
			JSON.stringify({
				figure: 'workbook-import-node',
				actions,
				edited: 'every value and status',
				ms: changed.ms,
				changes: reading.ok
					? reading.items.reduce((n, i) => n + i.changes.length, 0)
					: reading.problem.key,
				...env
			})
		);
	}
}

if (import.meta.main) await workbookFigures({ node: process.version });
