// The keys of workshop mode. A key only moves the slides when the user is not typing, and never takes
// Space or Enter from a button or link (they press it), nor a browser shortcut (Ctrl, Alt, Cmd).

export type Command =
	'next' | 'previous' | 'first' | 'last' | 'exit' | 'capture' | 'guidance' | 'fullscreen';

/** What has focus: a place to type, a control that Space and Enter activate, or anything else. */
export type FocusKind = 'typing' | 'control' | 'other';

export interface KeyPress {
	key: string;
	ctrlKey: boolean;
	altKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
}

const KEYS: Record<string, Command> = {
	ArrowRight: 'next',
	PageDown: 'next',
	' ': 'next',
	ArrowLeft: 'previous',
	PageUp: 'previous',
	Home: 'first',
	End: 'last',
	Escape: 'exit',
	p: 'capture',
	g: 'guidance',
	f: 'fullscreen'
};

export function commandFor(press: KeyPress, focus: FocusKind): Command | null {
	if (focus === 'typing' || press.ctrlKey || press.altKey || press.metaKey) return null;
	if (focus === 'control' && (press.key === ' ' || press.key === 'Enter')) return null;
	const command = KEYS[press.key.length === 1 ? press.key.toLowerCase() : press.key] ?? null;
	return command === 'next' && press.key === ' ' && press.shiftKey ? 'previous' : command;
}

const TYPING_INPUTS = new Set([
	'text',
	'search',
	'email',
	'url',
	'tel',
	'number',
	'password',
	'date',
	'month',
	'week',
	'time',
	'datetime-local'
]);

/** Classifies the focused element from its tag, its type and whether it is editable. */
export function focusKindOf(
	element: { tagName: string; type?: string; isContentEditable?: boolean } | null
): FocusKind {
	if (!element) return 'other';
	const tag = element.tagName.toLowerCase();
	if (element.isContentEditable || tag === 'textarea' || tag === 'select') return 'typing';
	if (tag === 'input')
		return TYPING_INPUTS.has((element.type ?? 'text').toLowerCase()) ? 'typing' : 'control';
	return ['button', 'a', 'summary'].includes(tag) ? 'control' : 'other';
}
