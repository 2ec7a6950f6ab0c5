// One term per concept in each language: every interface string, template text and sample plan uses
// the glossary's term and none of the variants it forbids, so a plan that combines several ministry
// templates never names one thing two ways.
import { describe, expect, it } from 'vitest';
import {
	findings,
	forbiddenIn,
	glossarySchema,
	readGlossary,
	uses,
	type Glossary
} from './glossary.ts';
import { allUnits, localeUnits, sampleUnits, templateUnits } from './texts.ts';

const parsed = glossarySchema.safeParse(readGlossary());
const glossary = parsed.data as Glossary;

it('the glossary matches its schema', () => {
	expect(parsed.error?.issues ?? []).toEqual([]);
});

describe('the glossary', () => {
	it('gives each concept once', () => {
		const ids = glossary.concepts.map((c) => c.id);
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
	});

	it.each(['fr', 'es'] as const)('never forbids its own %s term', (language) => {
		for (const concept of glossary.concepts) {
			const term = concept[language].term.split(' / ')[0];
			expect(forbiddenIn(term, concept, language), concept.id).toEqual([]);
			expect(uses(term, concept[language].match), `${concept.id}: the match finds the term`).toBe(
				true
			);
		}
	});

	it('catches the variants it forbids, inflected and in any case', () => {
		const survivors = glossary.concepts.find((c) => c.id === 'survivors')!;
		expect(forbiddenIn('Les Survivantes et les rescapés', survivors, 'fr')).toEqual([
			'Survivantes',
			'rescapés'
		]);
		expect(forbiddenIn('les personnes rescapées', survivors, 'fr')).toEqual([]);
		expect(forbiddenIn('las sobrevivientes y las supervivientes', survivors, 'es')).toEqual([
			'sobrevivientes',
			'supervivientes'
		]);
		expect(forbiddenIn('las personas supervivientes', survivors, 'es')).toEqual([]);
		// Word boundaries: a variant inside a longer word is not a variant.
		const amount = glossary.concepts.find((c) => c.id === 'amount')!;
		expect(forbiddenIn('importantes', amount, 'es')).toEqual([]);
		expect(forbiddenIn('el importe', amount, 'es')).toEqual(['importe']);
	});

	it('finds a translation that leaves out the term, or puts victims where the English says survivors', () => {
		const unit = (en: string, fr: string, es: string) => ({
			where: { en: 'en', fr: 'fr', es: 'es' },
			text: { en, fr, es }
		});
		const found = (u: ReturnType<typeof unit>) =>
			findings([u], glossary).map((f) => `${f.where} ${f.concept}`);
		expect(
			found(
				unit(
					'Services for survivors',
					'Services pour les personnes rescapées',
					'Servicios para las personas supervivientes'
				)
			)
		).toEqual([]);
		expect(
			found(
				unit(
					'Services for survivors',
					'Services pour les victimes',
					'Servicios para las personas supervivientes'
				)
			)
		).toEqual(['fr survivors', 'fr survivors']);
		expect(
			found(
				unit(
					'Reparations for survivors, designed with survivors',
					'Réparations pour les victimes, conçues avec les personnes rescapées',
					'Reparaciones para las personas supervivientes'
				)
			)
		).toEqual(['fr survivors']);
		expect(
			found(
				unit(
					'Protect victims and survivors',
					'Protéger les victimes et les personnes rescapées',
					'Proteger a las víctimas y a las personas supervivientes'
				)
			)
		).toEqual([]);
	});
});

describe.each([
	['interface strings (locales/)', localeUnits],
	['template library (templates/library/)', templateUnits],
	['sample plans (templates/sample/)', sampleUnits]
])('%s', (_name, units) => {
	it('has texts to read', () => {
		expect(units().length).toBeGreaterThan(50);
	});

	it('uses the glossary term for each concept, and none of its forbidden variants', () => {
		expect(findings(units(), glossary).map((f) => `${f.where} [${f.concept}]: ${f.found}`)).toEqual(
			[]
		);
	});
});

it('every concept of the glossary is met somewhere in the texts', () => {
	const all = allUnits();
	const unmet = glossary.concepts.filter(
		(c) => !all.some((u) => u.text.en && uses(u.text.en, c.en.match))
	);
	expect(unmet.map((c) => c.id)).toEqual([]);
});
