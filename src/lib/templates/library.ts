// The template library, read from templates/library/ and indexed by id. The app loads this module
// only where templates are used (starting a plan, "Add from the library", the review of template
// wording), so the first page load does not carry it.
import type { PillarKey, Resolution, Strategy } from '../plan/schema.ts';
import {
	templateFileSchema,
	type Frameworks,
	type LibraryAction,
	type LibraryIndicator,
	type LibraryObjective,
	type LocalText,
	type Ministry,
	type MinistryTemplate,
	type Recommendation,
	type RegionalTemplate,
	type TemplateFile
} from './schema.ts';

/** Where a library action comes from: a ministry template, a regional template, or S/2004/814. */
export type Source =
	| { kind: 'ministry'; id: Ministry; name: LocalText }
	| { kind: 'regional'; id: string; name: LocalText }
	| { kind: 'recommendation'; id: string; group: Recommendation['group']; number: number };

export interface ActionEntry {
	action: LibraryAction;
	pillar: PillarKey;
	/** The objective it sits under in its template; recommendations have none. */
	objective: LibraryObjective | null;
	ministries: Ministry[];
	source: Source;
}

export interface ObjectiveEntry {
	objective: LibraryObjective;
	ministries: Ministry[];
	source: Source;
}

export interface Library {
	ministries: MinistryTemplate[];
	regions: RegionalTemplate[];
	recommendations: Recommendation[];
	frameworks: Frameworks;
	actions: ActionEntry[];
	objectives: ObjectiveEntry[];
	/** Any text-bearing item (objective, action, indicator) by id. */
	byId: Map<string, LibraryObjective | LibraryAction | LibraryIndicator>;
}

/** Indexes parsed template files. Throws on a file that does not match its schema: the library ships with the app, and a test proves every file. */
export function buildLibrary(raw: unknown[]): Library {
	const files: TemplateFile[] = raw.map((file) => templateFileSchema.parse(file));
	const of = <K extends TemplateFile['kind']>(kind: K) =>
		files.filter((f): f is Extract<TemplateFile, { kind: K }> => f.kind === kind);
	const ministries = of('ministry').sort(
		(a, b) => MINISTRY_ORDER.indexOf(a.id) - MINISTRY_ORDER.indexOf(b.id)
	);
	const regions = of('regional');
	const recommendations = of('recommendations').flatMap((f) => f.recommendations);
	const [frameworks] = of('frameworks');
	if (!frameworks) throw new Error('The template library lacks its frameworks file');

	const objectives: ObjectiveEntry[] = [
		...ministries.flatMap((m) =>
			m.objectives.map((objective) => ({
				objective,
				ministries: [m.id],
				source: { kind: 'ministry', id: m.id, name: m.name } as Source
			}))
		),
		...regions.flatMap((r) =>
			r.objectives.map((objective) => ({
				objective,
				ministries: r.ministries,
				source: { kind: 'regional', id: r.id, name: r.name } as Source
			}))
		)
	];
	const actions: ActionEntry[] = [
		...objectives.flatMap(({ objective, ministries, source }) =>
			objective.actions.map((action) => ({
				action,
				pillar: objective.pillar,
				objective,
				ministries,
				source
			}))
		),
		...recommendations.map((r) => ({
			action: r.action,
			pillar: r.pillar,
			objective: null,
			ministries: r.ministries,
			source: { kind: 'recommendation', id: r.id, group: r.group, number: r.number } as Source
		}))
	];
	const byId = new Map<string, LibraryObjective | LibraryAction | LibraryIndicator>();
	for (const { objective } of objectives) byId.set(objective.id, objective);
	for (const { action } of actions) {
		byId.set(action.id, action);
		for (const indicator of action.indicators) byId.set(indicator.id, indicator);
	}
	return { ministries, regions, recommendations, frameworks, actions, objectives, byId };
}

export const MINISTRY_ORDER: readonly Ministry[] = [
	'women-gender',
	'foreign-affairs',
	'defence',
	'justice',
	'interior-police',
	'parliament'
];

export interface LibraryFilter {
	query?: string;
	ministry?: Ministry | '';
	pillar?: PillarKey | '';
	resolution?: Resolution | '';
	strategy?: Strategy | '';
}

/** Case- and accent-insensitive, so "seguridad" finds "Seguridad" and "securite" finds "sécurité". */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether every word of the query is in the texts (all of them when the query is empty). */
function matcher(query = ''): (texts: string[]) => boolean {
	const words = fold(query).split(/\s+/).filter(Boolean);
	return (texts) => {
		if (words.length === 0) return true;
		const haystack = fold(texts.join(' '));
		return words.every((w) => haystack.includes(w));
	};
}

/** The library's actions that pass every filter; the query matches the action, its indicators and its objective in the given language. */
export function findActions(
	library: Library,
	filter: LibraryFilter,
	language: keyof LocalText
): ActionEntry[] {
	const matches = matcher(filter.query);
	return library.actions.filter((entry) => {
		if (filter.ministry && !entry.ministries.includes(filter.ministry)) return false;
		if (filter.pillar && entry.pillar !== filter.pillar) return false;
		if (filter.resolution && !entry.action.resolutions.includes(filter.resolution)) return false;
		if (filter.strategy && entry.action.strategy !== filter.strategy) return false;
		return matches([
			entry.action.text[language],
			entry.objective?.title[language] ?? '',
			...entry.action.indicators.map((i) => i.statement[language])
		]);
	});
}

/** The library's objectives that pass the filters (a resolution or strategy filter keeps objectives with at least one such action). */
export function findObjectives(
	library: Library,
	filter: LibraryFilter,
	language: keyof LocalText
): ObjectiveEntry[] {
	const matches = matcher(filter.query);
	return library.objectives.filter(({ objective, ministries }) => {
		if (filter.ministry && !ministries.includes(filter.ministry)) return false;
		if (filter.pillar && objective.pillar !== filter.pillar) return false;
		if (
			filter.resolution &&
			!objective.actions.some((a) => a.resolutions.includes(filter.resolution as Resolution))
		)
			return false;
		if (filter.strategy && !objective.actions.some((a) => a.strategy === filter.strategy))
			return false;
		return matches([
			objective.title[language],
			objective.expectedResults[language],
			...objective.actions.map((a) => a.text[language])
		]);
	});
}
