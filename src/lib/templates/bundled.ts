// The library as the app ships it: every file under templates/library/, bundled by Vite into the
// chunk of whichever page first needs it.
import { buildLibrary, type Library } from './library.ts';

const files = import.meta.glob<unknown>('/templates/library/**/*.json', { eager: true, import: 'default' });

let library: Library | undefined;
export function bundledLibrary(): Library {
	return (library ??= buildLibrary(Object.values(files)));
}
