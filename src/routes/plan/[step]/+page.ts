import { error } from '@sveltejs/kit';
import { STEPS, type Step } from '#lib/plan/completeness.ts';

export const entries = () => STEPS.map((step) => ({ step }));

export function load({ params }) {
	if (!(STEPS as readonly string[]).includes(params.step)) error(404, 'Not found');
	return { step: params.step as Step };
}
