import type { Page } from '@playwright/test';
import { createAccount, expect, logInThroughUi, signupPage, test } from './support/fixtures';

// The narrowest phones the portal supports, and a common one.
const WIDTHS = [320, 375] as const;

/** Controls and text that stick out of the box (fieldset or card) they sit in. */
function escapees(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll(
      // Screen-reader-only text is a 1px box, placed at its edge on purpose.
      'main :is(input, button, label, legend, p, a, li):not(.visually-hidden)',
    )) {
      const rect = element.getBoundingClientRect();
      const box = element.parentElement?.closest('fieldset, .card');
      // Nothing to see (an empty status line, say), or nothing to sit in.
      if ((rect.width === 0 && rect.height === 0) || !box) continue;
      const inner = box.getBoundingClientRect();
      const style = getComputedStyle(box);
      const right = inner.right - parseFloat(style.borderRightWidth);
      const left = inner.left + parseFloat(style.borderLeftWidth);
      if (rect.right > right + 0.5 || rect.left < left - 0.5) {
        found.push(
          `${element.outerHTML.slice(0, 80)} (${rect.left}-${rect.right} in ${left}-${right})`,
        );
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth) {
      found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide`);
    }
    return found;
  });
}

async function expectFitsNarrowScreens(page: Page) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    expect(await escapees(page), `at ${width}px`).toEqual([]);
  }
}

test('at 320 and 375 px wide, every page fits: nothing sticks out or scrolls sideways', async ({
  page,
  request,
}) => {
  const account = await createAccount(request);

  await page.goto('/signup');
  await expectFitsNarrowScreens(page);
  // With every error and the summary showing, too.
  await signupPage(page).submit.click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expectFitsNarrowScreens(page);
  await page.goto('/login');
  await expectFitsNarrowScreens(page);
  await logInThroughUi(page, account);
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue(account.username);
  await expectFitsNarrowScreens(page);
});
