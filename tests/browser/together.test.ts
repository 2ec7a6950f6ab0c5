// Drafting together, as people do it: a coordinator shares a draft and makes invitation links; others
// open them in their own browsers (separate contexts: separate devices). Driven by role and accessible
// name, against the sync server that `npm start` serves beside the app (playwright.config.ts gives it
// a data file of its own).
import AxeBuilder from '@axe-core/playwright';
import {
	expect as baseExpect,
	test,
	type Browser,
	type BrowserContext,
	type Page,
	type WebSocketRoute
} from '@playwright/test';
import { chooseLanguage, expectNoEnglish, gotoStep, strings, waitForSaved } from './helpers.ts';

const en = strings('en');
const text = (key: string, params: Record<string, string | number> = {}) =>
	en.get(key)!.replace(/{{(\w+)}}/g, (_, name: string) => String(params[name]));

// The sample plan is large and two or three browsers share the machine with other work: joining a
// draft (fetching it whole, storing it, opening it) or an edit crossing to another browser may take
// several seconds here, not the one it takes on an idle machine.
test.setTimeout(120_000);
const expect = baseExpect.configure({ timeout: 20_000 });

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
	for (const context of contexts.splice(0)) await context.close();
});

async function device(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	contexts.push(context);
	return context.newPage();
}

const vision = (page: Page) =>
	page.getByRole('textbox', { name: en.get('fields.overview.vision')!, exact: true });
const goal = (page: Page) =>
	page.getByRole('textbox', { name: en.get('fields.overview.goal')!, exact: true });
const foreword = (page: Page) =>
	page.getByRole('textbox', { name: en.get('fields.overview.foreword')!, exact: true });
const syncStatus = (page: Page, key: string, params?: Record<string, string | number>) =>
	page.getByRole('status').filter({ hasText: text(`sharing.status.${key}`, params) });

/** The coordinator opens the sample plan and shares it. */
async function coordinator(browser: Browser): Promise<Page> {
	const page = await device(browser);
	await page.goto('/');
	await page.getByRole('button', { name: en.get('home.sample')! }).click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await waitForSaved(page);
	await page.getByRole('button', { name: en.get('sharing.share')!, exact: true }).click();
	await page.getByRole('button', { name: en.get('sharing.shareDraft')! }).click();
	await expect(page.getByText(en.get('sharing.shared')!)).toBeVisible();
	await expect(syncStatus(page, 'synced')).toBeVisible();
	return page;
}

