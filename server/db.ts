import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Where `npm run api`, `npm run dev` and `npm run preview` keep accounts unless AURORA_DB says otherwise. */
export const DEFAULT_DATABASE_PATH = '.data/aurora.db';

/**
 * Schema versions, oldest first. Entry i takes a database from `user_version` i to i + 1;
 * never edit a shipped entry, append a new one.
 *
 * Usernames are unique case-insensitively (COLLATE NOCASE): "Alice" and "alice" would look
 * like one person to everyone else, so only one of them may exist. The same collation makes
 * `username = ?` at log-in match whatever case the user types. NOCASE folds ASCII only, which
 * is all the username rule allows.
 *
 * Emails are kept as the user typed them, and unique on `email_normalized` (the shared
 * `normalizeEmail` form), because the rule says they compare case-insensitively.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL COLLATE NOCASE UNIQUE,
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE access_tokens (
    token_hash BLOB PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE INDEX access_tokens_user_id ON access_tokens (user_id);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

function isInMemory(path: string): boolean {
  return path === ':memory:' || path === '';
}

/** Opens (creating if needed) the database at `path` and brings its schema up to date. */
export function openDatabase(path: string): Db {
  if (!isInMemory(path)) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    if (!isInMemory(path)) {
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL keeps every committed write across a crash of this process (the
      // SIGKILL test checks it) and only risks the last commits on power loss, while FULL
      // would block the event loop on an fsync for every log-in.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Reads the version inside the write transaction so two processes starting at once migrate once. */
function migrate(db: Db): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true });
    if (typeof current !== 'number') throw new Error('Could not read the schema version');
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `The database has schema version ${current}, newer than this server knows (${SCHEMA_VERSION})`,
      );
    }
    for (const sql of MIGRATIONS.slice(current)) db.exec(sql);
    if (current < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
