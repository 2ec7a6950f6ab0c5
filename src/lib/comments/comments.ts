// Reviewers' comments on a plan: what can be commented on, the threads on each part, and the
// operations on them. Like operations.ts, the operations change the plan they are given in place and
// never touch the DOM or storage. A comment whose part was deleted is kept: it is listed apart as
// "on a removed item", never dropped.
import { hasRoom, newId, removeItem, type Undo } from '../plan/operations.ts';
import {
	MAX_REPLIES,
	type Comment,
	type CommentTarget,
	type Plan,
	type Reply
} from '../plan/schema.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Step } from '../plan/completeness.ts';
import { idOf, walk } from '../plan/walk.ts';

/** The plan sections (wizard steps) a reviewer comments on as a whole, in document order. Actions
 * and indicators are commented on one by one; the review step has no content of its own. */
export const COMMENT_SECTIONS = [
	'overview',
	'context',
	'consultation',
	'pillars',
	'coordination',
	'budget'
] as const satisfies readonly Step[];
export type CommentSection = (typeof COMMENT_SECTIONS)[number];

/** Limits of the schema (schema.ts): longer text would make the saved draft unreadable. */
export const MAX_COMMENT_TEXT = 10_000;
export const MAX_AUTHOR = 200;

/** What a comment is on: a section (by step name) or an item (by id). */
export interface Anchor {
	target: CommentTarget;
	targetId: string;
}

/** A part of the plan a reviewer can comment on. */
export interface Commentable extends Anchor {
	/** The item's number as the plan's chapters number it ("1.2.3"); '' for a section. */
	ref: string;
}

export const anchorKey = (anchor: Anchor): string => `${anchor.target}:${anchor.targetId}`;

export const isOpen = (comment: Comment): boolean => !comment.resolved;

/** Every part of the plan that can carry comments, in the order of the document, numbered by the walk
 * of the plan (walk.ts): pillar "1", objective "1.2", action "1.2.3", indicator "1.2.3.1". */
export function commentables(plan: Plan): Commentable[] {
	const out: Commentable[] = [];
	const section = (step: CommentSection) =>
		out.push({ target: 'section', targetId: step, ref: '' });
	for (const step of ['overview', 'context', 'consultation', 'pillars'] as const) section(step);
	for (const place of walk(plan))
		out.push({ target: place.kind, targetId: idOf(place), ref: place.ref });
	section('coordination');
	section('budget');
	return out;
}

/** How people name a part: a section by its step title ("Context"), an item by its number ("Objective 1.2"). */
export function describeTarget(part: Commentable, translate: Translate): string {
	return part.target === 'section'
		? translate(`wizard.steps.${part.targetId}.title`)
		: translate(`comments.ref.${part.target}`, { ref: part.ref });
}

export interface Threads {
	/** The comments on each part, by anchorKey, oldest first. */
	byTarget: Map<string, Comment[]>;
	/** Comments whose part was deleted from the plan, oldest first. */
	removed: Comment[];
}

/** The plan's comments grouped by the part they are on; `show: 'open'` leaves resolved ones out. */
export function threads(
	plan: Plan,
	show: 'open' | 'all' = 'all',
	parts: Commentable[] = commentables(plan)
): Threads {
	const known = new Set(parts.map(anchorKey));
	const byTarget = new Map<string, Comment[]>();
	const removed: Comment[] = [];
	const shown = plan.comments
		.filter((c) => show === 'all' || isOpen(c))
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
	for (const comment of shown) {
		const key = anchorKey(comment);
		if (!known.has(key)) removed.push(comment);
		else byTarget.set(key, [...(byTarget.get(key) ?? []), comment]);
	}
	return { byTarget, removed };
}

export interface CommentCounts {
	open: number;
	resolved: number;
	/** Of all the comments, those on a part no longer in the plan. */
	removed: number;
}

export function commentCounts(
	plan: Plan,
	parts: Commentable[] = commentables(plan)
): CommentCounts {
	const known = new Set(parts.map(anchorKey));
	const open = plan.comments.filter(isOpen).length;
	return {
		open,
		resolved: plan.comments.length - open,
		removed: plan.comments.filter((c) => !known.has(anchorKey(c))).length
	};
}

