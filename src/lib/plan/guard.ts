// The guard at every door of the plan: storage, files, merge, the library. A plan that passes it
// satisfies the schema and has unique ids, so every page can render it.
//
// `repairPlan` is for what the app itself stored: a stored draft must always open, so a value the
// schema refuses is repaired field by field (reset to its default, a list or text cut to its limit,
// a broken item set aside), and each repair is reported with where it was and what it held, so the
// user can be told. Files from outside are refused instead (file.ts); only their ids are repaired.
import type { z } from 'zod';
import { unwrap } from './fields.ts';
import { newId } from './operations.ts';
import { FILE_FORMAT, planSchema, SCHEMA_VERSION, type Plan } from './schema.ts';

export type Path = (string | number)[];

export interface Repair {
	path: Path;
	/** reset: the value was replaced by its default; cut: a text or list was cut to its limit (the rest is
	 * in `was`); removed: an item that could not be read was set aside; reissued: an id was made unique. */
	kind: 'reset' | 'cut' | 'removed' | 'reissued';
	/** What the value held, as JSON, shortened (kept with the rescued draft). */
	was: string;
	/** The value as the user typed it, when it was a single text or number: what a message can show. */
	shown?: string;
}

/** The longest excerpt of a repaired value kept in a repair's `was`. */
const EXCERPT = 200;
const MAX_ROUNDS = 20;

const excerpt = (value: unknown): string => {
	let text: string;
	try {
		text = JSON.stringify(value) ?? String(value);
	} catch {
		text = String(value);
	}
	return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
};

/** A single text or number, as a message may quote it; nothing for lists and objects (their JSON means nothing to a user). */
const shown = (value: unknown): { shown?: string } =>
	typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
		? {
				shown:
					String(value).length > EXCERPT ? `${String(value).slice(0, EXCERPT - 1)}…` : String(value)
			}
		: {};

type Container = Record<string | number, unknown>;
const isContainer = (value: unknown): value is Container => !!value && typeof value === 'object';

/** The schema of the value at `path` in a plan (through defaults, nullables and arrays); undefined off the model. */
function schemaAt(path: Path): z.ZodType | undefined {
	let schema: z.ZodType | undefined = planSchema;
	for (const key of path) {
		schema = schema && unwrap(schema);
		const def = schema?._zod.def as
			{ type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType } | undefined;
		if (def?.type === 'object' && typeof key === 'string') schema = def.shape?.[key];
		else if (def?.type === 'array' && typeof key === 'number') schema = def.element;
		else return undefined;
	}
	return schema;
}

const at = (root: unknown, path: Path): unknown =>
	path.reduce<unknown>((node, key) => (isContainer(node) ? node[key] : undefined), root);

/** The value a field takes when it is missing, if its schema gives one. */
function fallbackFor(path: Path): { value: unknown } | undefined {
	const key = path[path.length - 1];
	if (key === 'id') return { value: newId() };
	if (key === 'format') return { value: FILE_FORMAT };
	if (key === 'schemaVersion') return { value: SCHEMA_VERSION };
	const schema = schemaAt(path);
	if (!schema) return undefined;
	const parsed = schema.safeParse(undefined);
	if (parsed.success) return { value: parsed.data };
	// Times the plan needs but the user never typed (when a draft or a comment was made).
	if (key === 'createdAt' || key === 'updatedAt') return { value: new Date().toISOString() };
	return undefined;
}

/**
 * Makes a stored value a valid plan, changing only what the schema refuses. Never throws, never
 * returns nothing: at worst every part is set aside and a blank plan with the same id remains.
 */
export function repairPlan(raw: unknown): { plan: Plan; repairs: Repair[] } {
	const repairs: Repair[] = [];
	let value: unknown;
	try {
		// structuredClone, not JSON: a BigInt or a cycle in a stored record must not wipe the whole draft.
		value = structuredClone(raw ?? null);
	} catch {
		value = null;
	}
	if (!isContainer(value) || Array.isArray(value)) {
		repairs.push({ path: [], kind: 'reset', was: excerpt(raw) });
		value = {};
	}
	const root = value as Container;
	for (let round = 0; round < MAX_ROUNDS; round++) {
		const parsed = planSchema.safeParse(root);
		if (parsed.success) {
			const reissued = uniqueIds(parsed.data);
			return { plan: parsed.data, repairs: [...repairs, ...reissued] };
		}
		// Deepest and last first, so that setting an item aside does not shift the paths still to mend.
		const issues = [...parsed.error.issues].sort((a, b) =>
			comparePaths(b.path as Path, a.path as Path)
		);
		const removed: Path[] = [];
		for (const issue of issues) {
			const path = issue.path as Path;
			if (removed.some((prefix) => startsWith(path, prefix))) continue;
			const done = mend(root, path, issue, repairs);
			if (done) removed.push(done);
		}
	}
	// Unreachable with the schema as it is; kept so that a future schema can never make a draft vanish.
	const blank = planSchema.parse({
		format: FILE_FORMAT,
		schemaVersion: SCHEMA_VERSION,
		id: typeof root.id === 'string' && root.id ? root.id.slice(0, 64) : newId(),
		createdAt: new Date().toISOString(),
		updatedAt: new Date().toISOString()
	});
	return { plan: blank, repairs: [...repairs, { path: [], kind: 'removed', was: excerpt(raw) }] };
}

