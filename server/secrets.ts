// Ids and secrets. A secret is 256 random bits; only its SHA-256 hash is stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A public id (128 random bits, base64url, 22 characters). */
export const newId = () => randomBytes(16).toString('base64url');

/** A secret (256 random bits, base64url, 43 characters). */
export const newSecret = () => randomBytes(32).toString('base64url');

export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();

/** Whether `secret` hashes to `hash`, in constant time. */
export function secretMatches(secret: string, hash: Uint8Array): boolean {
	const candidate = hashSecret(secret);
	return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

export const idPattern = /^[A-Za-z0-9_-]{22}$/;
export const secretPattern = /^[A-Za-z0-9_-]{43}$/;
