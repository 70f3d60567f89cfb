import type { Dialog, Locator, Page } from '@playwright/test';
import {
  API,
  createAccount,
  expect,
  expectProfileOf,
  logInThroughUi,
  loginPage,
  newAccount,
  profilePage,
  signupPage,
  submitSignup,
  storedSession,
  test,
} from './support/fixtures';

test('no access token ever shows in a URL, the console, an error, the title or the page', async ({
  page,
  context,
}) => {
  const urls: string[] = [];
  const consoleLines: string[] = [];
  const pageErrors: string[] = [];
  const titles = new Set<string>();
  const tokens = new Set<string>();
  const tokenReads: Promise<void>[] = [];

  context.on('request', (request) => {
    urls.push(request.url());
    const referer = request.headers()['referer'];
    if (referer) urls.push(referer);
  });
  page.on('framenavigated', (frame) => urls.push(frame.url()));
  context.on('console', (message) => consoleLines.push(message.text()));
  context.on('weberror', (webError) => {
    const error = webError.error();
    pageErrors.push(`${error.message}\n${error.stack ?? ''}`);
  });
  context.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if ((path === API.signup || path === API.login) && response.ok()) {
      tokenReads.push(
        response.json().then((body: { accessToken: string }) => void tokens.add(body.accessToken)),
      );
    }
  });
  await context.exposeBinding('__auroraRecordTitle', (_source, title: string) => {
    titles.add(title);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __auroraRecordTitle: (t: string) => Promise<void> })
      .__auroraRecordTitle;
    let last: string | null = null;
    new MutationObserver(() => {
      if (document.title !== last) {
        last = document.title;
        void report(last);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });

  const account = newAccount('leak');
  const changed = { ...account, password: newAccount().password };
  await submitSignup(page, account);

  const profile = profilePage(page);
  await expectProfileOf(page, account);
  await profile.newPassword.fill(changed.password);
  await profile.confirmNewPassword.fill(changed.password);
  await profile.currentPassword.fill(account.password);
  await profile.save.click();
  await expect(profile.saved).toBeVisible();
  await profile.logOut.click();
  await expect(loginPage(page).heading).toBeVisible();
  await logInThroughUi(page, changed, { remember: true });

  await Promise.all(tokenReads);
  const stored = await storedSession(page);
  expect(stored.local).not.toBeNull();
  // Sign-up, the password check before saving, and the last log-in each issued one.
  expect(tokens.size).toBeGreaterThanOrEqual(3);
  expect([...tokens]).toContain(stored.local);

  const places = {
    urls,
    consoleLines,
    pageErrors,
    titles: [...titles, await page.title()],
    page: [await page.content()],
  };
  const leaks = Object.fromEntries(
    Object.entries(places).map(([place, texts]) => [
      place,
      texts.filter((text) => [...tokens].some((token) => text.includes(token))),
    ]),
  );
  expect(leaks).toEqual({ urls: [], consoleLines: [], pageErrors: [], titles: [], page: [] });
  expect(titles.size).toBeGreaterThan(1);
});

const SCRIPT_LIKE = '<img src=x onerror=alert(1)>';
const HOSTILE_TEXTS = {
  'HTML with a script': SCRIPT_LIKE,
  'a right-to-left override': '\u202Egnp.exe\u202C',
  'a right-to-left mark': 'admin\u200F',
  'an emoji': 'smile😀name',
  'a 10,000-character paste': SCRIPT_LIKE.repeat(400).slice(0, 10_000),
};

const INVALID_USERNAME = /Use only letters|Use at most/;
const INVALID_EMAIL = /Enter a valid email address|Use at most/;

/** Records dialogs (the automatic fixture dismisses them and fails the test too). */
function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog: Dialog) => void dialogs.push(dialog.message()));
  return dialogs;
}

async function expectRefused(field: Locator, message: RegExp) {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(message);
}

test('hostile usernames and emails on sign-up are refused, never run or injected', async ({
  page,
}) => {
  const dialogs = recordDialogs(page);
  const signupRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === API.signup) signupRequests.push(request.url());
  });
  const signup = signupPage(page);
  const valid = newAccount('calm');
  await page.goto('/signup');
  const images = await page.locator('img').count();

  for (const [name, text] of Object.entries(HOSTILE_TEXTS)) {
    await test.step(name, async () => {
      await signup.username.fill(text);
      await signup.email.fill(`${text}@example.com`);
      await signup.password.fill(valid.password);
      await signup.confirmPassword.fill(valid.password);
      await signup.submit.click();
      await expectRefused(signup.username, INVALID_USERNAME);
      await expectRefused(signup.email, INVALID_EMAIL);

      // Still responsive: a correction is taken at once.
      await signup.username.fill(valid.username);
      await expect(signup.username).not.toHaveAttribute('aria-invalid', 'true');
    });
  }

  await expect(page.locator('img')).toHaveCount(images);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(signupRequests).toEqual([]);
});

test('hostile usernames and emails on the profile are refused, never run or injected', async ({
  page,
  request,
}) => {
  const dialogs = recordDialogs(page);
  const account = await createAccount(request);
  await logInThroughUi(page, account);
  const updates: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === API.userInfo && r.method() === 'PUT') updates.push(r.url());
  });
  const profile = profilePage(page);
  const images = await page.locator('img').count();

  for (const [name, text] of Object.entries(HOSTILE_TEXTS)) {
    await test.step(name, async () => {
      await profile.username.fill(text);
      await profile.email.fill(`${text}@example.com`);
      await profile.currentPassword.fill(account.password);
      await profile.save.click();
      await expectRefused(profile.username, INVALID_USERNAME);
      await expectRefused(profile.email, INVALID_EMAIL);

      await profile.username.fill(account.username);
      await expect(profile.username).not.toHaveAttribute('aria-invalid', 'true');
    });
  }

  await expect(page.locator('img')).toHaveCount(images);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(updates).toEqual([]);
});
