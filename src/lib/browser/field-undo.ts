// Ctrl+Z in a text field undoes only that field's own typing (text-history.ts). The browser's own
// undo is one history for the whole page: in Chromium, Ctrl+Z in one field erased the text of another
// (or of a field whose item had just been moved or deleted), and that was saved. Outside a text
// field, Ctrl+Z takes back the last delete, as the notice's Undo button does.
import { TextHistory } from './text-history.ts';

type TextControl = HTMLInputElement | HTMLTextAreaElement;

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', '']);
function textControl(target: EventTarget | null): TextControl | null {
	if (target instanceof HTMLTextAreaElement) return target;
	if (target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type)) return target;
	return null;
}

const histories = new WeakMap<TextControl, TextHistory>();

/** The field's history, started afresh when its text was changed by something other than typing. */
function historyOf(control: TextControl): TextHistory {
	let history = histories.get(control);
	if (!history || history.value !== control.value)
		histories.set(control, (history = new TextHistory(control.value)));
	return history;
}

let restoring = false;

function restore(control: TextControl, value: string | null) {
	if (value === null) return;
	restoring = true;
	control.value = value;
	// The components listen to input events: the plan follows the restored text.
	control.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'historyUndo' }));
	restoring = false;
}

/** Starts listening on the document; returns the function that stops. */
export function installFieldUndo(options: { undoLast: () => boolean }): () => void {
	const onfocusin = (event: FocusEvent) => {
		const control = textControl(event.target);
		if (control) historyOf(control);
	};
	const onbeforeinput = (event: InputEvent) => {
		const control = textControl(event.target);
		if (!control) return;
		if (event.inputType === 'historyUndo' || event.inputType === 'historyRedo') {
			// From the browser's menu: never the page-wide history; the focused field's own instead.
			event.preventDefault();
			const focused = textControl(document.activeElement);
			if (focused)
				restore(
					focused,
					event.inputType === 'historyUndo' ? historyOf(focused).undo() : historyOf(focused).redo()
				);
			return;
		}
		historyOf(control);
	};
	const oninput = (event: Event) => {
		const control = textControl(event.target);
		if (!control || restoring) return;
		const kind =
			event instanceof InputEvent && event.inputType.startsWith('delete') ? 'delete' : 'insert';
		// The history was taken on focus or on the last change; a text set from elsewhere starts a new one.
		const history = histories.get(control);
		if (history) history.typed(control.value, kind, event.timeStamp);
		else histories.set(control, new TextHistory(control.value));
	};
	const onkeydown = (event: KeyboardEvent) => {
		if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
		const key = event.key.toLowerCase();
		const undo = key === 'z' && !event.shiftKey;
		const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
		if (!undo && !redo) return;
		const control = textControl(event.target);
		if (control) {
			event.preventDefault();
			restore(control, undo ? historyOf(control).undo() : historyOf(control).redo());
		} else if (
			undo &&
			!(event.target instanceof HTMLElement && event.target.isContentEditable) &&
			options.undoLast()
		) {
			event.preventDefault();
			// The autosave listens for inputs, changes and clicks: a key that took back a delete is one too.
			document.dispatchEvent(new Event('input'));
		}
	};
	document.addEventListener('focusin', onfocusin, true);
	document.addEventListener('beforeinput', onbeforeinput, true);
	document.addEventListener('input', oninput, true);
	document.addEventListener('keydown', onkeydown, true);
	return () => {
		document.removeEventListener('focusin', onfocusin, true);
		document.removeEventListener('beforeinput', onbeforeinput, true);
		document.removeEventListener('input', oninput, true);
		document.removeEventListener('keydown', onkeydown, true);
	};
}
