// The sample plan as a test fixture: a complete plan with stable ids, read the way a draft file is read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDraftFile } from '../../src/lib/plan/file.ts';
import type { Language, Plan } from '../../src/lib/plan/schema.ts';

export function samplePlan(language: Language = 'en'): Plan {
	const result = readDraftFile(
		readFileSync(join(import.meta.dirname, `../../templates/sample/${language}.nap.json`), 'utf8')
	);
	if (!result.ok)
		throw new Error(`The ${language} sample plan is not a valid draft: ${result.error.key}`);
	return result.plan;
}
