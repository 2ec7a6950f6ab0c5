// Drafts saved by an older version of the app are brought up to the current schema here, one
// version at a time, before the schema validates them. Add a step when SCHEMA_VERSION goes up:
//   2: (plan) => ({ ...plan, schemaVersion: 2, newField: … })
import { SCHEMA_VERSION } from './schema.ts';

type Versioned = { schemaVersion: number } & Record<string, unknown>;

/** Keyed by the version a step produces. */
const steps: Record<number, (plan: Versioned) => Versioned> = {};

export function migrate(plan: { schemaVersion: number }): Versioned {
	let current = plan as Versioned;
	for (let v = current.schemaVersion + 1; v <= SCHEMA_VERSION; v++) {
		const step = steps[v];
		if (!step) throw new Error(`No migration to schema version ${v}`);
		current = step(current);
	}
	return current;
}
