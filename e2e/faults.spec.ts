import {
  API,
  createAccount,
  expect,
  expectProfileOf,
  logInThroughUi,
  loginPage,
  newAccount,
  profilePage,
  test,
} from './support/fixtures';

test('the profile fills by itself after the server fails twice', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowFailedLoad(API.userInfo, 503);
  const account = await createAccount(request);
  await logInThroughUi(page, account);

  let failures = 0;
  await page.route(`**${API.userInfo}`, async (route) => {
    if (route.request().method() === 'GET' && failures < 2) {
      failures += 1;
      await route.fulfill({ status: 503, json: { success: false, error: 'Service unavailable' } });
    } else {
      await route.fallback();
    }
  });
  await page.reload();

  // The app waits about a second, then a little more, between tries.
  await expectProfileOf(page, account, { timeout: 10_000 });
  expect(failures).toBe(2);
});

test('a save that fails keeps every edit, says why, and goes through when tried again', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowFailedLoad(API.userInfo, 'net::ERR_FAILED');
  browserProblems.allowFailedLoad(API.userInfo, 500);
  const account = await createAccount(request);
  const changed = newAccount('retried');
  await logInThroughUi(page, account);

  // What the next save meets; the test moves it on between presses.
  let saveMeets: 'network error' | 'server error' | 'real server' = 'network error';
  const sent: string[] = [];
  await page.route(`**${API.userInfo}`, async (route) => {
    if (route.request().method() !== 'PUT') return route.fallback();
    sent.push(saveMeets);
    if (saveMeets === 'network error') return route.abort('failed');
    if (saveMeets === 'server error') {
      return route.fulfill({
        status: 500,
        json: { success: false, error: 'Internal server error' },
      });
    }
    return route.fallback();
  });

  const profile = profilePage(page);
  await profile.username.fill(changed.username);
  await profile.email.fill(changed.email);
  await profile.newPassword.fill(changed.password);
  await profile.confirmNewPassword.fill(changed.password);
  await profile.currentPassword.fill(account.password);
  const expectEditsKept = async () => {
    await expect(profile.username).toHaveValue(changed.username);
    await expect(profile.email).toHaveValue(changed.email);
    await expect(profile.newPassword).toHaveValue(changed.password);
    await expect(profile.confirmNewPassword).toHaveValue(changed.password);
    await expect(profile.currentPassword).toHaveValue(account.password);
  };
  const tryAgain = page.getByRole('button', { name: 'Try again' });

  await profile.save.click();
  await expect(profile.alert).toContainText(/couldn’t reach the Aurora server/);
  await expectEditsKept();

  saveMeets = 'server error';
  await tryAgain.click();
  await expect(profile.alert).toContainText(/server ran into a problem \(error 500\)/);
  await expectEditsKept();

  saveMeets = 'real server';
  await tryAgain.click();
  await expect(profile.saved).toBeVisible();
  await expect(profile.alert).toBeHidden();
  await expect(profile.username).toHaveValue(changed.username);
  expect(sent).toEqual(['network error', 'server error', 'real server']);
});

test('a slow log-in shows progress, and a double click sends one request', async ({
  page,
  request,
}) => {
  const account = await createAccount(request);
  const sent: string[] = [];
  await page.route(`**${API.login}`, async (route) => {
    sent.push(route.request().method());
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.fallback();
  });
  const login = loginPage(page);

  await page.goto('/login');
  await login.username.fill(account.username);
  await login.password.fill(account.password);
  await login.submit.dblclick();

  await expect(login.submit).toHaveAttribute('aria-busy', 'true');
  await expect(login.submit).toBeDisabled();
  await expect(login.submit).toBeFocused();
  // Enter in a field is a third way to submit while the first is running.
  await login.password.press('Enter');

  await expectProfileOf(page, account, { timeout: 10_000 });
  expect(sent).toEqual(['POST']);
});

test('an HTML error page instead of JSON gives a clear message, and the page stays', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowFailedLoad(API.login, 502);
  const account = await createAccount(request);
  await page.route(`**${API.login}`, (route) =>
    route.fulfill({
      status: 502,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><script>alert(1)</script></body></html>',
    }),
  );
  const login = loginPage(page);

  await page.goto('/login');
  await login.username.fill(account.username);
  await login.password.fill(account.password);
  await login.submit.click();

  await expect(login.alert).toContainText(/The Aurora server ran into a problem \(error 502\)/);
  await expect(login.alert).not.toContainText(/<|JSON|Unexpected token|Bad Gateway/);
  await expect(login.heading).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bad Gateway' })).toHaveCount(0);
  await expect(login.username).toHaveValue(account.username);
  await expect(page).toHaveURL(/\/login$/);
});
