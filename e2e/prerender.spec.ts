import type { Page } from '@playwright/test';
import {
  createAccount,
  expect,
  expectProfileOf,
  logInThroughUi,
  loginPage,
  profilePage,
  signupPage,
  test,
} from './support/fixtures';

/**
 * Holds the app's script back, so the test sees what the page shows before it runs. (Its
 * pages are then only "committed": a module script holds back DOMContentLoaded.)
 */
async function holdAppScript(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('log-in and sign-up are on screen before any script has run', async ({ page }) => {
  const release = await holdAppScript(page);

  await page.goto('/login', { waitUntil: 'commit' });
  await expect(loginPage(page).heading).toBeVisible();
  await expect(page).toHaveTitle('Log in · Aurora');
  // Until the app runs, nothing can be typed or sent (a bare HTML submit would put the
  // password in the address).
  await expect(loginPage(page).username).toBeDisabled();
  await expect(loginPage(page).submit).toBeDisabled();
  await page.goto('/signup', { waitUntil: 'commit' });
  await expect(signupPage(page).heading).toBeVisible();
  await expect(page).toHaveTitle('Create your account · Aurora');

  // Once the script runs, the prerendered page comes alive (hydrates) in place.
  release();
  const signup = signupPage(page);
  await expect(signup.username).toBeEnabled();
  await signup.password.fill('short');
  await signup.submit.click();
  await expect(signup.password).toHaveAccessibleDescription(/Use at least 8 characters/);
});

test('a logged-in visitor never sees the prerendered log-in page, not even for a moment', async ({
  page,
  request,
}) => {
  const account = await createAccount(request);
  await logInThroughUi(page, account, { remember: true });
  await expect(page).toHaveURL(/\/profile$/);

  const release = await holdAppScript(page);
  await page.goto('/login', { waitUntil: 'commit' });
  // It is in the page (role queries skip what is hidden, hence includeHidden), yet unseen.
  const prerendered = page.getByRole('heading', { name: 'Log in', includeHidden: true });
  await expect(prerendered).toBeAttached();
  await expect(prerendered).toBeHidden();

  release();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
});

test('with a session, the profile’s frame is on screen before any script has run, then fills', async ({
  page,
  request,
}) => {
  const account = await createAccount(request);
  await logInThroughUi(page, account, { remember: true });
  await expectProfileOf(page, account);

  const release = await holdAppScript(page);
  await page.goto('/profile', { waitUntil: 'commit' });
  await expect(profilePage(page).heading).toBeVisible();
  await expect(page).toHaveTitle('Your profile · Aurora');
  await expect(page.getByText('Loading your profile…')).toBeVisible();
  // The frame has no form: the form only ever appears filled.
  await expect(page.getByRole('textbox')).toHaveCount(0);

  // Once the script runs, the frame comes alive in place (it is hydrated, not replaced).
  const lead = page.getByText('Change the username, email and password');
  await lead.evaluate((element) => element.setAttribute('data-prerendered-node', ''));
  release();
  await expectProfileOf(page, account);
  await expect(lead).toHaveAttribute('data-prerendered-node', '');
});

test('a logged-out visitor never sees the profile’s frame, and comes back to it after logging in', async ({
  page,
  request,
}) => {
  const account = await createAccount(request);
  const release = await holdAppScript(page);
  await page.goto('/profile', { waitUntil: 'commit' });
  const prerendered = page.getByRole('heading', { name: 'Your profile', includeHidden: true });
  await expect(prerendered).toBeAttached();
  await expect(prerendered).toBeHidden();

  release();
  await expect(page).toHaveURL(/\/login$/);
  await expect(loginPage(page).heading).toBeVisible();
  await loginPage(page).username.fill(account.username);
  await loginPage(page).password.fill(account.password);
  await loginPage(page).submit.click();
  await expectProfileOf(page, account);
});
