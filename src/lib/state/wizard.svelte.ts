// What every wizard step reads: the draft being edited, and the checks computed from it a moment after
// each change.
import { getContext, setContext, untrack } from 'svelte';
import { t } from '../i18n/i18n.svelte.ts';
import type { Plan } from '../plan/schema.ts';
import type { DraftSession } from './draft-session.svelte.ts';
import { planJson } from './plan-json.svelte.ts';
import { checkSummary } from '../plan/completeness.ts';
import type { ChecksRequest, ChecksResult } from './checks.worker.ts';

/** How long after the last edit the checks run again. */
const RECHECK_DELAY_MS = 150;

export class Wizard {
	readonly session: DraftSession;
	/**
	 * Bumped a moment after the last edit. A 300-action plan has some 4,000 checks: recomputing them on
	 * every key (as a plain $derived of the plan would) doubled the time from key to screen.
	 */
	#revision = $state(0);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#plainJson = '';
	#plain: Plan | undefined;
	/**
	 * The plan as plain objects, as it was a moment after the last edit: what the review step reads.
	 * Reading the reactive plan itself cost seconds at 3,000 actions; planJson writes out only what
	 * changed, and an unchanged plan keeps the same copy.
	 */
	plain = $derived.by(() => {
		void this.#revision;
		return untrack(() => {
			// Until the first check after an edit, the plan as it was read from the device.
			if (this.#revision === 0) return this.session.plain();
			const json = planJson(this.session.plan);
			if (json !== this.#plainJson || !this.#plain)
				[this.#plainJson, this.#plain] = [json, JSON.parse(json) as Plan];
			return this.#plain;
		});
	});
	/** The checks not met and the completeness of each step, as of the last check. */
	#result = $state.raw() as ReturnType<typeof checkSummary>;
	#checkedJson = '';
	#worker: Worker | null | undefined;
	#request = 0;
	/** The checks not met: gaps to fill and contradictions, in step order. */
	gaps = $derived(this.#result.open);
	completeness = $derived(this.#result.completeness);
	#contradictions = $derived.by(
		() => new Map(this.gaps.filter((c) => c.kind === 'invalid').map((c) => [c.field, c]))
	);

	/** The objective the actions step shows when a big plan shows one objective at a time (kept across steps). */
	shownObjective = $state('');
	#reveal: ((elementId: string) => boolean) | undefined;

	constructor(session: DraftSession) {
		this.session = session;
		// The first view shows the checks at once, worked out from the plan as it was read (writing out the
		// reactive plan first took longer than the checks); the first check after an edit compares anew.
		this.#result = checkSummary(session.plain());
		// A colleague's edit in a shared draft is checked as one's own is.
		session.onChangedElsewhere(() => this.#scheduleRecheck());
	}

	#scheduleRecheck(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.#recheck(), RECHECK_DELAY_MS);
	}

	/** Checks the plan again if it changed: in a worker where there is one (44,000 checks at 3,000 actions). */
	#recheck(): void {
		this.#revision++;
		const json = planJson(this.session.plan);
		if (json === this.#checkedJson) return;
		this.#checkedJson = json;
		const worker = this.#checksWorker();
		if (!worker) {
			this.#result = checkSummary(JSON.parse(json) as Plan);
			return;
		}
		worker.postMessage({ id: ++this.#request, json } satisfies ChecksRequest);
	}

	#checksWorker(): Worker | null {
		if (this.#worker !== undefined) return this.#worker;
		if (typeof Worker === 'undefined') return (this.#worker = null);
		const worker = new Worker(new URL('./checks.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = ({ data }: MessageEvent<ChecksResult>) => {
			if (data.id === this.#request)
				this.#result = { open: data.open, completeness: data.completeness };
		};
		// A worker that cannot start: the checks run here, as before.
		worker.onerror = () => {
			worker.terminate();
			this.#worker = null;
			this.#result = checkSummary(JSON.parse(this.#checkedJson) as Plan);
		};
		return (this.#worker = worker);
	}

	get plan() {
		return this.session.plan;
	}

	/** Call on every user action that may have changed the plan: it is saved, and checked again, soon after. */
	edited(): void {
		this.session.edited();
		this.#scheduleRecheck();
	}

	dispose(): void {
		clearTimeout(this.#timer);
		this.#worker?.terminate();
		this.session.dispose();
	}

	/**
	 * A step that shows part of the plan at a time registers how to bring a control into the page, so
	 * that a link to a field not rendered yet (a review link, a moved item) still reaches it. Returns the
	 * function that unregisters it.
	 */
	setReveal(reveal: (elementId: string) => boolean): () => void {
		this.#reveal = reveal;
		return () => {
			if (this.#reveal === reveal) this.#reveal = undefined;
		};
	}

	/** Brings the control with this DOM id into the page if the current step holds it; false if it does not. */
	reveal(elementId: string): boolean {
		return this.#reveal?.(elementId) ?? false;
	}

	/** The message for a field whose value contradicts another, or ''. */
	errorFor = (field: string): string => {
		const check = this.#contradictions.get(field);
		return check ? t(`gaps.${check.key}`, check.params) : '';
	};

	/** Institutions as choices for a select or checkbox list. */
	get institutionOptions() {
		return this.plan.institutions.map((i) => ({
			value: i.id,
			label: i.name.trim()
				? i.acronym
					? `${i.name} (${i.acronym})`
					: i.name
				: t('common.untitled')
		}));
	}
}

const KEY = Symbol('wizard');
export const setWizard = (wizard: Wizard) => setContext(KEY, wizard);
export const getWizard = () => getContext<Wizard>(KEY);
