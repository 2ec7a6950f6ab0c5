// What the start page lists before anything else loads: each template's name and description (and a
// region's suggested ministries and agenda). Vite's JSON named exports pick these fields out of the
// library files, so the first paint does not wait for the whole library (every objective and action
// in three languages), which is loaded only to create the plan.
import { z } from 'zod';
import { MINISTRY_ORDER } from './library.ts';
import { ministryTemplateSchema, regionalTemplateSchema } from './schema.ts';

const ministryEntrySchema = ministryTemplateSchema.pick({
	id: true,
	name: true,
	description: true
});
const regionEntrySchema = regionalTemplateSchema.pick({
	id: true,
	name: true,
	description: true,
	ministries: true,
	agenda: true
});
export type MinistryEntry = z.output<typeof ministryEntrySchema>;
export type RegionEntry = z.output<typeof regionEntrySchema>;

const field = <T>(files: Record<string, T>) =>
	Object.entries(files)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([, v]) => v);

// import.meta.glob takes literal patterns only.
const ministry = {
	id: field(
		import.meta.glob<unknown>('/templates/library/ministries/*.json', { eager: true, import: 'id' })
	),
	name: field(
		import.meta.glob<unknown>('/templates/library/ministries/*.json', {
			eager: true,
			import: 'name'
		})
	),
	description: field(
		import.meta.glob<unknown>('/templates/library/ministries/*.json', {
			eager: true,
			import: 'description'
		})
	)
};
const region = {
	id: field(
		import.meta.glob<unknown>('/templates/library/regions/*.json', { eager: true, import: 'id' })
	),
	name: field(
		import.meta.glob<unknown>('/templates/library/regions/*.json', { eager: true, import: 'name' })
	),
	description: field(
		import.meta.glob<unknown>('/templates/library/regions/*.json', {
			eager: true,
			import: 'description'
		})
	),
	ministries: field(
		import.meta.glob<unknown>('/templates/library/regions/*.json', {
			eager: true,
			import: 'ministries'
		})
	),
	agenda: field(
		import.meta.glob<unknown>('/templates/library/regions/*.json', {
			eager: true,
			import: 'agenda'
		})
	)
};

export const catalogue = {
	ministries: ministry.id
		.map((id, i) =>
			ministryEntrySchema.parse({
				id,
				name: ministry.name[i],
				description: ministry.description[i]
			})
		)
		.sort((a, b) => MINISTRY_ORDER.indexOf(a.id) - MINISTRY_ORDER.indexOf(b.id)),
	regions: region.id.map((id, i) =>
		regionEntrySchema.parse({
			id,
			name: region.name[i],
			description: region.description[i],
			ministries: region.ministries[i],
			agenda: region.agenda[i]
		})
	)
};
