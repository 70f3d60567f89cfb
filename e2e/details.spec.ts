import type { APIRequestContext, Page, Response } from '@playwright/test';
import {
  API,
  createAccount,
  expect,
  expectProfileOf,
  logInThroughUi,
  loginPage,
  newAccount,
  profilePage,
  SESSION_EXPIRED,
  signupPage,
  submitSignup,
  test,
} from './support/fixtures';

const DRAFT_KEY = 'aurora.profile-draft';
const RESTORED_NOTE = /We put back the changes you hadn’t saved when your session expired/;
const OFFLINE_BANNER = 'You’re offline. We’ll carry on when the connection is back.';
const OFFLINE_LOGIN = 'You’re offline. We’ll log you in as soon as the connection is back.';
const CAPS_LOCK = 'Caps Lock is on.';
const STRENGTH_TEXT = 'Password strength';

/** Counts the log-in requests that leave the page (routed or not). */
function countLoginRequests(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === API.login) count += 1;
  });
  return () => count;
}

/** The next save of the profile meets a 401, as when the session expired meanwhile. */
async function refuseNextSave(page: Page): Promise<void> {
  let refused = false;
  await page.route(`**${API.userInfo}`, (route) => {
    if (route.request().method() !== 'PUT' || refused) return route.fallback();
    refused = true;
    return route.fulfill({
      status: 401,
      json: { success: false, error: 'Invalid username, password, or access token' },
    });
  });
}

/** Where the build keeps the profile content's lazily loaded code. */
async function profileChunkPath(request: APIRequestContext): Promise<string> {
  const shell = await (await request.get('/login')).text();
  const entry = /<script type="module"[^>]* src="([^"]+)"/.exec(shell)?.[1];
  expect(entry, 'the entry script of the app shell').toBeTruthy();
  const code = await (await request.get(entry ?? '')).text();
  const chunk = /profile-content-[\w-]+\.js/.exec(code)?.[0];
  expect(chunk, 'the profile content chunk named in the entry script').toBeTruthy();
  return new URL(chunk ?? '', new URL(entry ?? '', 'http://app.invalid')).pathname;
}

function readDraft(page: Page): Promise<string | null> {
  return page.evaluate((key) => sessionStorage.getItem(key), DRAFT_KEY);
}

test.describe('rate limits', () => {
  test('a 429 holds the button for Retry-After seconds, then the log-in works', async ({
    page,
    request,
    browserProblems,
  }) => {
    browserProblems.allowFailedLoad(API.login, 429);
    const account = await createAccount(request);
    const sent = countLoginRequests(page);
    await page.route(
      `**${API.login}`,
      (route) =>
        route.fulfill({
          status: 429,
          headers: { 'Retry-After': '2' },
          json: { success: false, error: 'Too many requests' },
        }),
      { times: 1 },
    );
    const login = loginPage(page);

    await page.goto('/login');
    await login.username.fill(account.username);
    await login.password.fill(account.password);
    await login.submit.click();

    await expect(login.alert).toHaveText('Too many attempts. Try again in 2 seconds.');
    // Read at once, while the 2 s last: the countdown, and the button pointing at it.
    const held = await login.submit.evaluate((button) => {
      const countdown = document.getElementById(button.getAttribute('aria-describedby') ?? '');
      return {
        ariaDisabled: button.getAttribute('aria-disabled'),
        disabled: (button as HTMLButtonElement).disabled,
        countdown: countdown?.textContent,
        countdownHidden: countdown?.getAttribute('aria-hidden'),
        alerts: document.querySelectorAll('[role="alert"]').length,
      };
    });
    // Pressing now, by mouse or by Enter, sends nothing.
    await login.submit.click({ force: true });
    await login.password.press('Enter');
    expect(sent()).toBe(1);
    expect(held).toEqual({
      ariaDisabled: 'true',
      disabled: false,
      countdown: expect.stringMatching(/^Try again in [12] s$/),
      countdownHidden: 'true',
      alerts: 1,
    });
    await expect(login.submit).toHaveAccessibleName('Log in');

    const countdown = page.getByText(/^Try again in \d s$/);
    await expect(countdown).toBeHidden({ timeout: 4_000 });
    await expect(login.alert).toBeHidden();
    await expect(login.submit).not.toHaveAttribute('aria-disabled');
    await expect(login.submit).not.toHaveAttribute('aria-describedby');
    await login.submit.click();
    await expectProfileOf(page, account);
    expect(sent()).toBe(2);
  });
});

