import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_SCRYPT_PARAMS } from '../passwords.ts';
import { newAccount, signUp, startTestApi, type TestApi } from '../test-support/api-server.ts';

// A failed log-in must take about as long whether or not the username exists, or the timing
// tells an attacker which usernames are real. Both paths run one scrypt at the production cost.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ scrypt: DEFAULT_SCRYPT_PARAMS });
});
afterAll(async () => {
  await api.close();
});

async function timeLogin(username: string): Promise<number> {
  const started = performance.now();
  const response = await api.request('POST', '/api/v7/login', {
    json: { username, password: 'not the password' },
  });
  expect(response.status).toBe(401);
  return performance.now() - started;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

test('a login for an unknown username takes about as long as a wrong password', async () => {
  const account = newAccount('timed');
  await signUp(api, account);
  const known: number[] = [];
  const unknown: number[] = [];
  await timeLogin(account.username);
  await timeLogin('warm-up-unknown');
  // Alternating keeps slow phases of a busy machine from landing on one side only.
  for (let i = 0; i < 15; i++) {
    known.push(await timeLogin(account.username));
    unknown.push(await timeLogin(`no-such-user-${i}`));
  }
  const ratio = mean(unknown) / mean(known);
  // Without the dummy hash an unknown username answers in well under a millisecond against
  // tens of milliseconds, a ratio near 0.01.
  expect(ratio).toBeGreaterThan(0.5);
  expect(ratio).toBeLessThan(2);
});
