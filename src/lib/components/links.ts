import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type { Step } from '../plan/completeness.ts';

// Both helpers return what resolve() returns, with a query (and a hash): typed as resolve() types a
// resolved path with its query, ResolvedPathname, which is how ESLint's
// svelte/no-navigation-without-resolve knows these links and goto() calls went through resolve().

/** The address of a wizard step of a draft, optionally pointing at one field. */
export function stepHref(step: Step, draftId: string, field?: string): ResolvedPathname {
	return `${resolve('/plan/[step]', { step })}?id=${encodeURIComponent(draftId)}${field ? `#${field}` : ''}` as ResolvedPathname;
}

/** The pages about one draft besides the wizard. */
export type DraftPage = '/review' | '/merge' | '/versions' | '/present' | '/progress';

/** The address of a page about one draft (review mode, merge, versions, workshop mode), with more of the query (a slide). */
export function draftPageHref(
	route: DraftPage,
	draftId: string,
	query: Record<string, string | number> = {}
): ResolvedPathname {
	const params = new URLSearchParams({
		id: draftId,
		...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]))
	});
	return `${resolve(route)}?${params}` as ResolvedPathname;
}