/** Mends the value at `path`; returns the path of an item it set aside, if it did. */
function mend(
	root: Container,
	path: Path,
	issue: z.core.$ZodIssue,
	repairs: Repair[]
): Path | undefined {
	if (path.length === 0) {
		// A field the plan needs is missing at the top (format, id…): zod reports it at its own path, so
		// here only a root of the wrong type arrives, which repairPlan replaced already.
		return undefined;
	}
	const parent = at(root, path.slice(0, -1));
	const key = path[path.length - 1];
	if (!isContainer(parent)) return undefined; // its parent is mended in a later round
	const current = parent[key];
	if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
		const max = Number(issue.maximum);
		if (Array.isArray(current) || typeof current === 'string') {
			// An item set aside in this round may have brought it back within its limit already.
			if (current.length > max)
				repairs.push({ path, kind: 'cut', was: excerpt(current.slice(max)) });
			parent[key] = current.slice(0, max);
			return undefined;
		}
	}
	const fallback = fallbackFor(path);
	if (fallback) {
		repairs.push({ path, kind: 'reset', was: excerpt(current), ...shown(current) });
		parent[key] = fallback.value;
		return undefined;
	}
	// No default: set aside the innermost list item that holds the value (a comment with no target…).
	for (let i = path.length - 1; i > 0; i--) {
		const list = at(root, path.slice(0, i));
		const index = path[i];
		if (Array.isArray(list) && typeof index === 'number') {
			repairs.push({ path: path.slice(0, i + 1), kind: 'removed', was: excerpt(list[index]) });
			list.splice(index, 1);
			return path.slice(0, i + 1);
		}
	}
	repairs.push({ path, kind: 'reset', was: excerpt(current) });
	delete parent[key];
	return undefined;
}

function comparePaths(a: Path, b: Path): number {
	for (let i = 0; i < Math.min(a.length, b.length); i++) {
		if (a[i] === b[i]) continue;
		if (typeof a[i] === 'number' && typeof b[i] === 'number')
			return (a[i] as number) - (b[i] as number);
		return String(a[i]).localeCompare(String(b[i]));
	}
	return a.length - b.length;
}

const startsWith = (path: Path, prefix: Path) =>
	prefix.length <= path.length && prefix.every((key, i) => path[i] === key);

/**
 * Gives a fresh id to every item whose id an earlier item already has (the plan's own id included),
 * in document order, so keyed lists, DOM ids and comments never meet two items with one id.
 * References to a repeated id keep pointing at its first holder. Changes the plan in place.
 */
export function uniqueIds(plan: Plan): Repair[] {
	const seen = new Set<string>([plan.id]);
	const repairs: Repair[] = [];
	// One path, grown and shrunk as the walk goes (copied only for a repair): a new array for every
	// value of the plan was most of the time this walk took as a draft opened.
	const path: Path = [];
	const visit = (node: unknown) => {
		if (Array.isArray(node)) {
			for (let i = 0; i < node.length; i++) {
				const item: unknown = node[i];
				if (item === null || typeof item !== 'object') continue;
				path.push(i);
				visit(item);
				path.pop();
			}
			return;
		}
		if (!isContainer(node)) return;
		if (path.length > 0 && typeof node.id === 'string') {
			if (seen.has(node.id)) {
				repairs.push({ path: [...path, 'id'], kind: 'reissued', was: excerpt(node.id) });
				let id = newId();
				while (seen.has(id)) id = newId();
				node.id = id;
			}
			seen.add(node.id as string);
		}
		for (const key in node) {
			const inner = node[key];
			if (inner === null || typeof inner !== 'object') continue;
			path.push(key);
			visit(inner);
			path.pop();
		}
	};
	visit(plan);
	return repairs;
}

/** Why a plan would not be accepted: the first place the schema refuses, or null when it is valid. */
export function planProblem(plan: unknown): { path: Path; code: string; maximum?: number } | null {
	const parsed = planSchema.safeParse(plan);
	if (parsed.success) return null;
	const issue = parsed.error.issues[0];
	return {
		path: issue.path as Path,
		code: issue.code,
		maximum: 'maximum' in issue ? Number(issue.maximum) : undefined
	};
}
