// The cover emblem: what is taken (a PNG or a JPEG, by its own bytes, up to 512 KB, of the pixel size its
// header gives), what is refused and why, and that it lives in the draft: a stored draft with a broken
// emblem opens without it, and a draft file keeps it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { encodePng } from '../../../tests/unit/png.ts';
import { emblemMatches, fromBase64, MAX_EMBLEM_BYTES, readEmblem, type Emblem } from './emblem.ts';
import { readDraftFile, readStoredPlan, writeDraftFile } from './file.ts';
import { repairPlan } from './guard.ts';
import { planSchema } from './schema.ts';

const png = (width: number, height: number, stored = false) =>
	encodePng(width, height, ['1D4E89', 'FFFFFF'], (x, y) => (x + y) % 2, { stored });

/** The start of a baseline JPEG: start of image, a JFIF segment, a start of frame with the size, end of image. */
function jpeg(width: number, height: number): Uint8Array {
	const jfif = [
		0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
		0x00, 0x00
	];
	const sof = [
		0xff,
		0xc0,
		0x00,
		0x11,
		0x08,
		height >> 8,
		height & 0xff,
		width >> 8,
		width & 0xff,
		0x03,
		1,
		0x22,
		0,
		2,
		0x11,
		1,
		3,
		0x11,
		1
	];
	return new Uint8Array([0xff, 0xd8, ...jfif, ...sof, 0xff, 0xd9]);
}

function emblemOf(bytes: Uint8Array): Emblem {
	const read = readEmblem(bytes);
	if (!read.ok) throw new Error(read.problem);
	return read.emblem;
}

describe('reading an emblem file', () => {
	it('takes a PNG and a JPEG with the pixel size their headers give', () => {
		expect(readEmblem(png(40, 24))).toMatchObject({
			ok: true,
			emblem: { type: 'image/png', width: 40, height: 24 }
		});
		expect(readEmblem(jpeg(640, 480))).toMatchObject({
			ok: true,
			emblem: { type: 'image/jpeg', width: 640, height: 480 }
		});
		const bytes = png(3, 2);
		expect(fromBase64(emblemOf(bytes).data)).toEqual(bytes);
	});

	it('goes by the bytes, not the name: a GIF, a PDF or text is not taken, whatever it is called', () => {
		for (const text of [
			'GIF89a\x01\x00\x01\x00',
			'%PDF-1.7',
			'<svg xmlns="http://www.w3.org/2000/svg"/>',
			''
		])
			expect(readEmblem(new TextEncoder().encode(text))).toEqual({ ok: false, problem: 'type' });
	});

	it('refuses an image larger than 512 KB', () => {
		const big = png(1000, 600, true); // stored without compression: about 1.8 MB
		expect(big.length).toBeGreaterThan(MAX_EMBLEM_BYTES);
		expect(readEmblem(big)).toEqual({ ok: false, problem: 'size' });
	});

	it('refuses a file that starts like an image but whose header cannot be read', () => {
		expect(readEmblem(png(10, 10).subarray(0, 20))).toEqual({ ok: false, problem: 'unreadable' });
		expect(readEmblem(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toEqual({
			ok: false,
			problem: 'unreadable'
		});
		expect(readEmblem(jpeg(0, 10))).toEqual({ ok: false, problem: 'unreadable' });
	});
});

describe('the emblem in the draft', () => {
	const withEmblem = () => {
		const plan = samplePlan('en');
		plan.overview.issuingAuthority = 'Government of Lumeria, Ministry of Gender Equality';
		plan.overview.emblem = emblemOf(png(48, 32));
		return plan;
	};

	it('is checked by the schema: its bytes must be the image it says, of the size it says', () => {
		const plan = withEmblem();
		expect(planSchema.safeParse(plan).success).toBe(true);
		const emblem = plan.overview.emblem!;
		expect(emblemMatches({ ...emblem, width: 49 })).toBe(false);
		expect(emblemMatches({ ...emblem, type: 'image/jpeg' })).toBe(false);
		expect(
			planSchema.safeParse({
				...plan,
				overview: { ...plan.overview, emblem: { ...emblem, data: 'not base64!' } }
			}).success
		).toBe(false);
		expect(
			planSchema.safeParse({
				...plan,
				overview: { ...plan.overview, emblem: { ...emblem, height: 0 } }
			}).success
		).toBe(false);
	});

	it('a stored draft whose emblem is broken opens without it, the rest as it was, and the repair is reported', () => {
		const plan = withEmblem();
		for (const broken of [
			{ ...plan.overview.emblem!, width: 999 },
			{ type: 'image/gif', data: 'R0lGODlh', width: 1, height: 1 },
			'emblem.png',
			{ data: 42 }
		]) {
			const stored = JSON.parse(
				JSON.stringify({ ...plan, overview: { ...plan.overview, emblem: broken } })
			);
			const { plan: repaired, repairs } = repairPlan(stored);
			expect(repaired.overview.emblem).toBeNull();
			expect(repaired.overview.issuingAuthority).toBe(plan.overview.issuingAuthority);
			expect(repaired.pillars).toEqual(plan.pillars);
			expect(repairs.map((r) => [r.path, r.kind])).toEqual([[['overview', 'emblem'], 'reset']]);
			const read = readStoredPlan(stored);
			expect(read.ok && read.plan.overview.emblem).toBeNull();
		}
	});

	it('survives "Save a copy to a file" and opening it again', () => {
		const plan = withEmblem();
		const text = writeDraftFile(plan);
		expect(text).not.toContain('\n'); // compact JSON
		const read = readDraftFile(text);
		expect(read.ok).toBe(true);
		if (read.ok) expect(read.plan.overview).toEqual(plan.overview);
	});

	it('an older draft, saved before the emblem, opens with none and no issuing authority', () => {
		const read = readDraftFile(
			readFileSync(join(import.meta.dirname, '../../../tests/fixtures/plan-v1.nap.json'), 'utf8')
		);
		expect(read.ok).toBe(true);
		if (read.ok)
			expect(read.plan.overview).toMatchObject({
				emblem: null,
				issuingAuthority: '',
				language: ''
			});
	});
});
