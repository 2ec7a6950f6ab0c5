import { locale, textsFor } from '#lib/i18n/i18n.svelte.ts';

// The app runs in the browser only (drafts live in IndexedDB); every route is prerendered as a shell.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';

/** The texts of the page in the interface language: the first-visit pages need only some of them. */
export async function load({ route }) {
	await locale.init(textsFor(route.id));
}
