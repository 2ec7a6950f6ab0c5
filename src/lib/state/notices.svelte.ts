// Short messages at the foot of the screen ("Action deleted. Undo"), read out by screen readers.
import { formatNumber } from '../i18n/format.ts';
import { locale, t } from '../i18n/i18n.svelte.ts';
import type { Repair } from '../plan/guard.ts';
import { MAX_ITEMS } from '../plan/constants.ts';
import { StorageError } from '../storage/database.ts';
import { onRepaired } from '../storage/repaired.ts';

export interface Notice {
	id: number;
	message: string;
	tone: 'info' | 'error';
	undo?: () => void;
}

const TIMEOUT_MS = 10_000;

class Notices {
	list = $state<Notice[]>([]);
	#next = 1;

	/** A notice that offers to undo stays until it is dismissed, used or replaced by the next one that
	 * offers to undo: a delete can be taken back however long the user takes to notice. */
	show(
		message: string,
		options: { undo?: () => void; tone?: Notice['tone']; persist?: boolean } = {}
	): void {
		const notice: Notice = {
			id: this.#next++,
			message,
			tone: options.tone ?? 'info',
			undo: options.undo
		};
		const kept = options.undo ? this.list.filter((n) => !n.undo) : this.list;
		this.list = [...kept.slice(-2), notice];
		if (!options.persist && !options.undo) setTimeout(() => this.dismiss(notice.id), TIMEOUT_MS);
	}

	/** Takes back what the latest notice offers to undo (Ctrl+Z outside a text field); false if none does. */
	undoLast(): boolean {
		const notice = this.list.findLast((n) => n.undo);
		if (!notice) return false;
		notice.undo?.();
		this.dismiss(notice.id);
		return true;
	}

	/** A draft could not be stored: says why (storage full, refused) until the user dismisses it. */
	storageFailed(error: unknown): void {
		const problem = error instanceof StorageError ? error.problem : 'unknown';
		this.show(t('common.save.error', { reason: t(`common.save.${problem}`) }), {
			tone: 'error',
			persist: true
		});
	}

	/** An item could not be added: its list holds as many as a plan can. */
	listFull(max = MAX_ITEMS): void {
		this.show(t('common.listFull', { max: formatNumber(max, locale.language) }), { tone: 'error' });
	}

	/**
	 * A stored draft held values the app could not read: says which were repaired and what they held.
	 * The names of the places (the plan's fields) and all the texts load first: the home page has neither.
	 */
	async repaired(repairs: readonly Repair[]): Promise<void> {
		if (repairs.length === 0) return;
		const [{ placeText }] = await Promise.all([
			import('../components/place.ts'),
			locale.init('all')
		]);
		const shown = repairs.slice(0, 5).map((repair) => {
			const where = placeText(repair.path);
			if (repair.kind !== 'reset') return t(`common.repair.${repair.kind}`, { where });
			return repair.shown === undefined
				? t('common.repair.resetItem', { where })
				: t('common.repair.reset', { where, was: t('common.quoted', { text: repair.shown }) });
		});
		const more = repairs.length - shown.length;
		const list = more > 0 ? [...shown, t('common.repair.more', { count: more })] : shown;
		this.show(t('common.repair.intro', { count: repairs.length, list: list.join(' ') }), {
			tone: 'error',
			persist: true
		});
	}

	dismiss(id: number): void {
		this.list = this.list.filter((n) => n.id !== id);
	}
}

export const notices = new Notices();
// Whichever page read a stored draft that needed repairs, the user hears of it once.
onRepaired((repairs) => void notices.repaired(repairs));
