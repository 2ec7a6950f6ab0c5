// What the monitoring area (/progress) reads and does: the period shown, the institution whose actions
// come first (a ministry fills its own part), and the monitoring operations on the draft, each followed
// by an autosave. The plan's own text is never changed here.
import { locale } from '../i18n/i18n.svelte.ts';
import { periodsOf, type Period } from '../plan/periods.ts';
import type {
	Action,
	ActionProgress,
	Indicator,
	IndicatorProgress,
	Language,
	Objective,
	PeriodReport,
	Pillar
} from '../plan/schema.ts';
import { planLanguage } from '../plan/text.ts';
import { numbers } from '../plan/walk.ts';
import {
	actionEntries,
	EntriesFullError,
	indicatorEntries,
	periodReport,
	setActionProgress,
	setIndicatorProgress,
	setPeriodReport
} from '../progress/entries.ts';
import { figuresOf, type Figures } from '../progress/figures.ts';
import { standingOf, type Standing } from '../progress/rating.ts';
import type { DraftSession } from './draft-session.svelte.ts';
import { notices } from './notices.svelte.ts';
import { MAX_ENTRIES } from '../plan/schema.ts';

/** What the dashboard counts: the period shown, or every period from the plan's first to it. */
export type Scope = 'period' | 'toDate';

/** Above this many actions, the monitoring area shows one objective at a time (as the actions step does). */
export const ONE_OBJECTIVE_ABOVE = 120;

/** The actions of an objective that are shown (the chosen institution's, else all). */
export interface ShownObjective {
	objective: Objective;
	actions: Action[];
}
export interface ShownPillar {
	pillar: Pillar;
	objectives: ShownObjective[];
}

type ActionChange = Partial<Pick<ActionProgress, 'status' | 'narrative' | 'spent' | 'currency'>>;
type IndicatorChange = Partial<
	Pick<IndicatorProgress, 'value' | 'date' | 'source' | 'note' | 'rating'>
>;
type ReportChange = Partial<Pick<PeriodReport, 'summary' | 'challenges'>>;

/** The period to open on: the one running `now`, the first before the plan starts, the last after it ends. */
export function openingPeriod(periods: readonly Period[], now: Date): string {
	const year = now.getFullYear();
	const running = periods.find((p) => Number(p.start.slice(0, 4)) <= year && year <= p.endYear);
	if (running) return running.key;
	const first = periods[0];
	if (first && year < Number(first.start.slice(0, 4))) return first.key;
	return periods.at(-1)?.key ?? '';
}

export class Progress {
	readonly session: DraftSession;
	/** The key of the period shown (plan/periods.ts); '' while the plan has no period. */
	period = $state('');
	/** The institution whose actions are shown ('' for every action). */
	institution = $state('');
	/** What the dashboard counts. */
	scope = $state<Scope>('period');
	/** The indicator whose values over the periods the dashboard shows ('' for the first). */
	seriesIndicator = $state('');
	periods: Period[] = $derived.by(() => periodsOf(this.session.plan));
	/** Each pillar's, objective's, action's and indicator's number, by id. */
	refs = $derived.by(() => numbers(this.session.plan));
	/** The language the plan's values are written in (an indicator's "1 250" is read in it). */
	language: Language = $derived.by(() => planLanguage(this.session.plan) || locale.language);
	#actions = $derived.by(() => actionEntries(this.session.plan, this.period));
	#indicators = $derived.by(() => indicatorEntries(this.session.plan, this.period));
	/** The objective shown when there are too many actions to show at once ('' for the first). */
	objective = $state('');
	/** The pillars and objectives with the chosen institution's actions (all actions when none is), in
	 * the plan's order; empty ones left out. */
	#filtered: ShownPillar[] = $derived.by(() => {
		const wanted = this.institution;
		return this.session.plan.pillars
			.map((pillar) => ({
				pillar,
				objectives: pillar.objectives
					.map((objective) => ({
						objective,
						actions: objective.actions.filter((a) => !wanted || a.responsibleId === wanted)
					}))
					.filter((o) => o.actions.length > 0)
			}))
			.filter((p) => p.objectives.length > 0);
	});
	/** How many actions the filter leaves. */
	actionCount = $derived(
		this.#filtered.reduce((n, p) => n + p.objectives.reduce((m, o) => m + o.actions.length, 0), 0)
	);
	/** Every objective the filter leaves, in order (the choices of a big plan's objective pager). */
	objectives: ShownObjective[] = $derived(this.#filtered.flatMap((p) => p.objectives));
	/** Many actions are shown one objective at a time (each brings some ten fields and its indicators'). */
	paged = $derived(this.actionCount > ONE_OBJECTIVE_ABOVE);
	/** What is shown: every filtered action, or a big plan's one objective. */
	shown: ShownPillar[] = $derived.by(() => {
		if (!this.paged) return this.#filtered;
		const objectives = this.objectives;
		const wanted = (objectives.find((o) => o.objective.id === this.objective) ?? objectives[0])
			?.objective.id;
		return this.#filtered
			.map((p) => ({
				pillar: p.pillar,
				objectives: p.objectives.filter((o) => o.objective.id === wanted)
			}))
			.filter((p) => p.objectives.length > 0);
	});
	/** The periods the dashboard counts. */
	scopePeriods: string[] = $derived.by(() => {
		if (this.scope === 'period') return this.period ? [this.period] : [];
		const index = this.periods.findIndex((p) => p.key === this.period);
		return this.periods.slice(0, index + 1).map((p) => p.key);
	});
	figures: Figures = $derived.by(() =>
		figuresOf(this.session.plan, this.scopePeriods, this.language)
	);

	constructor(session: DraftSession, now = new Date()) {
		this.session = session;
		this.period = openingPeriod(periodsOf(session.plan), now);
	}

	get plan() {
		return this.session.plan;
	}

	get readOnly(): boolean {
		return this.session.readOnly;
	}

	actionEntry(actionId: string): ActionProgress | undefined {
		return this.#actions.get(actionId);
	}

	indicatorEntry(indicatorId: string): IndicatorProgress | undefined {
		return this.#indicators.get(indicatorId);
	}

	get report(): PeriodReport | undefined {
		return periodReport(this.plan, this.period);
	}

	standing(indicator: Indicator): Standing {
		return standingOf(this.plan, indicator, this.indicatorEntry(indicator.id), this.language);
	}

	/** The institution the entries written now are reported by: the one filtered on, if any. */
	#by(): { reportedBy?: string } {
		return this.institution ? { reportedBy: this.institution } : {};
	}

	#write(change: () => void): void {
		if (this.readOnly || !this.period) return;
		try {
			change();
		} catch (error) {
			if (!(error instanceof EntriesFullError)) throw error;
			notices.listFull(MAX_ENTRIES);
			return;
		}
		this.session.edited();
	}

	setAction(actionId: string, change: ActionChange): void {
		this.#write(() =>
			setActionProgress(this.plan, actionId, this.period, { ...change, ...this.#by() })
		);
	}

	setIndicator(indicatorId: string, change: IndicatorChange): void {
		this.#write(() =>
			setIndicatorProgress(this.plan, indicatorId, this.period, { ...change, ...this.#by() })
		);
	}

	setReport(change: ReportChange): void {
		this.#write(() => setPeriodReport(this.plan, this.period, change));
	}

	dispose() {
		this.session.dispose();
	}
}
