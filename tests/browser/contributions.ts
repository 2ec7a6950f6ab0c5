// Draft files two ministries send back to the coordinating ministry, made from a copy of the master
// (a .nap.json file's parsed content): each adds items, and both rewrite the same action differently.
import { readFileSync } from 'node:fs';

// Only the parts of a plan these files touch.
interface Action {
	id: string;
	description: string;
	responsibleId: string;
	indicators: { id: string; statement: string }[];
}
interface Objective {
	id: string;
	title: string;
	actions: Action[];
}
interface PlanFile {
	pillars: { objectives: Objective[] }[];
}

export const DEFENCE_ACTION = 'defence-action';
export const DEFENCE_INDICATOR = 'defence-indicator';
export const JUSTICE_OBJECTIVE = 'justice-objective';
export const JUSTICE_ACTION = 'justice-action';

const action = (id: string, description: string, responsibleId: string) => ({
	id,
	description,
	responsibleId,
	indicators: []
});

export function ministryFiles(master: PlanFile, texts: { defence: string; justice: string }) {
	const defence: PlanFile = structuredClone(master);
	defence.pillars[0].objectives[0].actions.push(
		action(DEFENCE_ACTION, 'Deploy a gender adviser with every contingent', 'inst-defence')
	);
	defence.pillars[1].objectives[0].actions[0].indicators.push({
		id: DEFENCE_INDICATOR,
		statement: 'Share of deployed personnel trained on sexual exploitation and abuse'
	});
	defence.pillars[0].objectives[0].actions[0].description = texts.defence;

	const justice: PlanFile = structuredClone(master);
	justice.pillars[1].objectives.push({
		id: JUSTICE_OBJECTIVE,
		title: 'End impunity for conflict-related sexual violence',
		actions: [
			action(JUSTICE_ACTION, 'Set up a specialised court for sexual violence cases', 'inst-justice')
		]
	});
	justice.pillars[0].objectives[0].actions[0].description = texts.justice;
	return { defence, justice };
}

/** The two files as the merge page's file input takes them, from the sample plan in a language. */
export function sampleContributions(language: string) {
	const master = JSON.parse(readFileSync(`templates/sample/${language}.nap.json`, 'utf8'));
	const { defence, justice } = ministryFiles(master, {
		defence: 'Text from defence',
		justice: 'Text from justice'
	});
	const file = (name: string, plan: unknown) => ({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(plan))
	});
	return [file('defence.nap.json', defence), file('justice.nap.json', justice)];
}
