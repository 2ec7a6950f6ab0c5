// Drafts saved by an older version of the app are brought up to the current schema here, one
// version at a time, before the schema validates them. Add a step when SCHEMA_VERSION goes up:
//   2: (plan) => ({ ...plan, schemaVersion: 2, newField: … })
import { isPlanDate } from './dates.ts';
import { SCHEMA_VERSION } from './schema.ts';

type Versioned = { schemaVersion: number } & Record<string, unknown>;

/** Keyed by the version a step produces. */
const steps: Record<number, (plan: Versioned) => Versioned> = {
	// 2: dates may be a year or a month as well as a day. A full date stays as it was; a date the
	// version 1 schema refused yet a date field let through (01/01/1850) is cleared, or the draft
	// would never open again.
	2: (plan) => {
		const date = (value: unknown) => (typeof value === 'string' && isPlanDate(value) ? value : '');
		const object = (value: unknown) =>
			value && typeof value === 'object' && !Array.isArray(value)
				? (value as Record<string, unknown>)
				: null;
		const overview = object(plan.overview);
		const monitoring = object(plan.monitoring);
		const consultation = object(plan.consultation);
		return {
			...plan,
			schemaVersion: 2,
			...(overview && 'adoptionDate' in overview
				? { overview: { ...overview, adoptionDate: date(overview.adoptionDate) } }
				: {}),
			...(monitoring
				? {
						monitoring: {
							...monitoring,
							...('midTermReview' in monitoring
								? { midTermReview: date(monitoring.midTermReview) }
								: {}),
							...('finalEvaluation' in monitoring
								? { finalEvaluation: date(monitoring.finalEvaluation) }
								: {})
						}
					}
				: {}),
			...(consultation && Array.isArray(consultation.events)
				? {
						consultation: {
							...consultation,
							events: consultation.events.map((e) =>
								object(e) && 'date' in object(e)!
									? { ...object(e), date: date(object(e)!.date) }
									: e
							)
						}
					}
				: {})
		};
	},
	// 3: the baseline figures are named as the items they hold (`context.baselineFigures`, was `baselineData`).
	3: (plan) => {
		const context =
			plan.context && typeof plan.context === 'object' && !Array.isArray(plan.context)
				? (plan.context as Record<string, unknown>)
				: null;
		if (!context || !('baselineData' in context)) return { ...plan, schemaVersion: 3 };
		const { baselineData, ...rest } = context;
		return { ...plan, schemaVersion: 3, context: { ...rest, baselineFigures: baselineData } };
	},
	// 4: monitoring after adoption (`progress`), empty in an older draft: its defaults fill it in.
	4: (plan) => ({ ...plan, schemaVersion: 4 })
};

export function migrate(plan: { schemaVersion: number }): Versioned {
	let current = plan as Versioned;
	for (let v = current.schemaVersion + 1; v <= SCHEMA_VERSION; v++) {
		const step = steps[v];
		if (!step) throw new Error(`No migration to schema version ${v}`);
		current = step(current);
	}
	return current;
}
