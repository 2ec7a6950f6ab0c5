// Where a contribution comes from: the master's institution it most likely is, and the file's
// institutions the master lacks.
import { indexPlan } from './compare.ts';
import type { Institution, Plan } from '../plan/schema.ts';

const normalise = (s: string) =>
	s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();

/** The master's institution that is the same as one of the contribution's: same id, name or acronym. */
export function matchInstitution(master: Plan, institution: Institution): string {
	const same = (i: Institution) =>
		i.id === institution.id ||
		(institution.name.trim() !== '' && normalise(i.name) === normalise(institution.name)) ||
		(institution.acronym.trim() !== '' && normalise(i.acronym) === normalise(institution.acronym));
	return master.institutions.find(same)?.id ?? '';
}

/** The contribution's institutions that the master has under no id, name or acronym: they can be added on apply. */
export function missingInstitutions(master: Plan, contribution: Plan): Institution[] {
	return contribution.institutions.filter(
		(i) => (i.name.trim() || i.acronym.trim()) && !matchInstitution(master, i)
	);
}

export interface InstitutionGuess {
	/** The master's institution, or ''. */
	institutionId: string;
	/** The file's institution when the master lacks it. */
	missing: Institution | null;
}

/**
 * Which institution a file most likely comes from: the one responsible for most of the actions it
 * adds, else its lead institution (a ministry usually names itself as lead in its own file).
 */
export function guessInstitution(master: Plan, contribution: Plan): InstitutionGuess {
	const base = indexPlan(master);
	const own = indexPlan(contribution);
	const counts = new Map<string, number>();
	for (const entry of own.items.values()) {
		// Only new actions: who is responsible for an action says nothing about who edited it.
		if (entry.kind !== 'action' || base.items.has(entry.id)) continue;
		const responsible = entry.item.responsibleId as string;
		if (responsible) counts.set(responsible, (counts.get(responsible) ?? 0) + 1);
	}
	const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
	for (const id of [busiest, contribution.overview.leadInstitutionId]) {
		const institution = contribution.institutions.find((i) => i.id === id);
		if (!institution) continue;
		const match = matchInstitution(master, institution);
		return match
			? { institutionId: match, missing: null }
			: { institutionId: '', missing: institution };
	}
	return { institutionId: '', missing: null };
}
