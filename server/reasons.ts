// The close reasons live with the app (src/lib/sync/reasons.ts), which turns them into messages: SvelteKit
// keeps anything under server/ out of the browser's code.
export * from '../src/lib/sync/reasons.ts';
