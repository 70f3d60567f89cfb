/**
 * What every spec imports instead of `@playwright/test`: the same `test` and `expect`, with
 *
 * - `browserProblems` (automatic): fails the test on any Content-Security-Policy violation,
 *   console error, uncaught page error, dialog or request beyond 127.0.0.1 in any page of
 *   its browser contexts;
 * - `openContext`: a second browser context (a "new browser") watched the same way;
 * - helpers to make accounts through the API, find the forms by label, log in through the
 *   UI, read the stored session and run axe.
 */
import AxeBuilder from '@axe-core/playwright';
import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type BrowserContextOptions,
  type ConsoleMessage,
  type Page,
} from '@playwright/test';
import { randomBytes } from 'node:crypto';

export { expect };

export interface Account {
  username: string;
  email: string;
  password: string;
}

/** A new, valid and unique account (not yet created). */
export function newAccount(prefix = 'user'): Account {
  const username = `${prefix}_${randomBytes(6).toString('hex')}`;
  return {
    username,
    email: `${username}@example.com`,
    password: `pw-${randomBytes(8).toString('hex')}`,
  };
}

/** Chromium's own line for a failed fetch: an HTTP error status, or a network error. */
type LoadFailure = number | `net::${string}`;

interface BrowserProblems {
  /**
   * Allows Chromium's own "Failed to load resource" console error for one URL path and one
   * outcome, for requests a test makes fail (or that fail by design, like a wrong password's
   * 401). Nothing else is ever allowed.
   */
  allowFailedLoad(path: string, outcome: LoadFailure): void;
  /** Watches a context the test created itself, like the one Playwright made. */
  watch(context: BrowserContext): Promise<void>;
}

interface Fixtures {
  browserProblems: BrowserProblems;
  /** A new browser context (empty storage), watched, closed after the test. */
  openContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
}

const FAILED_LOAD =
  /^Failed to load resource: (?:the server responded with a status of (\d{3}) \([^)]*\)|(net::[A-Z_]+))$/;

function failedLoadOf(message: ConsoleMessage): { path: string; outcome: LoadFailure } | null {
  const match = FAILED_LOAD.exec(message.text());
  if (!match) return null;
  const outcome: LoadFailure = match[1] ? Number(match[1]) : (match[2] as `net::${string}`);
  try {
    return { path: new URL(message.location().url).pathname, outcome };
  } catch {
    return null;
  }
}

