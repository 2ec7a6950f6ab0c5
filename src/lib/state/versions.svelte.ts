// The versions page's state: a draft, its named versions, and the two being compared.
import { locale, t } from '../i18n/i18n.svelte.ts';
import { comparePlans, type Comparison } from '../merge/compare.ts';
import type { Plan } from '../plan/schema.ts';
import { drafts } from '../storage/drafts.ts';
import {
	versions,
	type UnreadableVersion,
	type Version,
	type VersionList
} from '../storage/versions.ts';

/** What a compare select can point at: the draft as it is, or a version's id. */
export const CURRENT = 'current';

export class VersionsSession {
	plan: Plan = $state.raw() as Plan;
	list = $state.raw<Version[]>([]);
	/** Versions stored that cannot be read: shown as such, never compared or restored. */
	unreadable = $state.raw<UnreadableVersion[]>([]);
	/** The older side of the comparison and the newer one. */
	left = $state('');
	right = $state(CURRENT);

	comparison = $derived.by((): Comparison | null => {
		const a = this.planOf(this.left);
		const b = this.planOf(this.right);
		return a && b ? comparePlans(a, b, t, locale.language) : null;
	});

	constructor(plan: Plan, { versions: list, unreadable }: VersionList) {
		this.plan = plan;
		this.list = list;
		this.unreadable = unreadable;
		this.left = list[0]?.id ?? CURRENT;
	}

	static async load(id: string): Promise<VersionsSession | null> {
		const plan = await (await drafts()).get(id);
		return plan ? new VersionsSession(plan, await (await versions()).list(id)) : null;
	}

	planOf(choice: string): Plan | undefined {
		return choice === CURRENT ? this.plan : this.list.find((v) => v.id === choice)?.plan;
	}

	nameOf(choice: string): string {
		return choice === CURRENT
			? t('versions.current')
			: (this.list.find((v) => v.id === choice)?.name ?? '');
	}

	async #refresh(): Promise<void> {
		const plan = await (await drafts()).get(this.plan.id);
		if (plan) this.plan = plan;
		const { versions: list, unreadable } = await (await versions()).list(this.plan.id);
		this.list = list;
		this.unreadable = unreadable;
		// A compared version that is gone: compare the newest with the draft instead.
		if (!this.planOf(this.left)) this.left = this.list[0]?.id ?? CURRENT;
		if (!this.planOf(this.right)) this.right = CURRENT;
	}

	async save(name: string): Promise<Version> {
		const version = await (await versions()).save(this.plan, name);
		await this.#refresh();
		return version;
	}

	/** Makes a version the draft again, the draft as it was kept as a version first. */
	async restore(version: Version): Promise<Version | undefined> {
		const { previous } = await (
			await versions()
		).restore(version, t('versions.beforeRestoring', { name: version.name }));
		await this.#refresh();
		return previous;
	}

	async delete(version: Version): Promise<void> {
		await (await versions()).delete(version.id);
		await this.#refresh();
	}

	async undelete(version: Version): Promise<void> {
		await (await versions()).putAll([version]);
		await this.#refresh();
	}
}
