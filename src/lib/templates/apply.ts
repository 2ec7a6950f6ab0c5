// Copies template library items into a plan. Copies are the plan's own, fully editable; each keeps
// the id of the library item it came from (`templateId`), so the review step can tell template
// wording from the team's, and the same item can be pulled in another language.
import { applyFramework, blank, createPlan, hasRoom } from '../plan/operations.ts';
import {
	MAX_ITEMS,
	type Action,
	type Indicator,
	type Language,
	type Objective,
	type Pillar,
	type PillarKey,
	type Plan
} from '../plan/schema.ts';
import type { ActionEntry, Library, ObjectiveEntry, Source } from './library.ts';
import type { LibraryAction, LibraryIndicator, LibraryObjective, Ministry } from './schema.ts';

interface Defaults {
	responsibleId?: string;
	partnerIds?: string[];
	startYear?: number | null;
	endYear?: number | null;
}

export function indicatorFromLibrary(item: LibraryIndicator, language: Language): Indicator {
	return {
		...blank.indicator(),
		statement: item.statement[language],
		unit: item.unit[language],
		baselineValue: item.baseline[language],
		targetValue: item.target[language],
		meansOfVerification: item.meansOfVerification[language],
		frequency: item.frequency,
		globalIndicator: item.globalIndicator ?? '',
		templateId: item.id
	};
}

export function actionFromLibrary(
	item: LibraryAction,
	language: Language,
	defaults: Defaults = {}
): Action {
	return {
		...blank.action(),
		description: item.text[language],
		strategy: item.strategy,
		responsibleId: defaults.responsibleId ?? '',
		partnerIds: defaults.partnerIds ?? [],
		startYear: defaults.startYear ?? null,
		endYear: defaults.endYear ?? null,
		indicators: item.indicators.map((i) => indicatorFromLibrary(i, language)),
		templateId: item.id
	};
}

export function objectiveFromLibrary(
	item: LibraryObjective,
	language: Language,
	defaults: Defaults = {}
): Objective {
	return {
		...blank.objective(),
		title: item.title[language],
		expectedResults: item.expectedResults[language],
		actions: item.actions.map((a) => actionFromLibrary(a, language, defaults)),
		templateId: item.id
	};
}

/** How a ministry of the library stands to the plan's own institutions. */
export type InstitutionMatch =
	| { status: 'same'; id: string }
	/** Some institutions of the plan may be that ministry: the user says which, or that none is. */
	| { status: 'doubt'; candidates: string[] }
	| { status: 'none' };

/** The user's answer where there was doubt, by ministry: the plan's institution, or 'new' to add the ministry. */
export type InstitutionChoices = Partial<Record<Ministry, string>>;

/** Accents, case and punctuation ignored: "Ministère des Affaires étrangères" is "ministere des affaires etrangeres". */
const fold = (text: string) =>
	text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/** Whether the plan already has a ministry of the library: by template, or by its name in any language;
 * an institution with only the same acronym, or a name that contains the ministry's, leaves a doubt. */
export function matchInstitution(
	plan: Plan,
	library: Library,
	ministry: Ministry
): InstitutionMatch {
	const byTemplate = plan.institutions.find((i) => i.templateId === ministry);
	if (byTemplate) return { status: 'same', id: byTemplate.id };
	const template = library.ministries.find((m) => m.id === ministry)?.institution;
	if (!template) return { status: 'none' };
	const names = new Set(Object.values(template.name).map(fold).filter(Boolean));
	const acronyms = new Set(Object.values(template.acronym).map(fold).filter(Boolean));
	const sameName = plan.institutions.filter((i) => names.has(fold(i.name)));
	if (sameName.length === 1) return { status: 'same', id: sameName[0].id };
	const candidates = plan.institutions.filter((i) => {
		const name = fold(i.name);
		const acronym = fold(i.acronym);
		return (
			names.has(name) ||
			(acronym && acronyms.has(acronym)) ||
			(name && [...names].some((n) => name.includes(n) || n.includes(name)))
		);
	});
	return candidates.length
		? { status: 'doubt', candidates: candidates.map((i) => i.id) }
		: { status: 'none' };
}

/** The plan's institution for a ministry template: the plan's own where it has it (or where the user
 * chose one), else the ministry added in the given language. */
export function institutionFor(
	plan: Plan,
	library: Library,
	ministry: Ministry,
	language: Language,
	choices: InstitutionChoices = {}
): string {
	const chosen = choices[ministry];
	if (chosen && chosen !== 'new' && plan.institutions.some((i) => i.id === chosen)) return chosen;
	const match = matchInstitution(plan, library, ministry);
	if (match.status === 'same') return match.id;
	if (!hasRoom(plan.institutions)) return ''; // a full list: the action is left for the team to assign
	const template = library.ministries.find((m) => m.id === ministry);
	const institution = {
		...blank.institution(),
		name: template?.institution.name[language] ?? '',
		acronym: template?.institution.acronym[language] ?? '',
		kind: ministry === 'parliament' ? ('parliament' as const) : ('ministry' as const),
		templateId: ministry
	};
	plan.institutions.push(institution);
	return institution.id;
}

