// The workbook's export and import off the main thread: ExcelJS takes a while over a large plan or a
// large workbook, and the page must keep answering meanwhile.
import type { Plan } from '../plan/schema.ts';
import type { WorkbookOptions } from './export.ts';
import type { Reading } from './import.ts';

export type WorkbookRequest =
	| { id: number; type: 'export'; plan: Plan; options: WorkbookOptions }
	| { id: number; type: 'read'; plan: Plan; bytes: Uint8Array; period: string };
export type WorkbookAnswer =
	| { id: number; type: 'exported'; bytes: Uint8Array; name: string }
	| { id: number; type: 'read'; reading: Reading }
	| { id: number; type: 'failed'; reason: string };

const scope = self as unknown as {
	postMessage(message: WorkbookAnswer, transfer?: Transferable[]): void;
	onmessage: ((event: MessageEvent<WorkbookRequest>) => void) | null;
};

scope.onmessage = async ({ data }) => {
	try {
		if (data.type === 'export') {
			const { workbookFile } = await import('./export.ts');
			const { bytes, name } = await workbookFile(data.plan, data.options);
			scope.postMessage({ id: data.id, type: 'exported', bytes, name }, [bytes.buffer]);
		} else {
			const { readWorkbook } = await import('./import.ts');
			const reading = await readWorkbook(data.bytes, data.plan, data.period);
			scope.postMessage({ id: data.id, type: 'read', reading });
		}
	} catch (error) {
		scope.postMessage({
			id: data.id,
			type: 'failed',
			reason: error instanceof Error ? error.message : String(error)
		});
	}
};
