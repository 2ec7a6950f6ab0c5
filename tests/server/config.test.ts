// The sync server's settings from the environment: defaults, overrides, and a clear refusal.
import { describe, expect, it } from 'vitest';
import { configFromEnvironment } from '../../server/config.ts';

describe('sync server settings', () => {
	it('default to one local data file, no Redis, and the documented limits', () => {
		const config = configFromEnvironment({});
		expect(config).toMatchObject({
			dataFile: 'data/nap-sync.sqlite',
			redisUrl: undefined,
			trustProxy: false,
			storeDebounceMs: 2000
		});
		expect(config.limits).toEqual({
			documentBytes: 32 * 1024 * 1024,
			messageBytes: 32 * 1024 * 1024,
			documents: 100,
			connectionsPerDocument: 100,
			connectionsPerAddress: 100,
			drafts: 10_000,
			draftsPerAddressPerHour: 20,
			planReadsPerAddressPerHour: 600
		});
	});

	it('take every variable, and name the one that is wrong', () => {
		const config = configFromEnvironment({
			SYNC_DATA_FILE: '/srv/nap/sync.sqlite',
			REDIS_URL: 'redis://10.0.0.5:6379',
			SYNC_TRUST_PROXY: '1',
			SYNC_MAX_DOCUMENTS: '12'
		});
		expect(config).toMatchObject({
			dataFile: '/srv/nap/sync.sqlite',
			redisUrl: 'redis://10.0.0.5:6379',
			trustProxy: true
		});
		expect(config.limits.documents).toBe(12);
		expect(() => configFromEnvironment({ SYNC_MAX_DOCUMENTS: 'many' })).toThrow(
			/SYNC_MAX_DOCUMENTS/
		);
		expect(() => configFromEnvironment({ SYNC_MAX_MESSAGE_BYTES: '0' })).toThrow(
			/SYNC_MAX_MESSAGE_BYTES/
		);
		expect(() => configFromEnvironment({ SYNC_TRUST_PROXY: 'yes' })).toThrow(/SYNC_TRUST_PROXY/);
		expect(() => configFromEnvironment({ REDIS_URL: 'localhost' })).toThrow(/REDIS_URL/);
	});
});
