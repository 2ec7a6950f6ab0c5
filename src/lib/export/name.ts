import { draftFileName } from '../plan/file.ts';
import type { Language, Plan } from '../plan/schema.ts';

/** nap-<country>-<lang>.docx, the name the app and the command line give an export. */
export function exportFileName(plan: Plan, language: Language): string {
	return draftFileName(plan, `-${language}`).replace(/\.nap\.json$/, '.docx');
}
