// Where an indicator stands in a period: progress from its baseline towards its target, and a rating by
// a rule the app shows in words (locales `progress.rule.*`, keyed by the names below):
//   progress   the share of the way from the baseline to the target the value has gone: 0 at the
//              baseline, 1 at the target, whichever way the target lies (up for "30 % women", down for
//              "cases pending");
//   expected   the share of the time from the baseline year to the target year passed at the end of
//              the period (the plan's period stands in for a year the indicator does not give);
//   on track   the target is reached, or progress is at least the expected progress less 10 points;
//   at risk    progress is at least half the expected progress;
//   off track  less than that, or the value has moved away from the target.
// Where progress cannot be computed (a text value, a missing baseline, target or value, a baseline
// equal to the target), or no year says how much of it is due, the reporter's own rating stands, and
// the reason is said.
//
// Pure: no Svelte, no DOM.
import { readNumber } from '../i18n/numbers.ts';
import { periodOf } from '../plan/periods.ts';
import type { Indicator, IndicatorProgress, Language, Plan, Rating } from '../plan/schema.ts';

/** How far behind the expected progress an indicator may be and still be on track. */
export const ON_TRACK_MARGIN = 0.1;
/** The share of the expected progress below which an indicator is off track. */
export const AT_RISK_SHARE = 0.5;

/** Why progress could not be computed. */
export type NotComputed =
	| 'noValue'
	| 'noBaseline'
	| 'noTarget'
	| 'text'
	| 'baselineIsTarget'
	/** Progress is computed, but no year says how much of it is due yet: the reporter rates. */
	| 'noYears';

export interface Standing {
	/** 0 at the baseline, 1 at the target; may be below 0 or above 1. Null when not computed. */
	progress: number | null;
	/** The share of the time to the target passed by the end of the period; null when not known. */
	expected: number | null;
	/** The rating: computed where progress is, else the reporter's; null when neither is there. */
	rating: Rating | null;
	/** computed: by the rule; reporter: the reporter's own; none: no rating. */
	basis: 'computed' | 'reporter' | 'none';
	/** Why progress was not computed (when it was not). */
	reason?: NotComputed;
}

const BOUNDS = { min: -1e15, max: 1e15, integer: false };

/** A measured or planned value as a number, when it is one: "30", "30 %", "1 250", "12.5 per cent" in
 * the unit it names. Null for a text ("a law adopted") or a number written two ways ("1.500"). */
export function numericValue(text: string, language: Language, unit = ''): number | null {
	let t = text.trim();
	if (unit && t.toLowerCase().endsWith(unit.trim().toLowerCase()) && unit.trim())
		t = t.slice(0, t.length - unit.trim().length).trim();
	t = t.replace(/\s*(%|‰)$/u, '');
	const reading = readNumber(t, language, BOUNDS);
	return reading.status === 'number' ? reading.value : null;
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** The share of the time from `from` to `to` passed at the end of `year` (0 before, 1 at or after). */
export function expectedShare(from: number | null, to: number | null, year: number): number | null {
	if (from === null || to === null || to <= from) return null;
	return clamp((year - from) / (to - from));
}

/** Rates progress against the expected progress (the rule above). */
export function rate(progress: number, expected: number): Rating {
	if (progress >= 1) return 'on-track';
	if (progress < 0) return 'off-track';
	if (progress >= expected - ON_TRACK_MARGIN) return 'on-track';
	if (progress >= expected * AT_RISK_SHARE) return 'at-risk';
	return 'off-track';
}

/** Where an indicator stands with the value reported for a period. `language`: the plan's own (its
 * values are written as its team writes numbers). */
export function standingOf(
	plan: Plan,
	indicator: Indicator,
	entry: IndicatorProgress | undefined,
	language: Language
): Standing {
	const reporter = (reason: NotComputed): Standing => ({
		progress: null,
		expected: null,
		rating: entry?.rating || null,
		basis: entry?.rating ? 'reporter' : 'none',
		reason
	});
	if (!entry || !entry.value.trim()) return reporter('noValue');
	if (!indicator.baselineValue.trim()) return reporter('noBaseline');
	if (!indicator.targetValue.trim()) return reporter('noTarget');
	const baseline = numericValue(indicator.baselineValue, language, indicator.unit);
	const target = numericValue(indicator.targetValue, language, indicator.unit);
	const value = numericValue(entry.value, language, indicator.unit);
	if (baseline === null || target === null || value === null) return reporter('text');
	if (baseline === target) return reporter('baselineIsTarget');
	const progress = (value - baseline) / (target - baseline);
	const period = periodOf(entry.period);
	const expected = period
		? expectedShare(
				indicator.baselineYear ?? plan.overview.periodStart,
				indicator.targetYear ?? plan.overview.periodEnd,
				period.endYear
			)
		: null;
	if (expected === null) return { ...reporter('noYears'), progress };
	return { progress, expected, rating: rate(progress, expected), basis: 'computed' };
}
