// The slides of workshop mode: a plan shown to a room one step or one pillar at a time, in large type.
// Nothing is cut: a projector holds little text, so what does not fit one slide flows on to the next
// ("Context (continued)"), a long paragraph or entry split between two words, never inside one.
import { formatDate, formatMoney } from '../i18n/format.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Step } from '../plan/completeness.ts';
import { budgetTotals } from '../plan/operations.ts';
import type { Language, Objective, Pillar, Plan } from '../plan/schema.ts';
import { pillarName } from '../plan/text.ts';
import { numbers } from '../plan/walk.ts';
import { guidanceFor } from '../templates/guidance.ts';
import { PLAN_TEXTS, paragraphs, type PlanTextName } from './texts.ts';

/**
 * How much text a slide holds, estimated from the slides' type size (PresentView.svelte), which grows
 * with the screen's width: about 50 characters a line and 12 lines under the title on a 1280 × 800
 * screen, a little more on a 1920 × 1080 projector.
 */
export const LIMITS = {
	/** Characters a line of slide text holds. */
	lineChars: 50,
	/** Characters a line of a section heading holds (larger, bold). */
	headingChars: 42,
	/** Lines of a slide's body: facts, section headings (with the space above them), paragraphs and list entries. */
	slideLines: 12,
	/** The fewest lines of a paragraph or entry left at the foot of a slide; less, and it starts the next. */
	minPiece: 2
} as const;

/** One paragraph or list entry of a slide, or the part of it that fits there. */
export interface Entry {
	/** Unique in its section on a slide: the entry's index in its list. */
	key: string;
	text: string;
	/** The entry goes on on the next slide (its first part is shown here). */
	continues?: true;
}

export interface Section {
	/** Unique on the slide; an objective's id on a pillar slide. */
	id: string;
	heading: string;
	/** 'text': paragraphs; 'list': a list of entries. */
	kind: 'text' | 'list';
	entries: Entry[];
	/** Shown when there are no entries. */
	empty: string;
	/** The section began on an earlier slide (its heading says so). */
	continued?: true;
	/** What a continued slide calls the section, when its heading is long ("Objective 1.1"). */
	shortName?: string;
}

export interface SlideGuidance {
	why: string;
	good: string;
	pitfalls: string[];
}

export interface Slide {
	/** Stable across edits: 'title', a step name (`<step>:<part>` for the slides it continues on), or `pillar:<id>:<part>`. */
	id: string;
	kind: 'title' | 'step' | 'pillar';
	/** The wizard step the slide's content is edited in. */
	step: Step;
	heading: string;
	/** Short lines under the heading: country and period, counts, key facts. */
	facts: string[];
	sections: Section[];
	guidance: SlideGuidance;
	/** The pillar shown ('' on other slides). */
	pillarId: string;
	/** The slide continues the one before it (its heading says so). */
	continued?: true;
}

/** The lines a text takes on a slide (at least one). */
export const linesOf = (text: string) => Math.max(1, Math.ceil(text.length / LIMITS.lineChars));

/** The lines a section heading takes, with the half line of space above it. */
export const headingLinesOf = (heading: string) =>
	Math.max(1, Math.ceil(heading.length / LIMITS.headingChars)) + 0.5;

/**
 * Splits a text where it last has a space within `chars` characters: the first part and the rest,
 * which read as the text again when joined by a space. A text with no such space is not split.
 */
export function splitAtWord(text: string, chars: number): [string, string] {
	const room = text.slice(0, chars + 1);
	const space = room.search(/\s\S*$/u);
	if (space <= 0) return [text, ''];
	return [text.slice(0, space).trimEnd(), text.slice(space).trimStart()];
}

/** A text as one line of a slide: its lines joined, its spaces single. */
const oneLine = (text: string) => text.replace(/\s+/gu, ' ').trim();

/**
 * Lays sections out over as many slides as they need, in order: a section that does not fit goes on on
 * the next slide under its heading marked continued, a long entry split between two words there.
 * `firstLines` is what the first slide already holds (its facts).
 */
