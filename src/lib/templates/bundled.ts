// The library as the app ships it: every file under templates/library/ but the step guidance
// (which guidance.ts brings to the wizard), bundled by Vite into the chunk of whichever page first needs it.
import { buildLibrary, type Library } from './library.ts';

const files = import.meta.glob<unknown>(
	['/templates/library/**/*.json', '!/templates/library/guidance.json'],
	{ eager: true, import: 'default' }
);

let library: Library | undefined;
export function bundledLibrary(): Library {
	return (library ??= buildLibrary(Object.values(files)));
}
