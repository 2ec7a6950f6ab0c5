// Everything the sync server keeps, in one SQLite file (Node's built-in node:sqlite): each document's
// Yjs state, the shared drafts with their owner's secret hash, and the invitation links with theirs.
// WAL mode and a busy timeout let several instances on one machine share the file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Role } from './access.ts';

export interface LinkRow {
	id: string;
	draftId: string;
	role: Role;
	label: string;
	secretHash: Uint8Array;
	createdAt: string;
	revokedAt: string | null;
}

export class Storage {
	private readonly db: DatabaseSync;
	private open = true;

	constructor(file: string) {
		// The file holds every shared plan: its folder is the server's user's alone.
		if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
		this.db = new DatabaseSync(file);
		this.db.exec(`
			PRAGMA journal_mode = WAL;
			PRAGMA busy_timeout = 5000;
			PRAGMA foreign_keys = ON;
			CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at TEXT NOT NULL);
			CREATE TABLE IF NOT EXISTS drafts (id TEXT PRIMARY KEY, owner_hash BLOB NOT NULL, created_at TEXT NOT NULL);
			CREATE TABLE IF NOT EXISTS links (
				id TEXT PRIMARY KEY, draft_id TEXT NOT NULL REFERENCES drafts(id), role TEXT NOT NULL,
				label TEXT NOT NULL, secret_hash BLOB NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT
			);
			CREATE INDEX IF NOT EXISTS links_by_draft ON links (draft_id);
		`);
	}

	get isOpen() {
		return this.open;
	}

	fetchDocument(name: string): Uint8Array | null {
		const row = this.db.prepare('SELECT state FROM documents WHERE name = ?').get(name);
		return row ? (row.state as Uint8Array) : null;
	}

	/**
	 * Store a document in one write transaction: `next` gets what is stored now (another instance may
	 * have written since this one loaded it) and returns the state to write.
	 */
	storeDocument(name: string, next: (stored: Uint8Array | null) => Uint8Array): number {
		this.db.exec('BEGIN IMMEDIATE');
		try {
			const state = next(this.fetchDocument(name));
			this.db
				.prepare(
					'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at'
				)
				.run(name, state, new Date().toISOString());
			this.db.exec('COMMIT');
			return state.byteLength;
		} catch (error) {
			this.db.exec('ROLLBACK');
			throw error;
		}
	}

	createDraft(id: string, ownerHash: Uint8Array) {
		this.db
			.prepare('INSERT INTO drafts (id, owner_hash, created_at) VALUES (?, ?, ?)')
			.run(id, ownerHash, new Date().toISOString());
	}

	draftOwnerHash(id: string): Uint8Array | undefined {
		const row = this.db.prepare('SELECT owner_hash FROM drafts WHERE id = ?').get(id);
		return row ? (row.owner_hash as Uint8Array) : undefined;
	}

	countDrafts(): number {
		return Number(this.db.prepare('SELECT count(*) AS n FROM drafts').get()?.n ?? 0);
	}

	createLink(link: Omit<LinkRow, 'revokedAt'>) {
		this.db
			.prepare(
				'INSERT INTO links (id, draft_id, role, label, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)'
			)
			.run(link.id, link.draftId, link.role, link.label, link.secretHash, link.createdAt);
	}

	link(id: string): LinkRow | undefined {
		const row = this.db.prepare('SELECT * FROM links WHERE id = ?').get(id);
		return row && toLink(row);
	}

	links(draftId: string): LinkRow[] {
		return this.db
			.prepare('SELECT * FROM links WHERE draft_id = ? ORDER BY created_at, id')
			.all(draftId)
			.map(toLink);
	}

	/** Marks the link revoked and returns when; undefined when the draft has no such link or it was revoked already. */
	revokeLink(draftId: string, linkId: string): string | undefined {
		const revokedAt = new Date().toISOString();
		const result = this.db
			.prepare(
				'UPDATE links SET revoked_at = ? WHERE id = ? AND draft_id = ? AND revoked_at IS NULL'
			)
			.run(revokedAt, linkId, draftId);
		return result.changes ? revokedAt : undefined;
	}

	close() {
		if (!this.open) return;
		this.open = false;
		this.db.close();
	}
}

function toLink(row: Record<string, unknown>): LinkRow {
	return {
		id: String(row.id),
		draftId: String(row.draft_id),
		role: row.role as Role,
		label: String(row.label),
		secretHash: row.secret_hash as Uint8Array,
		createdAt: String(row.created_at),
		revokedAt: row.revoked_at === null ? null : String(row.revoked_at)
	};
}