test.describe('session expiry', () => {
  test('an expired session keeps the unsaved edits for the same account, without asking', async ({
    page,
    request,
    browserProblems,
  }) => {
    // Any dialog (a "leave the page?" question) fails the test through the fixture.
    browserProblems.allowFailedLoad(API.userInfo, 401);
    const account = await createAccount(request);
    const edits = newAccount('edited');
    await logInThroughUi(page, account);
    const profile = profilePage(page);

    await profile.username.fill(edits.username);
    await profile.email.fill(edits.email);
    await profile.newPassword.fill(edits.password);
    await profile.confirmNewPassword.fill(edits.password);
    await profile.currentPassword.fill(account.password);
    await refuseNextSave(page);
    await profile.save.click();

    const login = loginPage(page);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByText(SESSION_EXPIRED)).toBeVisible();
    const draft = await readDraft(page);
    expect(draft).not.toBeNull();
    expect(JSON.parse(draft ?? '')).toEqual({
      account: account.username,
      username: edits.username,
      email: edits.email,
    });
    expect(draft).not.toContain(edits.password);
    expect(draft).not.toContain(account.password);

    await login.username.fill(account.username);
    await login.password.fill(account.password);
    await login.submit.click();

    await expect(page).toHaveURL(/\/profile$/);
    await expect(profile.username).toHaveValue(edits.username);
    await expect(profile.email).toHaveValue(edits.email);
    await expect(page.getByText(RESTORED_NOTE)).toBeVisible();
    await expect(profile.newPassword).toHaveValue('');
    await expect(profile.confirmNewPassword).toHaveValue('');
    await expect(profile.currentPassword).toHaveValue('');
    expect(await readDraft(page)).toBeNull();

    // The restored edits save as any others.
    await profile.currentPassword.fill(account.password);
    await profile.save.click();
    await expect(profile.saved).toBeVisible();
    await expect(page.getByText(RESTORED_NOTE)).toBeHidden();
  });

  test('another account does not get the draft, and a manual log-out throws it away', async ({
    page,
    request,
    browserProblems,
  }) => {
    browserProblems.allowFailedLoad(API.userInfo, 401);
    const account = await createAccount(request);
    const other = await createAccount(request);
    await logInThroughUi(page, account);
    const profile = profilePage(page);
    await profile.username.fill(newAccount('drafted').username);
    await profile.currentPassword.fill(account.password);
    await refuseNextSave(page);
    await profile.save.click();
    await expect(page.getByText(SESSION_EXPIRED)).toBeVisible();
    expect(await readDraft(page)).not.toBeNull();

    await logInThroughUi(page, other);
    await expect(profile.email).toHaveValue(other.email);
    await expect(page.getByText(RESTORED_NOTE)).toBeHidden();

    await profile.logOut.click();
    await expect(page).toHaveURL(/\/login$/);
    expect(await readDraft(page)).toBeNull();

    await logInThroughUi(page, account);
    await expectProfileOf(page, account);
    await expect(page.getByText(RESTORED_NOTE)).toBeHidden();
  });
});

test.describe('offline', () => {
  test('offline, the log-in waits with a notice, and completes once back online', async ({
    page,
    context,
    request,
    browserProblems,
  }) => {
    // Sending the log-in starts loading the profile content's code, which fails while offline;
    // Chromium logs that failed request itself. Anything else logged is a problem.
    browserProblems.allowFailedLoad(
      await profileChunkPath(request),
      'net::ERR_INTERNET_DISCONNECTED',
    );
    const account = await createAccount(request);
    const login = loginPage(page);
    const banner = page.getByText(OFFLINE_BANNER);
    const sent = countLoginRequests(page);

    await page.goto('/login');
    await login.username.fill(account.username);
    await login.password.fill(account.password);
    await expect(banner).toBeHidden();

    await context.setOffline(true);
    await expect(banner).toBeVisible();
    await login.submit.click();
    await expect(page.getByRole('status').filter({ hasText: OFFLINE_LOGIN })).toBeVisible();
    await expect(login.alert).toBeHidden();
    expect(sent()).toBe(0);

    await context.setOffline(false);
    await expect(banner).toBeHidden();
    await expectProfileOf(page, account, { timeout: 10_000 });
    expect(sent()).toBe(1);
  });
});

