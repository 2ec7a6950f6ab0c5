import prettier from 'eslint-config-prettier';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint strongly recommend that you do not use the no-undef lint rule on TypeScript projects.
			// see: https://typescript-eslint.io/troubleshooting/faqs/eslint/#i-get-errors-from-the-no-undef-rule-about-global-variables-not-being-defined-even-though-there-are-no-typescript-errors
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser
			}
		}
	},
	{
		// No import cycles in the app or the sync server (dynamic imports count; `import type` does not).
		// Imports carry their `.ts` extension and `#lib/*` is package.json's import map: both resolved
		// as TypeScript resolves them, through tsconfig.json (which `svelte-kit sync`, npm's prepare, completes).
		files: ['src/**', 'server/**'],
		plugins: { 'import-x': importX },
		// import-x parses each imported .svelte file itself, with the importer's parser options.
		languageOptions: { parserOptions: { parser: ts.parser } },
		settings: {
			'import-x/extensions': ['.ts', '.js', '.svelte'],
			'import-x/parsers': {
				[path.resolve(import.meta.dirname, 'scripts/eslint-svelte-imports.js')]: ['.svelte'],
				'@typescript-eslint/parser': ['.ts']
			},
			'import-x/resolver-next': [
				createTypeScriptImportResolver({ project: './tsconfig.json' }),
				createNodeResolver()
			]
		},
		rules: {
			'import-x/no-cycle': 'error'
		}
	},
	{
		// Override or add rule settings here, such as:
		// 'svelte/button-has-type': 'error'
		rules: {
			// The Word export strips the control characters XML 1.0 forbids, with regexes that name them.
			'no-control-regex': 'off',
			// State here is $state reassigned whole; the Maps, Sets, Dates and URLs it flags are not state
			// (module registries, lookups a $derived rebuilds, timestamps, a worker's URL).
			'svelte/prefer-svelte-reactivity': 'off'
		}
	}
);
