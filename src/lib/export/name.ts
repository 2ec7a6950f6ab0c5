import { draftFileName } from '../plan/file.ts';
import type { Language, Plan } from '../plan/schema.ts';

/** nap-<country>-<lang>.docx, the name the app and the command line give an export. */
export function exportFileName(plan: Plan, language: Language): string {
	return draftFileName(plan, `-${language}`).replace(/\.nap\.json$/, '.docx');
}

/** nap-<country>-progress-<period>-<lang>.docx: a period's progress report. */
export function reportFileName(plan: Plan, language: Language, period: string): string {
	return draftFileName(plan, `-progress-${period}-${language}`).replace(/\.nap\.json$/, '.docx');
}
