// Reviewers' comments as Word comments, anchored on the text they are about. Only open comments go
// to Word, each with its replies as a threaded reply (Word's "Reply"): a resolved comment is settled
// and stays in the app and in the draft file. Comments on a removed item have no text to sit on and
// are left out too.
import {
	CommentRangeEnd,
	CommentRangeStart,
	CommentReference,
	Paragraph,
	TextRun,
	type ICommentOptions,
	type ParagraphChild
} from 'docx';
import { anchorKey, initialsOf, openCommentsByTarget, type Anchor } from '../comments/comments.ts';
import type { Comment, Plan } from '../plan/schema.ts';

/** One Word comment: a reviewer's comment or one of its replies. */
interface Entry {
	author: string;
	createdAt: string;
	text: string;
}

export class WordComments {
	readonly #threads: Map<string, Comment[]>;
	readonly #written: ICommentOptions[] = [];
	readonly #unnamed: string;

	/** `plan`: already XML-safe (buildDocument's boundary); `unnamed`: the author shown for a comment with none. */
	constructor(plan: Plan, unnamed: string) {
		this.#unnamed = unnamed;
		this.#threads = openCommentsByTarget(plan);
	}

	/** Whether a part has comments still to be put around its text. */
	has(anchor: Anchor): boolean {
		return this.#threads.has(anchorKey(anchor));
	}

	/**
	 * Puts the comments on a part around its text, given as the children of the paragraphs it spans:
	 * the ranges open before the first child and close after the last, as Word writes a thread (every
	 * start, the text, every end, then every reference). Each part is anchored once.
	 */
	wrap(anchor: Anchor, paragraphs: ParagraphChild[][]): ParagraphChild[][] {
		const key = anchorKey(anchor);
		const threads = this.#threads.get(key);
		if (!threads || paragraphs.length === 0) return paragraphs;
		this.#threads.delete(key);
		const ids: number[] = [];
		for (const comment of threads) {
			const parentId = this.#add(comment);
			ids.push(parentId);
			for (const reply of comment.replies) ids.push(this.#add(reply, parentId));
		}
		const first = paragraphs[0];
		const last = paragraphs[paragraphs.length - 1];
		const opened = [...ids.map((id) => new CommentRangeStart(id)), ...first];
		const body = paragraphs.length === 1 ? opened : last;
		const closed = [
			...body,
			...ids.map((id) => new CommentRangeEnd(id)),
			...ids.map((id) => new TextRun({ children: [new CommentReference(id)] }))
		];
		return paragraphs.length === 1 ? [closed] : [opened, ...paragraphs.slice(1, -1), closed];
	}

	/** The comments written so far, for the Document's `comments` option. */
	get written(): ICommentOptions[] {
		return this.#written;
	}

	#add(entry: Entry, parentId?: number): number {
		const id = this.#written.length;
		const author = entry.author.trim() || this.#unnamed;
		const lines = entry.text.split(/\r?\n/);
		this.#written.push({
			id,
			author,
			initials: initialsOf(author),
			date: new Date(entry.createdAt),
			children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })),
			...(parentId === undefined ? {} : { parentId })
		});
		return id;
	}
}