export function flow(sections: readonly Section[], firstLines: number, t: Translate): Section[][] {
	const parts: Section[][] = [[]];
	let used = firstLines;
	const room = () => LIMITS.slideLines - used;
	const newPart = () => {
		parts.push([]);
		used = 0;
	};
	const open = (section: Section, continued: boolean): Section => {
		// A long objective title is not said again on each slide it goes on to: its number is.
		const heading = continued
			? t('workshop.continued', { heading: section.shortName ?? section.heading })
			: section.heading;
		const shown: Section = {
			...section,
			heading,
			entries: [],
			...(continued ? { continued: true as const } : {})
		};
		parts[parts.length - 1].push(shown);
		used += headingLinesOf(heading);
		return shown;
	};
	for (const section of sections) {
		const first = section.entries[0]?.text ?? section.empty;
		// A heading never ends a slide on its own: it starts the next one with its first lines.
		if (
			parts[parts.length - 1].length > 0 &&
			room() < headingLinesOf(section.heading) + Math.min(linesOf(first), LIMITS.minPiece)
		)
			newPart();
		let shown = open(section, false);
		if (section.entries.length === 0) used += linesOf(section.empty);
		for (const entry of section.entries) {
			let text = entry.text;
			for (;;) {
				if (linesOf(text) <= room()) {
					shown.entries.push({ key: entry.key, text });
					used += linesOf(text);
					break;
				}
				// A slide holding only this heading takes what it can: it would be no emptier on the next one.
				const fresh = shown.entries.length === 0 && parts[parts.length - 1].length === 1;
				// Both parts keep at least `minPiece` lines: no word or two alone at the top of the next slide.
				const chars =
					Math.min(Math.floor(room()), linesOf(text) - LIMITS.minPiece) * LIMITS.lineChars;
				if (chars >= LIMITS.minPiece * LIMITS.lineChars || fresh) {
					const [piece, rest] = splitAtWord(text, Math.max(chars, LIMITS.lineChars));
					if (piece && rest) {
						shown.entries.push({ key: entry.key, text: piece, continues: true });
						newPart();
						shown = open(section, true);
						text = rest;
						continue;
					}
					if (fresh) {
						// One word longer than a slide: shown whole (the slide wraps it), never cut.
						shown.entries.push({ key: entry.key, text });
						used += linesOf(text);
						break;
					}
				}
				const alone = shown.entries.length === 0;
				if (alone) parts[parts.length - 1].pop(); // its heading goes with it
				newPart();
				shown = open(section, !alone);
			}
		}
	}
	return parts;
}

/** A list's entries, whole: `flow` splits what is long. */
const entries = (texts: readonly string[]): Entry[] =>
	texts.map((text, i) => ({ key: String(i), text }));

function guidance(step: Step, language: Language): SlideGuidance {
	const g = guidanceFor(step);
	return {
		why: g.why[language],
		good: g.good[language],
		pitfalls: g.pitfalls.map((p) => p[language])
	};
}

interface Context {
	plan: Plan;
	language: Language;
	t: Translate;
	/** Each objective's and action's number (walk.ts). */
	refs: Map<string, string>;
}

const fact = (t: Translate, label: string, value: string) => t('workshop.fact', { label, value });

function textSection({ plan, t }: Context, name: PlanTextName): Section {
	const text = PLAN_TEXTS[name];
	return {
		id: name,
		heading: t(text.label),
		kind: 'text',
		entries: entries(paragraphs(text.read(plan))),
		empty: t('workshop.emptyText')
	};
}

function listSection(id: string, heading: string, lines: string[], empty: string): Section {
	return { id, heading, kind: 'list', entries: entries(lines.map(oneLine)), empty };
}

function institutionName(plan: Plan, id: string): string {
	const institution = plan.institutions.find((i) => i.id === id);
	if (!institution) return '';
	return institution.name.trim() || institution.acronym;
}

function period(plan: Plan): string {
	const { periodStart: start, periodEnd: end } = plan.overview;
	if (start === null && end === null) return '';
	return `${start ?? '…'}–${end ?? '…'}`;
}

