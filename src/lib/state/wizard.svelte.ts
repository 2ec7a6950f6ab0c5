// What every wizard step reads: the draft being edited, and the checks computed from it a moment after
// each change.
import { getContext, setContext, untrack } from 'svelte';
import { t } from '../i18n/i18n.svelte.ts';
import { checks, completeness } from '../plan/completeness.ts';
import type { Plan } from '../plan/schema.ts';
import type { DraftSession } from './draft-session.svelte.ts';
import { planJson } from './plan-json.svelte.ts';

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
	 * The plan as plain objects, as it was a moment after the last edit: what the checks and the review
	 * step read. Reading the reactive plan itself cost seconds at 3,000 actions; planJson writes out
	 * only what changed, and an unchanged plan keeps the same copy.
	 */
	plain = $derived.by(() => {
		void this.#revision;
		return untrack(() => {
			const json = planJson(this.session.plan);
			if (json !== this.#plainJson || !this.#plain) [this.#plainJson, this.#plain] = [json, JSON.parse(json) as Plan];
			return this.#plain;
		});
	});
	checks = $derived.by(() => checks(this.plain));
	completeness = $derived.by(() => completeness(this.plain, this.checks));
	#contradictions = $derived.by(() => new Map(this.checks.filter((c) => c.kind === 'invalid').map((c) => [c.field, c])));

	/** The objective the actions step shows when a big plan shows one objective at a time (kept across steps). */
	shownObjective = $state('');
	#reveal: ((elementId: string) => boolean) | undefined;

	constructor(session: DraftSession) {
		this.session = session;
	}

	get plan() {
		return this.session.plan;
	}

	/** Call on every user action that may have changed the plan: it is saved, and checked again, soon after. */
	edited(): void {
		this.session.edited();
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.#revision++, RECHECK_DELAY_MS);
	}

	dispose(): void {
		clearTimeout(this.#timer);
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
			label: i.name.trim() ? (i.acronym ? `${i.name} (${i.acronym})` : i.name) : t('common.untitled')
		}));
	}
}

const KEY = Symbol('wizard');
export const setWizard = (wizard: Wizard) => setContext(KEY, wizard);
export const getWizard = () => getContext<Wizard>(KEY);
