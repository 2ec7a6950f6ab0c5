// The texts the first-visit pages need (the home and start pages, and the frame of every page), in
// one chunk: a first visit does not wait for every text of the app. bundles/fr.ts holds them all.
// The same namespaces in each language (i18n.test.ts checks it).
export default import.meta.glob<Record<string, unknown>>(
	'/locales/fr/{app,common,home,import,start,wizard,comments,file,workshop,progress}.json',
	{ eager: true, import: 'default' }
);
