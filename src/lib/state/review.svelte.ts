// What the review page reads and does: the draft's comments grouped by part, and the comment
// operations, each followed by an autosave and a message read out to screen readers. The plan's
// content is never changed here.
import { getContext, setContext } from 'svelte';
import { t } from '../i18n/i18n.svelte.ts';
import * as comments from '../comments/comments.ts';
import type { Anchor, Commentable } from '../comments/comments.ts';
import { hasRoom } from '../plan/operations.ts';
import { MAX_REPLIES, type Comment, type Reply } from '../plan/schema.ts';
import type { DraftSession } from './draft-session.svelte.ts';
import { notices } from './notices.svelte.ts';
import { reviewer } from './reviewer.svelte.ts';

export type Show = 'open' | 'all';

/** The DOM id of a part's "Comment" button: focus returns there when its thread closes or empties. */
export const commentButtonId = (anchor: Anchor) => `comment-on-${anchor.target}-${anchor.targetId}`;

export class Review {
	readonly session: DraftSession;
	show = $state<Show>('open');
	parts = $derived.by(() => comments.commentables(this.session.plan));
	#partsByKey = $derived.by(
		() => new Map(this.parts.map((part) => [comments.anchorKey(part), part]))
	);
	threads = $derived.by(() => comments.threads(this.session.plan, this.show, this.parts));
	counts = $derived.by(() => comments.commentCounts(this.session.plan, this.parts));

	constructor(session: DraftSession) {
		this.session = session;
	}

	get plan() {
		return this.session.plan;
	}

	part(anchor: Anchor): Commentable | undefined {
		return this.#partsByKey.get(comments.anchorKey(anchor));
	}

	/** "Context", "Objective 1.2"… */
	label(anchor: Anchor): string {
		const part = this.part(anchor);
		return part ? comments.describeTarget(part, t) : t('comments.removed.on');
	}

	threadOn(anchor: Anchor): Comment[] {
		return this.threads.byTarget.get(comments.anchorKey(anchor)) ?? [];
	}

	add(anchor: Anchor, text: string): Comment | undefined {
		const comment = comments.addComment(this.plan, anchor, reviewer.name, text);
		if (comment) this.#changed(t('comments.added', { part: this.label(anchor) }));
		else if (text.trim() && !hasRoom(this.plan.comments)) notices.listFull();
		return comment;
	}

	reply(commentId: string, text: string) {
		const reply = comments.addReply(this.plan, commentId, reviewer.name, text);
		if (reply) this.#changed(t('comments.replied'));
		else if (
			text.trim() &&
			(comments.findComment(this.plan, commentId)?.replies.length ?? 0) >= MAX_REPLIES
		)
			notices.listFull(MAX_REPLIES);
		return reply;
	}

	resolve(commentId: string): void {
		if (comments.resolveComment(this.plan, commentId, reviewer.name))
			this.#changed(t('comments.resolvedDone'));
	}

	reopen(commentId: string): void {
		if (comments.reopenComment(this.plan, commentId)) this.#changed(t('comments.reopened'));
	}

	remove(commentId: string): void {
		const undo = comments.deleteComment(this.plan, commentId, reviewer.name);
		if (undo) this.#changed(t('comments.deleted'), undo);
	}

	removeReply(commentId: string, replyId: string): void {
		const undo = comments.deleteReply(this.plan, commentId, replyId, reviewer.name);
		if (undo) this.#changed(t('comments.replyDeleted'), undo);
	}

	isOwn(entry: Comment | Reply): boolean {
		return comments.isOwn(entry, reviewer.name);
	}

	/** Saves (as the wizard does, after a short delay) and says what happened. */
	#changed(message: string, undo?: () => void): void {
		this.session.edited();
		notices.show(message, {
			undo: undo
				? () => {
						undo();
						this.session.edited();
					}
				: undefined
		});
	}
}

const KEY = Symbol('review');
export const setReview = (review: Review) => setContext(KEY, review);
export const getReview = () => getContext<Review>(KEY);
