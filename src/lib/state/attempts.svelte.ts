// Storage actions a page starts (save, rename, restore, delete): its buttons wait while one runs, and
// a failure is told to the user the one way the app says it (notices.storageFailed).
import { notices } from './notices.svelte.ts';

export class Attempts {
	/** An action is running: the buttons that start another are disabled. */
	busy = $state(false);

	/** Runs an action that reads or stores drafts; true when it went through. */
	run = async (action: () => Promise<void>): Promise<boolean> => {
		this.busy = true;
		try {
			await action();
			return true;
		} catch (error) {
			notices.storageFailed(error);
			return false;
		} finally {
			this.busy = false;
		}
	};
}
