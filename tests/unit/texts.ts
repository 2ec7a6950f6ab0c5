// Every text a user reads, in the three languages and lined up: interface strings (locales/), the
// template library (templates/library/) and the sample plans (templates/sample/). A unit is one text
// in its three languages, named by the file and key it sits at, so a test can report where a word is.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import i18next from 'i18next';
import { textsOf } from '../../src/lib/plan/fields.ts';
import { samplePlan } from './sample-plan.ts';
import { LANGUAGES, type Language } from '../../src/lib/plan/schema.ts';

export const root = join(import.meta.dirname, '../..');

export interface TextUnit {
	/** Where the text sits: `locales/<lang>/wizard.json#steps.overview`, `templates/library/ministries/defence.json#objectives[0].title`. */
	where: Record<Language, string>;
	text: Partial<Record<Language, string>>;
}

const jsonFiles = (dir: string): string[] =>
	readdirSync(dir)
		.sort()
		.flatMap((name) => {
			const path = join(dir, name);
			return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
		});

function flatten(value: unknown, prefix = ''): [string, string][] {
	if (typeof value === 'string') return [[prefix, value]];
	if (Array.isArray(value)) return value.flatMap((v, i) => flatten(v, `${prefix}[${i}]`));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
	return [];
}

const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Interface strings, one unit per key of the English files (plural forms lined up by their suffix). */
export function localeUnits(): TextUnit[] {
	const dir = join(root, 'locales');
	const byLanguage = Object.fromEntries(
		LANGUAGES.map((l) => [
			l,
			new Map(
				readdirSync(join(dir, l))
					.filter((f) => f.endsWith('.json'))
					.sort()
					.flatMap((f) => flatten(read(join(dir, l, f))).map(([k, v]) => [`${f}#${k}`, v] as const))
			)
		])
	) as Record<Language, Map<string, string>>;
	const keys = new Set(LANGUAGES.flatMap((l) => [...byLanguage[l].keys()]));
	return [...keys].map((key) => {
		const [file, k] = key.split('#');
		const alt = key.replace(/_many$/, '_other');
		return {
			where: Object.fromEntries(LANGUAGES.map((l) => [l, `locales/${l}/${file}#${k}`])) as Record<
				Language,
				string
			>,
			text: Object.fromEntries(
				LANGUAGES.map((l) => [
					l,
					byLanguage[l].get(key) ?? (l === 'en' ? byLanguage.en.get(alt) : undefined)
				]).filter(([, v]) => v !== undefined)
			)
		};
	});
}

/** Every trilingual text of the template library. */
export function templateUnits(): TextUnit[] {
	const dir = join(root, 'templates/library');
	const walk = (file: string, value: unknown, path: string): TextUnit[] => {
		if (Array.isArray(value)) return value.flatMap((v, i) => walk(file, v, `${path}[${i}]`));
		if (!value || typeof value !== 'object') return [];
		const keys = Object.keys(value);
		if (
			keys.length === 3 &&
			LANGUAGES.every((l) => keys.includes(l)) &&
			LANGUAGES.every((l) => typeof (value as Record<string, unknown>)[l] === 'string')
		)
			return [
				{
					where: Object.fromEntries(LANGUAGES.map((l) => [l, `${file}#${path}.${l}`])) as Record<
						Language,
						string
					>,
					text: value as Record<Language, string>
				}
			];
		return Object.entries(value).flatMap(([k, v]) => walk(file, v, path ? `${path}.${k}` : k));
	};
	return jsonFiles(dir).flatMap((f) => walk(relative(root, f), read(f), ''));
}

/** The sample plans: the three files are the same plan, so a text's path lines it up with its translations. */
export function sampleUnits(): TextUnit[] {
	const files = Object.fromEntries(
		LANGUAGES.map((l) => [l, new Map(flatten(read(join(root, `templates/sample/${l}.nap.json`))))])
	) as Record<Language, Map<string, string>>;
	// The texts the team typed, by the plan's field descriptions (not ids, codes, dates or choices).
	const typed = new Set([...textsOf(samplePlan('en'))].map((t) => t.path));
	return [...files.en.keys()]
		.filter((path) => typed.has(path))
		.map((path) => ({
			where: Object.fromEntries(
				LANGUAGES.map((l) => [l, `templates/sample/${l}.nap.json#${path}`])
			) as Record<Language, string>,
			text: Object.fromEntries(
				LANGUAGES.map((l) => [l, files[l].get(path)]).filter(([, v]) => v !== undefined)
			)
		}));
}

export const allUnits = (): TextUnit[] => [...localeUnits(), ...templateUnits(), ...sampleUnits()];

/** A language's interface strings by key as the app reads them (`fields.action.scope`), plural forms under their suffix. */
export function localeStrings(language: Language): Map<string, string> {
	const dir = join(root, 'locales', language);
	return new Map(
		readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.flatMap((f) => flatten(read(join(dir, f)), f.replace('.json', '')))
	);
}

/** The app's translator (i18next, as i18n.svelte.ts sets it up) over a language's strings. */
export function translator(
	language: Language
): (key: string, params?: Record<string, string | number>) => string {
	const i18n = i18next.createInstance();
	const resources = Object.fromEntries(
		readdirSync(join(root, 'locales', language))
			.filter((f) => f.endsWith('.json'))
			.map((f) => [f.replace('.json', ''), read(join(root, 'locales', language, f))])
	);
	void i18n.init({
		lng: language,
		fallbackLng: false,
		initAsync: false,
		resources: { [language]: { translation: resources } },
		interpolation: { escapeValue: false }
	});
	return (key, params) => {
		if (!i18n.exists(key)) throw new Error(`No ${language} text for ${key}`);
		return i18n.t(key, params ?? {}) as string;
	};
}
