// The few constants of the plan that pages need before the schema loads (the languages, the size of a
// list, the draft file's extension). They live here, without zod, so that importing one of them does
// not bring the schema and zod into the first page load; schema.ts and file.ts re-export them.
export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The most items any list of the plan holds (institutions, actions, comments…). */
export const MAX_ITEMS = 5_000;

export const FILE_EXTENSION = '.nap.json';
