import {
  API,
  createAccount,
  expect,
  newAccount,
  signupPage,
  submitSignup,
  test,
} from './support/fixtures';

test('a username that is taken is refused with a message, and what was typed stays', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowFailedLoad(API.signup, 400);
  const existing = await createAccount(request);
  const attempt = { ...newAccount('late'), username: existing.username.toUpperCase() };
  const signup = signupPage(page);

  await submitSignup(page, attempt);

  await expect(signup.alert).toContainText(/may already be in use/);
  await expect(page).toHaveURL(/\/signup$/);
  await expect(signup.username).toHaveValue(attempt.username);
  await expect(signup.email).toHaveValue(attempt.email);
});
