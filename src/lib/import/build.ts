// A document and its mapping (guess.ts) as a new plan: pillars from the headings mapped as pillars,
// objectives and actions from the results matrix (or, without one, from the headings), indicators,
// institutions matched by name or acronym and never duplicated, years and amounts read as the
// document's language writes them (i18n/numbers.ts), narrative chapters into their fields. What cannot
// be read is kept as text in the action it belongs to and listed. The plan is validated by planSchema.
// Pure.
import { MATRIX_COLUMNS, type MatrixColumn } from '../document/build.ts';
import { currencyTexts, readNumber } from '../i18n/numbers.ts';
import type { Translate } from '../i18n/translate.ts';
import { blank, createPlan, FRAMEWORK_PILLARS } from '../plan/operations.ts';
import {
	FUNDING_SOURCES,
	MAX_ITEMS,
	planSchema,
	type Action,
	type FundingSource,
	type Indicator,
	type Institution,
	type Language,
	type Objective,
	type Pillar,
	type Plan
} from '../plan/schema.ts';
import type { Mapping } from './guess.ts';
import {
	bodyRows,
	columnHeaders,
	ImportError,
	tablesOf,
	type CellLines,
	type DocStructure,
	type HeadingBlock
} from './structure.ts';
import {
	documentStrings,
	NARRATIVE_PLACES,
	normal,
	pillarKeyOf,
	splitLead,
	type NarrativeField
} from './words.ts';

/** A value the import could not read: kept as text in the plan (`ref`'s description), and listed. */
export interface Unread {
	/** The action's number in the new plan ("1.2.3"). */
	ref: string;
	column: MatrixColumn;
	text: string;
}

export interface BuildResult {
	plan: Plan;
	unread: Unread[];
}

export interface BuildOptions {
	/** The file's name, recorded in the new plan. */
	fileName: string;
	now?: Date;
}

const MAX_SHORT = 500;
const MAX_LONG = 50_000;
const EMPTY = new Set(['', '-', '–', '—', '…', 'n/a', 'n/d', 's/o']);

export function buildPlan(
	structure: DocStructure,
	mapping: Mapping,
	options: BuildOptions
): BuildResult {
	return new PlanBuilder(structure, mapping, options).build();
}

class PlanBuilder {
	readonly structure: DocStructure;
	readonly mapping: Mapping;
	readonly options: BuildOptions;
	readonly language: Language;
	readonly t: Translate;
	readonly plan: Plan;
	readonly unread: Unread[] = [];
	readonly #institutions = new Map<string, Institution>();
	readonly #missing: string;
	readonly #currencies = new Map<string, number>();
	readonly #pending: { action: Action; column: MatrixColumn; text: string }[] = [];

	constructor(structure: DocStructure, mapping: Mapping, options: BuildOptions) {
		this.structure = structure;
		this.mapping = mapping;
		this.options = options;
		this.language = mapping.language;
		this.t = documentStrings(mapping.language);
		this.plan = createPlan({ language: mapping.language, now: options.now });
		this.#missing = normal(this.t('export.toBeCompleted'));
	}

