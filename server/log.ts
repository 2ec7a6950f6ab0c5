// One JSON line per event on standard output. Callers pass ids, roles, sizes and reasons only: never
// a secret, a token or a document's content.
export type LogFields = Record<string, string | number | boolean | undefined>;
export type Log = (event: string, fields?: LogFields) => void;

export const jsonLog: Log = (event, fields = {}) => {
	process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
};