function titleSlide(c: Context): Slide {
	const { plan, t } = c;
	const o = plan.overview;
	const facts = [
		o.country.trim() && fact(t, t('fields.overview.country'), o.country.trim()),
		period(plan) && fact(t, t('workshop.period'), period(plan)),
		institutionName(plan, o.leadInstitutionId) &&
			fact(t, t('fields.overview.leadInstitutionId'), institutionName(plan, o.leadInstitutionId))
	].filter(Boolean);
	return {
		id: 'title',
		kind: 'title',
		step: 'overview',
		heading: o.title.trim() || t('common.untitled'),
		facts,
		sections: [],
		guidance: guidance('overview', c.language),
		pillarId: ''
	};
}

/** A group of slides: the first with the heading and the facts, then as many as its sections flow on to. */
function slidesOf(
	c: Context,
	first: Omit<Slide, 'sections' | 'guidance'>,
	sections: Section[]
): Slide[] {
	const facts = first.facts.filter(Boolean);
	const lines = facts.reduce((n, f) => n + linesOf(f), 0);
	const guidanceOf = guidance(first.step, c.language);
	return flow(sections, lines, c.t).map((part, i) =>
		i === 0
			? { ...first, facts, sections: part, guidance: guidanceOf }
			: {
					...first,
					id:
						first.kind === 'pillar' ? first.id.replace(/:1$/, `:${i + 1}`) : `${first.id}:${i + 1}`,
					heading: c.t('workshop.continued', { heading: first.heading }),
					facts: [],
					sections: part,
					guidance: guidanceOf,
					continued: true
				}
	);
}

function stepSlide(c: Context, step: Step, facts: string[], sections: Section[]): Slide[] {
	return slidesOf(
		c,
		{ id: step, kind: 'step', step, heading: c.t(`workshop.heading.${step}`), facts, pillarId: '' },
		sections
	);
}

function overviewSlide(c: Context): Slide[] {
	return stepSlide(c, 'overview', [], [textSection(c, 'vision'), textSection(c, 'goal')]);
}

function contextSlide(c: Context): Slide[] {
	const { plan, t } = c;
	const figures = plan.context.baselineFigures.map((f) => {
		const value = [f.value.trim(), f.year === null ? '' : `(${f.year})`].filter(Boolean).join(' ');
		return value
			? fact(t, f.figure.trim() || t('common.untitled'), value)
			: f.figure.trim() || t('common.untitled');
	});
	return stepSlide(
		c,
		'context',
		[],
		[
			textSection(c, 'situationAnalysis'),
			listSection(
				'baselineFigures',
				t('fields.baselineFigures.title'),
				figures,
				t('workshop.emptyList')
			)
		]
	);
}

function consultationSlide(c: Context): Slide[] {
	const { plan, t } = c;
	const events = plan.consultation.events;
	let women = 0;
	let total = 0;
	for (const group of events.flatMap((e) => e.participants)) {
		women += group.women ?? 0;
		total += (group.women ?? 0) + (group.men ?? 0);
	}
	const lines = events.map((e) =>
		[e.title.trim() || t('common.untitled'), e.place.trim()].filter(Boolean).join(', ')
	);
	return stepSlide(
		c,
		'consultation',
		[total > 0 ? t('workshop.participants', { total, women }) : ''],
		[
			textSection(c, 'consultationSummary'),
			listSection('events', t('fields.events.title'), lines, t('workshop.emptyList'))
		]
	);
}

function coordinationSlide(c: Context): Slide[] {
	const { plan, t, language } = c;
	const m = plan.monitoring;
	const bodies = plan.coordination.bodies.map((b) => {
		const name = b.name.trim() || t('common.untitled');
		return b.level ? `${name} (${t(`options.level.${b.level}`)})` : name;
	});
	const facts = [
		m.reportingCycle &&
			fact(t, t('fields.monitoring.reportingCycle'), t(`options.frequency.${m.reportingCycle}`)),
		m.reportsToParliament ? t('fields.monitoring.reportsToParliament') : '',
		m.finalEvaluation &&
			fact(t, t('fields.monitoring.finalEvaluation'), formatDate(m.finalEvaluation, language))
	];
	return stepSlide(c, 'coordination', facts, [
		textSection(c, 'coordinationDescription'),
		listSection('bodies', t('fields.bodies.title'), bodies, t('workshop.emptyList'))
	]);
}

