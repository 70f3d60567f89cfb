import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { emailRule, passwordRule, usernameRule } from '../src/shared/field-rules.ts';
import { countUsers, startTestApi, type TestApi } from './test-support/api-server.ts';

// The portal's forms and the server validate with the same rules; this checks that the
// server really does: for any username, email and password, signup succeeds exactly when all
// three rules accept them.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const anyText = (maxLength: number) =>
  fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'binary', maxLength }));

const username = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{3,32}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{1,2}$|^[A-Za-z0-9._-]{33,34}$/) },
  { weight: 1, arbitrary: anyText(40) },
);

const email = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.stringMatching(
      /^[a-z0-9]{1,10}([._+-][a-z0-9]{1,5})?@[a-z0-9]{1,10}\.[a-z]{2,6}$/,
    ),
  },
  {
    weight: 2,
    arbitrary: fc.stringMatching(/^[A-Za-z0-9._+'-]{1,20}@[a-z0-9-]{1,12}\.[A-Za-z]{1,6}$/),
  },
  { weight: 1, arbitrary: fc.emailAddress() },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.emailAddress(), fc.nat(), anyText(3)).map(([address, at, insert]) => {
      const index = at % (address.length + 1);
      return address.slice(0, index) + insert + address.slice(index);
    }),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{230,260}@example\.com$/) },
  { weight: 1, arbitrary: anyText(40) },
);

const password = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 8, maxLength: 128 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 6, maxLength: 9 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 127, maxLength: 130 }) },
  { weight: 1, arbitrary: anyText(140) },
);

const value = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 19, arbitrary }, { weight: 1, arbitrary: fc.jsonValue() });

test('signup succeeds exactly when the shared field rules accept every field', async () => {
  let accepted = 0;
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(value(username), value(email), value(password), async (u, e, p) => {
      // Each run starts empty, so a 400 can only come from the rules, not a duplicate.
      api.db.exec('DELETE FROM users');
      const rulesAccept =
        usernameRule.safeParse(u).success &&
        emailRule.safeParse(e).success &&
        passwordRule.safeParse(p).success;
      const response = await api.request('POST', '/api/v7/signup', {
        json: { username: u, email: e, password: p },
      });
      expect(response.status).toBe(rulesAccept ? 200 : 400);
      expect(countUsers(api.db)).toBe(rulesAccept ? 1 : 0);
      if (rulesAccept) accepted++;
      else refused++;
    }),
    { numRuns: 200 },
  );
  // Both outcomes must be well represented (about a quarter are accepted), or the property
  // proves little.
  expect(accepted).toBeGreaterThan(20);
  expect(refused).toBeGreaterThan(20);
});
