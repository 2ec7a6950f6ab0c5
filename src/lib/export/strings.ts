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
import type { Language } from '../plan/schema.ts';

const resources: Record<Language, Record<string, unknown>> = {
	en: { export: enExport, options: enOptions, comments: enComments },
	fr: { export: frExport, options: frOptions, comments: frComments },
	es: { export: esExport, options: esOptions, comments: esComments }
};

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** `t('export.labels.action', { ref: '1.2.3' })`; an unknown key throws, so a gap shows up in tests, not in a ministry's document. */
export function exportStrings(language: Language): Translate {
	return (key, params = {}) => {
		let value: unknown = resources[language];
		for (const part of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
		if (typeof value !== 'string') throw new Error(`No ${language} text for ${key}`);
		return value.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(params[name] ?? ''));
	};
}
