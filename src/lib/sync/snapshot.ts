// The plan as the sync server reads it out of a shared draft's documents (readSharedPlan), checked at
// the boundary: what a device joining shows while its own copy of the documents comes. Apart from the
// sync engine, so that the check does not wait for Yjs to load.
import { z } from 'zod';
import { planSchema, type Plan } from '../plan/schema.ts';
import { ROLES, type readSharedPlan, type Role } from './sharing.ts';

const answerSchema = z.object({ role: z.enum(ROLES), plan: planSchema });

/**
 * The server's answer (the plan, and this link's role), checked. A 300-action plan is some 17,000 Yjs
 * items, a quarter of a second to apply: this is on screen before. Undefined when it cannot be had or
 * read: the page then waits for the documents.
 */
export async function sharedPlanSnapshot(
	answer: ReturnType<typeof readSharedPlan>
): Promise<{ plan: Plan; role: Role } | undefined> {
	try {
		const read = answerSchema.safeParse(await answer);
		return read.success ? read.data : undefined;
	} catch {
		return undefined;
	}
}
