import type { Locator, Page, TestInfo } from '@playwright/test';
import {
  createAccount,
  expect,
  logInThroughUi,
  loginPage,
  signupPage,
  test,
} from './support/fixtures';

// Pictures for people to look at (layout at phone and desktop widths, both colour
// schemes), kept as test attachments; nothing compares them pixel by pixel.
const WIDTHS = [375, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

async function photograph(page: Page, testInfo: TestInfo, name: string, ready: Locator) {
  for (const width of WIDTHS) {
    for (const colorScheme of SCHEMES) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      await expect(ready).toBeVisible();
      const file = testInfo.outputPath(`${name}-${width}px-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`${name} at ${width}px, ${colorScheme}`, {
        path: file,
        contentType: 'image/png',
      });
    }
  }
}

test('screenshots of sign-up, log-in and profile', async ({ page, request }, testInfo) => {
  const account = await createAccount(request);

  await page.goto('/signup');
  await photograph(page, testInfo, 'signup', signupPage(page).heading);

  await page.goto('/login');
  await photograph(page, testInfo, 'login', loginPage(page).heading);

  await logInThroughUi(page, account);
  await photograph(page, testInfo, 'profile', page.getByLabel('Username', { exact: true }));

  expect(testInfo.attachments.filter((a) => a.contentType === 'image/png')).toHaveLength(12);
});
