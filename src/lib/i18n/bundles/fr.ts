// Every interface text of one language; the first-visit pages load only fr-first.ts.
export default import.meta.glob<Record<string, unknown>>('/locales/fr/*.json', {
	eager: true,
	import: 'default'
});
