// One Word export from a panel (the plan's, or a period's progress report): the status, the message
// read out to screen readers and the share written so far, with the export worker started while the
// panel is shown, so the click waits for the export alone.
import { download } from '../browser/download.ts';
import type { ExportUpdate } from '../export/word.ts';
import { formatPercent } from '../i18n/format.ts';
import { locale, t } from '../i18n/i18n.svelte.ts';

type Run = typeof import('../export/run.ts');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export class WordExport {
	status = $state<'idle' | 'working' | 'done' | 'failed'>('idle');
	message = $state('');
	/** Share of the document written, or null while the file is packed (no measurable steps there). */
	share = $state<number | null>(null);
	/** Text key of "Writing… {{percent}}" for what this panel writes. */
	readonly #writing: string;

	constructor(writing: string) {
		this.#writing = writing;
	}

	/** Starts the export worker (call on mount); returns how to stop it when the panel goes. */
	prepare(): () => void {
		let release: (() => void) | undefined;
		let gone = false;
		void import('../export/run.ts').then(({ prepareExport, releaseExport }) => {
			if (gone) return;
			prepareExport();
			release = releaseExport;
		});
		return () => {
			gone = true;
			release?.();
		};
	}

	/** Builds the file with `build` (given the export code and the progress callback) and downloads it. */
	async run(
		build: (
			run: Run,
			onUpdate: (update: ExportUpdate) => void
		) => Promise<{ blob: Blob; name: string }>
	): Promise<void> {
		this.status = 'working';
		this.share = 0;
		this.message = t('wizard.export.preparing');
		try {
			const { blob, name } = await build(await import('../export/run.ts'), (update) => {
				this.share = update.stage === 'writing' ? update.done / update.total : null;
				this.message =
					this.share === null
						? t('wizard.export.packing')
						: t(this.#writing, { percent: formatPercent(this.share, locale.language) });
			});
			download(name, blob, DOCX);
			this.status = 'done';
			this.message = t('wizard.export.done', { name });
		} catch (error) {
			this.status = 'failed';
			this.message = t('wizard.export.failed', {
				reason: error instanceof Error ? error.message : String(error)
			});
		}
	}
}
