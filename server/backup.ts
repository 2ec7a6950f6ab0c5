// npm run sync:backup -- <file>: a consistent copy of the sync server's data file (SYNC_DATA_FILE),
// taken with SQLite's online backup while the server keeps running.
import { existsSync } from 'node:fs';
import { backup, DatabaseSync } from 'node:sqlite';
import { configFromEnvironment } from './config.ts';

const target = process.argv[2];
const { dataFile } = configFromEnvironment();
if (!target) throw new Error('Usage: npm run sync:backup -- <backup file>');
if (existsSync(target)) throw new Error(`${target} exists already: choose a new file`);
if (!existsSync(dataFile)) throw new Error(`No data file at ${dataFile} (set SYNC_DATA_FILE)`);
const source = new DatabaseSync(dataFile, { readOnly: true });
const pages = await backup(source, target);
source.close();
console.log(
	JSON.stringify({ time: new Date().toISOString(), event: 'backup', dataFile, target, pages })
);
