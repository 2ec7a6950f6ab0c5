// A colleague's edit arriving in the field being typed in rewrites its value, and a browser puts the
// caret at the end when a script sets a value: it goes back where it was, moved by the text that
// changed before it, so one's own typing carries on where it was.
import { flushSync } from 'svelte';
import { mapPosition, splice } from '../sync/splice.ts';

/** Runs `apply` (which may change what the focused field shows) and keeps the field's caret and selection in place. */
export function keepingCaret(apply: () => void): void {
	const field = document.activeElement;
	if (
		!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) ||
		field.selectionStart === null
	) {
		apply();
		return;
	}
	const before = field.value;
	const [start, end, direction] = [
		field.selectionStart,
		field.selectionEnd ?? field.selectionStart,
		field.selectionDirection ?? 'none'
	];
	apply();
	flushSync(); // the field shows the new value now
	if (field.value === before || document.activeElement !== field) return;
	const change = splice(before, field.value);
	field.setSelectionRange(mapPosition(start, change), mapPosition(end, change), direction);
}
