// What every wizard step reads: the draft being edited, and the checks computed from it once per change.
import { getContext, setContext } from 'svelte';
import { t } from '../i18n/i18n.svelte.ts';
import { checks, completeness } from '../plan/completeness.ts';
import type { DraftSession } from './draft-session.svelte.ts';

export class Wizard {
	readonly session: DraftSession;
	checks = $derived.by(() => checks(this.session.plan));
	completeness = $derived.by(() => completeness(this.session.plan, this.checks));
	#contradictions = $derived.by(() => new Map(this.checks.filter((c) => c.kind === 'invalid').map((c) => [c.field, c])));

	constructor(session: DraftSession) {
		this.session = session;
	}

	get plan() {
		return this.session.plan;
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
