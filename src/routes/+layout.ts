import { locale } from '#lib/i18n/i18n.svelte.ts';

// The app runs in the browser only (drafts live in IndexedDB); every route is prerendered as a shell.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';

export async function load() {
	await locale.init();
}
