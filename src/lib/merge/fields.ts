// What each compared field is called, for the merge and versions pages: read from the descriptions
// beside the schema (plan/fields.ts), so a field is compared and named as soon as it is described.
import { fieldOf, kindLabel, parentKindOf, type Field } from '../plan/fields.ts';
import { modelKind, PARENT, type ItemKind } from './compare.ts';

/** Text key of how an item of a kind is named ("Action", then its number), or of a section's name. */
export function kindName(kind: ItemKind): string {
	const key =
		kind === 'framework' ? fieldOf('plan', 'framework')?.label : kindLabel(modelKind(kind));
	if (!key) throw new Error(`No name for ${kind}`);
	return key;
}

/** The described field behind a compared one; undefined for the parent pseudo-field and a name the kind does not have. */
export function comparedField(kind: ItemKind, field: string): Field | undefined {
	return fieldOf(modelKind(kind), field);
}

/** Text key of a compared field's name: the parent pseudo-field is named by its parent's kind ("Objective"). */
export function fieldLabelKey(kind: ItemKind, field: string): string | undefined {
	if (field !== PARENT) return comparedField(kind, field)?.label;
	const parent = parentKindOf(modelKind(kind));
	return parent && kindLabel(parent);
}
