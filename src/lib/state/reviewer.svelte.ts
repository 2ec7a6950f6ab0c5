// The reviewer's name, asked once and remembered on this device. Where the browser refuses storage
// the name is kept for this visit only, and the page says it will be asked again.
import { MAX_AUTHOR } from '../comments/comments.ts';

const STORAGE_KEY = 'nap-builder.reviewer';

function storage(): Storage | undefined {
	try {
		return localStorage;
	} catch {
		return undefined; // storage turned off (or not in a browser)
	}
}

class Reviewer {
	name = $state('');
	/** False once the browser refused to keep the name. */
	remembered = $state(true);
	#loaded = false;

	/** Reads the remembered name, once, on first use in the page. */
	load(): void {
		if (this.#loaded) return;
		this.#loaded = true;
		try {
			this.name = storage()?.getItem(STORAGE_KEY) ?? '';
		} catch {
			this.remembered = false;
		}
	}

	set(name: string): void {
		this.name = name.trim().slice(0, MAX_AUTHOR);
		try {
			const store = storage();
			if (!store) throw new Error('no storage');
			store.setItem(STORAGE_KEY, this.name);
			this.remembered = true;
		} catch {
			this.remembered = false;
		}
	}
}

export const reviewer = new Reviewer();
