import { API, createAccount, expect, loginPage, newAccount, test } from './support/fixtures';

const NO_MATCH = /That username and password don’t match an account/;

test('a wrong password is refused with a message, and the username stays', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowFailedLoad(API.login, 401);
  const account = await createAccount(request);
  const login = loginPage(page);

  await page.goto('/login');
  await login.username.fill(account.username);
  await login.password.fill(`${account.password}-wrong`);
  await login.submit.click();

  await expect(login.alert).toContainText(NO_MATCH);
  await expect(login.username).toHaveValue(account.username);
  await expect(page).toHaveURL(/\/login$/);
});

test('an unknown username gets the same message as a wrong password', async ({
  page,
  browserProblems,
}) => {
  browserProblems.allowFailedLoad(API.login, 401);
  const stranger = newAccount('nobody');
  const login = loginPage(page);

  await page.goto('/login');
  await login.username.fill(stranger.username);
  await login.password.fill(stranger.password);
  await login.submit.click();

  await expect(login.alert).toContainText(NO_MATCH);
  await expect(login.username).toHaveValue(stranger.username);
});

test('empty fields are named on the fields themselves, and nothing is sent', async ({ page }) => {
  const loginRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === API.login) loginRequests.push(request.method());
  });
  const login = loginPage(page);
  const typed = newAccount('typed');

  await page.goto('/login');
  await login.submit.click();
  await expect(login.username).toHaveAttribute('aria-invalid', 'true');
  await expect(login.username).toHaveAccessibleDescription(/Enter your username/);
  await expect(login.password).toHaveAttribute('aria-invalid', 'true');
  await expect(login.password).toHaveAccessibleDescription(/Enter your password/);

  await login.username.fill(typed.username);
  await login.submit.click();
  await expect(login.password).toHaveAccessibleDescription(/Enter your password/);
  await expect(login.username).toHaveValue(typed.username);
  await expect(login.username).not.toHaveAttribute('aria-invalid', 'true');
  expect(loginRequests).toEqual([]);
});

test('the 11th failed log-in within a minute is told how long to wait', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowFailedLoad(API.login, 401);
  browserProblems.allowFailedLoad(API.login, 429);
  const account = await createAccount(request);
  const login = loginPage(page);
  const attempt = async (password: string) => {
    await login.password.fill(password);
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === API.login),
      login.submit.click(),
    ]);
    return response;
  };

  await page.goto('/login');
  await login.username.fill(account.username);
  for (let failure = 1; failure <= 10; failure += 1) {
    expect((await attempt(`wrong-password-${failure}`)).status()).toBe(401);
    await expect(login.alert).toContainText(NO_MATCH);
  }

  const limited = await attempt('wrong-password-11');
  expect(limited.status()).toBe(429);
  const retryAfter = Number(limited.headers()['retry-after']);
  await expect(login.alert).toContainText(/Try again in \d+ seconds?/);
  const shown = Number(/Try again in (\d+)/.exec((await login.alert.textContent()) ?? '')?.[1]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(retryAfter);
  await expect(login.username).toHaveValue(account.username);
  await expect(login.submit).toBeDisabled();
});
