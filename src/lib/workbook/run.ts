// Runs the workbook's export and import in a module worker (workbook.worker.ts), started on first use
// and kept for the next; falls back to the page itself where the browser cannot start one. Loaded by
// the workbook panel only when it is used, so ExcelJS is never part of a page's first load.
import type { Plan } from '../plan/schema.ts';
import type { WorkbookOptions } from './export.ts';
import type { Reading } from './import.ts';
import type { WorkbookAnswer, WorkbookRequest } from './workbook.worker.ts';

type Pending = { resolve: (answer: WorkbookAnswer) => void; reject: (error: Error) => void };

let worker: Worker | null | undefined;
let next = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
	try {
		const started = new Worker(new URL('./workbook.worker.ts', import.meta.url), {
			type: 'module'
		});
		started.onmessage = ({ data }: MessageEvent<WorkbookAnswer>) => {
			pending.get(data.id)?.resolve(data);
			pending.delete(data.id);
		};
		started.onerror = (event) => {
			for (const { reject } of pending.values()) reject(new Error(event.message || 'worker'));
			pending.clear();
			started.terminate();
			worker = undefined; // the next use starts another
		};
		return started;
	} catch {
		return null;
	}
}

/** A plain copy: a Svelte state proxy cannot cross to a worker, and later edits must not change it. */
const snapshot = (plan: Plan): Plan => JSON.parse(JSON.stringify(plan)) as Plan;

type Request = WorkbookRequest extends infer R
	? R extends WorkbookRequest
		? Omit<R, 'id'>
		: never
	: never;

function ask(request: Request, transfer: Transferable[] = []) {
	worker ??= startWorker();
	const running = worker;
	if (!running) return undefined;
	const id = next++;
	return new Promise<WorkbookAnswer>((resolve, reject) => {
		pending.set(id, { resolve, reject });
		running.postMessage({ ...request, id } as WorkbookRequest, transfer);
	});
}

export async function exportWorkbook(
	plan: Plan,
	options: WorkbookOptions
): Promise<{ bytes: Uint8Array; name: string }> {
	const answer = ask({ type: 'export', plan: snapshot(plan), options });
	if (!answer) return (await import('./export.ts')).workbookFile(snapshot(plan), options);
	const done = await answer;
	if (done.type === 'failed') throw new Error(done.reason);
	if (done.type !== 'exported') throw new Error('worker');
	return { bytes: done.bytes, name: done.name };
}

export async function readWorkbookFile(
	bytes: Uint8Array,
	plan: Plan,
	period: string
): Promise<Reading> {
	const answer = ask({ type: 'read', plan: snapshot(plan), bytes, period }, [bytes.buffer]);
	if (!answer) return (await import('./import.ts')).readWorkbook(bytes, snapshot(plan), period);
	const done = await answer;
	if (done.type === 'failed') throw new Error(done.reason);
	if (done.type !== 'read') throw new Error('worker');
	return done.reading;
}

/** Stops the worker (the panel is gone). */
export function releaseWorkbook(): void {
	worker?.terminate();
	worker = undefined;
	for (const { reject } of pending.values()) reject(new Error('released'));
	pending.clear();
}
