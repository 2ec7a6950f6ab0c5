import { resolve } from '$app/paths';

/** The address of a draft's presentation (workshop mode), optionally at a slide (counted from 1). */
export function presentHref(draftId: string, slide?: number): string {
	return `${resolve('/present')}?id=${encodeURIComponent(draftId)}${slide ? `&slide=${slide}` : ''}`;
}
