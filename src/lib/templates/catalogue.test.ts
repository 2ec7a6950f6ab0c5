// The start page lists templates from a small catalogue (catalogue.ts) instead of loading the whole
// library; a template added to the library folder must appear there too, with the library's own texts.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledLibrary } from './bundled.ts';
import { catalogue } from './catalogue.ts';

const filesIn = (folder: string) =>
	readdirSync(new URL(`../../../templates/library/${folder}/`, import.meta.url))
		.filter((name) => name.endsWith('.json'))
		.map((name) => name.slice(0, -'.json'.length))
		.sort();

describe('the start page catalogue', () => {
	const library = bundledLibrary();

	it('offers every ministry template of the library folder, with its name and description', () => {
		expect(catalogue.ministries.map((m) => m.id).sort()).toEqual(filesIn('ministries'));
		expect(catalogue.ministries.map((m) => [m.id, m.name.fr, m.description.es])).toEqual(
			library.ministries.map((m) => [m.id, m.name.fr, m.description.es])
		);
	});

	it('offers every regional template with its suggested ministries and workshop agenda', () => {
		expect(catalogue.regions.map((r) => r.id).sort()).toEqual(filesIn('regions'));
		expect(catalogue.regions.map((r) => [r.id, r.name.en, r.ministries, r.agenda])).toEqual(
			library.regions.map((r) => [r.id, r.name.en, r.ministries, r.agenda])
		);
	});
});
