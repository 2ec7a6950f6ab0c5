// Short messages at the foot of the screen ("Action deleted. Undo"), read out by screen readers.
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

	dismiss(id: number): void {
		this.list = this.list.filter((n) => n.id !== id);
	}
}

export const notices = new Notices();
