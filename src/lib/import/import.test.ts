// The import of files the app did not make, and of hostile ones: each hostile file is refused with
// one of the messages of import.errors, in every language, and nothing is built from it. Limits of
// 30 s: reading whole files takes seconds on a busy machine (speed is measured by npm run bench).
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/import.json' with { type: 'json' };
import es from '../../../locales/es/import.json' with { type: 'json' };
import fr from '../../../locales/fr/import.json' with { type: 'json' };
import {
	longTable,
	MALFORMED,
	OTHER_ROWS,
	otherWordFile,
	wordPackage,
	zipBomb
} from '../../../tests/unit/import-files.ts';
import { buildPlan } from './build.ts';
import { guessMapping, type Mapping } from './guess.ts';
import { readFile, readStructure } from './read.ts';
import { columnHeaders, headingsOf, MAX_IMPORT_BYTES, tablesOf } from './structure.ts';

const refusal = async (bytes: Uint8Array, name: string) => {
	const outcome = await readFile(bytes, name, 'en');
	expect(outcome.ok).toBe(false);
	return outcome.ok ? '' : outcome.error;
};

describe('a Word file made another way', { timeout: 30_000 }, () => {
	it('shows its headings and its matrix with merged headers, one column each', async () => {
		const structure = await readStructure(await otherWordFile(), 'plan.docx');
		expect(headingsOf(structure).map((h) => h.text)).toEqual([
			'Analyse de la situation',
			'Dispositif de pilotage',
			'Axe 1\u00a0: Participation',
			'Axe 2\u00a0: Protection',
			'Matrice des actions'
		]);
		const [matrix] = tablesOf(structure);
		expect(matrix.header).toBe(2);
		expect(columnHeaders(matrix)).toEqual([
			'Résultat attendu',
			'Activités',
			'Indicateurs – Libellé',
			'Indicateurs – Situation de référence',
			'Indicateurs – Cible',
			'Structure d’exécution',
			'Partenaires',
			'Période',
			'Coût',
			'Sources de vérification'
		]);
	});

	it('is proposed a mapping from its French words, and corrected, gives the plan it holds', async () => {
		const structure = await readStructure(await otherWordFile(), 'plan.docx');
		const mapping = guessMapping(structure, 'en');
		expect(mapping.language).toBe('fr');
		expect(mapping.matrix).toBe(0);
		expect(mapping.columns).toEqual([
			'objective',
			'action',
			'indicator',
			'baseline',
			'target',
			'ignore',
			'partners',
			'timeframe',
			'budget',
			'verification'
		]);
		expect(mapping.headings).toEqual(['situationAnalysis', 'ignore', 'pillar', 'pillar', 'ignore']);
		expect(mapping.previous).toMatchObject({ start: 2019, end: 2023, generation: null });

		// The user's corrections: who carries out an action is the responsible; the steering chapter is coordination.
		const corrected: Mapping = structuredClone(mapping);
		corrected.columns[5] = 'responsible';
		corrected.headings[1] = 'coordination';
		const { plan, unread } = buildPlan(structure, corrected, { fileName: 'plan.docx' });

		expect(plan.pillars.map((p) => p.key)).toEqual(['participation', 'protection']);
		expect(plan.pillars[0].objectives.map((o) => o.title)).toEqual([
			'Accroître la participation politique des femmes'
		]);
		const actions = plan.pillars.flatMap((p) => p.objectives.flatMap((o) => o.actions));
		expect(actions.map((a) => a.description.split('\n')[0])).toEqual(
			OTHER_ROWS.map((row) => row[1].replace(/^[\d.]+ /, ''))
		);
		// One institution per name, whether written in full with its acronym or by its acronym.
		expect(plan.institutions.map((i) => [i.name, i.acronym])).toEqual([
			['Ministère de la Promotion de la Femme', 'MPF'],
			['ONU-Femmes', ''],
			['Réseau Paix et Sécurité des Femmes', ''],
			['Assemblée nationale', ''],
			['Ministère de la Santé', '']
		]);
		const mpf = plan.institutions[0].id;
		expect(actions.map((a) => a.responsibleId)).toEqual([mpf, plan.institutions[3].id, mpf]);
		expect(actions[1].partnerIds).toEqual([mpf]);
		expect(actions.map((a) => [a.startYear, a.endYear])).toEqual([
			[2019, 2021],
			[2020, 2020],
			[2019, 2023]
		]);
		// Amounts as French writes them, in the currency the cells name.
		expect(actions.map((a) => a.budget.amount)).toEqual([15_000_000, null, 42_500_000]);
		expect(plan.budget.currency).toBe('XOF');
		// What cannot be read is kept as text and listed.
		expect(unread).toEqual([{ ref: '1.1.2', column: 'budget', text: 'à déterminer' }]);
		expect(actions[1].description).toMatch(/\nCoût\s:\sà déterminer$/);
		expect(actions[0].indicators[0]).toMatchObject({
			statement: 'Nombre de candidates formées',
			baselineValue: '0',
			targetValue: '200',
			meansOfVerification: 'Rapports de formation'
		});
		expect(plan.context.situationAnalysis).toBe('Les femmes représentent 12 % des députés.');
		expect(plan.coordination.description).toBe(
			'Un comité national de pilotage se réunit deux fois par an.'
		);
		expect(plan.context.lessonsLearned).toContain(
			'Plan d’action national de la résolution 1325 (2019-2023)\u00a0» (2019–2023)'
		);
		expect(plan.overview.generation).toBe(2);
	});
});

