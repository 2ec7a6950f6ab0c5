// The service worker, registered through workbox-window (Kit's own registration is off), and the
// update flow: a new version waits until the user accepts it; accepting writes any pending autosave
// first, then activates the new version and reloads into the same page.
import { dev } from '$app/env';
import { resolve } from '$app/paths';
import type { Workbox } from 'workbox-window';

class AppUpdate {
	/** A new version is installed and waiting. */
	waiting = $state(false);
	/** The pending edits could not be written: the update waits, so nothing typed is lost. */
	saveFailed = $state(false);
	#workbox: Workbox | undefined;
	#accepted = false;

	async register(): Promise<void> {
		if (dev || !('serviceWorker' in navigator) || this.#workbox) return;
		const { Workbox } = await import('workbox-window');
		const workbox = new Workbox(`${resolve('/')}service-worker.js`.replace('//', '/'), {
			type: 'module'
		});
		this.#workbox = workbox;
		workbox.addEventListener('waiting', () => (this.waiting = true));
		// The first install also takes control of the page (clients.claim): reload only for an accepted
		// update (workbox's isUpdate stays false when the first visit was never controlled).
		workbox.addEventListener('controlling', () => {
			if (this.#accepted) location.reload();
		});
		await workbox.register();
	}

	async apply(): Promise<void> {
		// Loaded here, not with the app: a page that has opened a draft has it already.
		const { flushAll } = await import('../state/draft-session.svelte.ts');
		this.saveFailed = !(await flushAll());
		if (this.saveFailed || !this.#workbox) return;
		this.#accepted = true;
		this.#workbox.messageSkipWaiting();
	}
}

export const appUpdate = new AppUpdate();
