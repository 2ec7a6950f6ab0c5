// Joint drafting: a coordinating ministry's master plan and the draft files other ministries send
// back (usually started from a copy of the master, so shared items share ids). `propose` lists what
// each file would change, item by item; nothing is written until `applyMerge`, which builds a new plan
// from the master and only the proposals the user accepted. Both leave the master as it is.
import {
	compareIndexes,
	indexPlan,
	isSection,
	sameValue,
	sortByStep,
	type Area,
	type Entry,
	type ItemDiff,
	type ItemKind,
	type ListKind,
	type PlanIndex,
	type SectionKind
} from './compare.ts';
import type { Translate } from '../i18n/translate.ts';
import { matchInstitution } from './sender.ts';
import {
	copy,
	findItem,
	institutionRefs,
	listUnder,
	prune,
	setField,
	stamp,
	targetOf,
	type Item
} from './tree.ts';
import { fieldsOf, KINDS } from '../plan/fields.ts';
import type { Institution, Language, Plan } from '../plan/schema.ts';

export interface Contribution {
	/** Names the contribution on the page; decisions refer to it. */
	key: string;
	plan: Plan;
	/** The master's institution the file comes from ('' when not said). */
	institutionId: string;
	/** An institution of the file that the master lacks, added to it on apply (then `institutionId` is its id). */
	newInstitution?: Institution | null;
}

export interface ItemProposal {
	key: string;
	type: 'add' | 'change' | 'remove';
	/** The contribution's key. */
	contribution: string;
	/** For a change: only the fields no other contribution changes differently. Refs are the master's, except for an addition. */
	diff: ItemDiff;
}

/** Two or more contributions change the same field of the same item differently. */
export interface ConflictProposal {
	key: string;
	type: 'conflict';
	kind: ItemKind;
	id: string;
	step: Area;
	ref: string;
	label: string;
	field: string;
	master: unknown;
	choices: { contribution: string; value: unknown }[];
}

export type Proposal = ItemProposal | ConflictProposal;

export interface Proposals {
	list: Proposal[];
	/** Per contribution key: the items and sections it leaves exactly as the master has them. */
	identical: Record<string, number>;
}

/**
 * 'accept' or 'reject' an addition, change or removal; for a conflict, 'master' or `from:<contribution key>`.
 * A proposal with no decision is not applied (a removal is kept, a change left out).
 */
export type Decision = 'accept' | 'reject' | 'master' | `from:${string}`;
export type Decisions = Record<string, Decision>;

export const fromContribution = (key: string): Decision => `from:${key}`;

/** The contribution whose value a conflict's decision takes ('' for the master's, or no decision yet). */
export const contributionOf = (decision: Decision | undefined): string =>
	decision?.startsWith('from:') ? decision.slice('from:'.length) : '';

/** Whether a proposal goes into the plan: an item accepted, or a conflict settled with a file's value. */
export const isAccepted = (p: Proposal, decisions: Decisions): boolean =>
	decisions[p.key] === 'accept' ||
	(p.type === 'conflict' && contributionOf(decisions[p.key]) !== '');

/** What each contribution adds, changes and removes compared with the master, and where two disagree. */
export function propose(
	master: Plan,
	contributions: readonly Pick<Contribution, 'key' | 'plan'>[],
	translate?: Translate,
	language?: Language
): Proposals {
	const base = indexPlan(master, translate, language);
	const list: Proposal[] = [];
	const identical: Record<string, number> = {};
	const compared = contributions.map((c) => {
		const comparison = compareIndexes(base, indexPlan(c.plan, translate, language));
		identical[c.key] = comparison.identical;
		return { key: c.key, differences: comparison.differences };
	});

	// Field changes to the same item, gathered across contributions, to find disagreements.
	const changes = new Map<string, { contribution: string; value: unknown }[]>();
	const at = (diff: ItemDiff, field: string) => `${diff.kind}|${diff.id}|${field}`;
	for (const { key, differences } of compared)
		for (const diff of differences)
			if (diff.change === 'changed')
				for (const f of diff.fields) {
					const id = at(diff, f.field);
					changes.set(id, [...(changes.get(id) ?? []), { contribution: key, value: f.after }]);
				}
	const conflicting = new Set<string>();
	for (const [id, values] of changes) {
		const distinct = values.filter(
			(v, i) => values.findIndex((w) => sameValue(w.value, v.value)) === i
		);
		if (distinct.length > 1) conflicting.add(id);
	}

	const masterEntry = (diff: ItemDiff): Entry | undefined =>
		isSection(diff.kind) ? base.sections.get(diff.kind as SectionKind) : base.items.get(diff.id);
	const conflicts: ConflictProposal[] = [];
	for (const { key, differences } of compared) {
		for (const diff of differences) {
			if (diff.change !== 'changed') {
				list.push({
					key: `${key}:${diff.change}:${diff.kind}:${diff.id}`,
					type: diff.change === 'added' ? 'add' : 'remove',
					contribution: key,
					diff
				});
				continue;
			}
			const entry = masterEntry(diff)!;
			const own = diff.fields.filter((f) => !conflicting.has(at(diff, f.field)));
			if (own.length)
				list.push({
					key: `${key}:change:${diff.kind}:${diff.id}`,
					type: 'change',
					contribution: key,
					diff: { ...diff, ref: entry.ref, label: entry.label, fields: own }
				});
			for (const f of diff.fields) {
				const id = at(diff, f.field);
				if (!conflicting.has(id) || conflicts.some((c) => c.key === `conflict:${id}`)) continue;
				conflicts.push({
					key: `conflict:${id}`,
					type: 'conflict',
					kind: diff.kind,
					id: diff.id,
					step: diff.step,
					ref: entry.ref,
					label: entry.label,
					field: f.field,
					master: f.before,
					choices: changes.get(id)!
				});
			}
		}
	}
	return { list: [...sortByStep(conflicts), ...list], identical };
}

