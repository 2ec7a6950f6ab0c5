// For eslint-plugin-import-x's no-cycle: a .svelte file parsed by svelte-eslint-parser has its
// imports inside <script> elements, where import-x does not look. This parser lifts the statements
// of each <script> to the top of the program, so that the imports of a component are followed too.
import { parseForESLint as parseSvelte } from 'svelte-eslint-parser';

/**
 * @param {string} code
 * @param {Record<string, unknown>} options
 */
export function parseForESLint(code, options) {
	const result = parseSvelte(code, options);
	/** @type {any} */
	const program = result.ast;
	program.body = program.body.flatMap((/** @type {{ type: string, body?: unknown[] }} */ node) =>
		node.type === 'SvelteScriptElement' ? (node.body ?? []) : []
	);
	return result;
}
