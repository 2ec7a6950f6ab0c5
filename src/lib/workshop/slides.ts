// The slides of workshop mode: a plan shown to a room one step or one pillar at a time, in large type.
// A projector holds little text, so every list and text is cut to its first entries and its last one
// (the last is where a proposal from the room lands), with a count of what is left out, and a pillar
// with many objectives is split over several slides.
import { formatDate, formatMoney } from '../i18n/format.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Step } from '../plan/completeness.ts';
import { budgetTotals } from '../plan/operations.ts';
import type { Language, Objective, Pillar, Plan } from '../plan/schema.ts';
import { excerpt, pillarName } from '../plan/text.ts';
import { numbers } from '../plan/walk.ts';
import { guidanceFor } from '../templates/guidance.ts';
import { PLAN_TEXTS, paragraphs, type PlanTextName } from './texts.ts';


/** How much a slide shows; the rest is counted. */
export const LIMITS = {
	/** Paragraphs shown of a text. */
	paragraphs: 3,
	/** Characters shown of a paragraph. */
	paragraphChars: 280,
	/** Entries shown of a list (baseline figures, events, coordination bodies). */
	listEntries: 3,
	/** Actions shown under an objective. */
	actions: 4,
	/** Characters shown of an objective's or an action's text. */
	lineChars: 160,
	/** Lines (an objective's title, each action shown, a count) that fit on one pillar slide. */
	pillarLines: 12
} as const;

/** One line of a slide: a paragraph or a list entry, or the count of the entries left out ("… and 3 more"). */
export interface Entry {
	key: string;
	text: string;
	more?: true;
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
}

export interface SlideGuidance {
	why: string;
	good: string;
	pitfalls: string[];
}

export interface Slide {
	/** Stable across edits: 'title', a step name, or `pillar:<id>:<part>`. */
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
}

/** The first entries and the last one, with a count of those left out between them. */
export function digest<T>(items: readonly T[], max: number): { head: T[]; omitted: number; tail: T[] } {
	if (items.length <= max) return { head: [...items], omitted: 0, tail: [] };
	const shown = Math.max(1, max);
	return { head: items.slice(0, shown - 1), omitted: items.length - shown, tail: items.slice(-1) };
}

function entries(texts: readonly string[], max: number, chars: number, t: Translate): Entry[] {
	const { head, omitted, tail } = digest(texts.map((text, i) => ({ key: String(i), text: excerpt(text, chars) })), max);
	const more: Entry[] = omitted > 0 ? [{ key: 'more', text: t('workshop.more', { count: omitted }), more: true }] : [];
	return [...head, ...more, ...tail];
}

function guidance(step: Step, language: Language): SlideGuidance {
	const g = guidanceFor(step);
	return { why: g.why[language], good: g.good[language], pitfalls: g.pitfalls.map((p) => p[language]) };
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
		entries: entries(paragraphs(text.read(plan)), LIMITS.paragraphs, LIMITS.paragraphChars, t),
		empty: t('workshop.emptyText')
	};
}

function listSection(id: string, heading: string, lines: string[], empty: string, t: Translate): Section {
	return { id, heading, kind: 'list', entries: entries(lines, LIMITS.listEntries, LIMITS.lineChars, t), empty };
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
		institutionName(plan, o.leadInstitutionId) && fact(t, t('fields.overview.leadInstitutionId'), institutionName(plan, o.leadInstitutionId))
	].filter(Boolean);
	return { id: 'title', kind: 'title', step: 'overview', heading: o.title.trim() || t('common.untitled'), facts, sections: [], guidance: guidance('overview', c.language), pillarId: '' };
}

function stepSlide(c: Context, step: Step, facts: string[], sections: Section[]): Slide {
	return { id: step, kind: 'step', step, heading: c.t(`workshop.heading.${step}`), facts: facts.filter(Boolean), sections, guidance: guidance(step, c.language), pillarId: '' };
}

function overviewSlide(c: Context): Slide {
	return stepSlide(c, 'overview', [], [textSection(c, 'vision'), textSection(c, 'goal')]);
}

function contextSlide(c: Context): Slide {
	const { plan, t } = c;
	const figures = plan.context.baselineFigures.map((f) => {
		const value = [f.value.trim(), f.year === null ? '' : `(${f.year})`].filter(Boolean).join(' ');
		return value ? fact(t, f.figure.trim() || t('common.untitled'), value) : f.figure.trim() || t('common.untitled');
	});
	return stepSlide(c, 'context', [], [
		textSection(c, 'situationAnalysis'),
		listSection('baselineFigures', t('fields.baselineFigures.title'), figures, t('workshop.emptyList'), t)
	]);
}

function consultationSlide(c: Context): Slide {
	const { plan, t } = c;
	const events = plan.consultation.events;
	let women = 0;
	let total = 0;
	for (const group of events.flatMap((e) => e.participants)) {
		women += group.women ?? 0;
		total += (group.women ?? 0) + (group.men ?? 0);
	}
	const lines = events.map((e) => [e.title.trim() || t('common.untitled'), e.place.trim()].filter(Boolean).join(', '));
	return stepSlide(c, 'consultation', [total > 0 ? t('workshop.participants', { total, women }) : ''], [
		textSection(c, 'consultationSummary'),
		listSection('events', t('fields.events.title'), lines, t('workshop.emptyList'), t)
	]);
}

