// What every part of the app that writes words takes: a function from a text key (and its values) to
// the text in one language. In the app it is the interface's i18next (i18n.svelte.ts); for a document
// in another language, an i18next instance of that language (export/strings.ts).
export type Translate = (key: string, params?: Record<string, string | number>) => string;
