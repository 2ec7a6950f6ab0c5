// The glossary (templates/glossary.json) as data: its schema, and how a text is checked against it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Language } from '../../src/lib/plan/schema.ts';
import { root, type TextUnit } from './texts.ts';

const pattern = z
	.string()
	.min(1)
	.refine((source) => {
		try {
			new RegExp(source, 'iu');
			return true;
		} catch {
			return false;
		}
	}, 'not a valid regular expression');

const rendering = z
	.object({
		term: z.string().min(1),
		match: pattern,
		forbidden: z.array(pattern),
		allowed: z.array(pattern).optional()
	})
	.strict();

export const glossarySchema = z
	.object({
		about: z.string().min(1),
		concepts: z
			.array(
				z
					.object({
						id: z.string().regex(/^[a-z0-9-]+$/),
						note: z.string().optional(),
						aligned: z.boolean().optional(),
						/** Another concept, not to be put in this one's place: a translation names it no more often than its English. */
						distinct: z.object({ en: pattern, fr: pattern, es: pattern }).strict().optional(),
						en: z.object({ term: z.string().min(1), match: pattern }).strict(),
						fr: rendering,
						es: rendering
					})
					.strict()
			)
			.min(1)
	})
	.strict();

export type Glossary = z.output<typeof glossarySchema>;
export type Concept = Glossary['concepts'][number];

export const readGlossary = (): unknown =>
	JSON.parse(readFileSync(join(root, 'templates/glossary.json'), 'utf8'));

/** A pattern matched as whole words: no letter or digit right before or after, any case. */
export const words = (source: string) =>
	new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu');

/** Normalises what the eye reads as a space (no-break and narrow no-break spaces) so phrases match across them. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The forbidden variants a text uses, after the allowed phrases are set aside. */
export function forbiddenIn(
	text: string,
	concept: Concept,
	language: Exclude<Language, 'en'>
): string[] {
	const r = concept[language];
	let cleared = spaces(text);
	for (const allowed of r.allowed ?? [])
		cleared = cleared.replace(words(allowed), (m) => ' '.repeat(m.length));
	return r.forbidden.flatMap((variant) => [...cleared.matchAll(words(variant))].map((m) => m[0]));
}

export const uses = (text: string, source: string) => words(source).test(spaces(text));
export const count = (text: string, source: string) =>
	[...spaces(text).matchAll(words(source))].length;

export interface Finding {
	where: string;
	concept: string;
	found: string;
}

/** Every forbidden variant, and every aligned text whose English says the concept but whose translation does not use the term. */
export function findings(units: TextUnit[], glossary: Glossary): Finding[] {
	const out: Finding[] = [];
	for (const unit of units)
		for (const concept of glossary.concepts)
			for (const language of ['fr', 'es'] as const) {
				const text = unit.text[language];
				if (!text) continue;
				for (const found of forbiddenIn(text, concept, language))
					out.push({ where: unit.where[language], concept: concept.id, found });
				const en = unit.text.en;
				if (
					concept.aligned &&
					en &&
					uses(en, concept.en.match) &&
					!uses(text, concept[language].match)
				)
					out.push({
						where: unit.where[language],
						concept: concept.id,
						found: `English says “${en.match(words(concept.en.match))?.[0]}”; no “${concept[language].term}”`
					});
				if (
					concept.distinct &&
					en &&
					count(text, concept.distinct[language]) > count(en, concept.distinct.en)
				)
					out.push({
						where: unit.where[language],
						concept: concept.id,
						found: `“${text.match(words(concept.distinct[language]))?.[0]}” more often than the English says “${concept.distinct.en}”`
					});
			}
	return out;
}
