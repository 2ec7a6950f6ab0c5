// Reviewers' comments in the Word export: real Word comments, anchored on the text they are about.
import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { addComment, addReply, resolveComment } from '../comments/comments.ts';
import { removeItem } from '../plan/operations.ts';
import type { Language, Plan } from '../plan/schema.ts';
import { buildDocument } from './docx.ts';
import { exportStrings } from './strings.ts';
import { samplePlan as sample } from '../../../tests/unit/sample-plan.ts';
import { decodeXml as decode, wordTexts } from '../../../tests/unit/word-xml.ts';

async function parts(plan: Plan, language: Language) {
	const files = unzipSync(new Uint8Array(await Packer.toBuffer(buildDocument(plan, { language }))));
	const part = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
	return {
		document: part('word/document.xml')!,
		comments: part('word/comments.xml'),
		extended: part('word/commentsExtended.xml'),
		types: part('[Content_Types].xml')!
	};
}

const textsOf = (xml: string) => wordTexts(xml).join('');

/** The text a Word comment is anchored on: what lies between its range start and end. */
function anchoredText(document: string, id: string): string {
	const start = document.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
	const end = document.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
	expect(start, `range start of comment ${id}`).toBeGreaterThan(-1);
	expect(end, `range end of comment ${id}`).toBeGreaterThan(start);
	expect(
		document.indexOf(`<w:commentReference w:id="${id}"/>`),
		`reference of comment ${id}`
	).toBeGreaterThan(end);
	return textsOf(document.slice(start, end));
}

/** The Word comments, by their text: id, author, initials, date and the id of the comment replied to. */
function wordComments(xml: string) {
	return [...xml.matchAll(/<w:comment ([^>]*)>([\s\S]*?)<\/w:comment>/g)].map((m) => {
		const attr = (name: string) => decode(m[1].match(new RegExp(`w:${name}="([^"]*)"`))?.[1] ?? '');
		return {
			id: attr('id'),
			author: attr('author'),
			initials: attr('initials'),
			date: attr('date'),
			text: textsOf(m[2])
		};
	});
}

