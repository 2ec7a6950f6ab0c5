import { resolve } from '$app/paths';
import type { Step } from '../plan/completeness.ts';

/** The address of a wizard step of a draft, optionally pointing at one field. */
export function stepHref(step: Step, draftId: string, field?: string): string {
	return `${resolve('/plan/[step]', { step })}?id=${encodeURIComponent(draftId)}${field ? `#${field}` : ''}`;
}

/** The pages about one draft besides the wizard. */
export type DraftPage = '/review' | '/merge' | '/versions' | '/present';

/** The address of a page about one draft (review mode, merge, versions, workshop mode), with more of the query (a slide). */
export function draftPageHref(route: DraftPage, draftId: string, query: Record<string, string | number> = {}): string {
	const params = new URLSearchParams({ id: draftId, ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
	return `${resolve(route)}?${params}`;
}
