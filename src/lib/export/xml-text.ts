// XML 1.0 forbids most control characters, U+FFFE, U+FFFF and unpaired surrogates: one of them pasted
// into any field would make the whole Word file unreadable ("source file could not be loaded").
const FORBIDDEN =
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops the characters XML 1.0 forbids from one text. */
export const clean = (text: string) => text.replace(FORBIDDEN, '');

/**
 * The document's boundary: a copy of the plan with every text XML-safe (names, currency codes, comment
 * authors, alt texts built from them…), so nothing the user typed can reach the file's XML raw.
 */
export function xmlSafe<T>(value: T): T {
	if (typeof value === 'string') return clean(value) as T;
	if (Array.isArray(value)) return value.map(xmlSafe) as T;
	if (value && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value)) copy[key] = xmlSafe(inner);
		return copy as T;
	}
	return value;
}
