// Reporting periods: the plan's reporting cycle (annual unless it says otherwise) over its period.
// A period is named by a key that sorts by time within one cycle and reads the same in every language:
//   annual '2027' · biannual '2027-H1' · quarterly '2027-Q3' · monthly '2027-03'
//   biennial '2027-2028' · end of plan '2025-2029' (a biennial cycle's odd last year is '2029')
// Monitoring entries keep the key they were reported under, so changing the cycle never loses them:
// periodsOf lists the cycle's periods, and keys with entries outside it after them.
//
// Pure: no Svelte, no DOM.

export const PERIOD_KEY = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])|(\d{4})))?$/;

/** The cycles a plan's reporting may follow (schema.ts FREQUENCIES). */
type Cycle = '' | 'monthly' | 'quarterly' | 'biannual' | 'annual' | 'biennial' | 'end-of-plan';

export interface Period {
	key: string;
	/** First and last month covered, as plan dates ('2027-01', '2027-06'). */
	start: string;
	end: string;
	/** The period's last year: where progress is measured against the time to the target year. */
	endYear: number;
}

const month = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

/** The period a key names; undefined for a key that is not one. */
export function periodOf(key: string): Period | undefined {
	const match = PERIOD_KEY.exec(key);
	if (!match) return undefined;
	const year = Number(match[1]);
	const [, , half, quarter, m, last] = match;
	if (half) {
		const first = half === '1' ? 1 : 7;
		return { key, start: month(year, first), end: month(year, first + 5), endYear: year };
	}
	if (quarter) {
		const first = (Number(quarter) - 1) * 3 + 1;
		return { key, start: month(year, first), end: month(year, first + 2), endYear: year };
	}
	if (m) return { key, start: month(year, Number(m)), end: month(year, Number(m)), endYear: year };
	if (last) {
		const endYear = Number(last);
		if (endYear < year) return undefined;
		return { key, start: month(year, 1), end: month(endYear, 12), endYear };
	}
	return { key, start: month(year, 1), end: month(year, 12), endYear: year };
}

/** The most periods a cycle makes (a monthly cycle over a long plan). */
const MAX_PERIODS = 600;

/** The periods of a cycle from `startYear` to `endYear`, in order; none when the period is not known. */
export function cyclePeriods(
	cycle: Cycle,
	startYear: number | null,
	endYear: number | null
): Period[] {
	if (startYear === null || endYear === null || endYear < startYear) return [];
	const keys: string[] = [];
	if (cycle === 'end-of-plan') keys.push(`${startYear}-${endYear}`);
	for (let year = startYear; year <= endYear && keys.length < MAX_PERIODS; year++) {
		if (cycle === 'monthly') for (let m = 1; m <= 12; m++) keys.push(month(year, m));
		else if (cycle === 'quarterly') for (let q = 1; q <= 4; q++) keys.push(`${year}-Q${q}`);
		else if (cycle === 'biannual') keys.push(`${year}-H1`, `${year}-H2`);
		else if (cycle === 'biennial') {
			keys.push(year < endYear ? `${year}-${year + 1}` : `${year}`);
			year++;
		} else if (cycle !== 'end-of-plan') keys.push(`${year}`);
	}
	return keys.slice(0, MAX_PERIODS).map((key) => periodOf(key)!);
}

interface PlanPeriods {
	overview: { periodStart: number | null; periodEnd: number | null };
	monitoring: { reportingCycle: string };
	progress: {
		periods: readonly { period: string }[];
		actions: readonly { period: string }[];
		indicators: readonly { period: string }[];
	};
}

/** The plan's reporting periods: its cycle's over its period, then any other period it has entries for
 * (reported under an earlier cycle or period), in order of their start. */
export function periodsOf(plan: PlanPeriods): Period[] {
	const cycle = plan.monitoring.reportingCycle as Cycle;
	const periods = cyclePeriods(cycle, plan.overview.periodStart, plan.overview.periodEnd);
	const known = new Set(periods.map((p) => p.key));
	const others = new Map<string, Period>();
	for (const list of [plan.progress.periods, plan.progress.actions, plan.progress.indicators])
		for (const entry of list)
			if (!known.has(entry.period) && !others.has(entry.period)) {
				const period = periodOf(entry.period);
				if (period) others.set(entry.period, period);
			}
	const byStart = (a: Period, b: Period) =>
		a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : 1;
	return [...periods, ...[...others.values()].sort(byStart)];
}
