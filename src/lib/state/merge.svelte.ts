// The merge page's state: the master draft, the files chosen, what they propose and what the user
// decided. Nothing is stored until `apply`, which first keeps the master as a named version.
import { locale, t } from '../i18n/i18n.svelte.ts';
import {
	acceptAll,
	applyMerge,
	propose,
	undecidedConflicts,
	changedAndRemoved,
	withoutSender,
	type Contribution,
	type Decision,
	type Decisions,
	type MergeSummary
} from '../merge/merge.ts';
import { guessInstitution, missingInstitutions } from '../merge/sender.ts';
import { planProblem, uniqueIds, type Path } from '../plan/guard.ts';
import { MAX_ITEMS, type Institution, type Plan } from '../plan/schema.ts';
import { drafts } from '../storage/drafts.ts';
import { readChosenFile } from '../storage/new-draft.ts';
import { versions } from '../storage/versions.ts';

export interface ChosenFile {
	key: string;
	/** The file's name, as the user knows it. */
	name: string;
	plan: Plan;
	/** Where the file comes from: a master institution's id, or `new:<id>` for one of the file's own to add. */
	from: string;
	/** The file's institutions the master lacks: they can be added with the merge. */
	missing: Institution[];
}

/** A file that could not be read, with the reason as a text key under `file.`. */
export interface FileProblem {
	name: string;
	key: string;
	params: Record<string, string | number>;
}

export const NEW_INSTITUTION = 'new:';

export class MergeSession {
	master: Plan = $state.raw() as Plan;
	files = $state.raw<ChosenFile[]>([]);
	problems = $state.raw<FileProblem[]>([]);
	decisions = $state<Decisions>({});
	/** Set once a merge has been applied. */
	applied = $state.raw<{ summary: MergeSummary; files: string[]; version: string } | null>(null);
	#next = 1;

	proposals = $derived.by(() => propose(this.master, this.files, t, locale.language));
	undecidedConflicts = $derived.by(() => undecidedConflicts(this.proposals.list, this.decisions));
	changedAndRemoved = $derived.by(() => changedAndRemoved(this.proposals.list, this.decisions));
	withoutSender = $derived.by(() =>
		withoutSender(
			this.files.map((f) => ({ key: f.key, institutionId: f.from })),
			this.proposals.list,
			this.decisions
		)
	);
	/** Why the merge cannot be applied yet, as a text key and its count; null when it can. */
	blocked = $derived.by(() => {
		if (this.undecidedConflicts > 0)
			return { key: 'merge.applyBlocked', count: this.undecidedConflicts };
		if (this.changedAndRemoved > 0)
			return { key: 'merge.applyBlockedRemoval', count: this.changedAndRemoved };
		if (this.withoutSender > 0)
			return { key: 'merge.applyBlockedSender', count: this.withoutSender };
		return null;
	});

	constructor(master: Plan) {
		this.master = master;
	}

	/** Reads the chosen files. A file that is not a readable draft is reported and changes nothing. */
	async add(list: readonly File[]): Promise<void> {
		const problems: FileProblem[] = [];
		const added: ChosenFile[] = [];
		for (const file of list) {
			const result = await readChosenFile(file);
			if (!result.ok) {
				problems.push({ name: file.name, ...result.error });
				continue;
			}
			const guess = guessInstitution(this.master, result.plan);
			added.push({
				key: `c${this.#next++}`,
				name: file.name,
				plan: result.plan,
				from: guess.missing ? NEW_INSTITUTION + guess.missing.id : guess.institutionId,
				missing: missingInstitutions(this.master, result.plan)
			});
		}
		this.problems = problems;
		this.files = [...this.files, ...added];
		if (added.length) this.applied = null;
	}

	remove(key: string): void {
		this.files = this.files.filter((f) => f.key !== key);
		const keep = new Set(this.proposals.list.map((p) => p.key));
		this.decisions = Object.fromEntries(
			Object.entries(this.decisions).filter(([k]) => keep.has(k))
		);
	}

	setFrom(key: string, from: string): void {
		this.files = this.files.map((f) => (f.key === key ? { ...f, from } : f));
	}

	decide(proposal: string, decision: Decision): void {
		this.decisions[proposal] = decision;
	}

	acceptAll(file: string): void {
		this.decisions = acceptAll(this.proposals.list, file, this.decisions);
	}

	/** The institution a file comes from, by name ('' when not said). */
	fromName(file: ChosenFile): string {
		const id = file.from.startsWith(NEW_INSTITUTION)
			? file.from.slice(NEW_INSTITUTION.length)
			: file.from;
		const institution = [...this.master.institutions, ...file.missing].find((i) => i.id === id);
		return institution?.name || institution?.acronym || '';
	}

	/**
	 * Keeps the master as a version, then stores the merged plan in its place. Returns why it was
	 * refused instead (the merged plan would break a limit of the plan, e.g. more than 5,000 comments):
	 * then nothing is stored and the master is as it was.
	 */
	async apply(): Promise<{ path: Path; maximum: number } | null> {
		if (this.blocked) return null;
		const contributions: Contribution[] = this.files.map((f) => {
			const added = f.from.startsWith(NEW_INSTITUTION)
				? f.missing.find((i) => NEW_INSTITUTION + i.id === f.from)
				: undefined;
			return {
				key: f.key,
				plan: f.plan,
				institutionId: added?.id ?? f.from,
				newInstitution: added ?? null
			};
		});
		const { plan, summary } = applyMerge(
			this.master,
			contributions,
			this.proposals.list,
			this.decisions
		);
		const problem = planProblem(plan);
		if (problem) return { path: problem.path, maximum: problem.maximum ?? MAX_ITEMS };
		uniqueIds(plan); // items from several files may carry one id: each gets its own
		const names = this.files.map((f) => f.name);
		const version = t('merge.versionName', { files: names.join(', ') }).slice(0, 200);
		await (await versions()).save(this.master, version);
		await (await drafts()).put(plan);
		this.master = plan;
		this.files = [];
		this.decisions = {};
		this.problems = [];
		this.applied = { summary, files: names, version };
		return null;
	}
}
