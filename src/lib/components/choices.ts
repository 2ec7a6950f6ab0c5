import { t } from '../i18n/i18n.svelte.ts';

/** A fixed list of values as select or checkbox choices, labelled from `<area>.<value>`. */
export function choices<T extends string>(area: string, values: readonly T[]) {
	return values.map((value) => ({ value, label: t(`${area}.${value}`) }));
}
