import {
  API,
  createAccount,
  expect,
  expectNoAxeViolations,
  logInThroughUi,
  loginPage,
  newAccount,
  profilePage,
  signupPage,
  test,
} from './support/fixtures';

// Every page in every state it can be in, in both colour schemes (contrast differs).
for (const colorScheme of ['light', 'dark'] as const) {
  test(`sign-up page: empty, with errors, filled (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const signup = signupPage(page);
    const account = newAccount('axe');

    await page.goto('/signup');
    await expect(signup.heading).toBeVisible();
    await expectNoAxeViolations(page);

    await signup.submit.click();
    await expect(signup.username).toHaveAttribute('aria-invalid', 'true');
    await expect(signup.password).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await signup.username.fill(account.username);
    await signup.email.fill(account.email);
    await signup.password.fill(account.password);
    await signup.confirmPassword.fill(`${account.password}x`);
    await signup.submit.click();
    await expect(signup.confirmPassword).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await signup.confirmPassword.fill(account.password);
    await expect(signup.confirmPassword).not.toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
  });

  test(`log-in page: empty, with errors, refused, expired (${colorScheme})`, async ({
    page,
    request,
    browserProblems,
  }) => {
    browserProblems.allowFailedLoad(API.login, 401);
    browserProblems.allowFailedLoad(API.userInfo, 401);
    await page.emulateMedia({ colorScheme });
    const account = await createAccount(request);
    const login = loginPage(page);

    await page.goto('/login');
    await expect(login.heading).toBeVisible();
    await expectNoAxeViolations(page);

    await login.submit.click();
    await expect(login.username).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await login.username.fill(account.username);
    await login.password.fill(`${account.password}-wrong`);
    await login.submit.click();
    await expect(login.alert).toBeVisible();
    await expectNoAxeViolations(page);

    await logInThroughUi(page, account);
    await page.route(`**${API.userInfo}`, (route) => route.fulfill({ status: 401, json: {} }), {
      times: 1,
    });
    await page.reload();
    await expect(page.getByText('Your session has expired')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test(`profile page: filled, with errors, failed, saved (${colorScheme})`, async ({
    page,
    request,
    browserProblems,
  }) => {
    browserProblems.allowFailedLoad(API.userInfo, 500);
    await page.emulateMedia({ colorScheme });
    const account = await createAccount(request);
    const profile = profilePage(page);
    await logInThroughUi(page, account);
    await expectNoAxeViolations(page);

    await profile.username.fill('');
    await profile.newPassword.fill('short');
    await profile.save.click();
    await expect(profile.username).toHaveAttribute('aria-invalid', 'true');
    await expect(profile.currentPassword).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await profile.username.fill(account.username);
    await profile.newPassword.fill('');
    await profile.currentPassword.fill(account.password);
    await page.route(`**${API.userInfo}`, (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({ status: 500, json: { success: false, error: 'Internal server error' } })
        : route.fallback(),
    );
    await profile.save.click();
    await expect(profile.alert).toBeVisible();
    await expectNoAxeViolations(page);

    await page.unroute(`**${API.userInfo}`);
    await profile.save.click();
    await expect(profile.saved).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test(`not-found page (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/nowhere');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
