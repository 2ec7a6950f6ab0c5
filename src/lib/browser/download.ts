import { t } from '../i18n/i18n.svelte.ts';
import { draftFileName, fitsInFile, MAX_FILE_BYTES, writeDraftFile } from '../plan/file.ts';
import type { Plan } from '../plan/schema.ts';
import { notices } from '../state/notices.svelte.ts';

/** Offers a file to the user, as "Save a copy to a file" does. Nothing leaves the device. */
export function download(name: string, content: BlobPart, type: string): void {
	const url = URL.createObjectURL(new Blob([content], { type }));
	const link = Object.assign(document.createElement('a'), { href: url, download: name });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Save a copy to a file": offers the draft as a .nap.json file, unless it is too large for the app to
 * open again, in which case the user is told and no file is made.
 */
export function saveDraftCopy(plan: Plan): void {
	const text = writeDraftFile(plan);
	if (!fitsInFile(text)) {
		notices.show(t('file.tooLargeToWrite', { max: MAX_FILE_BYTES / 1024 / 1024 }), {
			tone: 'error',
			persist: true
		});
		return;
	}
	download(draftFileName(plan), text, 'application/json');
}