	build(): BuildResult {
		this.institutionsTable();
		const pillars = this.pillarsFromHeadings();
		if (this.mapping.matrix !== null) this.fromMatrix(pillars);
		else this.fromHeadings(pillars);
		this.plan.pillars = pillars
			.map((p) => p.pillar)
			.filter((p) => p.objectives.length || p.key || p.name);
		this.narrative();
		this.previous();
		const keys = this.plan.pillars.map((p) => p.key);
		this.plan.framework = keys.every(
			(k) => (k && FRAMEWORK_PILLARS.pillars.includes(k)) || k === 'coordination-accountability'
		)
			? 'pillars'
			: keys.every((k) => k && FRAMEWORK_PILLARS['system-wide'].includes(k))
				? 'system-wide'
				: 'custom';
		const currency = [...this.#currencies].sort((a, b) => b[1] - a[1])[0]?.[0];
		if (currency) this.plan.budget.currency = currency;
		this.plan.overview.country = this.mapping.country.slice(0, MAX_SHORT);
		const refs = new Map<Action, string>();
		this.plan.pillars.forEach((p, i) =>
			p.objectives.forEach((o, j) =>
				o.actions.forEach((a, k) => refs.set(a, `${i + 1}.${j + 1}.${k + 1}`))
			)
		);
		for (const { action, column, text } of this.#pending)
			this.unread.push({ ref: refs.get(action) ?? '', column, text });
		const checked = planSchema.safeParse(this.plan);
		if (!checked.success) throw new ImportError('notAPlan');
		return { plan: checked.data, unread: this.unread };
	}

	// Texts ------------------------------------------------------------------------------------

	/** A cell's text, '' for a dash or "to be completed". */
	text(lines: CellLines | undefined): string {
		const text = (lines ?? []).join('\n').trim();
		if (text.length <= 3) return EMPTY.has(text.toLowerCase()) ? '' : text;
		return text.length < 80 && normal(text) === this.#missing ? '' : text;
	}

	short(text: string): string {
		return text.replace(/\s*\n\s*/g, ' ').slice(0, MAX_SHORT);
	}

	// Institutions -----------------------------------------------------------------------------

	/** The institution a name (or an acronym, or "Name (ACRONYM)") stands for; added once. */
	institution(text: string): string {
		const clean = text.trim();
		if (!clean) return '';
		const paired = /^(.+?)\s*\(([^()]{1,40})\)$/.exec(clean);
		const name = paired ? paired[1] : clean;
		const acronym = paired ? paired[2].trim() : '';
		const found =
			this.#institutions.get(normal(name)) ??
			(acronym ? this.#institutions.get(normal(acronym)) : undefined);
		if (found) {
			if (acronym && !found.acronym) found.acronym = acronym.slice(0, 40);
			return found.id;
		}
		if (this.plan.institutions.length >= MAX_ITEMS) return '';
		const institution = blank.institution();
		institution.name = name.slice(0, MAX_SHORT);
		institution.acronym = acronym.slice(0, 40);
		this.plan.institutions.push(institution);
		this.#index(institution);
		return institution.id;
	}

	#index(institution: Institution): void {
		this.#institutions.set(normal(institution.name), institution);
		if (institution.acronym) this.#institutions.set(normal(institution.acronym), institution);
	}

	/** The institutions of a table of them (the export's acronyms annex): names with their acronyms. */
	institutionsTable(): void {
		const { table: index, name, acronym } = this.mapping.institutions;
		const table = tablesOf(this.structure).find((t) => t.index === index);
		if (!table) return;
		for (const row of bodyRows(table)) {
			const n = this.text(row[name]);
			if (!n) continue;
			const id = this.institution(n);
			const a = acronym >= 0 ? this.text(row[acronym]) : '';
			const institution = this.plan.institutions.find((i) => i.id === id);
			if (institution && a && !institution.acronym) {
				institution.acronym = a.slice(0, 40);
				this.#index(institution);
			}
		}
	}

	// Structure --------------------------------------------------------------------------------

	pillarsFromHeadings(): ImportedPillar[] {
		const pillars: ImportedPillar[] = [];
		const blocks = this.structure.blocks;
		let current: ImportedPillar | null = null;
		blocks.forEach((block, at) => {
			if (block.kind !== 'heading') return;
			const role = this.mapping.headings[block.index];
			if (role === 'pillar') {
				const { ref, rest } = splitLead(block.text);
				const name = rest || block.text;
				const key = pillarKeyOf(name);
				const pillar = blank.pillar(key ?? '');
				if (!key) pillar.name = name.slice(0, MAX_SHORT);
				pillar.description = this.textBelow(at).slice(0, MAX_LONG);
				current = { pillar, ref: ref || String(pillars.length + 1), objectives: [] };
				pillars.push(current);
			} else if (role === 'objective') {
				const { ref, rest } = splitLead(block.text);
				if (!current) {
					current = { pillar: blank.pillar(), ref: '', objectives: [] };
					pillars.push(current);
				}
				current.objectives.push({
					heading: block,
					at,
					ref,
					title: rest || this.firstParagraphBelow(at),
					key: normal(rest || this.firstParagraphBelow(at))
				});
			}
		});
		return pillars;
	}

	/** The paragraphs after the block at `at` until the next heading, one per line. */
	textBelow(at: number): string {
		const lines: string[] = [];
		for (let i = at + 1; i < this.structure.blocks.length; i++) {
			const block = this.structure.blocks[i];
			if (block.kind === 'heading') break;
			if (block.kind === 'paragraph' && normal(block.text) !== this.#missing)
				lines.push(block.text);
		}
		return lines.join('\n\n');
	}

	firstParagraphBelow(at: number): string {
		const next = this.structure.blocks[at + 1];
		return next?.kind === 'paragraph' ? next.text : '';
	}

	/** The pillar an objective goes under: the one whose heading it follows, else its number's, else the last. */
	pillarFor(pillars: ImportedPillar[], ref: string, title: string): ImportedPillar {
		const text = normal(title);
		for (const p of pillars)
			for (const o of p.objectives)
				if ((ref && o.ref === ref) || (text && o.key === text)) return p;
		const first = ref.split('.')[0];
		const byRef = ref.includes('.') ? pillars.find((p) => p.ref === first) : undefined;
		if (byRef) return byRef;
		if (!pillars.length) pillars.push({ pillar: blank.pillar(), ref: '1', objectives: [] });
		return pillars.at(-1)!;
	}

	fromMatrix(pillars: ImportedPillar[]): void {
		const table = tablesOf(this.structure).find((t) => t.index === this.mapping.matrix);
		if (!table) return;
		const headers = columnHeaders(table);
		const column = (role: MatrixColumn) => this.mapping.columns.indexOf(role);
		const at: Record<MatrixColumn, number> = Object.fromEntries(
			MATRIX_COLUMNS.map((r) => [r, column(r)])
		) as Record<MatrixColumn, number>;
		const cell = (row: CellLines[], role: MatrixColumn): CellLines =>
			at[role] >= 0 ? (row[at[role]] ?? []) : [];
		const objectives = new Map<string, Objective>();
		let objective: Objective | null = null;
		let action: Action | null = null;
		let actionKey = '';
		const hasPillarHeadings = pillars.length > 0;
		let groupPillar: ImportedPillar | null = null;

		for (const row of bodyRows(table)) {
			const filled = row.map((c) => this.text(c));
			if (filled.every((c) => !c)) continue;
			// A row with one text across it ("Pillar 2: Protection"): a pillar, when no heading gives them.
			if (
				!hasPillarHeadings &&
				new Set(filled.filter(Boolean)).size === 1 &&
				filled.filter(Boolean).length >= 1 &&
				!filled[at.action] &&
				!filled[at.indicator]
			) {
				const { ref, rest } = splitLead(filled.find(Boolean)!);
				const name = rest || filled.find(Boolean)!;
				const key = pillarKeyOf(name);
				const pillar = blank.pillar(key ?? '');
				if (!key) pillar.name = name.slice(0, MAX_SHORT);
				groupPillar = { pillar, ref: ref || String(pillars.length + 1), objectives: [] };
				pillars.push(groupPillar);
				objective = null;
				action = null;
				continue;
			}
			const objectiveText = this.text(cell(row, 'objective'));
			if (objectiveText || !objective) {
				const { ref, rest } = splitLead(objectiveText);
				const title = rest || objectiveText;
				const key = normal(objectiveText);
				const known = objectives.get(key);
				if (known) objective = known;
				else {
					objective = blank.objective();
					objective.title = title.slice(0, MAX_LONG);
					const pillar = groupPillar ?? this.pillarFor(pillars, ref, title);
					const wanted = normal(title);
					const heading = pillar.objectives.find((o) => (ref && o.ref === ref) || o.key === wanted);
					if (heading)
						objective.expectedResults = this.expectedResults(heading.at).slice(0, MAX_LONG);
					if (pillar.pillar.objectives.length < MAX_ITEMS) pillar.pillar.objectives.push(objective);
					objectives.set(key, objective);
				}
				if (objectiveText) action = null;
			}
			const actionText = this.text(cell(row, 'action'));
			if (actionText && normal(actionText) !== actionKey) {
				action = blank.action();
				actionKey = normal(actionText);
				const { rest } = splitLead(actionText);
				action.description = (rest || actionText).slice(0, MAX_LONG);
				if (objective.actions.length < MAX_ITEMS) objective.actions.push(action);
				this.actionValues(action, row, at, headers, objective);
			} else if (!action) {
				if (!filled[at.indicator]) continue;
				action = blank.action();
				actionKey = '';
				objective.actions.push(action);
				this.actionValues(action, row, at, headers, objective);
			}
			this.indicators(action, row, at);
		}
	}

	/** The text under an objective's heading after its "Expected results" label. */
	expectedResults(at: number): string {
		const label = normal(this.t('fields.objective.expectedResults'));
		const text = this.textBelow(at).split('\n\n');
		const from = text.findIndex((line) => normal(line) === label);
		return from >= 0 ? text.slice(from + 1).join('\n\n') : '';
	}

	/** What cannot be read: kept at the end of the action's description, under its column's header, and listed. */
	keep(
		action: Action,
		objective: Objective,
		column: MatrixColumn,
		header: string,
		text: string
	): void {
		const line = `${header}${this.t('export.colon')}${text}`;
		action.description = `${action.description}${action.description ? '\n' : ''}${line}`.slice(
			0,
			MAX_LONG
		);
		void objective;
		this.#pending.push({ action, column, text });
	}

	actionValues(
		action: Action,
		row: CellLines[],
		at: Record<MatrixColumn, number>,
		headers: string[],
		objective: Objective
	): void {
		const get = (role: MatrixColumn) => (at[role] >= 0 ? this.text(row[at[role]]) : '');
		const header = (role: MatrixColumn) => headers[at[role]] ?? role;
		const names = (text: string) =>
			text
				.split(/\s*[;\n]\s*/)
				.map((s) => s.trim())
				.filter(Boolean);
		const responsible = names(get('responsible'));
		if (responsible.length) action.responsibleId = this.institution(responsible[0]);
		const partners = [...responsible.slice(1), ...names(get('partners'))]
			.map((n) => this.institution(n))
			.filter((id) => id && id !== action.responsibleId);
		action.partnerIds = [...new Set(partners)].slice(0, 500);
		const timeframe = get('timeframe');
		if (timeframe) {
			const years = this.years(timeframe);
			if (years) [action.startYear, action.endYear] = years;
			else this.keep(action, objective, 'timeframe', header('timeframe'), timeframe);
		}
		const budget = get('budget');
		if (budget) {
			const left = this.budget(action, budget);
			if (left) this.keep(action, objective, 'budget', header('budget'), budget);
		}
	}

	/** "2027–2031", "2027 - 2031", "…–2031", "2027": the first and last years, or null when not read. */
	years(text: string): [number | null, number | null] | null {
		const parts = text.split(/\s*[–—\-/]\s*|\s+(?:to|à|au|a|al|hasta)\s+/i).map((p) => p.trim());
		if (parts.length > 2) return null;
		const read = (part: string): number | null | undefined => {
			if (EMPTY.has(part) || part === '...') return null;
			const r = readNumber(part, this.language, { min: 1900, max: 2200, integer: true });
			return r.status === 'number' ? r.value : undefined;
		};
		const values = parts.map(read);
		if (values.some((v) => v === undefined)) return null;
		const [start, end = start] = values as (number | null)[];
		if (start !== null && end !== null && end < start) return null;
		return [start, end];
	}

	/** Reads "450 000 $US, Budget national, acquis" into the budget line; true when some of it is left unread. */
	budget(action: Action, text: string): boolean {
		const [amountText, ...rest] = text.split(/,\s+|\n/);
		const amount = this.money(amountText);
		if (!amount) return true;
		action.budget.amount = amount.value;
		action.budget.currency = amount.currency;
		if (amount.currency)
			this.#currencies.set(amount.currency, (this.#currencies.get(amount.currency) ?? 0) + 1);
		let unread = false;
		for (const part of rest) {
			const p = normal(part);
			const source = FUNDING_SOURCES.find(
				(s) => normal(this.t(`options.fundingSource.${s}`)) === p
			);
			if (source) action.budget.source = source as FundingSource;
			else if (p === normal(this.t('export.labels.secured'))) action.budget.secured = true;
			else if (p === normal(this.t('export.labels.notSecured'))) action.budget.secured = false;
			else unread = true;
		}
		return unread;
	}

	/** An amount as the language writes it, with its currency's code, symbol or none. */
	money(text: string): { value: number; currency: string } | null {
		const bounds = { min: 0, max: 1e15 };
		const symbol = text.replace(/[\d\s.,\u00a0\u202f\u2009\-\u2212]/g, '');
		const currency = symbol ? currencyOf(symbol, this.language) : '';
		if (symbol && !currency) return null;
		// The number without its currency, however the symbol is spaced ("FCFA", "F CFA").
		const number = symbol ? text.replace(/[^\d\s.,\u00a0\u202f\u2009\-\u2212]/g, '') : text;
		const read = readNumber(number, this.language, bounds);
		return read.status === 'number' ? { value: read.value, currency } : null;
	}

	indicators(action: Action, row: CellLines[], at: Record<MatrixColumn, number>): void {
		const entries = (role: MatrixColumn): string[] => {
			const lines = at[role] >= 0 ? (row[at[role]] ?? []).map((l) => l.trim()).filter(Boolean) : [];
			if (lines.length > 1 && lines.every((l, i) => l.startsWith(`${i + 1}. `)))
				return lines.map((l, i) => l.slice(`${i + 1}. `.length));
			return lines.length ? [lines.join(' ')] : [];
		};
		const statements = entries('indicator');
		const baselines = entries('baseline');
		const targets = entries('target');
		const means = entries('verification');
		const count = Math.max(statements.length, baselines.length, targets.length, means.length);
		for (let i = 0; i < count && action.indicators.length < MAX_ITEMS; i++) {
			const indicator: Indicator = blank.indicator();
			indicator.statement = this.text([statements[i] ?? '']).slice(0, MAX_LONG);
			[indicator.baselineValue, indicator.baselineYear] = this.valueYear(baselines[i]);
			[indicator.targetValue, indicator.targetYear] = this.valueYear(targets[i]);
			indicator.meansOfVerification = this.short(this.text([means[i] ?? '']));
			action.indicators.push(indicator);
		}
	}

	/** "45 % (2024)": the value and its year; a text without a year in brackets is all value. */
	valueYear(text: string | undefined): [string, number | null] {
		const clean = this.text([text ?? '']);
		const match = /^(.*?)\s*\(([^()]+)\)$/.exec(clean);
		if (match) {
			const year = readNumber(match[2], this.language, { min: 1900, max: 2200, integer: true });
			if (year.status === 'number') return [this.short(this.text([match[1]])), year.value];
		}
		return [this.short(clean), null];
	}

	/** Without a results matrix: objectives and actions from the headings, each action's text below it. */
	fromHeadings(pillars: ImportedPillar[]): void {
		const blocks = this.structure.blocks;
		for (const p of pillars)
			for (const o of p.objectives) {
				const objective = blank.objective();
				objective.title = o.title.slice(0, MAX_LONG);
				objective.expectedResults = this.expectedResults(o.at).slice(0, MAX_LONG);
				p.pillar.objectives.push(objective);
				const level = o.heading.level;
				for (let i = o.at + 1; i < blocks.length; i++) {
					const block = blocks[i];
					if (block.kind !== 'heading') continue;
					const role = this.mapping.headings[block.index];
					if (block.level <= level || role === 'objective' || role === 'pillar') break;
					if (role !== 'action' || objective.actions.length >= MAX_ITEMS) continue;
					const action = blank.action();
					const { rest } = splitLead(block.text);
					action.description = (rest || this.firstParagraphBelow(i)).slice(0, MAX_LONG);
					objective.actions.push(action);
				}
			}
	}

	// Narrative ---------------------------------------------------------------------------------

	narrative(): void {
		const texts = new Map<NarrativeField, string[]>();
		const blocks = this.structure.blocks;
		blocks.forEach((block, at) => {
			if (block.kind !== 'heading') return;
			const role = this.mapping.headings[block.index];
			if (!(role in NARRATIVE_PLACES)) return;
			const lines: string[] = [];
			for (let i = at + 1; i < blocks.length; i++) {
				const b = blocks[i];
				if (b.kind === 'heading') {
					if (b.level <= block.level || this.mapping.headings[b.index] !== 'ignore') break;
					lines.push(b.text);
				} else if (b.kind === 'paragraph' && normal(b.text) !== this.#missing) lines.push(b.text);
			}
			if (lines.length)
				texts.set(role as NarrativeField, [
					...(texts.get(role as NarrativeField) ?? []),
					lines.join('\n\n')
				]);
		});
		for (const [field, parts] of texts) {
			const place = NARRATIVE_PLACES[field];
			const section = this.plan[place.section] as unknown as Record<string, string>;
			section[place.field] = parts.join('\n\n').slice(0, MAX_LONG);
		}
	}

	/** The previous plan: its title and period open the lessons learned, and this plan is the next generation. */
	previous(): void {
		const { title, start, end, generation } = this.mapping.previous;
		const period = start || end ? `${start ?? '…'}–${end ?? '…'}` : '';
		const line = this.t(period ? 'import.lessons.withPeriod' : 'import.lessons.withoutPeriod', {
			title: title.trim() || this.options.fileName,
			period,
			file: this.options.fileName
		});
		const lessons = this.plan.context.lessonsLearned;
		this.plan.context.lessonsLearned = `${line}${lessons ? `\n\n${lessons}` : ''}`.slice(
			0,
			MAX_LONG
		);
		this.plan.overview.generation = Math.min(20, (generation ?? 1) + 1);
	}
}

interface ImportedPillar {
	pillar: Pillar;
	/** Its number in the document ("2"). */
	ref: string;
	/** The objectives its headings name. */
	objectives: { heading: HeadingBlock; at: number; ref: string; title: string; key: string }[];
}

const COMMON_CURRENCIES = [
	'USD',
	'EUR',
	'GBP',
	'XOF',
	'XAF',
	'CHF',
	'CAD',
	'AUD',
	'JPY',
	'NOK',
	'SEK',
	'DKK',
	'KES',
	'NGN',
	'GHS',
	'ZAR',
	'COP',
	'MXN',
	'ARS',
	'CLP',
	'PEN',
	'BRL',
	'INR',
	'PHP',
	'UAH',
	'CDF',
	'HTG',
	'MAD',
	'TND',
	'EGP',
	'JOD',
	'LBP',
	'IQD',
	'AFN',
	'NPR',
	'LKR',
	'BIF',
	'RWF',
	'UGX',
	'TZS',
	'SSP',
	'SDG',
	'LRD',
	'SLL',
	'GNF'
];
const symbols = new Map<string, string>();

/** The currency code a symbol or code stands for in a language ("$US" in French is USD), or ''. */
function currencyOf(symbol: string, language: Language): string {
	if (/^[A-Z]{3}$/.test(symbol)) return symbol;
	const key = `${language}|${symbol}`;
	if (symbols.has(key)) return symbols.get(key)!;
	const all =
		typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
	const clean = (s: string) => s.replace(/[\s\u00a0\u202f]/g, '');
	let found = '';
	for (const code of [...COMMON_CURRENCIES, ...all])
		if (currencyTexts(code, language).some((s) => clean(s) === symbol)) {
			found = code;
			break;
		}
	symbols.set(key, found);
	return found;
}