test.describe('error summary', () => {
  test('several invalid fields on sign-up are listed as links that lead to each field', async ({
    page,
  }) => {
    const signup = signupPage(page);
    await page.goto('/signup');

    await signup.submit.click();

    const summary = page.getByRole('alert', { name: 'There are problems with 3 fields:' });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link')).toHaveText([
      'Enter a username.',
      'Enter an email address.',
      'Enter a password.',
    ]);
    await summary.getByRole('link', { name: 'Enter a password.' }).click();
    await expect(signup.password).toBeFocused();
    await summary.getByRole('link', { name: 'Enter an email address.' }).click();
    await expect(signup.email).toBeFocused();
    await expect(page).toHaveURL(/\/signup$/);
  });

  test('the summary of several invalid fields on sign-up takes the focus', async ({ page }) => {
    const signup = signupPage(page);
    await page.goto('/signup');

    await signup.submit.click();

    const summary = page.getByRole('alert', { name: 'There are problems with 3 fields:' });
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
  });

  test('a single invalid field on sign-up gets the focus, with no summary', async ({ page }) => {
    const signup = signupPage(page);
    await submitSignup(page, { ...newAccount('single'), username: 'ab' });

    await expect(signup.username).toBeFocused();
    await expect(signup.username).toHaveAccessibleDescription(/Use at least 3 characters\./);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('clicking Sign up right after typing an invalid value still submits the form', async ({
    page,
  }) => {
    const signup = signupPage(page);
    const account = newAccount('shift');
    await page.goto('/signup');
    await signup.username.fill(account.username);
    await signup.email.fill(account.email);
    await signup.password.fill(account.password);
    await signup.confirmPassword.fill(`${account.password}-different`);

    // Leaving the field shows its error above the button as the mouse goes down on it;
    // the press must still count as a click on the button.
    await signup.submit.click();

    await expect(signup.confirmPassword).toBeFocused();
    await expect(signup.confirmPassword).toHaveAccessibleDescription(
      'The passwords don’t match. Type the same password twice.',
    );
  });
});

test.describe('Caps Lock', () => {
  test('a Caps Lock key press shows a warning on the password field until it loses focus', async ({
    page,
  }) => {
    const login = loginPage(page);
    const warning = page.getByRole('status').filter({ hasText: CAPS_LOCK });
    await page.goto('/login');
    await login.password.focus();
    await expect(warning).toHaveCount(0);

    // Headless Chromium does not toggle the Caps Lock modifier from the keyboard, so the
    // keydown a real keyboard would send is dispatched as is.
    await login.password.dispatchEvent('keydown', { key: 'A', modifierCapsLock: true });
    await expect(warning).toBeVisible();
    await expect(login.password).toBeFocused();

    await login.password.press('Tab');
    await expect(warning).toHaveCount(0);
  });
});

test.describe('password managers', () => {
  test('sign-up fields carry the password rules and autocomplete tokens', async ({ page }) => {
    const signup = signupPage(page);
    await page.goto('/signup');

    await expect(signup.username).toHaveAttribute('autocomplete', 'username');
    await expect(signup.email).toHaveAttribute('autocomplete', 'email');
    await expect(signup.password).toHaveAttribute('autocomplete', 'new-password');
    await expect(signup.password).toHaveAttribute('passwordrules', 'minlength: 8; maxlength: 128;');
    await expect(signup.password).toHaveAttribute('minlength', '8');
    await expect(signup.password).toHaveAttribute('maxlength', '128');
    await expect(signup.confirmPassword).toHaveAttribute('autocomplete', 'new-password');
    await expect(signup.confirmPassword).toHaveAttribute('maxlength', '128');
  });

  test('profile fields carry the password rules and autocomplete tokens', async ({
    page,
    request,
  }) => {
    const account = await createAccount(request);
    await logInThroughUi(page, account);
    const profile = profilePage(page);

    await expect(profile.username).toHaveAttribute('autocomplete', 'username');
    await expect(profile.email).toHaveAttribute('autocomplete', 'email');
    await expect(profile.newPassword).toHaveAttribute('autocomplete', 'new-password');
    await expect(profile.newPassword).toHaveAttribute(
      'passwordrules',
      'minlength: 8; maxlength: 128;',
    );
    await expect(profile.newPassword).toHaveAttribute('minlength', '8');
    await expect(profile.newPassword).toHaveAttribute('maxlength', '128');
    await expect(profile.confirmNewPassword).toHaveAttribute('autocomplete', 'new-password');
    await expect(profile.confirmNewPassword).toHaveAttribute('maxlength', '128');
    await expect(profile.currentPassword).toHaveAttribute('autocomplete', 'current-password');
    await expect(profile.currentPassword).not.toHaveAttribute('minlength');
  });
});

