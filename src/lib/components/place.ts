// A place in the plan as the user reads it: "Getting started: Adoption date".
import { t } from '../i18n/i18n.svelte.ts';
import type { Path } from '../plan/guard.ts';
import { placeOf } from '../plan/places.ts';

export function placeText(path: Path): string {
	const place = placeOf(path);
	const label = place.label && t(place.label) !== place.label ? t(place.label) : '';
	return [t(`wizard.steps.${place.step}.title`), label].filter(Boolean).join(t('common.colon'));
}
