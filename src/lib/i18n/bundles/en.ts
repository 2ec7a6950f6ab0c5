// Every interface text of one language; the first-visit pages load only en-first.ts.
export default import.meta.glob<Record<string, unknown>>('/locales/en/*.json', {
	eager: true,
	import: 'default'
});
