// The one splice that turns one text into another: what a keystroke, a paste or a cut makes. Pure.

export interface Splice {
	index: number;
	remove: number;
	insert: string;
}

export function splice(was: string, now: string): Splice {
	let start = 0;
	const max = Math.min(was.length, now.length);
	while (start < max && was.charCodeAt(start) === now.charCodeAt(start)) start++;
	let end = 0;
	while (
		end < max - start &&
		was.charCodeAt(was.length - 1 - end) === now.charCodeAt(now.length - 1 - end)
	)
		end++;
	return {
		index: start,
		remove: was.length - start - end,
		insert: now.slice(start, now.length - end)
	};
}

/** Where a position in the old text is in the new one: text changed before it moves it, text after it does not. */
export function mapPosition(position: number, { index, remove, insert }: Splice): number {
	if (position <= index) return position;
	if (position >= index + remove) return position + insert.length - remove;
	return index + insert.length;
}
