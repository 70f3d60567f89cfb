import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { openDatabase, SCHEMA_VERSION } from './db.ts';

const dirs: string[] = [];
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aurora-db-'));
  dirs.push(dir);
  return join(dir, 'data', 'aurora.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('a new file database gets its directory, WAL, foreign keys and the current schema', () => {
  const db = openDatabase(tempPath());
  try {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  } finally {
    db.close();
  }
});

test('reopening keeps the data and does not migrate again', () => {
  const path = tempPath();
  const first = openDatabase(path);
  first
    .prepare(
      `INSERT INTO users (username, email, email_normalized, password_hash, created_at, updated_at)
       VALUES ('kept', 'kept@example.com', 'kept@example.com', 'h', 0, 0)`,
    )
    .run();
  first.close();
  const second = openDatabase(path);
  try {
    expect(second.prepare('SELECT username FROM users').pluck().all()).toEqual(['kept']);
  } finally {
    second.close();
  }
});

test('a database from a newer server is refused rather than damaged', () => {
  const path = tempPath();
  openDatabase(path).close();
  const raw = new Database(path);
  raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  raw.close();
  expect(() => openDatabase(path)).toThrow(/newer/);
});

test('the database itself refuses duplicate usernames (any case) and emails', () => {
  const db = openDatabase(':memory:');
  const statement = db.prepare<[string, string, string]>(
    `INSERT INTO users (username, email, email_normalized, password_hash, created_at, updated_at)
     VALUES (?, ?, ?, 'h', 0, 0)`,
  );
  const insert = (username: string, email: string) => statement.run(username, email, email);
  try {
    insert('Alice', 'alice@example.com');
    expect(() => insert('alice', 'other@example.com')).toThrow(/UNIQUE/);
    expect(() => insert('bob', 'alice@example.com')).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO access_tokens (token_hash, user_id, created_at) VALUES (x'00', 999, 0)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  } finally {
    db.close();
  }
});
