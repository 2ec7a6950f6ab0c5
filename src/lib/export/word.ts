// Builds the Word file of a plan as a Blob: the one entry point the browser uses, in the export
// worker or (where a module worker cannot start) on the page itself.
import { Packer } from 'docx';
import type { Plan } from '../plan/schema.ts';
import { buildDocument, type ExportOptions } from './docx.ts';
import { exportFileName } from './name.ts';

export type ExportUpdate = { stage: 'writing'; done: number; total: number } | { stage: 'packing' };

export async function wordFile(
	plan: Plan,
	options: ExportOptions,
	onUpdate: (update: ExportUpdate) => void
): Promise<{ blob: Blob; name: string }> {
	const document = buildDocument(plan, {
		...options,
		onProgress: (done, total) => onUpdate({ stage: 'writing', done, total })
	});
	onUpdate({ stage: 'packing' });
	return { blob: await Packer.toBlob(document), name: exportFileName(plan, options.language) };
}
