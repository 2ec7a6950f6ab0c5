// The words an imported document is read by: the app's own labels in each language (the ones its
// Word export writes, so that its own documents read back by construction) and, for documents made
// another way, the words plans commonly use in English, French and Spanish. Matching vocabulary, not
// interface text: nothing here is shown to the user. Pure.
import { MATRIX_COLUMNS, matrixHeader, type MatrixColumn } from '../document/build.ts';
import { exportStrings } from '../export/strings.ts';
import type { Translate } from '../i18n/translate.ts';
import { LANGUAGES, PILLAR_KEYS, type Language, type PillarKey } from '../plan/schema.ts';
import { NARRATIVE_FIELDS, type NarrativeField } from './narrative.ts';

export { NARRATIVE_FIELDS, NARRATIVE_PLACES, type NarrativeField } from './narrative.ts';

/** The export's chapter of each narrative field (export.chapters.*). */
const CHAPTERS: Record<NarrativeField, string> = {
	foreword: 'foreword',
	introduction: 'introduction',
	situationAnalysis: 'context',
	legalFramework: 'legalFramework',
	lessonsLearned: 'lessonsLearned',
	consultation: 'consultation',
	vision: 'vision',
	goal: 'goal',
	coordination: 'coordination',
	monitoring: 'monitoring',
	civilSociety: 'civilSociety',
	resourceMobilisation: 'resourceMobilisation'
};

