import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	decodeDraftBytes,
	draftFileName,
	fitsInFile,
	MAX_FILE_BYTES,
	readDraftFile,
	readStoredPlan,
	sameContent,
	writeDraftFile
} from './file.ts';
import { createPlan } from './operations.ts';
import { SCHEMA_VERSION } from './schema.ts';

describe('draft file', () => {
	it('round-trips a plan, special characters included', () => {
		const plan = createPlan({ language: 'fr' });
		plan.overview.title = 'Plan d’action « femmes, paix et sécurité » <b>&</b> 🕊️';
		const result = readDraftFile(writeDraftFile(plan));
		expect(result).toEqual({ ok: true, plan });
	});

	it('fills in fields an older or partial file lacks', () => {
		const plan = createPlan();
		const partial = {
			format: plan.format,
			schemaVersion: 1,
			id: 'x1',
			createdAt: plan.createdAt,
			updatedAt: plan.updatedAt
		};
		const result = readDraftFile(JSON.stringify(partial));
		expect(result.ok && result.plan.overview.status).toBe('draft');
	});

	it.each([
		['', 'empty'],
		['{ not json', 'notJson'],
		['[1,2]', 'notDraft'],
		['{"hello":"world"}', 'notDraft'],
		[JSON.stringify({ format: 'nap-builder.plan', schemaVersion: 99 }), 'newerVersion'],
		[JSON.stringify({ format: 'nap-builder.plan', schemaVersion: 1, id: 5 }), 'invalid']
	])('refuses %j with the message %s', (text, key) => {
		const result = readDraftFile(text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.key).toBe(key);
	});

	it('names the first broken field', () => {
		const plan = createPlan();
		const broken = { ...plan, overview: { ...plan.overview, periodStart: 'soon' } };
		const result = readDraftFile(JSON.stringify(broken));
		expect(result).toMatchObject({
			ok: false,
			error: { key: 'invalid', params: { path: 'overview › periodStart' } }
		});
	});

	it('refuses a file above the size limit before parsing it', () => {
		const result = readDraftFile('{', MAX_FILE_BYTES + 1);
		expect(result).toMatchObject({ ok: false, error: { key: 'tooLarge' } });
	});

	it('writes compact JSON that it reads back, no larger than the data', () => {
		const plan = createPlan();
		plan.overview.title = 'Plan';
		const text = writeDraftFile(plan);
		expect(text).toBe(JSON.stringify(plan));
		expect(readDraftFile(text)).toEqual({ ok: true, plan });
	});

	it('reads a file of exactly the size limit, and refuses one byte more', () => {
		const plan = createPlan();
		const text = writeDraftFile(plan);
		// JSON allows white space after the value: pad the file to the limit, counted in bytes.
		const atLimit = text + ' '.repeat(MAX_FILE_BYTES - new TextEncoder().encode(text).length);
		expect(fitsInFile(atLimit)).toBe(true);
		expect(readDraftFile(atLimit).ok).toBe(true);
		expect(fitsInFile(atLimit + ' ')).toBe(false);
		expect(readDraftFile(atLimit + ' ')).toMatchObject({ ok: false, error: { key: 'tooLarge' } });
		// Counted in bytes, not characters: "é" is two bytes in UTF-8.
		const accented =
			text + 'é'.repeat((MAX_FILE_BYTES - new TextEncoder().encode(text).length) / 2 + 1);
		expect(fitsInFile(accented)).toBe(false);
	});

	it('reads the same draft in UTF-8, UTF-8 with a byte order mark, and UTF-16 either way round', () => {
		const plan = createPlan();
		plan.overview.title = 'Plan d’action « paix » — 🕊️';
		const text = writeDraftFile(plan);
		const utf8 = new TextEncoder().encode(text);
		const utf16 = (littleEndian: boolean, mark: boolean) => {
			const units = text; // UTF-16 code units, as JavaScript strings hold them
			const bytes = new Uint8Array((units.length + (mark ? 1 : 0)) * 2);
			const view = new DataView(bytes.buffer);
			let offset = 0;
			if (mark) view.setUint16((offset += 2) - 2, 0xfeff, littleEndian);
			for (let i = 0; i < units.length; i++)
				view.setUint16((offset += 2) - 2, units.charCodeAt(i), littleEndian);
			return bytes;
		};
		const encodings = {
			utf8,
			utf8Bom: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]),
			utf16le: utf16(true, true),
			utf16be: utf16(false, true),
			utf16leNoMark: utf16(true, false),
			utf16beNoMark: utf16(false, false)
		};
		for (const [name, bytes] of Object.entries(encodings))
			expect(readDraftFile(decodeDraftBytes(bytes)), name).toEqual({ ok: true, plan });
	});

	it('names files after the country, in plain letters', () => {
		const plan = createPlan();
		plan.overview.country = 'République de Lumérie';
		expect(draftFileName(plan)).toBe('nap-republique-de-lumerie.nap.json');
		expect(draftFileName(createPlan())).toBe('nap-draft.nap.json');
	});
});

