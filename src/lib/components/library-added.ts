import { tick } from 'svelte';
import { t } from '../i18n/i18n.svelte.ts';
import { notices } from '../state/notices.svelte.ts';

/** After the library picker closes: the cursor goes to the first item added, or back to the button that opened it. */
export async function libraryAdded(
	added: string[],
	opener: string,
	field: (id: string) => string
): Promise<void> {
	await tick();
	if (added.length) notices.show(t('library.added', { count: added.length }));
	document.getElementById(added.length ? field(added[0]) : opener)?.focus();
}
