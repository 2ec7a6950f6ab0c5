import { describe, expect, it } from 'vitest';
import { bundledLibrary } from './bundled.ts';
import { catalogue } from './catalogue.ts';

describe('the start page catalogue', () => {
	const library = bundledLibrary();

	it('lists every ministry template of the library, with its name and description', () => {
		expect(catalogue.ministries.map((m) => [m.id, m.name.fr, m.description.es])).toEqual(
			library.ministries.map((m) => [m.id, m.name.fr, m.description.es])
		);
		expect(catalogue.ministries).toHaveLength(6);
	});

	it('lists every regional template with its suggested ministries and workshop agenda', () => {
		expect(catalogue.regions.map((r) => [r.id, r.name.en, r.ministries, r.agenda])).toEqual(
			library.regions.map((r) => [r.id, r.name.en, r.ministries, r.agenda])
		);
		expect(catalogue.regions.map((r) => r.id).sort()).toEqual([
			'addis-ababa-2008',
			'santiago-2007'
		]);
	});
});
