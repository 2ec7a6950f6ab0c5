// Writes every part of fifteen Word exports (the samples in each language, official and working copies,
// A4 and Letter, generated plans, progress reports, comments) into a folder, one folder per export, to
// compare the XML before and after a change to the export byte for byte:
//   npx node scripts/word-parts.ts /tmp/before   (on the commit before)
//   npx node scripts/word-parts.ts /tmp/after && diff -r /tmp/before /tmp/after
// Only docProps/core.xml differs between two runs (the time of writing).
import { Packer } from 'docx';
import { unzipSync } from 'fflate';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { buildDocument, buildReport, COPY_CONTENTS } from '../src/lib/export/docx.ts';
import { generatedPlan, withProgress } from './generated-plan.ts';
import { samplePlan } from '../tests/unit/sample-plan.ts';
import { addComment, addReply } from '../src/lib/comments/comments.ts';

const out = process.argv[2];
if (!out) throw new Error('Usage: npx node scripts/word-parts.ts <folder>');
const now = new Date('2027-01-02T03:04:05Z');
const cases: [string, () => ReturnType<typeof buildDocument>][] = [];
for (const l of ['en', 'fr', 'es'] as const) {
	cases.push([`sample-${l}`, () => buildDocument(samplePlan(l), { language: l, now })]);
	cases.push([
		`sample-${l}-official`,
		() =>
			buildDocument(samplePlan(l), {
				language: l,
				now,
				contents: COPY_CONTENTS.official,
				paper: 'letter'
			})
	]);
}
cases.push([
	'sample-en-letter',
	() => buildDocument(samplePlan('en'), { language: 'en', now, paper: 'letter' })
]);
cases.push([
	'gen-30-letter-fr',
	() => buildDocument(generatedPlan(30), { language: 'fr', now, paper: 'letter' })
]);
cases.push(['sample-fr-in-en', () => buildDocument(samplePlan('fr'), { language: 'en', now })]);
cases.push(['gen-60', () => buildDocument(generatedPlan(60), { language: 'en', now })]);
cases.push(['gen-300', () => buildDocument(generatedPlan(300), { language: 'en', now })]);
cases.push(['gen-40-es', () => buildDocument(generatedPlan(40), { language: 'es', now })]);
cases.push([
	'report-sample',
	() => buildReport(samplePlan('en'), { language: 'en', now, period: '2027' })
]);
cases.push([
	'report-gen',
	() => buildReport(withProgress(generatedPlan(50), 3), { language: 'fr', now, period: '2029' })
]);
cases.push([
	'comments',
	() => {
		const plan = samplePlan('fr');
		const at = (d: number) => new Date(`2027-03-0${d}T10:30:00Z`);
		const c = addComment(
			plan,
			{ target: 'section', targetId: 'context' },
			'Amina',
			'Ajouter.',
			at(1)
		)!;
		addReply(plan, c.id, 'Jean', 'Fait.\nVoir.', at(2));
		addComment(plan, { target: 'pillar', targetId: plan.pillars[0].id }, 'A', 'Pilier.', at(1));
		addComment(
			plan,
			{ target: 'objective', targetId: plan.pillars[0].objectives[1].id },
			'A',
			'Obj ?',
			at(1)
		);
		addComment(
			plan,
			{ target: 'action', targetId: plan.pillars[0].objectives[1].actions[0].id },
			'A',
			'Act',
			at(3)
		);
		return buildDocument(plan, { language: 'fr', now });
	}
]);
for (const [name, build] of cases) {
	const files = unzipSync(new Uint8Array(await Packer.toBuffer(build())));
	for (const [path, data] of Object.entries(files)) {
		const file = join(out, name, path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, data);
	}
}
console.log('dumped', cases.length);
