import Database from 'better-sqlite3';
import { normalizeEmail } from '../src/shared/field-rules.ts';
import type { Db } from './db.ts';

export interface User {
  id: number;
  username: string;
  email: string;
  passwordHash: string;
}

/** What signup and the profile update write: already validated, password already hashed. */
export interface UserFields {
  username: string;
  email: string;
  passwordHash: string;
}

export type WriteResult<T> = { ok: true; value: T } | { ok: false; reason: 'taken' | 'missing' };

export interface UserRepository {
  /** Fails with 'taken' when the username or email belongs to someone already. */
  create(fields: UserFields): WriteResult<User>;
  findById(id: number): User | undefined;
  /** Case-insensitive, like the uniqueness rule (see db.ts). */
  findByUsername(username: string): User | undefined;
  /** Replaces all three fields at once, or none (a username or email that is taken by
   * another account gives 'taken'). */
  update(id: number, fields: UserFields): WriteResult<User>;
  setPasswordHash(id: number, passwordHash: string): void;
  count(): number;
}

interface UserRow {
  id: number;
  username: string;
  email: string;
  password_hash: string;
}

function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, email: row.email, passwordHash: row.password_hash };
}

/** Two writers racing for one name both pass any check made in JavaScript; the UNIQUE
 * constraints are what decide, so their error is an expected outcome, not a failure. */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function createUserRepository(db: Db): UserRepository {
  const columns = 'id, username, email, password_hash';
  const insert = db.prepare<[string, string, string, string, number, number], UserRow>(
    `INSERT INTO users (username, email, email_normalized, password_hash, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING ${columns}`,
  );
  const byId = db.prepare<[number], UserRow>(`SELECT ${columns} FROM users WHERE id = ?`);
  const byUsername = db.prepare<[string], UserRow>(
    `SELECT ${columns} FROM users WHERE username = ?`,
  );
  const updateAll = db.prepare<[string, string, string, string, number, number], UserRow>(
    `UPDATE users
     SET username = ?, email = ?, email_normalized = ?, password_hash = ?, updated_at = ?
     WHERE id = ? RETURNING ${columns}`,
  );
  const updatePassword = db.prepare<[string, number, number]>(
    'UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?',
  );
  const countAll = db.prepare<[], number>('SELECT count(*) FROM users').pluck();

  function write(run: () => UserRow | undefined): WriteResult<User> {
    try {
      const row = run();
      return row ? { ok: true, value: toUser(row) } : { ok: false, reason: 'missing' };
    } catch (error) {
      if (isUniqueViolation(error)) return { ok: false, reason: 'taken' };
      throw error;
    }
  }

  return {
    create({ username, email, passwordHash }) {
      const now = Date.now();
      return write(() =>
        insert.get(username, email, normalizeEmail(email), passwordHash, now, now),
      );
    },
    findById(id) {
      const row = byId.get(id);
      return row && toUser(row);
    },
    findByUsername(username) {
      const row = byUsername.get(username);
      return row && toUser(row);
    },
    update(id, { username, email, passwordHash }) {
      // One statement today; the transaction keeps the update all-or-nothing if it grows.
      return db.transaction(() =>
        write(() =>
          updateAll.get(username, email, normalizeEmail(email), passwordHash, Date.now(), id),
        ),
      )();
    },
    setPasswordHash(id, passwordHash) {
      updatePassword.run(passwordHash, Date.now(), id);
    },
    count() {
      return countAll.get() ?? 0;
    },
  };
}