test.describe('password strength', () => {
  /** Every script the page receives, with its text. */
  function recordScripts(page: Page) {
    const scripts: Promise<{ url: string; text: string }>[] = [];
    page.on('response', (response: Response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(response.text().then((text) => ({ url: response.url(), text })));
    });
    return () => Promise.all(scripts);
  }

  test('the log-in page loads no strength meter code', async ({ page }) => {
    const scripts = recordScripts(page);
    await page.goto('/login');
    await loginPage(page).password.fill('something typed');
    await expect(loginPage(page).heading).toBeVisible();

    const loaded = await scripts();
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((script) => script.text.includes(STRENGTH_TEXT))).toEqual([]);
    await expect(page.getByText(STRENGTH_TEXT)).toHaveCount(0);
  });

  test('on sign-up the meter’s code loads only once Password is typed in', async ({ page }) => {
    const signup = signupPage(page);
    const scripts = recordScripts(page);
    await page.goto('/signup');
    await signup.username.fill('grace');
    await signup.confirmPassword.fill('typed first');
    await expect(signup.heading).toBeVisible();
    expect((await scripts()).filter((script) => script.text.includes(STRENGTH_TEXT))).toEqual([]);
    await expect(page.getByText(STRENGTH_TEXT)).toHaveCount(0);

    await signup.password.fill('grace-2024');

    await expect(page.getByText('Password strength: Weak')).toBeVisible();
    await expect(
      page.getByText('Don’t use your username or email in your password.'),
    ).toBeVisible();
    const withMeter = (await scripts()).filter((script) => script.text.includes(STRENGTH_TEXT));
    expect(withMeter).toHaveLength(1);

    await signup.password.fill('Tulip-Orbit-Canoe-58');
    await expect(page.getByText('Password strength: Strong')).toBeVisible();
  });

  test('on the profile the meter shows under New password once typed in', async ({
    page,
    request,
  }) => {
    const account = await createAccount(request);
    const scripts = recordScripts(page);
    await logInThroughUi(page, account);
    const profile = profilePage(page);
    await expect(page.getByText(STRENGTH_TEXT)).toHaveCount(0);
    expect((await scripts()).filter((script) => script.text.includes(STRENGTH_TEXT))).toEqual([]);

    await profile.newPassword.fill('short');

    await expect(page.getByText('Password strength: Too short')).toBeVisible();
    expect((await scripts()).filter((script) => script.text.includes(STRENGTH_TEXT))).toHaveLength(
      1,
    );
    await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
    await profile.newPassword.fill('');
    await expect(page.getByText(STRENGTH_TEXT)).toHaveCount(0);
  });
});

test.describe('return path', () => {
  test('a logged-out visit to the profile comes back to it after log-in', async ({
    page,
    request,
  }) => {
    const account = await createAccount(request);
    const login = loginPage(page);

    await page.goto('/profile');
    await expect(page).toHaveURL(/\/login$/);
    await login.username.fill(account.username);
    await login.password.fill(account.password);
    await login.submit.click();

    await expectProfileOf(page, account);
  });

  test('an address cannot choose where log-in leads', async ({ page, request, baseURL }) => {
    const account = await createAccount(request);
    const login = loginPage(page);

    await page.goto('/login?from=%2F%2Fevil.example&returnTo=https%3A%2F%2Fevil.example#//evil');
    await login.username.fill(account.username);
    await login.password.fill(account.password);
    await login.submit.click();

    await expectProfileOf(page, account);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? '').origin);
  });

  test('"//evil.example" as a path is a page of this site: Page not found', async ({
    page,
    baseURL,
  }) => {
    const origin = new URL(baseURL ?? '').origin;

    await page.goto(`${origin}//evil.example`);

    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(origin);
    await page.getByRole('main').getByRole('link', { name: 'Go to the start page' }).click();
    await expect(loginPage(page).heading).toBeVisible();
    expect(new URL(page.url()).origin).toBe(origin);
  });
});