/** The coordinator makes an invitation link for `who` in `role`; returns its address. */
async function invite(
	page: Page,
	role: 'editor' | 'commenter' | 'reader',
	who: string
): Promise<string> {
	await page
		.getByRole('combobox', { name: en.get('sharing.role')! })
		.selectOption({ label: en.get(`sharing.roles.${role}`)! });
	await page.getByRole('textbox', { name: en.get('sharing.label')! }).fill(who);
	await page.getByRole('button', { name: en.get('sharing.createLink')! }).click();
	const link = page.getByRole('textbox', { name: text('sharing.linkFor', { who }) });
	await expect(link).toHaveValue(/\/join#/);
	// The secret is in the fragment, which no request carries.
	const url = await link.inputValue();
	expect(new URL(url).pathname).toBe('/join');
	return url;
}

/**
 * Someone opens an invitation on their own device and lands in the wizard on the shared draft: the
 * plan shows as the server read it out, then the shared documents come and it is in sync.
 */
async function join(browser: Browser, url: string): Promise<Page> {
	const page = await device(browser);
	await page.goto(url);
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await expect(
		page.getByRole('textbox', { name: en.get('fields.overview.title')!, exact: true })
	).not.toHaveValue('');
	await expect(syncStatus(page, 'synced')).toBeVisible();
	return page;
}

test('joining shows the plan at once, as the server read it out, read only until the shared documents have come', async ({
	browser
}) => {
	const owner = await coordinator(browser);
	await vision(owner).fill('Read out by the server before the documents come.');
	await expect(syncStatus(owner, 'synced')).toBeVisible();
	const url = await invite(owner, 'editor', 'Ministry of Women');
	const page = await device(browser);
	// The shared documents' socket answers nothing at first (a slow or stalled connection); once let
	// through, the one it opens again reaches the server.
	const held: WebSocketRoute[] = [];
	let holding = true;
	await page.routeWebSocket(/\/sync$/, (socket) => {
		if (!holding) return void socket.connectToServer();
		held.push(socket);
		socket.onMessage(() => {}); // heard, never answered
	});
	await page.goto(url);
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await expect(vision(page)).toHaveValue('Read out by the server before the documents come.');
	await expect(vision(page)).toBeDisabled();
	expect(held.length).toBeGreaterThan(0);

	holding = false;
	for (const socket of held) await socket.close({ code: 4000, reason: 'let through' });
	await expect(syncStatus(page, 'synced')).toBeVisible();
	await expect(vision(page)).toBeEnabled();
	await goal(page).fill('Typed once the documents came.');
	await expect(goal(owner)).toHaveValue('Typed once the documents came.');
});

test('an edit on one device appears on the other, both ways', async ({ browser }) => {
	const owner = await coordinator(browser);
	const editor = await join(browser, await invite(owner, 'editor', 'Ministry of Defence'));
	await expect(vision(editor)).toHaveValue(await vision(owner).inputValue());
	await expect(syncStatus(editor, 'synced')).toBeVisible();

	await vision(owner).fill('A Lumeria at peace, drafted by all its ministries.');
	await expect(vision(editor)).toHaveValue('A Lumeria at peace, drafted by all its ministries.');
	await goal(editor).fill('Every ministry owns its part of the plan.');
	await expect(goal(owner)).toHaveValue('Every ministry owns its part of the plan.');
	// Each device keeps the draft as its own: a reload opens it with both edits.
	await waitForSaved(editor);
	await editor.reload();
	await expect(vision(editor)).toHaveValue('A Lumeria at peace, drafted by all its ministries.');
	await expect(goal(editor)).toHaveValue('Every ministry owns its part of the plan.');
});

test('two people typing in the same long field at once both keep their text', async ({
	browser
}) => {
	const owner = await coordinator(browser);
	const editor = await join(browser, await invite(owner, 'editor', 'Ministry of Justice'));
	const start = 'The plan is written by the ministries together.';
	await vision(owner).fill(start);
	await expect(vision(editor)).toHaveValue(start);

	const defence = ' Defence adds its targets for women in the armed forces.';
	const justice = 'Justice adds its targets for women judges. ';
	await vision(owner).click();
	await vision(owner).press('ControlOrMeta+End');
	await vision(editor).click();
	await vision(editor).press('ControlOrMeta+Home');
	await Promise.all([
		vision(owner).pressSequentially(defence, { delay: 40 }),
		vision(editor).pressSequentially(justice, { delay: 40 })
	]);

	const both = `${justice}${start}${defence}`;
	await expect(vision(owner)).toHaveValue(both);
	await expect(vision(editor)).toHaveValue(both);
});

test('a device offline keeps its edits, says they wait, and both devices have every edit once it reconnects', async ({
	browser
}) => {
	const owner = await coordinator(browser);
	const editor = await join(browser, await invite(owner, 'editor', 'Ministry of Interior'));

	await editor.context().setOffline(true);
	await expect(syncStatus(editor, 'offlineNone')).toBeVisible();
	await goal(editor).fill('Written on the train, offline.');
	await expect(syncStatus(editor, 'offline_one', { count: 1 })).toBeVisible();
	await foreword(owner).fill('Written at the ministry, online.');
	// Nothing crosses while one is offline.
	await expect(goal(owner)).not.toHaveValue('Written on the train, offline.');
	await expect(foreword(editor)).not.toHaveValue('Written at the ministry, online.');

	await editor.context().setOffline(false);
	await expect(syncStatus(editor, 'synced')).toBeVisible();
	await expect(goal(owner)).toHaveValue('Written on the train, offline.');
	await expect(foreword(editor)).toHaveValue('Written at the ministry, online.');
	await expect(goal(editor)).toHaveValue('Written on the train, offline.');
	await expect(foreword(owner)).toHaveValue('Written at the ministry, online.');
});

test("undo takes back one's own change, never a colleague's, by button or by keyboard", async ({
	browser
}) => {
	const owner = await coordinator(browser);
	const editor = await join(browser, await invite(owner, 'editor', 'Ministry of Women'));
	const before = await vision(owner).inputValue();
	await vision(owner).fill('The coordinator’s vision.');
	await goal(editor).fill('The ministry’s goal.');
	await expect(goal(owner)).toHaveValue('The ministry’s goal.');
	await expect(vision(editor)).toHaveValue('The coordinator’s vision.');

	const undo = owner.getByRole('button', { name: en.get('sharing.undo')! });
	await undo.click();
	await expect(vision(owner)).toHaveValue(before);
	await expect(goal(owner)).toHaveValue('The ministry’s goal.');
	await expect(vision(editor)).toHaveValue(before);
	await expect(goal(editor)).toHaveValue('The ministry’s goal.');
	// Focus stays on the button; Ctrl+Shift+Z (Cmd on a Mac) there redoes it.
	await expect(undo).toBeFocused();
	await owner.keyboard.press('ControlOrMeta+Shift+Z');
	await expect(vision(owner)).toHaveValue('The coordinator’s vision.');
	await expect(vision(editor)).toHaveValue('The coordinator’s vision.');
	await owner.keyboard.press('ControlOrMeta+Z');
	await expect(vision(editor)).toHaveValue(before);
});

/** The plan's institutions in the order a device shows them (the group of each one's controls). */
const institutionOrder = (page: Page) =>
	page
		.getByRole('group', { name: /^Institution \d+/ })
		.evaluateAll((groups) => groups.map((g) => g.getAttribute('aria-label')));

test('three people reorder the institutions at once, one editing an acronym another moves: all three end with one order and the edit', async ({
	browser
}) => {
	const owner = await coordinator(browser);
	const [defence, justice] = [
		await join(browser, await invite(owner, 'editor', 'Ministry of Defence')),
		await join(browser, await invite(owner, 'editor', 'Ministry of Justice'))
	];
	const move = (page: Page, where: 'Up' | 'Down', institution: string) =>
		page
			.getByRole('button', {
				name: new RegExp(`^${en.get(`common.move${where}`)}: Institution \\d+: ${institution}`)
			})
			.click();
	const acronym = (page: Page, institution: string) =>
		page.getByRole('textbox', {
			name: new RegExp(`^${en.get('fields.institution.acronym')}.*${institution}`)
		});
	await expect(acronym(defence, 'Ministry of Defence')).toHaveValue('MoD');
	await expect(acronym(justice, 'Ministry of Defence')).toHaveValue('MoD');
	// Offline, so that each change is made without the others': they meet when the devices reconnect.
	for (const page of [owner, defence, justice]) await page.context().setOffline(true);
	await move(owner, 'Down', 'Ministry of Defence');
	await move(owner, 'Down', 'Ministry of Defence');
	await move(justice, 'Up', 'Ministry of Justice');
	await move(justice, 'Up', 'Ministry of Justice');
	await acronym(defence, 'Ministry of Defence').fill('MinDef');
	await move(defence, 'Down', 'Lumerian Women');
	for (const page of [owner, defence, justice]) await page.context().setOffline(false);

	for (const page of [owner, defence, justice])
		await expect(acronym(page, 'Ministry of Defence')).toHaveValue('MinDef');
	const order = await institutionOrder(owner);
	for (const page of [defence, justice])
		await expect.poll(() => institutionOrder(page)).toEqual(await institutionOrder(owner));
	expect(order.filter((name) => name?.includes('Ministry of Defence'))).toHaveLength(1);
	expect(order).toHaveLength(9);
});

test('colleagues in the draft are listed with their institution and step, and a field a colleague types in says so', async ({
	browser
}) => {
	const owner = await coordinator(browser);
	const editor = await join(browser, await invite(owner, 'editor', 'Ministry of Defence'));
	await expect(
		owner.getByRole('heading', { name: text('sharing.presence.title_one', { count: 1 }) })
	).toBeVisible();
	await editor.getByText(en.get('sharing.presence.me')!).click();
	await editor.getByRole('textbox', { name: en.get('sharing.presence.name')! }).fill('Amina');
	await editor.getByRole('textbox', { name: en.get('sharing.presence.name')! }).press('Tab');
	await editor
		.getByRole('combobox', { name: en.get('sharing.presence.institution')! })
		.selectOption({ label: 'Ministry of Defence' });
	await expect(
		owner.getByRole('listitem').filter({
			hasText: text('sharing.presence.onStep', {
				who: text('sharing.presence.nameAt', { name: 'Amina', institution: 'Ministry of Defence' }),
				step: en.get('wizard.steps.overview.title')!
			})
		})
	).toBeVisible();

	await vision(editor).click();
	await vision(editor).pressSequentially(' More.', { delay: 50 });
	await expect(
		owner.getByText(text('sharing.presence.typingHere', { names: 'Amina' }))
	).toBeVisible();
	await gotoStep(editor, 'context');
	await expect(
		owner.getByText(text('sharing.presence.typingHere', { names: 'Amina' }))
	).toHaveCount(0);
	await expect(
		owner.getByRole('listitem').filter({
			hasText: text('sharing.presence.onStep', {
				who: text('sharing.presence.nameAt', { name: 'Amina', institution: 'Ministry of Defence' }),
				step: en.get('wizard.steps.context.title')!
			})
		})
	).toBeVisible();
});

test('a reader sees the plan as it changes and can change nothing', async ({ browser }) => {
	const owner = await coordinator(browser);
	const reader = await join(browser, await invite(owner, 'reader', 'Parliament library'));
	await expect(
		reader.getByText(text('sharing.status.readOnly', { role: en.get('sharing.roles.reader')! }))
	).toBeVisible();
	await expect(vision(reader)).toBeDisabled();
	await expect(
		reader.getByRole('button', { name: en.get('fields.institutions.add')! })
	).toBeDisabled();
	await expect(reader.getByRole('button', { name: en.get('sharing.undo')! })).toHaveCount(0);

	await vision(owner).fill('Read by parliament as it is written.');
	await expect(vision(reader)).toHaveValue('Read by parliament as it is written.');
});

test('a commenter cannot edit the plan but comments in review mode, and the coordinator sees the comment', async ({
	browser
}) => {
	const owner = await coordinator(browser);
	const commenter = await join(browser, await invite(owner, 'commenter', 'Parliament committee'));
	await expect(commenter.getByText(en.get('sharing.status.commenter')!)).toBeVisible();
	await expect(vision(commenter)).toBeDisabled();

	await commenter.getByRole('link', { name: new RegExp(en.get('comments.reviewLink')!) }).click();
	await expect(commenter).toHaveURL(/\/review\?id=/);
	await commenter
		.getByRole('button', { name: text('comments.commentOn', { part: 'Context' }), exact: true })
		.click();
	await commenter.getByLabel(en.get('comments.reviewer.label')!).fill('Amina Diallo');
	await commenter
		.getByLabel(text('comments.textLabel', { part: 'Context' }))
		.fill('Add the 2026 survey figures.');
	await commenter.getByRole('button', { name: en.get('comments.add')! }).click();
	await expect(
		commenter.locator('article.comment', { hasText: 'Add the 2026 survey figures.' })
	).toBeFocused();

	await expect(
		owner.getByRole('link', { name: new RegExp(en.get('comments.reviewLink')!) })
	).toContainText(text('comments.openCount_one', { count: 1 }));
	await owner.getByRole('link', { name: new RegExp(en.get('comments.reviewLink')!) }).click();
	await expect(
		owner.locator('article.comment', { hasText: 'Add the 2026 survey figures.' })
	).toContainText('Amina Diallo');
});

test('a revoked link disconnects its holder and lets nobody in', async ({ browser }) => {
	const owner = await coordinator(browser);
	const url = await invite(owner, 'editor', 'Former adviser');
	const editor = await join(browser, url);
	await expect(syncStatus(editor, 'synced')).toBeVisible();

	await owner
		.getByRole('button', { name: text('sharing.revoke', { who: 'Former adviser' }) })
		.click();
	await expect(owner.getByText(`(${en.get('sharing.revoked')})`)).toBeVisible();
	await expect(
		editor.getByRole('alert').filter({ hasText: en.get('sharing.refused.link-revoked')! })
	).toBeVisible();
	// Edits made after that no longer reach the holder.
	await vision(owner).fill('Only for those still invited.');
	await expect(vision(editor)).not.toHaveValue('Only for those still invited.');

	const stranger = await device(browser);
	await stranger.goto(url);
	await expect(stranger.getByRole('alert')).toHaveText(en.get('sharing.refused.link-revoked')!);
	await expect(
		stranger.getByRole('textbox', { name: en.get('fields.overview.title')!, exact: true })
	).toHaveCount(0);
});

test('the sharing panel and the status line meet WCAG 2.1 AA, and read in French', async ({
	browser
}) => {
	const owner = await coordinator(browser);
	await invite(owner, 'commenter', 'Parliament');
	const { violations } = await new AxeBuilder({ page: owner })
		.include('.step-bar')
		.include('.sync-status')
		.include('#share-panel')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
	).toEqual([]);
	await chooseLanguage(owner, 'fr');
	const fr = strings('fr');
	await expect(
		owner.getByRole('status').filter({ hasText: fr.get('sharing.status.synced')! })
	).toBeVisible();
	await expect(
		owner.getByRole('button', { name: fr.get('sharing.revoke')!.replace('{{who}}', 'Parliament') })
	).toBeVisible();
	await expectNoEnglish(owner, 'fr');
});