function budgetSlide(c: Context): Slide[] {
	const { plan, t, language } = c;
	const facts = budgetTotals(plan).map((row) =>
		t('workshop.budgetTotal', {
			total: formatMoney(row.amount, row.currency, language),
			secured: formatMoney(row.secured, row.currency, language)
		})
	);
	return stepSlide(c, 'budget', facts, [textSection(c, 'resourceMobilisation')]);
}

/** An objective as a slide section: its title, then its actions, whole. */
function objectiveSection(c: Context, objective: Objective): Section {
	const { t, refs } = c;
	const ref = refs.get(objective.id) ?? '';
	const actions = objective.actions.map(
		(a) => `${refs.get(a.id) ?? ''} ${a.description.trim() || t('common.untitled')}`
	);
	return {
		id: objective.id,
		heading: oneLine(`${ref} ${objective.title.trim() || t('common.untitled')}`),
		shortName: t('workshop.objectiveRef', { ref }),
		kind: 'list',
		entries: entries(actions.map(oneLine)),
		empty: t('fields.objective.noActions')
	};
}

function pillarSlides(c: Context, pillar: Pillar): Slide[] {
	const { t } = c;
	const name = pillarName(pillar, t) || t('common.untitled');
	const sections = pillar.objectives.map((o) => objectiveSection(c, o));
	const actions = pillar.objectives.reduce((n, o) => n + o.actions.length, 0);
	const counts = pillar.objectives.length
		? t('workshop.pillarCounts', {
				objectives: t('workshop.objectives', { count: pillar.objectives.length }),
				actions: t('workshop.actions', { count: actions })
			})
		: t('workshop.noObjectives');
	return slidesOf(
		c,
		{
			id: `pillar:${pillar.id}:1`,
			kind: 'pillar',
			step: 'pillars',
			heading: name,
			facts: [counts],
			pillarId: pillar.id
		},
		sections
	);
}

/** The slides of a plan, in the order of the wizard: title, overview, context, consultation, the pillars, coordination, budget. */
export function buildSlides(plan: Plan, options: { language: Language; t: Translate }): Slide[] {
	const c: Context = { plan, ...options, refs: numbers(plan) };
	return [
		titleSlide(c),
		...overviewSlide(c),
		...contextSlide(c),
		...consultationSlide(c),
		...plan.pillars.flatMap((pillar) => pillarSlides(c, pillar)),
		...coordinationSlide(c),
		...budgetSlide(c)
	];
}

/** Where something is on the slides: a section (an objective, or a text by its name), else a pillar, else a step. */
export interface SlidePlace {
	step: Step;
	pillarId?: string;
	objectiveId?: string;
	/** A text of the plan (`PLAN_TEXTS`), by its name. */
	text?: string;
}

/**
 * The last slide that shows a place: where a proposal added at its end shows (a text, an objective
 * or a pillar can flow over several slides).
 */
export function slideIndexOf(slides: readonly Slide[], place: SlidePlace): number {
	const { objectiveId, pillarId, step, text } = place;
	const section = objectiveId ?? text;
	return section
		? slides.findLastIndex((s) => s.sections.some((shown) => shown.id === section))
		: pillarId
			? slides.findLastIndex((s) => s.pillarId === pillarId)
			: slides.findLastIndex((s) => s.kind === 'step' && s.step === step);
}

/** The slide a `slide=` URL parameter (counted from 1) asks for, within the slides there are. */
export function slideFromParam(param: string | null, count: number): number {
	const n = Number.parseInt(param ?? '', 10);
	if (!Number.isFinite(n)) return 0;
	return Math.min(Math.max(n, 1), Math.max(count, 1)) - 1;
}
