// XML 1.0 forbids most control characters, U+FFFE, U+FFFF and unpaired surrogates: one of them pasted
// into any field would make the whole Word file unreadable ("source file could not be loaded").
const FORBIDDEN =
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether a text may hold one of them: most texts have no control character and no surrogate at all. */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Drops the characters XML 1.0 forbids from one text. */
export const clean = (text: string) => (SUSPECT.test(text) ? text.replace(FORBIDDEN, '') : text);

/**
 * The document's boundary: a copy of the plan with every text XML-safe (names, currency codes, comment
 * authors, alt texts built from them…), so nothing the user typed can reach the file's XML raw.
 */
export function xmlSafe<T>(value: T): T {
	if (typeof value === 'string') return clean(value) as T;
	if (Array.isArray(value)) return value.map(xmlSafe) as T;
	if (value && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		const source = value as Record<string, unknown>;
		for (const key of Object.keys(source)) copy[key] = xmlSafe(source[key]);
		return copy as T;
	}
	return value;
}
