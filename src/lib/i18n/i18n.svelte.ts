// The interface language. Strings live in locales/{en,fr,es}/<area>.json and are loaded on demand,
// one language at a time; `t('area.key')` reads them and re-renders when the language changes.
import { LANGUAGES, type Language } from '../plan/constants.ts';
import { Texts, type TextTree, type Values } from './texts.ts';

const STORAGE_KEY = 'nap-builder.language';
type Bundle = () => Promise<{ default: Record<string, TextTree> }>;
/**
 * The texts, one chunk per language and set, loaded when first needed: `first`, what the first-visit
 * pages show (bundles/*-first.ts), and `all`, every text of the app (bundles/*.ts).
 */
const bundles: Record<TextSet, Record<Language, Bundle>> = {
	first: {
		en: () => import('./bundles/en-first.ts'),
		fr: () => import('./bundles/fr-first.ts'),
		es: () => import('./bundles/es-first.ts')
	},
	all: {
		en: () => import('./bundles/en.ts'),
		fr: () => import('./bundles/fr.ts'),
		es: () => import('./bundles/es.ts')
	}
};
export type TextSet = 'first' | 'all';

/** The pages a first visit lands on: they load the `first` texts only; every other page loads all. */
const FIRST_VISIT_PAGES: readonly (string | null)[] = ['/', '/new'];
export const textsFor = (routeId: string | null): TextSet =>
	FIRST_VISIT_PAGES.includes(routeId) ? 'first' : 'all';

/** The texts of a language keyed by area: locales/fr/wizard.json becomes `wizard`. */
async function loadResources(bundle: Bundle): Promise<TextTree> {
	const files = (await bundle()).default;
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
	#texts = new Texts();
	/** The language shown, or being switched to; known once `init` has run. */
	#target: Language | undefined;
	/** The widest set of texts a page has needed so far: a language switch loads that much of the new one. */
	#set: TextSet = 'first';
	#loading = new Map<string, Promise<void>>();

	/**
	 * Translates a key such as 'wizard.next'. Reading `language` makes every caller re-render on a switch.
	 * No fallback language: a missing French text shows up in tests (as its key), never as English.
	 */
	t = (key: string, values?: Values): string => this.#texts.translate(this.language, key, values);

	/**
	 * Loads the texts a page needs (`all` unless told) in the interface language, before it renders: a
	 * page never shows a key, nor a word of another language.
	 */
	async init(set: TextSet = 'all'): Promise<void> {
		if (set === 'all') this.#set = 'all';
		const language = (this.#target ??= preferredLanguage());
		await this.#load(language, this.#set);
		if (language === this.#target) this.#apply(language); // else a switch since shows its own
	}

	async use(language: Language): Promise<void> {
		this.#target = language;
		await this.#load(language, this.#set);
		if (language !== this.#target) return; // another switch since
		safeStorage()?.setItem(STORAGE_KEY, language);
		this.#apply(language);
	}

	/** Loads a set of texts of a language once (`all` holds `first`); a failed load is tried again next time. */
	#load(language: Language, set: TextSet): Promise<void> {
		const key = (of: TextSet) => `${language}:${of}`;
		const loading = this.#loading.get(key(set)) ?? this.#loading.get(key('all'));
		if (loading) return loading;
		const load = loadResources(bundles[set][language]).then((texts) =>
			this.#texts.add(language, texts)
		);
		load.catch(() => this.#loading.delete(key(set)));
		this.#loading.set(key(set), load);
		return load;
	}

	#apply(language: Language) {
		this.language = language;
		document.documentElement.lang = language;
	}
}

export const locale = new Locale();
export const t = locale.t;