describe('comments in the Word export', () => {
	const plan = sample('fr');
	const pillar = plan.pillars[0];
	const objective = pillar.objectives[1];
	const action = objective.actions[0];
	const indicator = action.indicators[0];
	const at = (day: number) => new Date(`2027-03-0${day}T10:30:00Z`);
	const onContext = addComment(
		plan,
		{ target: 'section', targetId: 'context' },
		'Amina Diallo',
		'Ajouter les données de 2026.',
		at(1)
	)!;
	addReply(plan, onContext.id, 'Jean Martin', 'Fait.\nVoir le tableau.', at(2));
	addComment(
		plan,
		{ target: 'pillar', targetId: pillar.id },
		'Amina Diallo',
		'Pilier clair.',
		at(1)
	);
	addComment(
		plan,
		{ target: 'objective', targetId: objective.id },
		'Amina Diallo',
		'Objectif mesurable ?',
		at(1)
	);
	addComment(
		plan,
		{ target: 'action', targetId: action.id },
		'Jean Martin',
		'Qui finance ?',
		at(1)
	);
	addComment(
		plan,
		{ target: 'indicator', targetId: indicator.id },
		'Amina Diallo',
		'Valeur de référence ?',
		at(1)
	);
	addComment(
		plan,
		{ target: 'section', targetId: 'budget' },
		'Amina Diallo',
		'Budget <total> & sources',
		at(1)
	);
	const resolved = addComment(
		plan,
		{ target: 'section', targetId: 'overview' },
		'Amina Diallo',
		'Titre réglé',
		at(1)
	)!;
	resolveComment(plan, resolved.id, 'Jean Martin', at(3));
	const removedIndicator = action.indicators[1];
	addComment(
		plan,
		{ target: 'indicator', targetId: removedIndicator.id },
		'Amina Diallo',
		'Indicateur supprimé depuis',
		at(1)
	);
	removeItem(action.indicators, removedIndicator.id);
	const t = exportStrings('fr');

	it('writes a comments part, declared in the package, with author, initials and date', async () => {
		const { comments, types } = await parts(plan, 'fr');
		expect(comments).toBeDefined();
		expect(types).toContain('/word/comments.xml');
		const list = wordComments(comments!);
		const context = list.find((c) => c.text === 'Ajouter les données de 2026.');
		expect(context).toMatchObject({ author: 'Amina Diallo', initials: 'AD' });
		expect(new Date(context!.date).toISOString()).toBe('2027-03-01T10:30:00.000Z');
		expect(list.find((c) => c.text === 'Budget <total> & sources')?.author).toBe('Amina Diallo');
	});

	it('leaves out resolved comments and comments on removed items; the plan keeps them', async () => {
		const { comments } = await parts(plan, 'fr');
		const texts = wordComments(comments!).map((c) => c.text);
		expect(texts).not.toContain('Titre réglé');
		expect(texts).not.toContain('Indicateur supprimé depuis');
		// Six open comments and one reply.
		expect(texts).toHaveLength(7);
		expect(plan.comments).toHaveLength(8);
	});

	it('anchors each comment on its text: a section on its chapter heading (in French), an item on its heading, title, description or statement', async () => {
		const { document, comments } = await parts(plan, 'fr');
		const idOf = (text: string) => wordComments(comments!).find((c) => c.text === text)!.id;
		expect(anchoredText(document, idOf('Ajouter les données de 2026.'))).toBe(
			t('export.chapters.context')
		);
		expect(t('export.chapters.context')).toBe('Contexte et analyse de la situation');
		expect(anchoredText(document, idOf('Budget <total> & sources'))).toBe(
			t('export.chapters.budget')
		);
		expect(anchoredText(document, idOf('Pilier clair.'))).toBe(
			`1. ${t('options.pillar.participation')}`
		);
		expect(anchoredText(document, idOf('Objectif mesurable ?'))).toBe(objective.title.trim());
		expect(anchoredText(document, idOf('Qui finance ?'))).toBe(
			action.description
				.split('\n')
				.map((l) => l.trimEnd())
				.join('')
		);
		expect(anchoredText(document, idOf('Valeur de référence ?'))).toBe(indicator.statement);
	});

	it('threads a reply under its comment, on the same text, each paragraph of it kept', async () => {
		const { document, comments, extended } = await parts(plan, 'fr');
		const list = wordComments(comments!);
		const parent = list.find((c) => c.text === 'Ajouter les données de 2026.')!;
		const reply = list.find((c) => c.author === 'Jean Martin' && c.text.startsWith('Fait.'))!;
		expect(reply).toMatchObject({ initials: 'JM', text: 'Fait.Voir le tableau.' });
		expect(
			comments!
				.match(new RegExp(`<w:comment [^>]*w:id="${reply.id}"[^>]*>([\\s\\S]*?)</w:comment>`))![1]
				.match(/<w:p[ >]/g)
		).toHaveLength(2);
		expect(anchoredText(document, reply.id)).toBe(t('export.chapters.context'));
		expect(extended).toBeDefined();
		expect(extended).toMatch(/w15:paraIdParent="[0-9A-F]{8}"/);
		expect(Number(reply.id)).toBeGreaterThan(Number(parent.id));
	});

	it('puts a comment on each section on its chapter (the overview on the title, the pillars section on the results matrix), and spans a description of several paragraphs', async () => {
		const plan = sample('es');
		const es = exportStrings('es');
		const sections = {
			overview: plan.overview.title,
			consultation: es('export.chapters.consultation'),
			pillars: es('export.chapters.resultsMatrix'),
			coordination: es('export.chapters.coordination')
		};
		for (const step of Object.keys(sections))
			addComment(plan, { target: 'section', targetId: step }, 'Ana López', `Sobre ${step}`);
		const action = plan.pillars[1].objectives[0].actions[1];
		action.description = 'Primera línea\nSegunda línea';
		addComment(plan, { target: 'action', targetId: action.id }, 'Ana López', 'Sobre la acción');
		const { document, comments } = await parts(plan, 'es');
		const idOf = (text: string) => wordComments(comments!).find((c) => c.text === text)!.id;
		for (const [step, heading] of Object.entries(sections))
			expect(anchoredText(document, idOf(`Sobre ${step}`)), step).toBe(heading);
		const id = idOf('Sobre la acción');
		expect(anchoredText(document, id)).toBe('Primera líneaSegunda línea');
		const span = document.slice(
			document.indexOf(`<w:commentRangeStart w:id="${id}"/>`),
			document.indexOf(`<w:commentRangeEnd w:id="${id}"/>`)
		);
		expect(span.match(/<\/w:p>/g)).toHaveLength(1);
	});

	it('adds no comments part to a plan without comments', async () => {
		const { comments, document } = await parts(sample('en'), 'en');
		expect(comments).toBeUndefined();
		expect(document).not.toContain('commentRangeStart');
	});
});
