// Dates, numbers and amounts, formatted with Intl for the interface (or export) language.
import type { Language } from '../plan/constants.ts';

const locales: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

// Building an Intl formatter costs far more than using one: a long table formats thousands of amounts.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(
	language: Language,
	options: Intl.NumberFormatOptions = {}
): Intl.NumberFormat {
	const key = `${language}|${JSON.stringify(options)}`;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locales[language], options)));
	return format;
}

export function formatNumber(
	value: number,
	language: Language,
	options?: Intl.NumberFormatOptions
): string {
	return numberFormat(language, options).format(value);
}

/** An amount in whole units; `exact` shows every decimal it has (the reading beside an amount field). */
export function formatMoney(
	amount: number,
	currency: string,
	language: Language,
	exact = false
): string {
	const digits: Intl.NumberFormatOptions = exact
		? { minimumFractionDigits: 0, maximumFractionDigits: 20 }
		: { maximumFractionDigits: 0 };
	try {
		return numberFormat(language, { style: 'currency', currency, ...digits }).format(amount);
	} catch {
		// An unknown currency code: show the amount and the code as typed.
		return `${formatNumber(amount, language, digits)} ${currency}`;
	}
}

export function formatPercent(ratio: number, language: Language): string {
	return formatNumber(ratio, language, { style: 'percent', maximumFractionDigits: 0 });
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, kind: 'month' | 'day' | 'time'): Intl.DateTimeFormat {
	const key = `${language}|${kind}`;
	let format = dateFormats.get(key);
	if (!format)
		dateFormats.set(
			key,
			(format = new Intl.DateTimeFormat(
				locales[language],
				kind === 'month'
					? { month: 'long', year: 'numeric', timeZone: 'UTC' }
					: kind === 'day'
						? { dateStyle: 'long', timeZone: 'UTC' }
						: { dateStyle: 'long', timeStyle: 'short' }
			))
		);
	return format;
}

/** A plan date (a year "2008", a month "2008-03", a day "2027-03-12") or a timestamp, as the language writes it. */
export function formatDate(iso: string, language: Language, withTime = false): string {
	if (!iso) return '';
	if (/^\d{4}$/.test(iso)) return iso;
	if (/^\d{4}-\d{2}$/.test(iso)) {
		const month = new Date(`${iso}-01T00:00:00Z`);
		if (Number.isNaN(month.getTime())) return iso;
		return dateFormat(language, 'month').format(month);
	}
	const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
	if (Number.isNaN(date.getTime())) return iso;
	return dateFormat(language, withTime ? 'time' : 'day').format(date);
}
