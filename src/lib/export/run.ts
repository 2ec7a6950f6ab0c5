// Runs the Word export in a module worker, reporting progress; falls back to the page itself where
// the browser cannot start one. Either way the docx code is fetched only now, on export.
import type { Plan } from '../plan/schema.ts';
import type { ExportMessage, ExportRequest } from './export.worker.ts';
import type { ExportUpdate } from './word.ts';

export async function exportWord(plan: Plan, options: ExportRequest['options'], onUpdate: (update: ExportUpdate) => void): Promise<{ blob: Blob; name: string }> {
	// A plain copy: a Svelte state proxy cannot cross to a worker, and later edits must not change this export.
	const snapshot = JSON.parse(JSON.stringify(plan)) as Plan;
	let worker: Worker;
	try {
		worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		const { wordFile } = await import('./word.ts');
		return wordFile(snapshot, options, onUpdate);
	}
	return new Promise((resolve, reject) => {
		worker.onmessage = ({ data }: MessageEvent<ExportMessage>) => {
			if (data.stage === 'done' || data.stage === 'failed') worker.terminate();
			if (data.stage === 'done') resolve({ blob: data.blob, name: data.name });
			else if (data.stage === 'failed') reject(new Error(data.reason));
			else onUpdate(data);
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(event.message || 'worker'));
		};
		worker.postMessage({ plan: snapshot, options } satisfies ExportRequest);
	});
}
