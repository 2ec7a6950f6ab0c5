// Builds a Word file as a Blob, the plan's or a period's progress report: the one entry point the
// browser uses, in the export worker or (where a module worker cannot start) on the page itself.
import { Packer } from 'docx';
import type { Plan } from '../plan/schema.ts';
import {
	buildDocument,
	buildReport,
	type ExportOptions,
	type ReportExportOptions
} from './docx.ts';
import { exportFileName, reportFileName } from './name.ts';

export type ExportUpdate = { stage: 'writing'; done: number; total: number } | { stage: 'packing' };

/** What to build: the plan, or the progress report of a period. */
export type WordRequest =
	| { kind: 'plan'; options: Omit<ExportOptions, 'onProgress' | 'now'> }
	| { kind: 'report'; options: Omit<ReportExportOptions, 'onProgress' | 'now'> };

export async function wordFile(
	plan: Plan,
	request: WordRequest,
	onUpdate: (update: ExportUpdate) => void
): Promise<{ blob: Blob; name: string }> {
	const onProgress = (done: number, total: number) => onUpdate({ stage: 'writing', done, total });
	const { language } = request.options;
	const document =
		request.kind === 'report'
			? buildReport(plan, { ...request.options, onProgress })
			: buildDocument(plan, { ...request.options, onProgress });
	onUpdate({ stage: 'packing' });
	const name =
		request.kind === 'report'
			? reportFileName(plan, language, request.options.period)
			: exportFileName(plan, language);
	return { blob: await Packer.toBlob(document), name };
}