test('on a host without the sync server, sharing says it is not available', async ({ browser }) => {
	const page = await device(browser);
	// What a static host answers for any path it does not have: its 404 page.
	await page.route('**/sync/api/**', (route) =>
		route.fulfill({
			status: 404,
			contentType: 'text/html',
			body: '<!doctype html><title>Not found</title><p>Not found</p>'
		})
	);
	await page.goto('/');
	await page.getByRole('button', { name: en.get('home.sample')! }).click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	await page.getByRole('button', { name: en.get('sharing.share')!, exact: true }).click();
	await page.getByRole('button', { name: en.get('sharing.shareDraft')! }).click();
	await expect(page.getByRole('alert')).toHaveText(en.get('sharing.unavailable')!);
	await expect(page.getByRole('button', { name: en.get('sharing.shareDraft')! })).toBeVisible();
});

test('offline, with the app served by its service worker, sharing says the server cannot be reached', async ({
	browser
}) => {
	const page = await device(browser);
	await page.goto('/');
	await page.getByRole('button', { name: en.get('home.sample')! }).click();
	await expect(page).toHaveURL(/\/plan\/overview\?id=/);
	// The service worker has installed the app and answers this page's requests.
	await page.evaluate(() => navigator.serviceWorker.ready);
	if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await page.context().setOffline(true);
	await page.getByRole('button', { name: en.get('sharing.share')!, exact: true }).click();
	await page.getByRole('button', { name: en.get('sharing.shareDraft')! }).click();
	// Not the app shell read as a server without sharing: the request failed, and the page says so.
	await expect(page.getByRole('alert')).toHaveText(en.get('sharing.offline')!);
});
