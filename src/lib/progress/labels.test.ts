import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/progress.json' with { type: 'json' };
import fr from '../../../locales/fr/progress.json' with { type: 'json' };
import es from '../../../locales/es/progress.json' with { type: 'json' };
import type { Translate } from '../i18n/translate.ts';
import { cyclePeriods } from '../plan/periods.ts';
import type { Language } from '../plan/schema.ts';
import { periodLabel } from './labels.ts';

const texts = { en, fr, es };
function translator(language: Language): Translate {
	const i18n = i18next.createInstance();
	void i18n.init({
		lng: language,
		initAsync: false,
		resources: { [language]: { translation: { progress: texts[language] } } },
		interpolation: { escapeValue: false }
	});
	return (key, params) => i18n.t(key, params ?? {}) as string;
}

describe('periodLabel', () => {
	const label = (key: string, language: Language) =>
		periodLabel(key, translator(language), language);

	it('names each kind of period in the language', () => {
		expect(label('2027', 'en')).toBe('2027');
		expect(label('2027-H1', 'en')).toBe('First half of 2027');
		expect(label('2027-H2', 'fr')).toBe('Second semestre 2027');
		expect(label('2027-Q3', 'en')).toBe('Q3 2027');
		expect(label('2027-Q3', 'fr')).toBe('3e trimestre 2027');
		expect(label('2027-Q1', 'es')).toBe('Primer trimestre de 2027');
		expect(label('2027-03', 'en')).toBe('March 2027');
		expect(label('2027-03', 'fr')).toBe('mars 2027');
		expect(label('2027-03', 'es')).toBe('marzo de 2027');
		expect(label('2027-2028', 'es')).toBe('2027–2028');
	});

	it('names every period of every cycle, and never shows a key', () => {
		const cycles = [
			'monthly',
			'quarterly',
			'biannual',
			'annual',
			'biennial',
			'end-of-plan'
		] as const;
		for (const language of ['en', 'fr', 'es'] as const)
			for (const cycle of cycles)
				for (const period of cyclePeriods(cycle, 2025, 2029)) {
					const text = label(period.key, language);
					expect(text).not.toMatch(/progress\.|-H|-Q|^\d{4}-\d{2}$/);
				}
	});

	it('shows a key that names no period as it is', () => {
		expect(label('soon', 'en')).toBe('soon');
	});
});
