// The Word file is always well-formed: characters XML 1.0 forbids, typed or pasted into any field of
// the plan, never reach the document's XML. Every part is parsed by a strict XML parser (saxes).
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../tests/unit/sample-plan.ts';
import { planSchema, type Plan } from '../plan/schema.ts';
import { buildDocument } from './docx.ts';
import { decodeXml as decode } from '../../../tests/unit/word-xml.ts';

/** What a stray paste can hold: control characters, the two non-characters, and lone surrogates. */
const FORBIDDEN = '\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uDFFF\uD800'; // a low surrogate, then a high one: both unpaired

/** Every text of the plan the schema lets hold any character (not choices or ids), with the forbidden characters inside it. */
function poisoned(plan: Plan): Plan {
	const out = structuredClone(plan) as unknown as Record<string | number, unknown>;
	const visit = (node: Record<string | number, unknown>) => {
		for (const [key, value] of Object.entries(node)) {
			if (value && typeof value === 'object') visit(value as Record<string | number, unknown>);
			else if (typeof value === 'string' && value !== '') {
				// All of them, or one where the field is short (a currency code); a code from a list holds none.
				const fits = [FORBIDDEN, '\uFFFF'].find((poison) => {
					node[key] = `${value.slice(0, 1)}${poison}${value.slice(1)}`;
					return planSchema.safeParse(out).success;
				});
				if (!fits) node[key] = value;
			}
		}
	};
	visit(out);
	return out as unknown as Plan;
}

function wellFormed(xml: string): string[] {
	const errors: string[] = [];
	const parser = new SaxesParser({ xmlns: false });
	parser.on('error', (error) => errors.push(error.message));
	parser.write(xml).close();
	return errors;
}

async function parts(plan: Plan, language: 'en' | 'fr') {
	const files = unzipSync(new Uint8Array(await Packer.toBuffer(buildDocument(plan, { language }))));
	return Object.entries(files)
		.filter(([name]) => /\.(xml|rels)$/.test(name))
		.map(([name, bytes]) => [name, strFromU8(bytes)] as const);
}

describe('the Word file is well-formed whatever the plan holds', () => {
	it('parses every part of the sample plan as it is (the check itself finds nothing)', async () => {
		for (const [name, xml] of await parts(samplePlan('en'), 'en'))
			expect(wellFormed(xml), name).toEqual([]);
	});

	it(
		'parses every part when every text of the plan, the currency and comments included, holds forbidden characters',
		{ timeout: 60_000 },
		async () => {
			const plan = poisoned(samplePlan('fr'));
			expect(plan.budget.currency).toContain('\uFFFF');
			const xmlParts = await parts(plan, 'fr');
			for (const [name, xml] of xmlParts) expect(wellFormed(xml), name).toEqual([]);
			// The text around the removed characters is all there.
			const title = samplePlan('fr').overview.title;
			const texts = [
				...xmlParts
					.map(([, xml]) => xml)
					.join('')
					.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)
			].map((m) => decode(m[1]));
			expect(texts.join('')).toContain(title);
		}
	);

	it('finds the broken part of a document built without the sanitizer (the check can fail)', async () => {
		const raw = new Document({
			sections: [{ children: [new Paragraph({ children: [new TextRun(`EU${FORBIDDEN}R`)] })] }]
		});
		const files = unzipSync(new Uint8Array(await Packer.toBuffer(raw)));
		expect(wellFormed(strFromU8(files['word/document.xml'])).length).toBeGreaterThan(0);
	});
});
