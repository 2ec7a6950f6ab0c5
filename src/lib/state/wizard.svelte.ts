// What every wizard step reads: the draft being edited, and the checks computed from it a moment after
// each change.
import { getContext, setContext, untrack } from 'svelte';
import { t } from '../i18n/i18n.svelte.ts';
import { checks, completeness } from '../plan/completeness.ts';
import type { DraftSession } from './draft-session.svelte.ts';

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
	checks = $derived.by(() => {
		void this.#revision;
		return untrack(() => checks(this.session.plan));
	});
	completeness = $derived.by(() => completeness(this.session.plan, this.checks));
	#contradictions = $derived.by(() => new Map(this.checks.filter((c) => c.kind === 'invalid').map((c) => [c.field, c])));

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
