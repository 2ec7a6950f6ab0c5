// "Install the app", where the browser offers it (Chromium's beforeinstallprompt).
interface InstallPrompt extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

class Install {
	available = $state(false);
	#event: InstallPrompt | null = null;

	listen(): () => void {
		const offer = (event: Event) => {
			event.preventDefault(); // the app offers it in its own words, in the user's language
			this.#event = event as InstallPrompt;
			this.available = true;
		};
		const installed = () => (this.available = false);
		addEventListener('beforeinstallprompt', offer);
		addEventListener('appinstalled', installed);
		return () => {
			removeEventListener('beforeinstallprompt', offer);
			removeEventListener('appinstalled', installed);
		};
	}

	async prompt(): Promise<void> {
		if (!this.#event) return;
		await this.#event.prompt();
		await this.#event.userChoice;
		this.#event = null;
		this.available = false;
	}
}

export const install = new Install();
