// The drafts list of the home page: the drafts on this device, renamed, duplicated and deleted there,
// a deletion offered to undo (the draft and its named versions put back).
import { t } from '../i18n/i18n.svelte.ts';
import { holdsNoDraft } from '../storage/database.ts';
import type { DraftsRepository, DraftSummary } from '../storage/drafts.ts';
import { Attempts } from './attempts.svelte.ts';
import { notices } from './notices.svelte.ts';

/** The app's repository, loaded (with the plan schema it reads drafts with) when a draft is there. */
const appDrafts = () => import('../storage/drafts.ts').then((module) => module.drafts());

export class DraftsManager {
	/** Newest first; null until read. */
	list = $state<DraftSummary[] | null>(null);
	/** The drafts could not be read: storage is off or refused on this device. */
	unavailable = $state(false);
	readonly attempts = new Attempts();
	readonly #repository: () => Promise<DraftsRepository>;
	readonly #holdsNoDraft: () => Promise<boolean>;

	/** `repository`: the app's own unless told (tests give theirs). */
	constructor(repository?: () => Promise<DraftsRepository>) {
		this.#repository = repository ?? appDrafts;
		this.#holdsNoDraft = repository ? async () => false : () => holdsNoDraft();
	}

	get busy(): boolean {
		return this.attempts.busy;
	}

	async refresh(): Promise<void> {
		try {
			// A device without drafts (every first visit) lists none without loading the repository.
			const none = this.list === null && (await this.#holdsNoDraft());
			this.list = none ? [] : await (await this.#repository()).list();
			this.unavailable = false;
		} catch {
			this.unavailable = true;
			this.list = [];
		}
	}

	/** Gives a draft a new title; true when it is stored. */
	rename(id: string, title: string): Promise<boolean> {
		return this.attempts.run(async () => {
			const repo = await this.#repository();
			const plan = await repo.get(id);
			if (plan) {
				plan.overview.title = title;
				plan.updatedAt = new Date().toISOString();
				await repo.put(plan);
			}
			await this.refresh();
		});
	}

	/** A copy of a draft, titled as a copy, listed beside it. */
	duplicate(id: string): Promise<boolean> {
		return this.attempts.run(async () => {
			const { duplicateDraft } = await import('../storage/new-draft.ts');
			await duplicateDraft(id, (title) =>
				t('home.copyOf', { title: title || t('common.untitled') })
			);
			await this.refresh();
		});
	}

	/** Deletes a draft and its versions; the notice that says so offers to put both back. True when deleted. */
	remove(draft: DraftSummary): Promise<boolean> {
		return this.attempts.run(async () => {
			const repo = await this.#repository();
			const plan = await repo.get(draft.id);
			const versionsOf = await repo.delete(draft.id);
			await this.refresh();
			const undo = plan
				? () =>
						void this.attempts.run(async () => {
							const { VersionsRepository } = await import('../storage/versions.ts');
							await repo.put(plan);
							await new VersionsRepository(repo).putAll(versionsOf);
							await this.refresh();
						})
				: undefined;
			notices.show(t('home.deleted', { title: draft.title || t('common.untitled') }), { undo });
		});
	}
}
