// Several instances behind a load balancer: Hocuspocus's Redis extension relays every document's
// updates and presence between them, and one more channel tells every instance which link was
// revoked so each disconnects its own holders at once.
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import IORedis from 'ioredis';

const prefix = 'nap-sync';
const revocations = `${prefix}#revoked`;

export interface RedisSync {
	extension: RedisExtension;
	/** Tells every instance, this one included, that a link was revoked. */
	publishRevocation(draftId: string, linkId: string): Promise<void>;
	close(): Promise<void>;
}

export async function connectRedis(
	url: string,
	instance: string,
	onRevocation: (draftId: string, linkId: string) => void
): Promise<RedisSync> {
	// Fail at start, not at the first edit, when Redis cannot be reached.
	const options = { maxRetriesPerRequest: 3, lazyConnect: true };
	const publisher = new IORedis(url, options);
	const subscriber = new IORedis(url, options);
	await Promise.all([publisher.connect(), subscriber.connect()]);
	await subscriber.subscribe(revocations);
	subscriber.on('message', (channel: string, message: string) => {
		if (channel !== revocations) return;
		const [draftId, linkId] = message.split(' ');
		if (draftId && linkId) onRevocation(draftId, linkId);
	});
	const extension = new RedisExtension({
		createClient: () => new IORedis(url),
		identifier: instance,
		prefix
	});
	return {
		extension,
		async publishRevocation(draftId, linkId) {
			await publisher.publish(revocations, `${draftId} ${linkId}`);
		},
		async close() {
			subscriber.disconnect(false);
			publisher.disconnect(false);
		}
	};
}