/** The open comments on parts still in the plan, with their replies: what the Word document carries. */
export function openCommentsByTarget(plan: Plan): Map<string, Comment[]> {
	return threads(plan, 'open').byTarget;
}

const clip = (text: string, max: number) => text.trim().slice(0, max);

/** Adds a comment on a part; nothing (undefined) when the text or the author is empty, or the plan holds as many comments as it can. */
export function addComment(
	plan: Plan,
	anchor: Anchor,
	author: string,
	text: string,
	now = new Date()
): Comment | undefined {
	const name = clip(author, MAX_AUTHOR);
	const body = clip(text, MAX_COMMENT_TEXT);
	if (!name || !body || !hasRoom(plan.comments)) return undefined;
	const comment: Comment = {
		id: newId(),
		target: anchor.target,
		targetId: anchor.targetId,
		field: '',
		author: name,
		createdAt: now.toISOString(),
		text: body,
		replies: [],
		resolved: false,
		resolvedBy: '',
		resolvedAt: ''
	};
	plan.comments.push(comment);
	return plan.comments[plan.comments.length - 1];
}

export function findComment(plan: Plan, commentId: string): Comment | undefined {
	return plan.comments.find((c) => c.id === commentId);
}

/** Adds a reply at the end of a comment's thread; undefined when the comment is gone, its thread is full, or the text or author is empty. */
export function addReply(
	plan: Plan,
	commentId: string,
	author: string,
	text: string,
	now = new Date()
): Reply | undefined {
	const comment = findComment(plan, commentId);
	const name = clip(author, MAX_AUTHOR);
	const body = clip(text, MAX_COMMENT_TEXT);
	if (!comment || !name || !body || comment.replies.length >= MAX_REPLIES) return undefined;
	comment.replies.push({ id: newId(), author: name, createdAt: now.toISOString(), text: body });
	return comment.replies[comment.replies.length - 1];
}

/** Marks a thread resolved, saying by whom and when. Anyone may resolve (as in Word). */
export function resolveComment(
	plan: Plan,
	commentId: string,
	by: string,
	now = new Date()
): boolean {
	const comment = findComment(plan, commentId);
	if (!comment || comment.resolved) return false;
	comment.resolved = true;
	comment.resolvedBy = clip(by, MAX_AUTHOR);
	comment.resolvedAt = now.toISOString();
	return true;
}

export function reopenComment(plan: Plan, commentId: string): boolean {
	const comment = findComment(plan, commentId);
	if (!comment || !comment.resolved) return false;
	comment.resolved = false;
	comment.resolvedBy = '';
	comment.resolvedAt = '';
	return true;
}

/** Whether `reviewer` wrote it: reviewers are known by the name they gave, so only their own words can go. */
export const isOwn = (entry: Comment | Reply, reviewer: string): boolean =>
	reviewer.trim() !== '' && entry.author === clip(reviewer, MAX_AUTHOR);

/** Deletes one's own comment, with its replies; undefined when it is someone else's or gone. */
export function deleteComment(plan: Plan, commentId: string, reviewer: string): Undo | undefined {
	const comment = findComment(plan, commentId);
	if (!comment || !isOwn(comment, reviewer)) return undefined;
	return removeItem(plan.comments, commentId);
}

/** Deletes one's own reply; undefined when it is someone else's or gone. */
export function deleteReply(
	plan: Plan,
	commentId: string,
	replyId: string,
	reviewer: string
): Undo | undefined {
	const reply = findComment(plan, commentId)?.replies.find((r) => r.id === replyId);
	if (!reply || !isOwn(reply, reviewer)) return undefined;
	return removeItem(findComment(plan, commentId)!.replies, replyId);
}

/** Initials for a Word comment: the first letter of up to three words of the name ("Amina Diallo" → "AD"). */
export function initialsOf(name: string): string {
	return name
		.trim()
		.split(/[\s\-‐–.]+/)
		.filter(Boolean)
		.slice(0, 3)
		.map((word) => Array.from(word)[0].toLocaleUpperCase())
		.join('');
}
