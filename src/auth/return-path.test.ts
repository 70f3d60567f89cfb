import { expect, test } from 'vitest';
import { DEFAULT_RETURN_PATH, safeReturnPath } from './return-path';

test('a path of this app is kept with its query and hash', () => {
  expect(safeReturnPath('/profile?x=1#y')).toBe('/profile?x=1#y');
  expect(safeReturnPath('/profile')).toBe('/profile');
});

test('the fallback is the profile', () => {
  expect(DEFAULT_RETURN_PATH).toBe('/profile');
});

test.each([
  ['a protocol-relative URL', '//evil.example'],
  ['an absolute URL', 'https://evil.example'],
  ['a javascript: URL', 'javascript:alert(1)'],
  ['a backslash after the slash', '/\\evil.example'],
  ['a leading backslash', '\\/evil'],
  ['a relative path', 'profile'],
  ['an empty string', ''],
])('%s falls back to the profile', (_case, candidate) => {
  expect(safeReturnPath(candidate)).toBe('/profile');
});

test.each([
  ['a tab', '/\t/evil.example'],
  ['a line feed', '/pro\nfile'],
  ['a carriage return', '/\r/evil.example'],
  ['a NUL', '/profile\u0000'],
  ['a DEL', '/profile\u007f'],
])('a path with %s falls back to the profile', (_case, candidate) => {
  expect(safeReturnPath(candidate)).toBe('/profile');
});

test.each(['/login', '/signup', '/login?next=1', '/./login'])(
  'the guest page %s falls back to the profile, so log-in never returns to itself',
  (candidate) => {
    expect(safeReturnPath(candidate)).toBe('/profile');
  },
);

test.each(['/.//evil.example', '/..//evil.example', '/a/..//evil.example', '/%2e//evil.example'])(
  'the dot segments of %s never yield another host',
  (candidate) => {
    const result = safeReturnPath(candidate);
    expect(result).toMatch(/^\/(?!\/)/);
    expect(new URL(result, 'https://app.invalid').origin).toBe('https://app.invalid');
  },
);

test.each([undefined, null, 42, {}, ['/profile']])(
  'a non-string (%j) falls back to the profile',
  (candidate) => {
    expect(safeReturnPath(candidate)).toBe('/profile');
  },
);
