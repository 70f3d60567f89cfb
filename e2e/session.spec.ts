import { randomBytes } from 'node:crypto';
import {
  API,
  createAccount,
  expect,
  expectProfileOf,
  logInThroughUi,
  loginPage,
  profilePage,
  SESSION_EXPIRED,
  SESSION_KEY,
  storedSession,
  test,
} from './support/fixtures';

test('with "Remember me" the session outlives the tab and the browser', async ({
  page,
  context,
  request,
  openContext,
}) => {
  const account = await createAccount(request);
  await logInThroughUi(page, account, { remember: true });
  expect(await storedSession(page)).toEqual({ local: expect.any(String), session: null });

  await page.reload();
  await expectProfileOf(page, account);

  const newTab = await context.newPage();
  await newTab.goto('/profile');
  await expectProfileOf(newTab, account);

  // A browser restart keeps localStorage: a new context given the saved storage.
  const restarted = await openContext({ storageState: await context.storageState() });
  const afterRestart = await restarted.newPage();
  await afterRestart.goto('/profile');
  await expectProfileOf(afterRestart, account);
});

test('without "Remember me" the session ends with the tab', async ({
  page,
  context,
  request,
  openContext,
}) => {
  const account = await createAccount(request);
  await logInThroughUi(page, account);
  expect(await storedSession(page)).toEqual({ local: null, session: expect.any(String) });

  await page.reload();
  await expectProfileOf(page, account);

  const newTab = await context.newPage();
  await newTab.goto('/profile');
  await expect(newTab).toHaveURL(/\/login$/);
  await expect(loginPage(newTab).heading).toBeVisible();

  const restarted = await openContext({ storageState: await context.storageState() });
  const afterRestart = await restarted.newPage();
  await afterRestart.goto('/profile');
  await expect(afterRestart).toHaveURL(/\/login$/);
  await expect(loginPage(afterRestart).heading).toBeVisible();
});

test('logging out in one tab logs out the other', async ({ page, context, request }) => {
  const account = await createAccount(request);
  await logInThroughUi(page, account, { remember: true });
  const otherTab = await context.newPage();
  await otherTab.goto('/profile');
  await expectProfileOf(otherTab, account);

  await profilePage(page).logOut.click();
  await expect(page).toHaveURL(/\/login$/);

  await expect(otherTab).toHaveURL(/\/login$/);
  await expect(loginPage(otherTab).heading).toBeVisible();
  // The tab that was signed out says why; the one that signed out does not.
  await expect(otherTab.getByRole('status')).toHaveText('You signed out in another tab.');
  await expect(page.getByText('You signed out in another tab.')).toHaveCount(0);
  await expect(otherTab.getByText(account.username)).toHaveCount(0);
  expect(await storedSession(otherTab)).toEqual({ local: null, session: null });
});

test('a token the server no longer takes leads to log in with a notice, then back', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowFailedLoad(API.userInfo, 401);
  const account = await createAccount(request);
  await logInThroughUi(page, account, { remember: true });

  await page.evaluate(([key, token]) => localStorage.setItem(key, token), [
    SESSION_KEY,
    randomBytes(32).toString('base64url'),
  ] as const);
  await page.reload();

  const login = loginPage(page);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText(SESSION_EXPIRED)).toBeVisible();
  await login.username.fill(account.username);
  await login.password.fill(account.password);
  await login.submit.click();
  await expect(page).toHaveURL(/\/profile$/);
  await expectProfileOf(page, account);
});

test('a 401 on loading the profile ends the session as expired', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowFailedLoad(API.userInfo, 401);
  const account = await createAccount(request);
  await logInThroughUi(page, account);

  await page.route(
    `**${API.userInfo}`,
    (route) =>
      route.fulfill({
        status: 401,
        json: { success: false, error: 'Invalid username, password, or access token' },
      }),
    { times: 1 },
  );
  await page.reload();

  const login = loginPage(page);
  await expect(page.getByText(SESSION_EXPIRED)).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  expect(await storedSession(page)).toEqual({ local: null, session: null });
  await login.username.fill(account.username);
  await login.password.fill(account.password);
  await login.submit.click();
  await expect(page).toHaveURL(/\/profile$/);
  await expectProfileOf(page, account);
});
