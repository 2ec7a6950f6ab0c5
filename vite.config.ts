import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-static';
import { defineConfig } from 'vitest/config';
import { createHash } from 'node:crypto';
import { SHELL_SCRIPT } from './src/lib/i18n/shell.ts';

/** The first-visit pages' inline script (i18n/shell.ts), allowed by its hash. */
const shellHash = `sha256-${createHash('sha256').update(SHELL_SCRIPT).digest('base64')}` as const;

export default defineConfig({
	plugins: [
		sveltekit({
			// SvelteKit 3 refuses a svelte.config.js: compiler options live here too.
			compilerOptions: { runes: true },
			// Static files any ministry server can host. Every route is prerendered as a shell; the
			// fallback page answers any other path.
			// precompress: .br and .gz beside each file, for servers that send them as they are (nginx
			// gzip_static, scripts/serve.js).
			adapter: adapter({ fallback: '404.html', precompress: true }),
			prerender: { entries: ['*'] },
			version: { pollInterval: 0 },
			// src/service-worker is registered through workbox-window, with the update flow of AppStatus.
			serviceWorker: { register: false },
			// Every request stays on the app's own origin; no inline script without a hash, no eval.
			// Inline style attributes (Svelte's transitions and layout) need 'unsafe-inline' in style-src.
			csp: {
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self', shellHash],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:', 'blob:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'worker-src': ['self'],
					'manifest-src': ['self'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self']
				}
			}
		})
	],
	// The Word export runs in a module worker that loads docx as ES chunks.
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
		environment: 'node'
	}
});
