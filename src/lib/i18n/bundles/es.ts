// Every interface text of one language; the first-visit pages load only es-first.ts.
export default import.meta.glob<Record<string, unknown>>('/locales/es/*.json', {
	eager: true,
	import: 'default'
});
