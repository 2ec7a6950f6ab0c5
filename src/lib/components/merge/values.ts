// How the merge and versions pages name items and show field values: as text, in the interface
// language, with institutions and parents by name (never as ids), as plan/fields.ts formats them.
import { locale, t } from '../../i18n/i18n.svelte.ts';
import {
	indexPlan,
	isSection,
	PARENT,
	type Area,
	type ItemKind,
	type PlanIndex
} from '../../merge/compare.ts';
import { comparedField, fieldLabelKey, kindName } from '../../merge/fields.ts';
import { formatValue as formatField, isEmptyValue } from '../../plan/fields.ts';
import type { Plan } from '../../plan/schema.ts';

/** A plan a value comes from, for looking up the institutions and items it names. */
export interface Side {
	plan: Plan;
	index: PlanIndex;
}

export const sideOf = (plan: Plan): Side => ({
	plan,
	index: indexPlan(plan, t, locale.language)
});

/** A wizard step's title, or the monitoring area's: where differences are grouped. */
export const areaName = (area: Area): string =>
	area === 'progress' ? t('fields.progress.title') : t(`wizard.steps.${area}.title`);

/** "Action 1.2.3", or a section's name. */
export function itemName(kind: ItemKind, ref: string): string {
	return isSection(kind)
		? t(kindName(kind))
		: t('common.itemNumber', { what: t(kindName(kind)), ref });
}

export function fieldLabel(kind: ItemKind, field: string): string {
	const key = fieldLabelKey(kind, field);
	return key ? t(key) : field;
}

/** The item an objective, action or indicator sits under, by its name and first line. */
function parentName(side: Side, id: string): string {
	const parent = side.index.items.get(id);
	return parent
		? `${itemName(parent.kind, parent.ref)} ${parent.label}`.trim()
		: t('common.missing');
}

export function formatValue(kind: ItemKind, field: string, value: unknown, side: Side): string {
	const described = comparedField(kind, field);
	const text = described
		? formatField(described, value, {
				t,
				language: locale.language,
				institutions: side.plan.institutions
			})
		: isEmptyValue(value)
			? ''
			: field === PARENT
				? parentName(side, value as string)
				: String(value);
	return text === '' ? t('merge.value.empty') : text;
}
