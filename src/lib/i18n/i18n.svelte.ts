// The interface language. Strings live in locales/{en,fr,es}/<area>.json and are loaded on demand,
// one language at a time; `t('area.key')` reads them and re-renders when the language changes.
import i18next, { type TOptions } from 'i18next';
import { LANGUAGES, type Language } from '../plan/schema.ts';

const STORAGE_KEY = 'nap-builder.language';
/** One chunk per language (bundles/*.ts), loaded when the language is first used. */
const bundles: Record<
	Language,
	() => Promise<{ default: Record<string, Record<string, unknown>> }>
> = {
	en: () => import('./bundles/en.ts'),
	fr: () => import('./bundles/fr.ts'),
	es: () => import('./bundles/es.ts')
};

/** The texts of a language keyed by area: locales/fr/wizard.json becomes `wizard`. */
async function loadResources(language: Language): Promise<Record<string, unknown>> {
	const files = (await bundles[language]()).default;
	return Object.fromEntries(
		Object.entries(files).map(([path, texts]) => [
			path.slice(path.lastIndexOf('/') + 1, -'.json'.length),
			texts
		])
	);
}

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered choice, else the browser's first language we have, else English. */
function preferredLanguage(): Language {
	const stored = safeStorage()?.getItem(STORAGE_KEY);
	if (isLanguage(stored)) return stored;
	for (const tag of navigator.languages ?? [navigator.language]) {
		const base = tag.toLowerCase().split('-')[0];
		if (isLanguage(base)) return base;
	}
	return 'en';
}

function safeStorage(): Storage | undefined {
	try {
		return localStorage;
	} catch {
		return undefined; // storage turned off: the choice is simply not remembered
	}
}

class Locale {
	language = $state<Language>('en');
	#i18n = i18next.createInstance();
	#ready: Promise<void> | undefined;

	/** Translates a key such as 'wizard.next'. Reading `language` makes every caller re-render on a switch. */
	t = (key: string, options?: TOptions): string => {
		void this.language;
		return this.#i18n.t(key, options ?? {}) as string;
	};

	init(): Promise<void> {
		this.#ready ??= (async () => {
			const language = preferredLanguage();
			await this.#i18n.init({
				lng: language,
				// No fallback: a missing French string must show up in tests, not turn silently into English.
				fallbackLng: false,
				resources: { [language]: { translation: await loadResources(language) } },
				interpolation: { escapeValue: false } // Svelte escapes text itself
			});
			this.#apply(language);
		})();
		return this.#ready;
	}

	async use(language: Language): Promise<void> {
		if (!this.#i18n.hasResourceBundle(language, 'translation'))
			this.#i18n.addResourceBundle(language, 'translation', await loadResources(language));
		await this.#i18n.changeLanguage(language);
		safeStorage()?.setItem(STORAGE_KEY, language);
		this.#apply(language);
	}

	#apply(language: Language) {
		this.language = language;
		document.documentElement.lang = language;
	}
}

export const locale = new Locale();
export const t = locale.t;
