import { expect, test } from 'vitest';
import { readApiEnv, readPort } from './config.ts';

test('defaults: the .data database, no limits given, no remote API', () => {
  expect(readApiEnv({})).toEqual({
    databasePath: '.data/aurora.db',
    loginFailureLimit: undefined,
    signupLimit: undefined,
    apiUrl: undefined,
  });
  expect(readPort({})).toBe(8787);
});

test('reads every AURORA_ variable', () => {
  expect(
    readApiEnv({
      AURORA_DB: ':memory:',
      AURORA_LOGIN_FAILURE_LIMIT: '5',
      AURORA_SIGNUP_LIMIT: '1000',
      AURORA_API_URL: 'https://chat-api.aurora-interactive.online:8443/',
    }),
  ).toEqual({
    databasePath: ':memory:',
    loginFailureLimit: 5,
    signupLimit: 1000,
    apiUrl: 'https://chat-api.aurora-interactive.online:8443',
  });
  expect(readPort({ PORT: '0' })).toBe(0);
});

test('a bad value is an error, not a silent default', () => {
  expect(() => readApiEnv({ AURORA_SIGNUP_LIMIT: 'lots' })).toThrow(/AURORA_SIGNUP_LIMIT/);
  expect(() => readApiEnv({ AURORA_LOGIN_FAILURE_LIMIT: '0' })).toThrow(/AURORA_LOGIN/);
  expect(() => readApiEnv({ AURORA_API_URL: 'chat-api.example' })).toThrow(/AURORA_API_URL/);
  expect(() => readApiEnv({ AURORA_API_URL: 'ftp://example.com' })).toThrow(/AURORA_API_URL/);
  expect(() => readPort({ PORT: '70000' })).toThrow(/PORT/);
});
