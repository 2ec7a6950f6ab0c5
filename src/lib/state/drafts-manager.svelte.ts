// The drafts list of the home page: the drafts on this device, renamed, duplicated and deleted there,
// a deletion offered to undo (the draft and its named versions put back).
import { t } from '../i18n/i18n.svelte.ts';
import { drafts, type DraftsRepository, type DraftSummary } from '../storage/drafts.ts';
import { duplicateDraft } from '../storage/new-draft.ts';
import { VersionsRepository } from '../storage/versions.ts';
import { Attempts } from './attempts.svelte.ts';
import { notices } from './notices.svelte.ts';

export class DraftsManager {
	/** Newest first; null until read. */
	list = $state<DraftSummary[] | null>(null);
	/** The drafts could not be read: storage is off or refused on this device. */
	unavailable = $state(false);
	readonly attempts = new Attempts();
	readonly #repository: () => Promise<DraftsRepository>;

	constructor(repository: () => Promise<DraftsRepository> = drafts) {
		this.#repository = repository;
	}

	get busy(): boolean {
		return this.attempts.busy;
	}

	async refresh(): Promise<void> {
		try {
			this.list = await (await this.#repository()).list();
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
							await repo.put(plan);
							await new VersionsRepository(repo).putAll(versionsOf);
							await this.refresh();
						})
				: undefined;
			notices.show(t('home.deleted', { title: draft.title || t('common.untitled') }), { undo });
		});
	}
}
