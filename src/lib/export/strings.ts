// The fixed texts of the Word document, in the export language (which may differ from the
// interface language). Bundled with the export code, which is itself loaded only on export.
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
import type { Language } from '../plan/schema.ts';

const resources: Record<Language, Record<string, unknown>> = {
	en: { export: enExport, options: enOptions, comments: enComments, scorecard: enScorecard },
	fr: { export: frExport, options: frOptions, comments: frComments, scorecard: frScorecard },
	es: { export: esExport, options: esOptions, comments: esComments, scorecard: esScorecard }
};

export type Translate = (key: string, params?: Record<string, string | number>) => string;

const lookup = (root: unknown, path: string): unknown =>
	path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], root);

/**
 * `t('export.labels.action', { ref: '1.2.3' })`. With a numeric `count`, a key without a text of its own
 * takes the plural form the language's rules choose (`_one`, `_many`, `_other`), as i18next does in the
 * app. An unknown key throws, so a gap shows up in tests, not in a ministry's document.
 */
export function exportStrings(language: Language): Translate {
	const plural = new Intl.PluralRules(language);
	return (key, params = {}) => {
		let value = lookup(resources[language], key);
		if (value === undefined && typeof params.count === 'number')
			value = lookup(resources[language], `${key}_${plural.select(params.count)}`) ?? lookup(resources[language], `${key}_other`);
		if (typeof value !== 'string') throw new Error(`No ${language} text for ${key}`);
		return value.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(params[name] ?? ''));
	};
}
