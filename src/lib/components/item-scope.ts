// The item a field belongs to ("Action 1.1.2: Enforce the Rape Amendment Act…"), so that each field's
// accessible name says whose it is: "Amount – Action 1.1.2: …" rather than ten "Amount" boxes. The
// visible label stays first (WCAG 2.5.3); the item's name follows for screen readers only.
import { getContext, setContext } from 'svelte';
import { t } from '../i18n/i18n.svelte.ts';
import * as text from '../plan/text.ts';

const KEY = Symbol('item-scope');

/** Called by the component that renders an item; `name` is read each time, so it follows edits and moves. */
export function setItemScope(name: () => string): void {
	setContext(KEY, name);
}

/** The text a control adds after its visible label, or '' outside any item. */
export function itemSuffix(): () => string {
	const name = getContext<(() => string) | undefined>(KEY);
	return () => (name ? t('common.ofItem', { item: name() }) : '');
}

/** An item's full name: its number, and its own words where it has any ("Institution 3: Ministry of Justice"). */
export function itemName(numbered: string, own: string): string {
	const words = text.excerpt(own, 60);
	return words ? `${numbered}${t('common.colon')}${words}` : numbered;
}