/** Conflicts that still need a choice: the merge cannot be applied before. */
export function undecidedConflicts(proposals: readonly Proposal[], decisions: Decisions): number {
	return proposals.filter((p) => p.type === 'conflict' && !decisions[p.key]).length;
}

/**
 * Items one file changes (accepted) and another removes (accepted too): applying both would drop the
 * change without a word, so the merge waits until one of them is rejected.
 */
export function changedAndRemoved(proposals: readonly Proposal[], decisions: Decisions): number {
	const accepted = (p: Proposal) => isAccepted(p, decisions);
	const itemOf = (p: Proposal) =>
		p.type === 'conflict' ? `${p.kind}|${p.id}` : `${p.diff.kind}|${p.diff.id}`;
	const changed = new Set(
		proposals.filter((p) => p.type !== 'remove' && p.type !== 'add' && accepted(p)).map(itemOf)
	);
	return proposals.filter((p) => p.type === 'remove' && accepted(p) && changed.has(itemOf(p)))
		.length;
}

/** Files with accepted items that do not say which institution they come from: their items would read as the team's own. */
export function withoutSender(
	contributions: readonly Pick<Contribution, 'key' | 'institutionId'>[],
	proposals: readonly Proposal[],
	decisions: Decisions
): number {
	const used = new Set(
		proposals.flatMap((p) =>
			p.type === 'conflict'
				? [contributionOf(decisions[p.key])]
				: decisions[p.key] === 'accept'
					? [p.contribution]
					: []
		)
	);
	return contributions.filter((c) => used.has(c.key) && !c.institutionId).length;
}

/** Accepts every addition and change of one contribution (removals and conflicts stay a deliberate choice). */
export function acceptAll(
	proposals: readonly Proposal[],
	contribution: string,
	decisions: Decisions
): Decisions {
	const next = { ...decisions };
	for (const p of proposals)
		if (p.type !== 'conflict' && p.type !== 'remove' && p.contribution === contribution)
			next[p.key] = 'accept';
	return next;
}

// ---------------------------------------------------------------------------------------------
// Applying.

export interface MergeSummary {
	added: number;
	changed: number;
	removed: number;
	/** Conflicts settled with a contribution's value (the master's value changes nothing). */
	conflicts: number;
	/** Institutions added to the master: a contribution's own, and those that accepted items name. */
	institutions: number;
	/** Reviewers' comments (and replies) the files carry that the master did not have. */
	comments: number;
}

/** The keys of the fields that name institutions, in any kind of item. */
const INSTITUTION_FIELDS = new Set(
	KINDS.flatMap((kind) => fieldsOf(kind))
		.filter((f) => f.type === 'institution' || f.type === 'institutions')
		.map((f) => f.key)
);

/** A contribution's institution ids as the master's: the same institution may have another id in each file. */
function institutionMap(master: Plan, contribution: Plan): (value: unknown) => unknown {
	const ids = new Map(
		contribution.institutions.map((i) => [i.id, matchInstitution(master, i) || i.id])
	);
	const one = (id: unknown) => (typeof id === 'string' ? (ids.get(id) ?? id) : id);
	return (value) => (Array.isArray(value) ? value.map(one) : one(value));
}

/** Rewrites the institution references of an item and everything in it. */
function mapInstitutions(item: unknown, map: (value: unknown) => unknown): void {
	if (Array.isArray(item)) for (const child of item) mapInstitutions(child, map);
	else if (item && typeof item === 'object')
		for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
			if (INSTITUTION_FIELDS.has(key)) (item as Record<string, unknown>)[key] = map(value);
			else if (typeof value === 'object') mapInstitutions(value, map);
		}
}

/** Brings in the comments and replies the master lacks (by id), and resolutions made in a file. */
function mergeComments(plan: Plan, from: Plan): number {
	let added = 0;
	for (const comment of from.comments) {
		const own = plan.comments.find((c) => c.id === comment.id);
		if (!own) {
			plan.comments.push(copy(comment));
			added++;
			continue;
		}
		for (const reply of comment.replies)
			if (!own.replies.some((r) => r.id === reply.id)) {
				own.replies.push(copy(reply));
				added++;
			}
		if (comment.resolved && !own.resolved)
			Object.assign(own, {
				resolved: true,
				resolvedBy: comment.resolvedBy,
				resolvedAt: comment.resolvedAt
			});
	}
	return added;
}

