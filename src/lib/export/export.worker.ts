// The Word export off the main thread: a 1,000-action plan takes seconds to build, and the page
// must keep answering (and show progress) meanwhile. One worker builds the plan and the progress
// report alike (the request's kind).
import type { Plan } from '../plan/schema.ts';
import { wordFile, type ExportUpdate, type WordRequest } from './word.ts';

export type ExportRequest = { plan: Plan } & WordRequest;
export type ExportMessage =
	ExportUpdate | { stage: 'done'; blob: Blob; name: string } | { stage: 'failed'; reason: string };

const scope = self as unknown as {
	postMessage(message: ExportMessage): void;
	onmessage: ((event: MessageEvent<ExportRequest>) => void) | null;
};

scope.onmessage = async ({ data }) => {
	try {
		const { plan, ...request } = data;
		const { blob, name } = await wordFile(plan, request as WordRequest, (update) =>
			scope.postMessage(update)
		);
		scope.postMessage({ stage: 'done', blob, name });
	} catch (error) {
		scope.postMessage({
			stage: 'failed',
			reason: error instanceof Error ? error.message : String(error)
		});
	}
};
