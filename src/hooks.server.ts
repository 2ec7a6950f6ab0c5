// Prerendering only (the app has no server): the first-visit pages get their shell (i18n/shell.ts).
import type { Handle } from '@sveltejs/kit/hooks';
import { shellHtml } from '#lib/i18n/shell.ts';
import { Texts } from '#lib/i18n/texts.ts';
import { LANGUAGES } from '#lib/plan/constants.ts';

const files = import.meta.glob<Record<string, unknown>>(
	'/locales/*/{common,home,start,import}.json',
	{
		eager: true,
		import: 'default'
	}
);
const texts = new Texts();
for (const [path, tree] of Object.entries(files)) {
	const [language, file] = path.split('/').slice(-2);
	texts.add(language, { [file.replace('.json', '')]: tree });
}
if (!LANGUAGES.every((language) => texts.translate(language, 'home.title') !== 'home.title'))
	throw new Error('The shell has no texts in some language');

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace(
				'<!--shell-->',
				shellHtml(event.route.id, (language, key) => texts.translate(language, key), '.')
			)
	});
