// Every interface text of one language in one chunk: one request before the first paint, not one per file.
export default import.meta.glob<Record<string, unknown>>('/locales/en/*.json', {
	eager: true,
	import: 'default'
});
