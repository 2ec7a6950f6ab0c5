// Files for the import's tests: a Word file made another way than by the app (built with the docx
// library, French headers, a results matrix in another column order with merged header cells), and
// hostile files. Used by the unit tests and the browser test.
import {
	Document,
	HeadingLevel,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun
} from 'docx';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const h = (text: string, level: 1 | 2) =>
	new Paragraph({
		heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
		children: [new TextRun(text)]
	});
const cell = (
	text: string | string[],
	extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}
) => new TableCell({ children: (Array.isArray(text) ? text : [text]).map(p), ...extra });

/** The results matrix of the other file, row by row (objective, activity, who, partners, indicator,
 * baseline, target, period, cost, verification), as the columns are laid out in it. */
export const OTHER_ROWS = [
	[
		'1.1 Accroître la participation politique des femmes',
		'1.1.1 Former 200 candidates aux élections locales',
		'Ministère de la Promotion de la Femme (MPF)',
		'ONU-Femmes; Réseau Paix et Sécurité des Femmes',
		'Nombre de candidates formées',
		'0',
		'200',
		'2019-2021',
		'15 000 000 FCFA',
		'Rapports de formation'
	],
	[
		'1.1 Accroître la participation politique des femmes',
		'1.1.2 Instaurer un quota de 30 % dans les listes électorales',
		'Assemblée nationale',
		'MPF',
		'Loi sur les quotas adoptée',
		'Non',
		'Oui',
		'2020',
		'à déterminer',
		'Journal officiel'
	],
	[
		'2.1 Renforcer la protection des femmes et des filles',
		'2.1.1 Ouvrir des centres d’accueil pour les personnes rescapées',
		'MPF',
		'Ministère de la Santé',
		'Nombre de centres ouverts',
		'1',
		'8',
		'2019-2023',
		'42 500 000 FCFA',
		'Rapports annuels du MPF'
	]
];

/** The columns of the other file's matrix, left to right, as indexes of OTHER_ROWS' values. */
const ORDER = [0, 1, 4, 5, 6, 2, 3, 7, 8, 9];

/** A plan's Word file as another tool writes it: French headings, its own chapters, a matrix whose
 * indicator columns sit under one merged header and whose other headers span two rows. */
export async function otherWordFile(): Promise<Uint8Array> {
	const single = (text: string) => cell(text, { rowSpan: 2 });
	const header1 = new TableRow({
		tableHeader: true,
		children: [
			single('Résultat attendu'),
			single('Activités'),
			cell('Indicateurs', { columnSpan: 3 }),
			single('Structure d’exécution'),
			single('Partenaires'),
			single('Période'),
			single('Coût'),
			single('Sources de vérification')
		]
	});
	const header2 = new TableRow({
		tableHeader: true,
		children: [cell('Libellé'), cell('Situation de référence'), cell('Cible')]
	});
	const body = OTHER_ROWS.map((row) => new TableRow({ children: ORDER.map((i) => cell(row[i])) }));
	const document = new Document({
		sections: [
			{
				children: [
					new Paragraph({
						heading: HeadingLevel.TITLE,
						children: [new TextRun('Plan d’action national de la résolution 1325 (2019-2023)')]
					}),
					h('Analyse de la situation', 1),
					p('Les femmes représentent 12 % des députés.'),
					h('Dispositif de pilotage', 1),
					p('Un comité national de pilotage se réunit deux fois par an.'),
					h('Axe 1\u00a0: Participation', 1),
					p('Participation des femmes à la vie publique.'),
					h('Axe 2\u00a0: Protection', 1),
					p('Protection des femmes et des filles contre les violences.'),
					h('Matrice des actions', 1),
					new Table({ rows: [header1, header2, ...body] })
				]
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(document));
}

/** A package whose document part unpacks to `megabytes` MB of zeros from a few kilobytes. */
export function zipBomb(megabytes = 200): Uint8Array {
	const parts: Uint8Array[] = [];
	const zip = new Zip((error, data) => {
		if (error) throw error;
		parts.push(data);
	});
	const file = new ZipDeflate('word/document.xml', { level: 9 });
	zip.add(file);
	const zeros = new Uint8Array(1 << 20);
	for (let i = 0; i < megabytes; i++) file.push(zeros, i === megabytes - 1);
	zip.end();
	const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** A Word package around a document part of one's own. */
export const wordPackage = (documentXml: string): Uint8Array =>
	zipSync({
		'[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
		'word/document.xml': strToU8(documentXml)
	});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A document part with one table of `rows` rows. */
export function longTable(rows: number): string {
	const row = '<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>';
	return `<w:document ${W}><w:body><w:tbl>${row.repeat(rows)}</w:tbl></w:body></w:document>`;
}

/** Document parts that are not well-formed XML, or that carry an entity bomb. */
export const MALFORMED = {
	unclosed: `<w:document ${W}><w:body><w:p><w:r><w:t>Text</w:t></w:r></w:body></w:document>`,
	entities: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document ${W}><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`,
	notXml: 'This is not XML at all'
};
