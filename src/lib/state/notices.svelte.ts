// Short messages at the foot of the screen ("Action deleted. Undo"), read out by screen readers.
import { t } from '../i18n/i18n.svelte.ts';
import { StorageError } from '../storage/drafts.ts';

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
	show(message: string, options: { undo?: () => void; tone?: Notice['tone']; persist?: boolean } = {}): void {
		const notice: Notice = { id: this.#next++, message, tone: options.tone ?? 'info', undo: options.undo };
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
		this.show(t('common.save.error', { reason: t(`common.save.${problem}`) }), { tone: 'error', persist: true });
	}

	dismiss(id: number): void {
		this.list = this.list.filter((n) => n.id !== id);
	}
}

export const notices = new Notices();
