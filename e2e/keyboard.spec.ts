import type { Locator, Page } from '@playwright/test';
import {
  expect,
  expectProfileOf,
  loginPage,
  newAccount,
  profilePage,
  signupPage,
  test,
} from './support/fixtures';

/** Presses Tab (or Shift+Tab) once and expects focus on `target`. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  await page.keyboard.press(key);
  await expect(target).toBeFocused();
}

/**
 * After a page change focus may sit on the new heading, on the page, or where the old
 * form was; from there the first field must be at most `limit` Tab presses away.
 */
async function tabUntil(page: Page, target: Locator, limit: number) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  await expect(target, `focused within ${limit} Tab presses`).toBeFocused();
}

/** Replaces a field's whole value, as a keyboard user would. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

const passwordToggles = (page: Page) =>
  page.getByRole('button', { name: /^(Show|Hide) password$/ });

test('the whole new-user journey works with the keyboard alone', async ({ page }) => {
  const original = newAccount('keys');
  const changed = newAccount('keyed');
  const signup = signupPage(page);

  await page.goto('/signup');
  await expect(signup.heading).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Aurora' }));
  await tabTo(page, signup.username);
  await page.keyboard.type(original.username);
  await tabTo(page, signup.email);
  await page.keyboard.type(original.email);
  await tabTo(page, signup.password);
  await page.keyboard.type(original.password);

  const passwordToggle = passwordToggles(page).nth(0);
  await tabTo(page, passwordToggle);
  await page.keyboard.press('Space');
  await expect(passwordToggle).toHaveAccessibleName('Hide password');
  await expect(signup.password).toHaveAttribute('type', 'text');
  await page.keyboard.press('Space');
  await expect(passwordToggle).toHaveAccessibleName('Show password');
  await expect(signup.password).toHaveAttribute('type', 'password');

  await tabTo(page, signup.confirmPassword);
  await page.keyboard.type(original.password);
  await tabTo(page, passwordToggle, 'Shift+Tab');
  await tabTo(page, signup.confirmPassword);
  await tabTo(page, passwordToggles(page).nth(1));
  await tabTo(page, signup.submit);
  await page.keyboard.press('Enter');

  const profile = profilePage(page);
  await expect(page).toHaveURL(/\/profile$/);
  await expectProfileOf(page, original);
  await tabUntil(page, profile.username, 3);
  await retype(page, changed.username);
  await tabTo(page, profile.email);
  await retype(page, changed.email);
  await tabTo(page, profile.newPassword);
  await page.keyboard.type(changed.password);
  await tabTo(page, passwordToggles(page).nth(0));
  await tabTo(page, profile.confirmNewPassword);
  await page.keyboard.type(changed.password);
  await tabTo(page, passwordToggles(page).nth(1));
  await tabTo(page, profile.currentPassword);
  await page.keyboard.type(original.password);
  await tabTo(page, passwordToggles(page).nth(2));
  await tabTo(page, profile.save);
  await page.keyboard.press('Enter');
  await expect(profile.saved).toBeVisible();
  await expect(profile.save).toBeFocused();

  await tabTo(page, profile.logOut);
  await page.keyboard.press('Space');

  const login = loginPage(page);
  await expect(page).toHaveURL(/\/login$/);
  await tabUntil(page, login.username, 3);
  await page.keyboard.type(changed.username);
  await tabTo(page, login.password);
  await page.keyboard.type(changed.password);
  await tabTo(page, passwordToggles(page).nth(0));
  await tabTo(page, login.remember);
  await page.keyboard.press('Space');
  await expect(login.remember).toBeChecked();
  await tabTo(page, passwordToggles(page).nth(0), 'Shift+Tab');
  await tabTo(page, login.remember);
  await tabTo(page, login.submit);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/profile$/);
  await expectProfileOf(page, changed);
});