/** Lower case, without accents, punctuation as spaces: "Données de référence" is "donnees de reference". */
export function normal(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[’'`]/g, "'")
		.replace(/[^\p{L}\p{N}'%]+/gu, ' ')
		.trim();
}

/** Words other plans head the results matrix's columns with, by column. */
const COLUMN_WORDS: Record<MatrixColumn, string[]> = {
	objective: [
		'objective',
		'objectives',
		'objectif',
		'objectifs',
		'objetivo',
		'objetivos',
		'outcome',
		'resultat',
		'resultado',
		'goal'
	],
	action: [
		'action',
		'actions',
		'activity',
		'activities',
		'activite',
		'activites',
		'actividad',
		'actividades',
		'accion',
		'acciones',
		'intervention',
		'mesure',
		'mesures',
		'medida',
		'medidas'
	],
	indicator: ['indicator', 'indicators', 'indicateur', 'indicateurs', 'indicador', 'indicadores'],
	baseline: [
		'baseline',
		'base line',
		'reference',
		'valeur de reference',
		'situation de reference',
		'linea de base',
		'valor de referencia',
		'situacion inicial',
		'valeur initiale'
	],
	target: [
		'target',
		'targets',
		'cible',
		'cibles',
		'meta',
		'metas',
		'objectif chiffre',
		'valeur cible',
		'valor meta'
	],
	responsible: [
		'responsible',
		'lead',
		'lead institution',
		'responsable',
		'responsables',
		'chef de file',
		'entite responsable',
		'institution responsable',
		'entidad responsable',
		'institucion responsable'
	],
	partners: [
		'partner',
		'partners',
		'partenaire',
		'partenaires',
		'socio',
		'socios',
		'asociados',
		'collaborating',
		'collaborateurs',
		'aliados'
	],
	timeframe: [
		'timeframe',
		'time frame',
		'timeline',
		'calendrier',
		'periode',
		'echeance',
		'echeancier',
		'delai',
		'plazo',
		'plazos',
		'cronograma',
		'calendario',
		'period',
		'periodo',
		'duration',
		'duree'
	],
	budget: [
		'budget',
		'cost',
		'costs',
		'cout',
		'couts',
		'presupuesto',
		'costo',
		'coste',
		'montant',
		'amount',
		'monto',
		'financement',
		'funding',
		'financiamiento',
		'budget estimatif'
	],
	verification: [
		'means of verification',
		'verification',
		'moyens de verification',
		'source de verification',
		'medios de verificacion',
		'verificacion',
		'fuente de verificacion',
		'source of verification',
		'data source',
		'source des donnees',
		'fuente'
	]
};

/** Words other plans title their chapters with, by narrative field. */
const CHAPTER_WORDS: Partial<Record<NarrativeField, string[]>> = {
	situationAnalysis: [
		'context',
		'contexte',
		'contexto',
		'situation analysis',
		'analyse de la situation',
		'analisis de la situacion',
		'background'
	],
	legalFramework: [
		'legal framework',
		'normative framework',
		'policy framework',
		'cadre juridique',
		'cadre legal',
		'cadre normatif',
		'marco juridico',
		'marco legal',
		'marco normativo'
	],
	lessonsLearned: ['lessons', 'lessons learned', 'enseignements', 'lecons', 'lecciones'],
	coordination: [
		'coordination',
		'coordinacion',
		'implementation arrangements',
		'institutional arrangements',
		'dispositif institutionnel',
		'mise en oeuvre',
		'arreglos institucionales'
	],
	monitoring: [
		'monitoring',
		'monitoring and evaluation',
		'suivi',
		'suivi et evaluation',
		'seguimiento',
		'monitoreo',
		'seguimiento y evaluacion'
	],
	introduction: ['introduction', 'introduccion'],
	foreword: ['foreword', 'preface', 'avant propos', 'prologo', 'prefacio'],
	vision: ['vision'],
	consultation: [
		'consultation',
		'consultations',
		'consulta',
		'consultas',
		'methodology',
		'methodologie',
		'metodologia'
	]
};

const PILLAR_WORDS = [
	'pillar',
	'pilier',
	'pilar',
	'axe',
	'eje',
	'thematic area',
	'domaine',
	'area tematica',
	'priority area',
	'axe strategique'
];
const OBJECTIVE_WORDS = [
	'objective',
	'strategic objective',
	'objectif',
	'objectif strategique',
	'objetivo',
	'objetivo estrategico',
	'outcome',
	'resultat',
	'resultado'
];
const ACTION_WORDS = [
	'action',
	'activity',
	'activite',
	'accion',
	'actividad',
	'mesure',
	'medida',
	'intervention'
];

/** How well a header names a column: 10 and more for the app's own label, 5 and more for a common word
 * it contains, the longer the word the better (so "objectif chiffré" is a target, not an objective). */
export function columnScores(header: string, language: Language): Map<MatrixColumn, number> {
	const text = normal(header);
	const scores = new Map<MatrixColumn, number>();
	if (!text) return scores;
	for (const column of MATRIX_COLUMNS) {
		let best = 0;
		for (const lang of LANGUAGES)
			if (text === ownHeaders(lang)[column]) best = Math.max(best, lang === language ? 12 : 10);
		for (const word of COLUMN_WORDS[column])
			if (containsWord(text, word)) best = Math.max(best, 5 + word.length / 100);
		if (best) scores.set(column, best);
	}
	return scores;
}

const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
	if (!cache.has(key)) cache.set(key, make());
	return cache.get(key) as T;
}

/** The results matrix's headers the export writes in a language, as `normal` makes them. */
const ownHeaders = (language: Language): Record<MatrixColumn, string> =>
	cached(
		`headers|${language}`,
		() =>
			Object.fromEntries(
				MATRIX_COLUMNS.map((c) => [c, normal(matrixHeader(c, exportStrings(language)))])
			) as Record<MatrixColumn, string>
	);

/** Whether `text` holds `word` as whole words. */
export function containsWord(text: string, word: string): boolean {
	if (text === word) return true;
	const at = ` ${text} `.indexOf(` ${word} `);
	if (at >= 0) return true;
	// A plural or a gendered ending: "indicateurs", "socias".
	return cached(`word|${word}`, () => new RegExp(`(^| )${escape(word)}(s|es|a|as)?( |$)`)).test(
		text
	);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The narrative field a chapter heading names, if any: the export's own titles first. */
export function chapterOf(heading: string, language: Language): NarrativeField | null {
	const text = normal(heading);
	for (const lang of [language, ...LANGUAGES.filter((l) => l !== language)]) {
		const titles = cached(`chapters|${lang}`, () => {
			const t = exportStrings(lang);
			return new Map(
				NARRATIVE_FIELDS.map((field) => [normal(t(`export.chapters.${CHAPTERS[field]}`)), field])
			);
		});
		const field = titles.get(text);
		if (field) return field;
	}
	const stripped = text.replace(/^[\divxl]+\s+/, '');
	for (const field of NARRATIVE_FIELDS)
		if (CHAPTER_WORDS[field]?.some((word) => stripped.startsWith(word))) return field;
	return null;
}

/** A number at the start of a heading or a cell: "1.2", "1.2.3", with the label before it if any. */
const LEAD = /^(?:([\p{L} ]{2,30}?)\s*)?(\d+(?:\.\d+)*)\.?\s*[:.)\-–—]?\s*/u;

/** A heading or cell split into its kind word ("objectif"), its number ("1.2") and its text. */
export function splitLead(text: string): { word: string; ref: string; rest: string } {
	const match = LEAD.exec(text.trim());
	if (!match || !match[2]) return { word: '', ref: '', rest: text.trim() };
	return { word: normal(match[1] ?? ''), ref: match[2], rest: text.trim().slice(match[0].length) };
}

export type HeadingKind = 'pillar' | 'objective' | 'action';

/** What a heading's first word says it is: "Pillar 2", "Objectif 1.2 :", "Acción 1.2.3". */
export function headingKindOf(text: string): HeadingKind | null {
	const words = normal(text);
	// The word, then a number: "Objectif 1.2", "Pilier II", "Action 3".
	const starts = (list: string[]) =>
		list.some((w) =>
			cached(`lead|${w}`, () => new RegExp(`^${escape(w)}s? (\\d|[ivx]+\\b)`)).test(words)
		);
	if (starts(ACTION_WORDS)) return 'action';
	if (starts(OBJECTIVE_WORDS)) return 'objective';
	if (starts(PILLAR_WORDS)) return 'pillar';
	return null;
}

/** The framework pillar a name is, in any of the three languages. */
export function pillarKeyOf(name: string): PillarKey | null {
	const names = cached('pillars', () => {
		const map = new Map<string, PillarKey>();
		for (const lang of LANGUAGES)
			for (const key of PILLAR_KEYS)
				map.set(normal(exportStrings(lang)(`options.pillar.${key}`)), key);
		return map;
	});
	return names.get(normal(name)) ?? null;
}

/** How many of the texts are the app's own words in a language: the document's language is the best. */
export function languageOf(texts: string[], fallback: Language): Language {
	let best = fallback;
	let bestScore = 0;
	for (const lang of LANGUAGES) {
		const t = exportStrings(lang);
		const own = new Set<string>([
			...MATRIX_COLUMNS.map((c) => normal(matrixHeader(c, t))),
			...Object.values(CHAPTERS).map((c) => normal(t(`export.chapters.${c}`))),
			...PILLAR_KEYS.map((k) => normal(t(`options.pillar.${k}`))),
			normal(t('export.labels.objective', { ref: '' })),
			normal(t('export.labels.action', { ref: '' })),
			normal(t('export.cover.subject'))
		]);
		const lead = (text: string) => normal(text).split(' ')[0];
		const ownLeads = new Set([...own].map((w) => w.split(' ')[0]));
		let score = 0;
		for (const text of texts) {
			if (own.has(normal(text))) score += 3;
			else if (ownLeads.has(lead(text))) score += 1;
		}
		if (score > bestScore || (score === bestScore && lang === fallback && score > 0)) {
			best = lang;
			bestScore = score;
		}
	}
	return best;
}

/** The strings of a document's language: the export's, with the import's own. */
export const documentStrings = (language: Language): Translate => exportStrings(language);

/** Which plan of the country a title says it is: "Second national action plan" is 2. */
export function generationOf(title: string): number | null {
	const text = normal(title);
	const ordinals: [RegExp, number][] = [
		[/\b(first|premier|premiere|primer|primero|primera|1st|1er|1re)\b/, 1],
		[/\b(second|deuxieme|seconde|segundo|segunda|2nd|2e|2eme)\b/, 2],
		[/\b(third|troisieme|tercer|tercero|tercera|3rd|3e|3eme)\b/, 3],
		[/\b(fourth|quatrieme|cuarto|cuarta|4th|4e|4eme)\b/, 4],
		[/\b(fifth|cinquieme|quinto|quinta|5th|5e|5eme)\b/, 5],
		[/\b(sixth|sixieme|sexto|sexta|6th|6e)\b/, 6]
	];
	for (const [pattern, n] of ordinals) if (pattern.test(text)) return n;
	return null;
}
