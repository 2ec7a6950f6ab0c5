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

	show(message: string, options: { undo?: () => void; tone?: Notice['tone']; persist?: boolean } = {}): void {
		const notice: Notice = { id: this.#next++, message, tone: options.tone ?? 'info', undo: options.undo };
		this.list = [...this.list.slice(-2), notice];
		if (!options.persist) setTimeout(() => this.dismiss(notice.id), TIMEOUT_MS);
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