function coordinationSlide(c: Context): Slide {
	const { plan, t, language } = c;
	const m = plan.monitoring;
	const bodies = plan.coordination.bodies.map((b) => {
		const name = b.name.trim() || t('common.untitled');
		return b.level ? `${name} (${t(`options.level.${b.level}`)})` : name;
	});
	const facts = [
		m.reportingCycle && fact(t, t('fields.monitoring.reportingCycle'), t(`options.frequency.${m.reportingCycle}`)),
		m.reportsToParliament ? t('fields.monitoring.reportsToParliament') : '',
		m.finalEvaluation && fact(t, t('fields.monitoring.finalEvaluation'), formatDate(m.finalEvaluation, language))
	];
	return stepSlide(c, 'coordination', facts, [
		textSection(c, 'coordinationDescription'),
		listSection('bodies', t('fields.bodies.title'), bodies, t('workshop.emptyList'), t)
	]);
}

function budgetSlide(c: Context): Slide {
	const { plan, t, language } = c;
	const facts = budgetTotals(plan).map((row) =>
		t('workshop.budgetTotal', { total: formatMoney(row.amount, row.currency, language), secured: formatMoney(row.secured, row.currency, language) })
	);
	return stepSlide(c, 'budget', facts, [textSection(c, 'resourceMobilisation')]);
}

/** An objective as a slide section: its title, then its actions as short lines. */
function objectiveSection(c: Context, objective: Objective): Section {
	const { t, refs } = c;
	const ref = refs.get(objective.id) ?? '';
	const actions = objective.actions.map((a) => `${refs.get(a.id) ?? ''} ${a.description.trim() || t('common.untitled')}`);
	return {
		id: objective.id,
		heading: excerpt(`${ref} ${objective.title.trim() || t('common.untitled')}`, LIMITS.lineChars),
		kind: 'list',
		entries: entries(actions, LIMITS.actions, LIMITS.lineChars, t),
		empty: t('fields.objective.noActions')
	};
}

/** The lines a section takes on a slide: its heading and its entries (or its empty message). */
const linesOf = (section: Section) => 1 + Math.max(1, section.entries.length);

function pillarSlides(c: Context, pillar: Pillar): Slide[] {
	const { t } = c;
	const name = pillarName(pillar, t) || t('common.untitled');
	const sections = pillar.objectives.map((o) => objectiveSection(c, o));
	// Objectives are packed in order; one that does not fit starts the next slide.
	const parts: Section[][] = [[]];
	let lines = 0;
	for (const section of sections) {
		const cost = linesOf(section);
		if (lines + cost > LIMITS.pillarLines && parts[parts.length - 1].length > 0) {
			parts.push([]);
			lines = 0;
		}
		parts[parts.length - 1].push(section);
		lines += cost;
	}
	const actions = pillar.objectives.reduce((n, o) => n + o.actions.length, 0);
	const counts = pillar.objectives.length
		? t('workshop.pillarCounts', {
				objectives: t('workshop.objectives', { count: pillar.objectives.length }),
				actions: t('workshop.actions', { count: actions })
			})
		: t('workshop.noObjectives');
	return parts.map((part, i) => ({
		id: `pillar:${pillar.id}:${i + 1}`,
		kind: 'pillar',
		step: 'pillars',
		heading: parts.length > 1 ? t('workshop.pillarPart', { pillar: name, part: i + 1, parts: parts.length }) : name,
		facts: [counts],
		sections: part,
		guidance: guidance('pillars', c.language),
		pillarId: pillar.id
	}));
}

/** The slides of a plan, in the order of the wizard: title, overview, context, consultation, the pillars, coordination, budget. */
export function buildSlides(plan: Plan, options: { language: Language; t: Translate }): Slide[] {
	const c: Context = { plan, ...options, refs: numbers(plan) };
	return [
		titleSlide(c),
		overviewSlide(c),
		contextSlide(c),
		consultationSlide(c),
		...plan.pillars.flatMap((pillar) => pillarSlides(c, pillar)),
		coordinationSlide(c),
		budgetSlide(c)
	];
}

/** Where something now shows: the slide with an objective, else a pillar's first slide, else a step's slide. */
export function slideIndexOf(slides: readonly Slide[], place: { step: Step; pillarId?: string; objectiveId?: string }): number {
	const { objectiveId, pillarId, step } = place;
	const index = objectiveId
		? slides.findIndex((s) => s.sections.some((section) => section.id === objectiveId))
		: pillarId
			? slides.findIndex((s) => s.pillarId === pillarId)
			: slides.findIndex((s) => s.kind === 'step' && s.step === step);
	return index;
}

/** The slide a `slide=` URL parameter (counted from 1) asks for, within the slides there are. */
export function slideFromParam(param: string | null, count: number): number {
	const n = Number.parseInt(param ?? '', 10);
	if (!Number.isFinite(n)) return 0;
	return Math.min(Math.max(n, 1), Math.max(count, 1)) - 1;
}
