// How the merge and versions pages name items and show field values: as text, in the interface
// language, with institutions and parents by name (never as ids).
import { locale, t } from '../../i18n/i18n.svelte.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { indexPlan, isEmptyValue, isSection, type ItemKind, type PlanIndex } from '../../merge/compare.ts';
import { fieldSpec, KIND_NAMES } from '../../merge/fields.ts';
import type { Emblem } from '../../plan/emblem.ts';
import type { Participants, Plan } from '../../plan/schema.ts';

/** A plan a value comes from, for looking up the institutions and items it names. */
export interface Side {
	plan: Plan;
	index: PlanIndex;
}

export const sideOf = (plan: Plan): Side => ({ plan, index: indexPlan(plan, t) });

/** "Action 1.2.3", or a section's name. */
export function itemName(kind: ItemKind, ref: string): string {
	return isSection(kind) ? t(KIND_NAMES[kind]) : t('common.itemNumber', { what: t(KIND_NAMES[kind]), ref });
}

export function fieldLabel(kind: ItemKind, field: string): string {
	const spec = fieldSpec(kind, field);
	return spec ? t(spec.label) : field;
}

function institutionName(side: Side, id: string): string {
	const institution = side.plan.institutions.find((i) => i.id === id);
	return institution?.name.trim() || institution?.acronym.trim() || t('merge.value.unknown');
}

export function formatValue(kind: ItemKind, field: string, value: unknown, side: Side): string {
	const display = fieldSpec(kind, field)?.display ?? { type: 'text' };
	if (display.type === 'boolean') return value ? t('merge.value.yes') : t('merge.value.no');
	if (isEmptyValue(value)) return t('merge.value.empty');
	switch (display.type) {
		case 'amount':
			return formatNumber(value as number, locale.language);
		case 'date':
			return formatDate(value as string, locale.language);
		case 'choice':
			return t(`${display.options}.${value}`);
		case 'institution':
			return institutionName(side, value as string);
		case 'institutions':
			return (value as string[]).map((id) => institutionName(side, id)).join(', ');
		case 'languages':
			return (value as string[]).map((l) => t(`common.languageNames.${l}`)).join(', ');
		case 'resolutions':
			return (value as string[]).join(', ');
		case 'image': {
			const image = value as Emblem;
			return t('merge.value.image', { type: image.type === 'image/png' ? 'PNG' : 'JPEG', width: image.width, height: image.height });
		}
		case 'participants':
			return (value as Participants[])
				.map((p) => t('merge.value.participants', { sector: p.sector ? t(`options.sector.${p.sector}`) : t('common.notChosen'), women: p.women ?? 0, men: p.men ?? 0 }))
				.join('\n');
		case 'parent': {
			const parent = side.index.items.get(value as string);
			return parent ? `${itemName(parent.kind, parent.ref)} ${parent.label}`.trim() : t('merge.value.unknown');
		}
		default:
			return String(value);
	}
}
