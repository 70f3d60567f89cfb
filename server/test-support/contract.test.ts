import { expect, test } from 'vitest';
import { contract, responseValidator } from './contract.ts';

// The contract checks in the other tests are only as good as these validators.

test('the validators come from the contract and reject what it does not allow', () => {
  expect(contract.paths['/api/v7/signup']).toBeDefined();
  const signupOk = responseValidator('POST', '/api/v7/signup', 200);
  expect(signupOk({ success: true, accessToken: 'abc' })).toBe(true);
  expect(signupOk({ success: true })).toBe(false);
  expect(signupOk({ accessToken: 'abc' })).toBe(false);

  const loginUnauthorized = responseValidator('POST', '/api/v7/login', 401);
  expect(
    loginUnauthorized({ success: false, error: 'Invalid username, password, or access token' }),
  ).toBe(true);
  expect(loginUnauthorized({ success: false, error: 'Unauthorized' })).toBe(false);

  const badRequest = responseValidator('PUT', '/api/v7/user/info', 400);
  expect(
    badRequest({
      success: false,
      error: 'One or more API parameters are malformed. Please check your request and try again',
    }),
  ).toBe(true);
  expect(badRequest({ success: 'no', error: 'x' })).toBe(false);

  const info = responseValidator('GET', '/api/v7/user/info', 200);
  expect(info({ success: true, username: 'a', email: 'b' })).toBe(true);
  expect(info({ success: true, username: 'a' })).toBe(false);
});

test('a status the contract does not list for an operation is an error', () => {
  expect(() => responseValidator('GET', '/api/v7/user/info', 400)).toThrow(/no 400/);
  expect(() => responseValidator('POST', '/api/v7/signup', 401)).toThrow(/no 401/);
  expect(() => responseValidator('DELETE', '/api/v7/signup', 200)).toThrow(/no DELETE/);
});
