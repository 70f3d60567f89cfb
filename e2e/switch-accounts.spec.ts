import {
  createAccount,
  expect,
  expectProfileOf,
  logInThroughUi,
  loginPage,
  profilePage,
  test,
} from './support/fixtures';

interface SeenRecorder {
  /** Forgets everything, then records what the page shows right now. */
  reset(): void;
  values(): string[];
}

/**
 * Runs in the page before its own scripts: records every text, attribute and input value
 * the document ever holds, from every DOM mutation plus a per-frame look at the inputs
 * (typing and programmatic `value` changes do not mutate the DOM).
 */
function installSeenRecorder() {
  const seen = new Set<string>();
  const record = (text: string | null | undefined) => {
    if (text) seen.add(text);
  };
  const recordInputs = () => {
    for (const input of document.querySelectorAll('input, textarea, select')) {
      record((input as HTMLInputElement).value);
    }
  };
  const recordAll = () => {
    record(document.documentElement.textContent);
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) record(attribute.value);
    }
    recordInputs();
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') record(mutation.target.textContent);
      if (mutation.type === 'attributes' && mutation.attributeName) {
        record((mutation.target as Element).getAttribute(mutation.attributeName));
      }
      for (const node of mutation.addedNodes) {
        record(node.textContent);
        if (node instanceof Element) {
          for (const element of [node, ...node.querySelectorAll('*')]) {
            for (const attribute of element.attributes) record(attribute.value);
          }
        }
      }
    }
    recordInputs();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  const everyFrame = () => {
    recordInputs();
    requestAnimationFrame(everyFrame);
  };
  requestAnimationFrame(everyFrame);
  const recorder: SeenRecorder = {
    reset() {
      seen.clear();
      recordAll();
    },
    values: () => [...seen],
  };
  (window as unknown as { __auroraSeen: SeenRecorder }).__auroraSeen = recorder;
}

test('after switching accounts, nothing of the first one is ever on screen', async ({
  page,
  request,
}) => {
  const [first, second] = await Promise.all([createAccount(request), createAccount(request)]);
  await page.addInitScript(installSeenRecorder);

  await logInThroughUi(page, first);
  await expectProfileOf(page, first);
  await profilePage(page).logOut.click();
  const login = loginPage(page);
  await expect(login.heading).toBeVisible();

  await page.evaluate(() =>
    (window as unknown as { __auroraSeen: SeenRecorder }).__auroraSeen.reset(),
  );
  await login.username.fill(second.username);
  await login.password.fill(second.password);
  await login.submit.click();
  await expectProfileOf(page, second);
  // Two more frames, so a late render of stale data would still be recorded.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );

  const seen = await page.evaluate(() =>
    (window as unknown as { __auroraSeen: SeenRecorder }).__auroraSeen.values(),
  );
  expect(seen.some((text) => text.includes(second.email))).toBe(true);
  expect(
    seen.filter((text) => text.includes(first.username) || text.includes(first.email)),
  ).toEqual([]);
});
