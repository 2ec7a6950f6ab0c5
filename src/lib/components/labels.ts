import { t } from '../i18n/i18n.svelte.ts';
import type { Pillar } from '../plan/schema.ts';
import * as text from '../plan/text.ts';

/** A pillar's name in the interface language. */
export function pillarName(pillar: Pillar): string {
	return text.pillarName(pillar, t) || t('common.untitled');
}

/** The first line of a text, shortened, for headings and lists. */
export function excerpt(value: string, fallback?: string): string {
	return text.excerpt(value, 90) || (fallback ?? t('common.untitled')); // t() only when needed: lists of 1,000 objectives call this
}
