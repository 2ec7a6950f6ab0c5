// A page about a draft writes what is not saved yet as the user leaves it: the page is hidden (another
// tab, a laptop closed), unloaded, or taken down (another page of the app; Kit's beforeNavigate covers
// the links). Returns what the page's cleanup calls.
export function saveOnLeave(session: { flush(): Promise<void> }): () => void {
	const flush = () => void session.flush();
	const onHide = () => document.visibilityState === 'hidden' && flush();
	addEventListener('pagehide', flush);
	document.addEventListener('visibilitychange', onHide);
	return () => {
		flush();
		removeEventListener('pagehide', flush);
		document.removeEventListener('visibilitychange', onHide);
	};
}
