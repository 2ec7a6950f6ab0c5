// A reporting period's name as a reader says it, in the language of `t` (the interface's, or a
// document's): "2027", "First half of 2027", "Quarter 3 of 2027", "March 2027", "2027–2028".
//
// Pure: no Svelte, no DOM.
import { formatDate } from '../i18n/format.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Period } from '../plan/periods.ts';
import type { Language } from '../plan/schema.ts';

export function periodName(period: Period, t: Translate, language: Language): string {
	const [year, part] = period.key.split('-');
	if (!part) return t('report.period.year', { year });
	if (part === 'H1' || part === 'H2') return t(`report.period.half${part[1]}`, { year });
	if (part.startsWith('Q')) return t('report.period.quarter', { quarter: part[1], year });
	if (part.length === 2) return formatDate(period.key, language);
	return t('report.period.span', { start: year, end: part });
}