describe('a results matrix in a spreadsheet', { timeout: 30_000 }, () => {
	const header = ['Objectif', 'Action', 'Indicateur', 'Responsable', 'Calendrier', 'Budget'];
	const rows = [
		[
			'1.1 Accroître la participation',
			'1.1.1 Former des médiatrices',
			'Nombre de médiatrices',
			'Ministère de la Femme',
			'2024–2026',
			'1 200 000 €'
		],
		[
			'1.1 Accroître la participation',
			'1.1.2 Créer un fichier',
			'Fichier créé',
			'Ministère de la Femme',
			'2025',
			'80 000 €'
		]
	];

	it('reads a CSV file separated by semicolons', async () => {
		const csv = [header, ...rows].map((r) => r.map((c) => `"${c}"`).join(';')).join('\r\n');
		const structure = await readStructure(new TextEncoder().encode(csv), 'matrice.csv');
		const mapping = guessMapping(structure, 'en');
		const { plan } = buildPlan(structure, mapping, { fileName: 'matrice.csv' });
		const actions = plan.pillars.flatMap((p) => p.objectives.flatMap((o) => o.actions));
		expect(actions.map((a) => [a.description, a.budget.amount, a.startYear, a.endYear])).toEqual([
			['Former des médiatrices', 1_200_000, 2024, 2026],
			['Créer un fichier', 80_000, 2025, 2025]
		]);
		expect(plan.institutions).toHaveLength(1);
		expect(plan.budget.currency).toBe('EUR');
	});

	it('reads an Excel workbook', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Matrice');
		sheet.addRow(header);
		for (const row of rows) sheet.addRow(row);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const structure = await readStructure(bytes, 'matrice.xlsx');
		const { plan } = buildPlan(structure, guessMapping(structure, 'en'), { fileName: 'm.xlsx' });
		expect(plan.pillars[0].objectives[0].actions.map((a) => a.indicators[0].statement)).toEqual([
			'Nombre de médiatrices',
			'Fichier créé'
		]);
	});
});

describe('hostile and broken files', { timeout: 30_000 }, () => {
	it('refuses a file that is not a Word file', async () => {
		expect(await refusal(new TextEncoder().encode('Not a Word file'), 'plan.docx')).toBe('notWord');
		expect(await refusal(zipSync({ 'a.txt': strToU8('a') }), 'plan.docx')).toBe('notWord');
		expect(await refusal(new Uint8Array([1, 2, 3]), 'plan.pdf')).toBe('unsupported');
		expect(await refusal(new Uint8Array(), 'plan.docx')).toBe('empty');
	});

	it('stops unpacking a zip bomb at the cap', { timeout: 60_000 }, async () => {
		const bomb = zipBomb(100);
		expect(bomb.length).toBeLessThan(1024 * 1024);
		expect(await refusal(bomb, 'plan.docx')).toBe('tooBig');
		expect(await refusal(bomb, 'plan.xlsx')).toBe('tooBig');
	});

	it('refuses malformed XML and entity bombs', async () => {
		for (const xml of Object.values(MALFORMED))
			expect(await refusal(wordPackage(xml), 'plan.docx')).toBe('malformed');
	});

	it('refuses a table of 100,000 rows', async () => {
		expect(await refusal(wordPackage(longTable(100_000)), 'plan.docx')).toBe('tooManyRows');
		const csv = 'a;b\n'.repeat(100_000);
		expect(await refusal(new TextEncoder().encode(csv), 'plan.csv')).toBe('tooManyRows');
	});

	it('refuses a file above the size limit', async () => {
		expect(await refusal(new Uint8Array(MAX_IMPORT_BYTES + 1), 'plan.docx')).toBe('tooLarge');
	});

	it('has a message for each refusal in every language', () => {
		for (const key of [
			'empty',
			'notWord',
			'unsupported',
			'tooBig',
			'notAPlan',
			'malformed',
			'tooManyRows',
			'tooLarge',
			'notSheet',
			'nothingFound'
		])
			for (const texts of [en, fr, es])
				expect((texts.errors as Record<string, string>)[key], key).toBeTruthy();
	});
});
