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

test('a logged-out visit to the profile goes to log in, and logging in comes back', async ({
  page,
  request,
}) => {
  const account = await createAccount(request);
  const login = loginPage(page);

  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login$/);
  await expect(login.heading).toBeVisible();

  await login.username.fill(account.username);
  await login.password.fill(account.password);
  await login.submit.click();
  await expect(page).toHaveURL(/\/profile$/);
  await expectProfileOf(page, account);
});

test('the way back keeps the whole address that was asked for', async ({ page, request }) => {
  const account = await createAccount(request);
  const login = loginPage(page);

  await page.goto('/profile?tab=password#current');
  await expect(login.heading).toBeVisible();
  await login.username.fill(account.username);
  await login.password.fill(account.password);
  await login.submit.click();

  await expectProfileOf(page, account);
  const { pathname, search, hash } = new URL(page.url());
  expect({ pathname, search, hash }).toEqual({
    pathname: '/profile',
    search: '?tab=password',
    hash: '#current',
  });
});

test('the start page sends visitors to log in, and members to their profile', async ({
  page,
  request,
}) => {
  const account = await createAccount(request);

  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(loginPage(page).heading).toBeVisible();

  await logInThroughUi(page, account);
  await page.goto('/');
  await expect(page).toHaveURL(/\/profile$/);
  await expectProfileOf(page, account);
});

test('logged-in visits to log in and sign up go to the profile', async ({ page, request }) => {
  const account = await createAccount(request);
  await logInThroughUi(page, account);

  await page.goto('/login');
  await expect(page).toHaveURL(/\/profile$/);
  await expectProfileOf(page, account);

  await page.goto('/signup');
  await expect(page).toHaveURL(/\/profile$/);
  await expect(profilePage(page).heading).toBeVisible();
  await expect(signupPage(page).heading).toBeHidden();
});

test('an unknown address says "Page not found" and links back', async ({ page, request }) => {
  const account = await createAccount(request);
  const notFound = page.getByRole('heading', { name: 'Page not found' });
  const backLink = page.getByRole('main').getByRole('link');

  await page.goto('/no/such/page');
  await expect(notFound).toBeVisible();
  await backLink.click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(loginPage(page).heading).toBeVisible();

  await logInThroughUi(page, account);
  await page.goto('/settings');
  await expect(notFound).toBeVisible();
  await backLink.click();
  await expect(page).toHaveURL(/\/profile$/);
  await expectProfileOf(page, account);
});

test('sign-up and log-in link to each other', async ({ page }) => {
  await page.goto('/signup');
  await signupPage(page).logInLink.click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(loginPage(page).heading).toBeVisible();

  await loginPage(page).signUpLink.click();
  await expect(page).toHaveURL(/\/signup$/);
  await expect(signupPage(page).heading).toBeVisible();
});
