import { expect, test } from './support/fixtures';

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
  "form-action 'self'";

for (const path of ['/login', '/signup', '/profile', '/', '/no-such-page']) {
  test(`${path} is served with the strict security headers`, async ({ request }) => {
    const response = await request.get(path);

    expect(response.status()).toBe(200);
    expect(response.headers()).toMatchObject({
      'content-security-policy': POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
  });
}

test('the built pages carry no inline script or style', async ({ request }) => {
  for (const path of ['/login', '/signup', '/profile']) {
    const html = await (await request.get(path)).text();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/<style[\s>]|\sstyle="/);
  }
});
