import path from 'node:path';
import {
  expect,
  expectProfileOf,
  logInThroughUi,
  loginPage,
  newAccount,
  profilePage,
  submitSignup,
  test as base,
} from './support/fixtures';
import { makeTempDir } from '../scripts/temp-dir';
import { startPortal, type PortalServer } from './support/portal-server';

/**
 * This journey restarts its server, so it gets one of its own: the suite's build, served
 * by a separate process on its own port and its own database file.
 */
const test = base.extend<{ portal: PortalServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
  portal: async ({}, use) => {
    const outDir = process.env.AURORA_E2E_DIST;
    if (!outDir) throw new Error('AURORA_E2E_DIST is unset: run the suite with `playwright test`');
    const { dir, remove } = await makeTempDir('aurora-e2e-restart');
    try {
      const portal = await startPortal(outDir, path.join(dir, 'aurora.db'));
      try {
        await use(portal);
      } finally {
        await portal.stop();
      }
    } finally {
      await remove();
    }
  },
  baseURL: async ({ portal }, use) => {
    await use(portal.url);
  },
});

test('a new user signs up, changes everything, logs back in, and it all survives a restart', async ({
  page,
  portal,
  openContext,
}) => {
  const original = newAccount('new');
  const changed = newAccount('changed');

  await submitSignup(page, original);

  const profile = profilePage(page);
  await expectProfileOf(page, original);

  await profile.username.fill(changed.username);
  await profile.email.fill(changed.email);
  await profile.newPassword.fill(changed.password);
  await profile.confirmNewPassword.fill(changed.password);
  await profile.currentPassword.fill(original.password);
  await profile.save.click();
  await expect(profile.saved).toBeVisible();
  await expect(profile.username).toHaveValue(changed.username);
  await expect(profile.email).toHaveValue(changed.email);

  await profile.logOut.click();
  const login = loginPage(page);
  await expect(page).toHaveURL(/\/login$/);
  await expect(login.heading).toBeVisible();
  await login.username.fill(changed.username);
  await login.password.fill(changed.password);
  await login.submit.click();
  await expectProfileOf(page, changed);

  // Leave the portal first: a page left open would keep fetching (its favicon, say) from
  // the server while it is down, and the refused request would be logged as an error.
  await page.goto('about:blank');
  await portal.restart();

  // A browser that has never been here: only the database can know the account.
  const freshPage = await (await openContext()).newPage();
  await logInThroughUi(freshPage, changed);
  await expect(profilePage(freshPage).email).toHaveValue(changed.email);
});