/** The ministries that copying these entries would make responsible or partner. */
export function ministriesOf(entries: (ActionEntry | ObjectiveEntry)[]): Ministry[] {
	return [...new Set(entries.flatMap((e) => assignable(e.source, e.ministries)))];
}

/** The plan's pillar for a framework key, added at the end when the plan lacks one. */
function pillarFor(plan: Plan, key: PillarKey): Pillar {
	let pillar = plan.pillars.find((p) => p.key === key);
	if (!pillar) plan.pillars.push((pillar = blank.pillar(key)));
	return pillar;
}

/** Responsible: the first ministry concerned; partners: the others the plan already lists. */
function owners(
	plan: Plan,
	library: Library,
	ministries: Ministry[],
	language: Language,
	choices: InstitutionChoices
): Defaults {
	if (ministries.length === 0) return {};
	const responsibleId = institutionFor(plan, library, ministries[0], language, choices);
	const partnerIds = ministries
		.slice(1)
		.map((m) => {
			const chosen = choices[m];
			if (chosen && chosen !== 'new') return chosen;
			const match = matchInstitution(plan, library, m);
			return match.status === 'same' ? match.id : undefined;
		})
		.filter((id): id is string => id !== undefined && id !== responsibleId);
	return {
		responsibleId,
		partnerIds: [...new Set(partnerIds)],
		startYear: plan.overview.periodStart,
		endYear: plan.overview.periodEnd
	};
}

/** A regional priority names no owner: the delegation decides which of its ministries leads it. */
const assignable = (source: Source, ministries: Ministry[]) =>
	source.kind === 'regional' ? [] : ministries;

/** Adds library objectives, with their actions, each to the plan's pillar of the same key. Returns the new objectives. */
export function addObjectives(
	plan: Plan,
	library: Library,
	entries: ObjectiveEntry[],
	language: Language,
	choices: InstitutionChoices = {}
): Objective[] {
	const added: Objective[] = [];
	for (const { objective, ministries, source } of entries) {
		const objectives = pillarFor(plan, objective.pillar).objectives;
		if (!hasRoom(objectives)) continue; // a full list stays as it is: the plan never outgrows its schema
		const copy = objectiveFromLibrary(
			objective,
			language,
			owners(plan, library, assignable(source, ministries), language, choices)
		);
		objectives.push(copy);
		added.push(copy);
	}
	return added;
}

/** Adds library actions to one objective of the plan. Returns the new actions. */
export function addActions(
	plan: Plan,
	library: Library,
	objective: Objective,
	entries: ActionEntry[],
	language: Language,
	choices: InstitutionChoices = {}
): Action[] {
	const room = Math.max(0, MAX_ITEMS - objective.actions.length);
	const added = entries
		.slice(0, room)
		.map((entry) =>
			actionFromLibrary(
				entry.action,
				language,
				owners(plan, library, assignable(entry.source, entry.ministries), language, choices)
			)
		);
	objective.actions.push(...added);
	return added;
}

export interface StartChoice {
	language: Language;
	/** A regional policy dialogue template, or '' for none. */
	regional: string;
	ministries: Ministry[];
}

/** A new plan from a regional template and/or ministry templates (a joint plan of several ministries is the usual case). */
export function planFromTemplates(library: Library, choice: StartChoice): Plan {
	const { language } = choice;
	const plan = createPlan({ language });
	const region = library.regions.find((r) => r.id === choice.regional);
	if (region) {
		plan.overview.region = region.region;
		plan.overview.documentLanguages = [...new Set([language, ...region.documentLanguages])];
		applyFramework(plan, region.framework, { coordination: region.coordination });
	} else if (choice.ministries.length > 0) {
		applyFramework(plan, 'pillars', { coordination: true });
	}
	// The gender ministry usually coordinates: list it first so it becomes the lead.
	const ministries = [...new Set(choice.ministries)].sort(
		(a, b) =>
			library.ministries.findIndex((m) => m.id === a) -
			library.ministries.findIndex((m) => m.id === b)
	);
	for (const ministry of ministries) institutionFor(plan, library, ministry, language);
	if (region)
		addObjectives(
			plan,
			library,
			library.objectives.filter((o) => o.source.id === region.id),
			language
		);
	for (const ministry of ministries)
		addObjectives(
			plan,
			library,
			library.objectives.filter((o) => o.source.kind === 'ministry' && o.source.id === ministry),
			language
		);
	const lead =
		plan.institutions.find((i) => i.templateId === 'women-gender') ?? plan.institutions[0];
	if (lead) plan.overview.leadInstitutionId = lead.id;
	return plan;
}
