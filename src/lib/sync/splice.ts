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

/**
 * `now` typed over `was` here, while the text became `current` elsewhere: the splice typed here moved
 * past the one made elsewhere, so that both are kept.
 */
export function mergeText(was: string, now: string, current: string): string {
	const local = splice(was, now);
	const remote = splice(was, current);
	const from = mapPosition(local.index, remote);
	const to = Math.max(from, mapPosition(local.index + local.remove, remote));
	return current.slice(0, from) + local.insert + current.slice(to);
}
