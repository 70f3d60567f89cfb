import {
  API,
  createAccount,
  expect,
  expectProfileOf,
  logInThroughUi,
  profilePage,
  test,
} from './support/fixtures';

test('the first click on "Save changes" counts, even when leaving a field shows its error', async ({
  page,
  request,
}) => {
  const account = await createAccount(request);
  await logInThroughUi(page, account);
  const profile = profilePage(page);

  await profile.newPassword.fill('short');
  await profile.save.click();

  // Only a submit checks the (untouched) current password.
  await expect(profile.currentPassword).toHaveAttribute('aria-invalid', 'true');
  await expect(profile.currentPassword).toHaveAccessibleDescription(/Enter your current password/);
  await expect(profile.newPassword).toHaveAccessibleDescription(/Use at least 8 characters/);
});

test('a wrong current password is named on that field, and nothing changes', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowFailedLoad(API.login, 401);
  const account = await createAccount(request);
  await logInThroughUi(page, account);
  const profile = profilePage(page);

  await profile.email.fill(`changed-${account.email}`);
  await profile.currentPassword.fill(`${account.password}-wrong`);
  await profile.save.click();

  await expect(profile.currentPassword).toHaveAttribute('aria-invalid', 'true');
  await expect(profile.currentPassword).toHaveAccessibleDescription(/isn’t your current password/);
  await expect(profile.currentPassword).toBeFocused();
  await expect(profile.email).toHaveValue(`changed-${account.email}`);
  await expect(profile.saved).toBeHidden();

  const stored = await request.get(API.userInfo, { headers: { 'x-access-token': account.token } });
  expect(await stored.json()).toEqual({
    success: true,
    username: account.username,
    email: account.email,
  });
  await expectProfileOf(page, { username: account.username });
});
