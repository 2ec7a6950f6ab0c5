import { t } from '../i18n/i18n.svelte.ts';
import type { Pillar } from '../plan/schema.ts';

/** A pillar's own name, else its framework name in the interface language. */
export function pillarName(pillar: Pillar): string {
	return pillar.name.trim() || (pillar.key ? t(`options.pillar.${pillar.key}`) : t('common.untitled'));
}

/** The first line of a text, shortened, for headings and lists. */
export function excerpt(text: string, fallback = t('common.untitled')): string {
	const line = text.trim().split('\n')[0];
	if (!line) return fallback;
	return line.length > 90 ? `${line.slice(0, 87)}…` : line;
}
