import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-static';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit({
			// SvelteKit 3 refuses a svelte.config.js: compiler options live here too.
			compilerOptions: { runes: true },
			// Static files any ministry server can host. Every route is prerendered as a shell; the
			// fallback page answers any other path.
			adapter: adapter({ fallback: '404.html' }),
			prerender: { entries: ['*'] },
			version: { pollInterval: 0 }
		})
	],
	// The Word export runs in a module worker that loads docx as ES chunks.
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