/**
 * A new plan: the master with the accepted proposals applied. Additions go under the same parent as in
 * the contribution, after the same sibling; each added or changed objective, action and indicator
 * records the institution its contribution comes from. The master and the contributions are not changed.
 */
export function applyMerge(
	master: Plan,
	contributions: readonly Contribution[],
	proposals: readonly Proposal[],
	decisions: Decisions,
	now = new Date()
): { plan: Plan; summary: MergeSummary } {
	const plan = copy(master);
	const summary: MergeSummary = {
		added: 0,
		changed: 0,
		removed: 0,
		conflicts: 0,
		institutions: 0,
		comments: 0
	};
	const byKey = new Map(contributions.map((c) => [c.key, c]));
	const indexes = new Map<string, PlanIndex>();
	const indexOf = (c: Contribution) =>
		indexes.get(c.key) ?? indexes.set(c.key, indexPlan(c.plan)).get(c.key)!;
	const used = new Set<Contribution>();
	const accepted = (p: Proposal) => decisions[p.key] === 'accept';
	const maps = new Map(contributions.map((c) => [c.key, institutionMap(master, c.plan)]));
	const asMaster = (c: Contribution, field: string, value: unknown) =>
		INSTITUTION_FIELDS.has(field) ? maps.get(c.key)!(value) : value;

	// Additions first: a contribution's change may move an existing action into a new objective.
	for (const p of proposals) {
		if (p.type !== 'add' || !accepted(p)) continue;
		const c = byKey.get(p.contribution);
		const entry = c && indexOf(c).items.get(p.diff.id);
		if (!c || !entry) continue;
		const kind = entry.kind as ListKind;
		const list = listUnder(plan, kind, entry.parentId);
		if (!list || findItem(plan, kind, entry.id)) continue; // parent removed, or another file added the same item
		// The same institution under another id in the file: the master already has it.
		if (kind === 'institution' && matchInstitution(master, entry.item as Institution)) continue;
		const item = copy(entry.item) as Item;
		prune(plan, kind, item);
		mapInstitutions(item, maps.get(c.key)!);
		stamp(kind, item, c.institutionId, true);
		// After the nearest earlier sibling the plan has; first when there is none.
		const siblings = listUnder(c.plan, kind, entry.parentId) ?? [];
		let at = 0;
		for (let i = siblings.findIndex((s) => s.id === entry.id) - 1; i >= 0; i--) {
			const found = list.findIndex((s) => s.id === siblings[i].id);
			if (found >= 0) {
				at = found + 1;
				break;
			}
		}
		list.splice(at, 0, item);
		used.add(c);
		summary.added++;
	}

	for (const p of proposals) {
		if (p.type === 'change' && accepted(p)) {
			const c = byKey.get(p.contribution);
			const target = targetOf(plan, p.diff.kind, p.diff.id);
			if (!c || !target) continue;
			for (const f of p.diff.fields)
				setField(plan, p.diff.kind, target, f.field, asMaster(c, f.field, f.after));
			stamp(p.diff.kind, target, c.institutionId);
			used.add(c);
			summary.changed++;
		} else if (p.type === 'conflict') {
			const from = contributionOf(decisions[p.key]);
			const choice = from ? p.choices.find((ch) => ch.contribution === from) : undefined;
			const c = choice && byKey.get(choice.contribution);
			const target = targetOf(plan, p.kind, p.id);
			if (!choice || !c || !target) continue;
			setField(plan, p.kind, target, p.field, asMaster(c, p.field, choice.value));
			stamp(p.kind, target, c.institutionId);
			used.add(c);
			summary.conflicts++;
		}
	}

	for (const p of proposals) {
		if (p.type !== 'remove' || !accepted(p) || isSection(p.diff.kind)) continue;
		const found = findItem(plan, p.diff.kind as ListKind, p.diff.id);
		if (!found) continue;
		found.list.splice(found.list.indexOf(found.item), 1);
		summary.removed++;
	}

	// Institutions: a contribution's own when the master lacked it, then any that accepted items name.
	const addInstitution = (institution: Institution) => {
		if (plan.institutions.some((i) => i.id === institution.id)) return;
		plan.institutions.push(copy(institution));
		summary.institutions++;
	};
	for (const c of used) if (c.newInstitution) addInstitution(c.newInstitution);
	for (const id of institutionRefs(plan)) {
		if (plan.institutions.some((i) => i.id === id)) continue;
		const from = [...used].map((c) => c.plan.institutions.find((i) => i.id === id)).find(Boolean);
		if (from) addInstitution(from);
	}

	// Comments are annotations, not content: a file reviewed elsewhere brings its comments whatever is accepted.
	for (const c of contributions) summary.comments += mergeComments(plan, c.plan);

	plan.updatedAt = now.toISOString();
	return { plan, summary };
}
