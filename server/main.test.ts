import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openDatabase } from './db.ts';
import { countUsers, newAccount, sendRequest } from './test-support/api-server.ts';
import { startMainProcess } from './test-support/main-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'aurora-main-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('npm run api serves the API from AURORA_DB and closes it cleanly on SIGTERM', async () => {
  const databasePath = join(dir, 'data', 'aurora.db');
  const main = await startMainProcess({ AURORA_DB: databasePath });
  try {
    const account = newAccount();
    const signup = await sendRequest(main.url, 'POST', '/api/v7/signup', { json: account });
    expect(signup.status).toBe(200);
    expect((await sendRequest(main.url, 'GET', '/')).status).toBe(404);
  } finally {
    expect(await main.stop('SIGTERM')).toBe(0);
  }
  expect(main.output()).not.toMatch(/correct horse/);
  // A clean close checkpoints the WAL into the database file and removes it.
  expect(existsSync(`${databasePath}-wal`)).toBe(false);
  const db = openDatabase(databasePath);
  expect(countUsers(db)).toBe(1);
  db.close();
});
