import { expect, test } from 'vitest';
import { createPasswordHasher, DEFAULT_SCRYPT_PARAMS } from './passwords.ts';
import { TEST_SCRYPT } from './test-support/api-server.ts';

const hasher = createPasswordHasher(TEST_SCRYPT);

test('the production cost is scrypt N >= 2^15, r = 8, p = 1, and it works', async () => {
  expect(DEFAULT_SCRYPT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 15);
  expect(DEFAULT_SCRYPT_PARAMS.r).toBe(8);
  expect(DEFAULT_SCRYPT_PARAMS.p).toBe(1);

  const production = createPasswordHasher();
  expect(production.params).toEqual(DEFAULT_SCRYPT_PARAMS);
  const stored = await production.hash('correct horse');
  expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
  expect(await production.verify('correct horse', stored)).toBe(true);
});

test('a hash stores its parameters and a per-password random salt', async () => {
  const first = await hasher.hash('same password');
  const second = await hasher.hash('same password');
  expect(first).not.toBe(second);
  expect(first).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  expect(first).not.toContain('same password');
});

test('verify accepts the password and nothing else', async () => {
  const stored = await hasher.hash('correct horse');
  expect(await hasher.verify('correct horse', stored)).toBe(true);
  expect(await hasher.verify('correct horsE', stored)).toBe(false);
  expect(await hasher.verify('', stored)).toBe(false);
  expect(await hasher.verifyAgainstDummy('correct horse')).toBe(false);
});

test('hashes made at another cost still verify, and are marked for rehashing', async () => {
  const older = createPasswordHasher({ N: 2 ** 9, r: 8, p: 1 });
  const stored = await older.hash('correct horse');
  expect(await hasher.verify('correct horse', stored)).toBe(true);
  expect(hasher.needsRehash(stored)).toBe(true);
  expect(hasher.needsRehash(await hasher.hash('correct horse'))).toBe(false);
});

test('a stored hash in an unknown format is an error, not a match', async () => {
  for (const stored of ['', 'plain text', 'bcrypt$1$2$3$4$5', 'scrypt$1000$8$1$AAAA$BBBB']) {
    await expect(hasher.verify('x', stored)).rejects.toThrow();
  }
});

test('invalid parameters are refused up front', () => {
  expect(() => createPasswordHasher({ N: 1000, r: 8, p: 1 })).toThrow(RangeError);
  expect(() => createPasswordHasher({ N: 1024, r: 0, p: 1 })).toThrow(RangeError);
});
