// The wizard's checks off the main thread: at 3,000 actions the plan has some 44,000 checks, and
// running them after each pause in typing held the next key for half a second.
import { checkSummary } from '../plan/completeness.ts';
import type { Plan } from '../plan/schema.ts';

export type ChecksRequest = { id: number; json: string };
export type ChecksResult = { id: number } & ReturnType<typeof checkSummary>;

const scope = self as unknown as {
	postMessage(message: ChecksResult): void;
	onmessage: ((event: MessageEvent<ChecksRequest>) => void) | null;
};
scope.onmessage = ({ data }) =>
	scope.postMessage({ id: data.id, ...checkSummary(JSON.parse(data.json) as Plan) });