export const test = base.extend<Fixtures>({
  browserProblems: [
    async ({ context }, use) => {
      const cspViolations: string[] = [];
      const consoleErrors: string[] = [];
      const pageErrors: string[] = [];
      const dialogs: string[] = [];
      const beyondLoopback: string[] = [];
      const allowed: { path: string; outcome: LoadFailure }[] = [];

      const isAllowed = (message: ConsoleMessage) => {
        const failure = failedLoadOf(message);
        return (
          failure !== null &&
          allowed.some((a) => a.path === failure.path && a.outcome === failure.outcome)
        );
      };

      const watch = async (watched: BrowserContext) => {
        await watched.exposeBinding('__auroraReportCspViolation', (_source, report: unknown) => {
          cspViolations.push(JSON.stringify(report));
        });
        await watched.addInitScript(() => {
          document.addEventListener(
            'securitypolicyviolation',
            (event) => {
              const report = (
                window as unknown as { __auroraReportCspViolation: (r: object) => Promise<void> }
              ).__auroraReportCspViolation;
              void report({
                directive: event.violatedDirective,
                blocked: event.blockedURI,
                source: event.sourceFile,
                line: event.lineNumber,
                sample: event.sample,
              });
            },
            true,
          );
        });
        watched.on('console', (message) => {
          if (message.type() === 'error' && !isAllowed(message)) {
            consoleErrors.push(`${message.text()} (at ${message.location().url})`);
          }
        });
        watched.on('weberror', (webError) => {
          const error = webError.error();
          pageErrors.push(error.stack || `${error.name}: ${error.message}`);
        });
        watched.on('request', (request) => {
          const { protocol, hostname } = new URL(request.url());
          if (/^(https?|wss?):$/.test(protocol) && hostname !== '127.0.0.1') {
            beyondLoopback.push(request.url());
          }
        });
        watched.on('dialog', (dialog) => {
          dialogs.push(`${dialog.type()}: ${dialog.message()}`);
          dialog.dismiss().catch(() => undefined);
        });
      };

      await watch(context);
      await use({
        allowFailedLoad: (path, outcome) => void allowed.push({ path, outcome }),
        watch,
      });

      expect(
        { cspViolations, consoleErrors, pageErrors, dialogs, beyondLoopback },
        'browser problems',
      ).toEqual({
        cspViolations: [],
        consoleErrors: [],
        pageErrors: [],
        dialogs: [],
        beyondLoopback: [],
      });
    },
    { auto: true },
  ],

  openContext: async ({ browser, baseURL, browserProblems }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ baseURL, ...options });
      contexts.push(context);
      await browserProblems.watch(context);
      return context;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export const API = {
  signup: '/api/v7/signup',
  login: '/api/v7/login',
  userInfo: '/api/v7/user/info',
} as const;

export const SESSION_KEY = 'aurora.session';

/** Creates the account through the API (not the UI) and returns it with its token. */
export async function createAccount(
  request: APIRequestContext,
  account: Account = newAccount(),
): Promise<Account & { token: string }> {
  const response = await request.post(API.signup, { data: account });
  expect(response.status(), await response.text()).toBe(200);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { ...account, token: accessToken };
}

// Password inputs have no role, and each sits next to a "Show password" button, so they
// are found by their exact label.

export function signupPage(page: Page) {
  return {
    heading: page.getByRole('heading', { name: 'Create your account' }),
    username: page.getByLabel('Username', { exact: true }),
    email: page.getByLabel('Email', { exact: true }),
    password: page.getByLabel('Password', { exact: true }),
    confirmPassword: page.getByLabel('Confirm password', { exact: true }),
    submit: page.getByRole('button', { name: 'Sign up' }),
    logInLink: page.getByRole('link', { name: 'Log in' }),
    alert: page.getByRole('alert'),
  };
}

/** Opens sign-up, fills it in with this account and presses "Sign up". */
export async function submitSignup(
  page: Page,
  account: Pick<Account, 'username' | 'email' | 'password'>,
): Promise<void> {
  const signup = signupPage(page);
  await page.goto('/signup');
  await signup.username.fill(account.username);
  await signup.email.fill(account.email);
  await signup.password.fill(account.password);
  await signup.confirmPassword.fill(account.password);
  await signup.submit.click();
}

export function loginPage(page: Page) {
  return {
    heading: page.getByRole('heading', { name: 'Log in' }),
    username: page.getByLabel('Username', { exact: true }),
    password: page.getByLabel('Password', { exact: true }),
    remember: page.getByRole('checkbox', { name: 'Remember me' }),
    submit: page.getByRole('button', { name: 'Log in', exact: true }),
    signUpLink: page.getByRole('link', { name: /create an account|sign up/i }),
    alert: page.getByRole('alert'),
  };
}

export function profilePage(page: Page) {
  return {
    heading: page.getByRole('heading', { name: 'Your profile' }),
    username: page.getByLabel('Username', { exact: true }),
    email: page.getByLabel('Email', { exact: true }),
    newPassword: page.getByLabel('New password', { exact: true }),
    confirmNewPassword: page.getByLabel('Confirm new password', { exact: true }),
    currentPassword: page.getByLabel('Current password', { exact: true }),
    save: page.getByRole('button', { name: 'Save changes' }),
    logOut: page.getByRole('button', { name: 'Log out' }),
    saved: page.getByRole('status').filter({ hasText: 'Your changes have been saved.' }),
    alert: page.getByRole('alert'),
  };
}

export const SESSION_EXPIRED = 'Your session has expired. Please log in again.';

/** Logs in through the form and waits for the filled profile. */
export async function logInThroughUi(
  page: Page,
  account: Pick<Account, 'username' | 'password'>,
  { remember = false }: { remember?: boolean } = {},
): Promise<void> {
  const login = loginPage(page);
  await page.goto('/login');
  await login.username.fill(account.username);
  await login.password.fill(account.password);
  if (remember) await login.remember.check();
  await login.submit.click();
  await expectProfileOf(page, account);
}

/**
 * The profile page, filled with this account. (The log-in form's own "Username" field
 * holds the same value, so the heading and address are checked first.)
 */
export async function expectProfileOf(
  page: Page,
  account: Partial<Pick<Account, 'username' | 'email'>>,
  { timeout }: { timeout?: number } = {},
): Promise<void> {
  const profile = profilePage(page);
  await expect(profile.heading).toBeVisible({ timeout });
  await expect(page).toHaveURL(/\/profile(?:[?#]|$)/);
  if (account.username !== undefined) {
    await expect(profile.username).toHaveValue(account.username, { timeout });
  }
  if (account.email !== undefined) await expect(profile.email).toHaveValue(account.email);
}

/** The session token as the app stored it, per storage area. */
export function storedSession(
  page: Page,
): Promise<{ local: string | null; session: string | null }> {
  return page.evaluate((key) => {
    return { local: localStorage.getItem(key), session: sessionStorage.getItem(key) };
  }, SESSION_KEY);
}

/** Runs axe on the page as it is now; any violation fails, listed by rule and element. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const readable = violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    elements: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(readable).toEqual([]);
}
