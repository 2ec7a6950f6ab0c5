// Joint drafting: the coordinating ministry saves its master plan to a file, two ministries send
// back files made from it (each with additions, both rewriting the same action differently), and the
// master takes in what it accepts, settling the conflict, with each merged item marked by its source.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
	DEFENCE_ACTION,
	DEFENCE_INDICATOR,
	JUSTICE_ACTION,
	JUSTICE_OBJECTIVE,
	ministryFiles
} from './contributions.ts';
import { gotoStep, strings, waitForSaved } from './helpers.ts';

test('merge two ministries’ files into the master: additions, one conflict settled, contributions marked', async ({
	page
}, testInfo) => {
	await page.goto('/');
	await page.locator('#sample-plan').click();
	await waitForSaved(page);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Save a copy to a file' }).click();
	const master = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
	const firstAction = master.pillars[0].objectives[0].actions[0];
	const { defence, justice } = ministryFiles(master, {
		defence: 'Train all contingents before deployment.',
		justice: 'Prosecute every case of sexual exploitation.'
	});
	const files = {
		defence: testInfo.outputPath('defence.nap.json'),
		justice: testInfo.outputPath('justice.nap.json')
	};
	writeFileSync(files.defence, JSON.stringify(defence));
	writeFileSync(files.justice, JSON.stringify(justice));

	await page.getByRole('link', { name: 'Merge contributions' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Merge contributions from other ministries'
	);

	// A broken file: the reason, and nothing else happens.
	await page.locator('#merge-files').setInputFiles({
		name: 'broken.nap.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format": "nap-')
	});
	await expect(page.getByRole('alert')).toContainText(
		`“broken.nap.json” was not read: ${strings('en').get('file.notJson')}`
	);
	await expect(page.locator('li.chosen-file')).toHaveCount(0);

	await page.locator('#merge-files').setInputFiles([files.defence, files.justice]);
	await expect(page.locator('li.chosen-file')).toHaveCount(2);
	// Where each file comes from is guessed from the actions it adds.
	await expect(page.getByLabel('Sent by').first().locator('option:checked')).toHaveText(
		'Ministry of Defence'
	);
	await expect(page.getByLabel('Sent by').nth(1).locator('option:checked')).toHaveText(
		'Ministry of Justice'
	);
	await expect(page.locator('li.chosen-file').first()).toContainText(
		'Additions: 2 · changes: 0 · removals: 0'
	);

	const conflicts = page.locator('li.proposal[data-type="conflict"]');
	await expect(conflicts).toHaveCount(1);
	await expect(conflicts).toContainText('Action 1.1.1');
	await expect(conflicts).toContainText(firstAction.description);
	await expect(conflicts).toContainText('Train all contingents before deployment.');
	const additions = page.locator('li.proposal[data-type="add"]');
	await expect(additions).toHaveCount(3);
	await expect(
		additions.filter({ hasText: 'Deploy a gender adviser with every contingent' })
	).toContainText('Goes under Objective 1.1');
	await expect(
		additions.filter({ hasText: 'End impunity for conflict-related sexual violence' })
	).toContainText('Set up a specialised court for sexual violence cases');

	// Nothing applies while the conflict is open.
	const apply = page.getByRole('button', { name: 'Apply the accepted changes' });
	await expect(apply).toBeDisabled();
	await expect(page.locator('#apply-hint')).toHaveText(
		'Choose the text to keep for the last conflict first.'
	);
	await page
		.getByRole('button', { name: 'Accept all additions and changes from defence.nap.json' })
		.click();
	await page
		.getByRole('button', { name: 'Accept all additions and changes from justice.nap.json' })
		.click();
	await expect(page.getByRole('status').filter({ hasText: 'Decided' })).toHaveText(
		'Decided: 3 of 4 (accepted: 3).'
	);
	await conflicts.getByLabel('Take the text of justice.nap.json').check();
	await expect(apply).toBeEnabled();
	await apply.click();

	const done = page.locator('section[aria-labelledby="merged-title"]');
	await expect(done).toContainText('Items added: 3');
	await expect(done).toContainText('Conflicts settled with a file’s text: 1');
	await expect(done).toContainText('“Before merging defence.nap.json, justice.nap.json”');
	await done.getByRole('link', { name: 'Open the plan' }).click();

	await gotoStep(page, 'pillars');
	await expect(page.locator(`#objective-${JUSTICE_OBJECTIVE}-title`)).toHaveValue(
		'End impunity for conflict-related sexual violence'
	);
	await expect(page.locator(`#${JUSTICE_OBJECTIVE}-item`)).toContainText(
		'Contributed by Ministry of Justice'
	);
	await gotoStep(page, 'actions');
	await expect(page.locator(`#action-${firstAction.id}-description`)).toHaveValue(
		'Prosecute every case of sexual exploitation.'
	);
	await expect(page.locator(`#${firstAction.id}-item > .contributed-by`)).toHaveText(
		'Contributed by Ministry of Justice'
	);
	await expect(page.locator(`#action-${DEFENCE_ACTION}-description`)).toHaveValue(
		'Deploy a gender adviser with every contingent'
	);
	await expect(page.locator(`#${DEFENCE_ACTION}-item`)).toContainText(
		'Contributed by Ministry of Defence'
	);
	await expect(page.locator(`#indicator-${DEFENCE_INDICATOR}-statement`)).toHaveValue(
		'Share of deployed personnel trained on sexual exploitation and abuse'
	);
	await expect(page.locator(`#action-${JUSTICE_ACTION}-description`)).toHaveValue(
		'Set up a specialised court for sexual violence cases'
	);
	// The team's own actions carry no such note.
	await expect(page.locator('li.action .contributed-by')).toHaveCount(4);
});
