// The words of a workbook in its own language (which may differ from the interface language), and the
// words of all three languages at once for reading a workbook back (its headings and list values may be
// in any of them). Loaded with the workbook code only, in the page or the workbook worker, and in Node.
//
// Pure: no Svelte, no DOM.
import i18next, { type i18n } from 'i18next';
import enWorkbook from '../../../locales/en/workbook.json' with { type: 'json' };
import frWorkbook from '../../../locales/fr/workbook.json' with { type: 'json' };
import esWorkbook from '../../../locales/es/workbook.json' with { type: 'json' };
import enFields from '../../../locales/en/fields.json' with { type: 'json' };
import frFields from '../../../locales/fr/fields.json' with { type: 'json' };
import esFields from '../../../locales/es/fields.json' with { type: 'json' };
import enOptions from '../../../locales/en/options.json' with { type: 'json' };
import frOptions from '../../../locales/fr/options.json' with { type: 'json' };
import esOptions from '../../../locales/es/options.json' with { type: 'json' };
import enCommon from '../../../locales/en/common.json' with { type: 'json' };
import frCommon from '../../../locales/fr/common.json' with { type: 'json' };
import esCommon from '../../../locales/es/common.json' with { type: 'json' };
import type { Translate } from '../i18n/translate.ts';
import type { Language } from '../plan/schema.ts';

const resources: Record<Language, Record<string, unknown>> = {
	en: { workbook: enWorkbook, fields: enFields, options: enOptions, common: enCommon },
	fr: { workbook: frWorkbook, fields: frFields, options: frOptions, common: frCommon },
	es: { workbook: esWorkbook, fields: esFields, options: esOptions, common: esCommon }
};

const instances = new Map<Language, i18n>();

function instance(language: Language): i18n {
	let found = instances.get(language);
	if (!found) {
		found = i18next.createInstance();
		void found.init({
			lng: language,
			// No fallback: a missing French text must show up in tests, not turn into English in a workbook.
			fallbackLng: false,
			resources: { [language]: { translation: resources[language] } },
			interpolation: { escapeValue: false }, // cells hold text, never markup
			initAsync: false
		});
		instances.set(language, found);
	}
	return found;
}

/** `t(key, params)` in `language`; an unknown key throws, so a gap shows up in tests. */
export function workbookStrings(language: Language): Translate {
	const i18n = instance(language);
	return (key, params) => {
		if (!i18n.exists(key, params)) throw new Error(`No ${language} text for ${key}`);
		return i18n.t(key, params ?? {}) as string;
	};
}
