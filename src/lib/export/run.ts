// Runs the Word export (the plan, or a period's progress report) in a module worker, reporting progress; falls back to the page itself where
// the browser cannot start one. The worker is started when the export panel appears (prepareExport),
// so that fetching and starting docx is done before the click, not counted in the user's wait.
import type { Plan } from '../plan/schema.ts';
import type { ExportMessage, ExportRequest } from './export.worker.ts';
import type { ExportUpdate, WordRequest } from './word.ts';

let ready: Worker | undefined;

function startWorker(): Worker | undefined {
	try {
		return new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return undefined;
	}
}

/** Starts the export worker ahead of time (it loads docx as it starts). */
export function prepareExport(): void {
	ready ??= startWorker();
}

/** Stops the waiting worker (the export panel is gone). */
export function releaseExport(): void {
	ready?.terminate();
	ready = undefined;
}

/** The plan in Word. */
export function exportWord(
	plan: Plan,
	options: Extract<WordRequest, { kind: 'plan' }>['options'],
	onUpdate: (update: ExportUpdate) => void
): Promise<{ blob: Blob; name: string }> {
	return exportFile(plan, { kind: 'plan', options }, onUpdate);
}

/** The progress report of a period in Word. */
export function exportReport(
	plan: Plan,
	options: Extract<WordRequest, { kind: 'report' }>['options'],
	onUpdate: (update: ExportUpdate) => void
): Promise<{ blob: Blob; name: string }> {
	return exportFile(plan, { kind: 'report', options }, onUpdate);
}

async function exportFile(
	plan: Plan,
	request: WordRequest,
	onUpdate: (update: ExportUpdate) => void
): Promise<{ blob: Blob; name: string }> {
	// A plain copy: a Svelte state proxy cannot cross to a worker, and later edits must not change this export.
	const snapshot = JSON.parse(JSON.stringify(plan)) as Plan;
	const worker = ready ?? startWorker();
	ready = undefined;
	if (!worker) {
		const { wordFile } = await import('./word.ts');
		return wordFile(snapshot, request, onUpdate);
	}
	return new Promise((resolve, reject) => {
		const fail = (reason: string) => {
			worker.terminate();
			reject(new Error(reason));
		};
		worker.onmessage = ({ data }: MessageEvent<ExportMessage>) => {
			if (data.stage === 'done') {
				ready ??= worker; // kept for the next export (another language, another paper size)
				if (ready !== worker) worker.terminate();
				resolve({ blob: data.blob, name: data.name });
			} else if (data.stage === 'failed') fail(data.reason);
			else onUpdate(data);
		};
		worker.onerror = (event) => fail(event.message || 'worker');
		worker.postMessage({ plan: snapshot, ...request } satisfies ExportRequest);
	});
}