describe('drafts saved by earlier versions of the app', () => {
	it('opens a draft saved by the first version (schema version 1), with later fields at their defaults', () => {
		const text = readFileSync(
			join(import.meta.dirname, '../../../tests/fixtures/plan-v1.nap.json'),
			'utf8'
		);
		const saved = JSON.parse(text);
		expect(saved.schemaVersion).toBe(1);
		const result = readDraftFile(text);
		if (!result.ok) throw new Error(result.error.key);
		expect(result.plan.overview.title).toBe(saved.overview.title);
		expect(result.plan.pillars.flatMap((p) => p.objectives.flatMap((o) => o.actions))).toHaveLength(
			saved.pillars.flatMap((p: { objectives: { actions: unknown[] }[] }) =>
				p.objectives.flatMap((o) => o.actions)
			).length
		);
		// Fields added since (the template a part came from) take their defaults.
		expect(result.plan.institutions.every((i) => i.templateId === '')).toBe(true);
	});
});

describe('schema version 2: dates as precise as the drafters know them', () => {
	const v1 = () =>
		JSON.parse(
			readFileSync(join(import.meta.dirname, '../../../tests/fixtures/plan-v1.nap.json'), 'utf8')
		);

	it('keeps a version 1 draft’s full dates as they were', () => {
		const saved = v1();
		saved.overview.adoptionDate = '2009-03-08';
		saved.monitoring = { ...saved.monitoring, midTermReview: '2011-06-30' };
		const result = readDraftFile(JSON.stringify(saved));
		if (!result.ok) throw new Error(result.error.key);
		expect(result.plan.schemaVersion).toBe(SCHEMA_VERSION);
		expect(result.plan.overview.adoptionDate).toBe('2009-03-08');
		expect(result.plan.monitoring.midTermReview).toBe('2011-06-30');
	});

	it('opens a version 1 draft that an old date field stored with a date out of bounds, that date cleared', () => {
		const saved = v1();
		saved.overview.adoptionDate = '1850-01-01';
		saved.consultation = {
			...saved.consultation,
			events: [{ id: 'e1', title: 'National consultation', date: '1850-01-01' }]
		};
		const result = readDraftFile(JSON.stringify(saved));
		if (!result.ok) throw new Error(`${result.error.key} ${JSON.stringify(result.error.params)}`);
		expect(result.plan.overview.adoptionDate).toBe('');
		expect(result.plan.consultation.events[0]).toMatchObject({
			title: 'National consultation',
			date: ''
		});
		expect(result.plan.overview.title).toBe(saved.overview.title);
	});

	it('takes a year or a month, and refuses what is no date', () => {
		const plan = createPlan();
		plan.overview.adoptionDate = '2008';
		plan.monitoring.midTermReview = '2011-05';
		expect(readDraftFile(writeDraftFile(plan))).toEqual({ ok: true, plan });
		for (const bad of ['2008-02-30', '1850', 'March 2008'])
			expect(
				readDraftFile(
					JSON.stringify({ ...plan, overview: { ...plan.overview, adoptionDate: bad } })
				)
			).toMatchObject({
				ok: false,
				error: { key: 'invalid', params: { path: 'overview › adoptionDate' } }
			});
	});
});

describe('schema version 3: baseline figures named as the items they hold', () => {
	it('opens an older draft with its baseline figures, and a stored one too', () => {
		const saved = JSON.parse(
			readFileSync(join(import.meta.dirname, '../../../tests/fixtures/plan-v1.nap.json'), 'utf8')
		);
		expect(saved.context.baselineData.length).toBeGreaterThan(0);
		const figures = saved.context.baselineData.map((f: { figure: string }) => f.figure);
		const opened = readDraftFile(JSON.stringify(saved));
		if (!opened.ok) throw new Error(opened.error.key);
		expect(opened.plan.context.baselineFigures.map((f) => f.figure)).toEqual(figures);
		expect(opened.plan.context).not.toHaveProperty('baselineData');
		const stored = readStoredPlan({ ...saved, schemaVersion: 2 });
		expect(stored).toMatchObject({ ok: true, repairs: [] });
		if (stored.ok)
			expect(stored.plan.context.baselineFigures.map((f) => f.figure)).toEqual(figures);
	});
});

describe('sameContent', () => {
	it('tells the same plan under another id and date from a changed one', () => {
		const plan = createPlan();
		plan.overview.title = 'Plan';
		const copy = {
			...structuredClone(plan),
			id: 'other',
			createdAt: '2030-01-01T00:00:00.000Z',
			updatedAt: '2030-01-02T00:00:00.000Z'
		};
		expect(sameContent(plan, copy)).toBe(true);
		copy.overview.title = 'Plan (2)';
		expect(sameContent(plan, copy)).toBe(false);
	});
});
