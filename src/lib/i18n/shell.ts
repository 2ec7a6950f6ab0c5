// The first-visit pages' frame, heading and introduction, prerendered in each language, so that a
// first visit shows them before the app's JavaScript has run: the one in the interface language only
// (the choice remembered, else the browser's first language the app has, as i18n.svelte.ts chooses),
// kept by a small inline script after them, whose hash the content security policy allows
// (vite.config.ts). Without script nothing shows, never another language. The layout removes the
// shell as the app renders the page in its place.
import { LANGUAGES, type Language } from '../plan/constants.ts';

/**
 * Keeps the shell in the interface language, the same choice as `preferredLanguage` in i18n.svelte.ts,
 * and removes the others: the page holds one heading, in one language.
 */
export const SHELL_SCRIPT = `{let l;try{l=localStorage.getItem('nap-builder.language')}catch{}const s=${JSON.stringify(LANGUAGES)};if(!s.includes(l))l=[...(navigator.languages||[navigator.language])].map(t=>String(t).toLowerCase().split('-')[0]).find(b=>s.includes(b))||'en';for(const e of document.querySelectorAll('.shell'))if(e.lang===l)e.classList.add('shown');else e.remove()}`;

/** The heading of each first-visit page, with its back link when it has one (text keys). */
const PAGES: Record<string, { back?: string; title: string; intro: string }> = {
	'/': { title: 'home.title', intro: 'home.intro' },
	'/new': { back: 'start.back', title: 'start.title', intro: 'start.intro' },
	'/import': { back: 'import.back', title: 'import.title', intro: 'import.intro' }
};

const escape = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The shell of a page (empty for the others), in every language, for `translate(language, key)`.
 * Hidden from assistive technology: the app's own page, a moment later, is the one to read.
 */
export function shellHtml(
	routeId: string | null,
	translate: (language: Language, key: string) => string,
	assets: string
): string {
	const page = routeId === null ? undefined : PAGES[routeId];
	if (!page) return '';
	const blocks = LANGUAGES.map((language) => {
		const t = (key: string) => escape(translate(language, key));
		return [
			`<div class="shell" lang="${language}" aria-hidden="true">`,
			`<header class="site"><span class="brand"><img src="${assets}/favicon.svg" alt="" width="32" height="32"><span>${t('common.appName')}</span></span></header>`,
			`<main>${page.back ? `<p><a>${t(page.back)}</a></p>` : ''}<h1>${t(page.title)}</h1><p class="lead">${t(page.intro)}</p></main>`,
			`</div>`
		].join('');
	});
	return `${blocks.join('')}<script>${SHELL_SCRIPT}</script>`;
}
