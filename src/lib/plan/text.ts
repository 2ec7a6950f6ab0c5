// Short forms of the plan's texts, for headings, lists and messages.
import type { Pillar } from './schema.ts';

/** The first line of a text, cut to `max` characters; '' when there is none. */
export function excerpt(text: string, max: number): string {
	const line = text.trim().split('\n')[0].trim();
	return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A pillar's own name, else its framework name (`options.pillar.<key>`) in the given language; '' when it has neither. */
export function pillarName(pillar: Pillar, translate: (key: string) => string): string {
	return pillar.name.trim() || (pillar.key ? translate(`options.pillar.${pillar.key}`) : '');
}

/** A country's own figure still to be written in, as template text marks it: `[[what the figure is]]`. */
export const PLACEHOLDER = /\[\[([^\]]+)\]\]/g;

/** The placeholders left in a text, by what they ask for. */
export function placeholders(text: string): string[] {
	if (!text.includes('[[')) return []; // the checks ask this of every text of the plan, 20,000 at 3,000 actions
	return [...text.matchAll(PLACEHOLDER)].map((m) => m[1].trim());
}
