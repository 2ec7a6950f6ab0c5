// Short forms of the plan's texts, for headings, lists and messages.
import type { Language, Pillar, Plan } from './schema.ts';

/** The first line of a text, cut to `max` characters; '' when there is none. */
export function excerpt(text: string, max: number): string {
	const line = text.trim().split('\n')[0].trim();
	if (line.length <= max) return line;
	// Cut between words, never inside one ("Mass Acti…"); only a single word longer than half the room is cut.
	const room = line.slice(0, max - 1);
	const space = room.search(/\s\S*$/);
	const cut =
		line[max - 1] === ' ' || line[max - 1] === undefined
			? room
			: space > max / 2
				? room.slice(0, space)
				: room;
	return `${cut.replace(/[\s,;:.–—-]+$/u, '')}…`;
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

/** The language the plan is written in: the one chosen in Getting started, else the first language of the
 * document; undefined when neither is known. */
export function planLanguage(plan: Plan): Language | undefined {
	return plan.overview.language || plan.overview.documentLanguages[0];
}
