// The words of a document (a Word file, a workbook) in its own language, which may differ from the
// interface language: an i18next instance of that language, as the app's own (i18n.svelte.ts), plural
// forms included, over the text files a document uses. Bundled with the export and workbook code, which
// are themselves loaded only when used; the same in their workers and in Node.
import i18next, { type i18n } from 'i18next';
import enExport from '../../../locales/en/export.json' with { type: 'json' };
import frExport from '../../../locales/fr/export.json' with { type: 'json' };
import esExport from '../../../locales/es/export.json' with { type: 'json' };
import enOptions from '../../../locales/en/options.json' with { type: 'json' };
import frOptions from '../../../locales/fr/options.json' with { type: 'json' };
import esOptions from '../../../locales/es/options.json' with { type: 'json' };
import enComments from '../../../locales/en/comments.json' with { type: 'json' };
import frComments from '../../../locales/fr/comments.json' with { type: 'json' };
import esComments from '../../../locales/es/comments.json' with { type: 'json' };
import enScorecard from '../../../locales/en/scorecard.json' with { type: 'json' };
import frScorecard from '../../../locales/fr/scorecard.json' with { type: 'json' };
import esScorecard from '../../../locales/es/scorecard.json' with { type: 'json' };
import enFields from '../../../locales/en/fields.json' with { type: 'json' };
import frFields from '../../../locales/fr/fields.json' with { type: 'json' };
import esFields from '../../../locales/es/fields.json' with { type: 'json' };
import enCommon from '../../../locales/en/common.json' with { type: 'json' };
import enImport from '../../../locales/en/import.json' with { type: 'json' };
import frCommon from '../../../locales/fr/common.json' with { type: 'json' };
import frImport from '../../../locales/fr/import.json' with { type: 'json' };
import esCommon from '../../../locales/es/common.json' with { type: 'json' };
import esImport from '../../../locales/es/import.json' with { type: 'json' };
import enReport from '../../../locales/en/report.json' with { type: 'json' };
import enProgress from '../../../locales/en/progress.json' with { type: 'json' };
import enWorkbook from '../../../locales/en/workbook.json' with { type: 'json' };
import frReport from '../../../locales/fr/report.json' with { type: 'json' };
import frProgress from '../../../locales/fr/progress.json' with { type: 'json' };
import frWorkbook from '../../../locales/fr/workbook.json' with { type: 'json' };
import esReport from '../../../locales/es/report.json' with { type: 'json' };
import esProgress from '../../../locales/es/progress.json' with { type: 'json' };
import esWorkbook from '../../../locales/es/workbook.json' with { type: 'json' };
import type { Translate } from '../i18n/translate.ts';
import type { Language } from '../plan/schema.ts';

const resources: Record<Language, Record<string, unknown>> = {
	en: {
		export: enExport,
		options: enOptions,
		comments: enComments,
		scorecard: enScorecard,
		fields: enFields,
		common: enCommon,
		import: enImport,
		report: enReport,
		progress: enProgress,
		workbook: enWorkbook
	},
	fr: {
		export: frExport,
		options: frOptions,
		comments: frComments,
		scorecard: frScorecard,
		fields: frFields,
		common: frCommon,
		import: frImport,
		report: frReport,
		progress: frProgress,
		workbook: frWorkbook
	},
	es: {
		export: esExport,
		options: esOptions,
		comments: esComments,
		scorecard: esScorecard,
		fields: esFields,
		common: esCommon,
		import: esImport,
		report: esReport,
		progress: esProgress,
		workbook: esWorkbook
	}
};

const instances = new Map<Language, i18n>();

function instance(language: Language): i18n {
	let found = instances.get(language);
	if (!found) {
		found = i18next.createInstance();
		// Synchronous: the resources are here, and the document is built in one go.
		void found.init({
			lng: language,
			// No fallback: a missing French text must show up in tests, not turn silently into English.
			fallbackLng: false,
			resources: { [language]: { translation: resources[language] } },
			interpolation: { escapeValue: false }, // the document's runs are text, never markup
			initAsync: false
		});
		instances.set(language, found);
	}
	return found;
}

/**
 * `t('export.labels.action', { ref: '1.2.3' })` in `language`; with a numeric `count`, the plural form
 * the language's rules choose (`_one`, `_many`, `_other`), as i18next does in the app. An unknown key
 * throws, so a gap shows up in tests, not in a ministry's document.
 */
export function exportStrings(language: Language): Translate {
	const i18n = instance(language);
	// A document asks for the same labels thousands of times (a 1,000-action plan, some 20,000 times).
	// With its parameters too: the same reference or count comes back (an objective's "1.2" in its heading, its contents entry, the matrix).
	const known = new Map<string, string>();
	return (key, params) => {
		const id = params ? `${key}\u0000${JSON.stringify(params)}` : key;
		const found = known.get(id);
		if (found !== undefined) return found;
		if (!i18n.exists(key, params)) throw new Error(`No ${language} text for ${key}`);
		const text = i18n.t(key, params ?? {}) as string;
		known.set(id, text);
		return text;
	};
}
