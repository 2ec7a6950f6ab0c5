// The app runs in the browser only (drafts live in IndexedDB); every route is prerendered as a shell.
export const ssr = false;
export const prerender = true;
