// What the monitoring area (/progress) reads and does: the period shown, the institution whose actions
// come first (a ministry fills its own part), and the monitoring operations on the draft, each followed
// by an autosave. The plan's own text is never changed here.
import { periodsOf, type Period } from '../plan/periods.ts';
import type { DraftSession } from './draft-session.svelte.ts';

export class Progress {
	readonly session: DraftSession;
	/** The key of the period shown (plan/periods.ts); '' while the plan has no period. */
	period = $state('');
	/** The institution whose actions are shown ('' for every action). */
	institution = $state('');
	periods: Period[] = $derived.by(() => periodsOf(this.session.plan));

	constructor(session: DraftSession, now = new Date()) {
		this.session = session;
		// The period running now, else the plan's last (a plan read after its end), else its first.
		const year = now.getFullYear();
		const periods = periodsOf(session.plan);
		const running = periods.find((p) => Number(p.start.slice(0, 4)) <= year && year <= p.endYear);
		this.period = (running ?? periods.at(-1) ?? periods[0])?.key ?? '';
	}

	get plan() {
		return this.session.plan;
	}

	dispose() {
		this.session.dispose();
	}
}
