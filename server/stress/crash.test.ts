import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, test } from 'vitest';
import { newAccount, sendRequest, type Account } from '../test-support/api-server.ts';
import { startMainProcess, type MainProcess } from '../test-support/main-process.ts';

// `npm run api` killed with SIGKILL in the middle of a burst of signups: after a restart,
// every signup it had answered 200 can log in, and the database is sound.

const dir = mkdtempSync(join(tmpdir(), 'aurora-crash-'));
const databasePath = join(dir, 'aurora.db');
const running = new Set<MainProcess>();

afterAll(async () => {
  await Promise.all([...running].map((main) => main.stop('SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<MainProcess> {
  const main = await startMainProcess({ AURORA_DB: databasePath, AURORA_SIGNUP_LIMIT: '100000' });
  running.add(main);
  return main;
}

async function stop(main: MainProcess, signal: NodeJS.Signals) {
  const result = await main.stop(signal);
  running.delete(main);
  return result;
}

/** Fires signups 8 at a time until `killAfter` have been answered 200, then SIGKILLs the server. */
async function burstThenKill(main: MainProcess, killAfter: number): Promise<Account[]> {
  const answered: Account[] = [];
  let killed: Promise<unknown> | undefined;
  let sent = 0;
  async function worker(): Promise<void> {
    while (!killed && sent < 200) {
      sent++;
      const account = newAccount('crash');
      try {
        const response = await sendRequest(main.url, 'POST', '/api/v7/signup', { json: account });
        if (response.status === 200) answered.push(account);
        else throw new Error(`signup answered ${response.status}`);
      } catch (error) {
        // Requests cut off by the kill fail; those are neither answered nor promised.
        if (!killed) throw error;
      }
      if (answered.length >= killAfter) killed ??= stop(main, 'SIGKILL');
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker));
  expect(await killed).toBe('SIGKILL');
  return answered;
}

test('every signup answered before a SIGKILL survives the restart', async () => {
  const promised: Account[] = [];
  for (const killAfter of [10, 15]) {
    promised.push(...(await burstThenKill(await start(), killAfter)));
  }
  expect(promised.length).toBeGreaterThanOrEqual(25);

  const main = await start();
  try {
    const logins = await Promise.all(
      promised.map((account) =>
        sendRequest(main.url, 'POST', '/api/v7/login', {
          json: { username: account.username, password: account.password },
        }),
      ),
    );
    expect(logins.map((r) => r.status)).toEqual(promised.map(() => 200));
  } finally {
    expect(await stop(main, 'SIGTERM')).toBe(0);
  }

  const db = new Database(databasePath, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const count = db.prepare<[], number>('SELECT count(*) FROM users').pluck().get() ?? 0;
    expect(count).toBeGreaterThanOrEqual(promised.length);
  } finally {
    db.close();
  }
});
