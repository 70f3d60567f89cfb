import type { ConfigEnv, UserConfig } from 'vite';
import { afterEach, expect, test, vi } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

function configFor(env: ConfigEnv): UserConfig {
  const plugin = securityHeaders();
  const hook = plugin.config;
  if (typeof hook !== 'function') throw new Error('the plugin has no config hook');
  return hook.call({} as never, {}, env) as UserConfig;
}

test('the policy allows only this origin, and nothing inline', () => {
  expect(contentSecurityPolicy()).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
      "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
      "form-action 'self'",
  );
});

test('preview sends the strict policy and the other headers', () => {
  const config = configFor({ command: 'serve', mode: 'production', isPreview: true });

  expect(config.preview?.headers).toEqual({
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  expect(config.html?.cspNonce).toBeUndefined();
});

test('a configured API origin is allowed to be called, and only it', () => {
  vi.stubEnv('VITE_API_BASE_URL', 'https://chat-api.aurora-interactive.online:8443/');
  const config = configFor({ command: 'serve', mode: 'production', isPreview: true });

  expect(config.preview?.headers?.['Content-Security-Policy']).toContain(
    "connect-src 'self' https://chat-api.aurora-interactive.online:8443;",
  );
});

test('the dev server adds a fresh nonce for its own injected code, and nothing else', () => {
  const first = configFor({ command: 'serve', mode: 'development', isPreview: false });
  const second = configFor({ command: 'serve', mode: 'development', isPreview: false });
  const nonce = first.html?.cspNonce;

  expect(nonce).toMatch(/^[\w-]{22}$/);
  expect(second.html?.cspNonce).not.toBe(nonce);
  expect(first.server?.headers?.['Content-Security-Policy']).toBe(contentSecurityPolicy({ nonce }));
  expect(contentSecurityPolicy({ nonce })).toContain(`script-src 'self' 'nonce-${nonce}';`);
});
