import { resolve } from '$app/paths';
import type { Step } from '../plan/completeness.ts';

/** The address of a wizard step of a draft, optionally pointing at one field. */
export function stepHref(step: Step, draftId: string, field?: string): string {
	return `${resolve('/plan/[step]', { step })}?id=${encodeURIComponent(draftId)}${field ? `#${field}` : ''}`;
}

/** The address of a page about one draft: its merge or its versions. */
export function draftPageHref(route: '/merge' | '/versions', draftId: string): string {
	return `${route === '/merge' ? resolve('/merge') : resolve('/versions')}?id=${encodeURIComponent(draftId)}`;
}

/** The address of review mode for a draft (the plan as a document, with comments). */
export function reviewHref(draftId: string): string {
	return `${resolve('/review')}?id=${encodeURIComponent(draftId)}`;
}
