// A reporting period's name in a language: "2027", "First half of 2027", "Q3 2027" ("3e trimestre
// 2027"), "March 2027" (the month's name from Intl), "2027–2028". The key itself (plan/periods.ts)
// reads the same in every language and is never shown.
//
// Pure: no Svelte, no DOM.
import { formatDate } from '../i18n/format.ts';
import type { Translate } from '../i18n/translate.ts';
import { PERIOD_KEY } from '../plan/periods.ts';
import type { Language } from '../plan/schema.ts';

/** The period a key names, as the language says it; a key that is not one is shown as it is. */
export function periodLabel(key: string, t: Translate, language: Language): string {
	const match = PERIOD_KEY.exec(key);
	if (!match) return key;
	const [, year, half, quarter, month, last] = match;
	if (half) return t(`progress.period.half${half}`, { year });
	if (quarter) return t(`progress.period.quarter${quarter}`, { year });
	if (month) return formatDate(`${year}-${month}`, language);
	if (last) return t('progress.period.years', { first: year, last });
	return year;
}
