// One console under test per suite: the in-process API (test/helpers/api.ts) for direct calls,
// a second listener on the same services that also serves the built console, and one chromium.
// Tests drive the page, then ask the API what really happened.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TestApi, type Credentials } from '../../helpers/api';
import { createApiServer } from '../../../infra/local/server';
import { createConsoleHandler } from '../../../infra/local/console-static';
import { ensureConsoleBuilt } from '../../../infra/local/console-build';
import { launchChromium } from './browser';

export type ConsoleLocale = 'en' | 'pt-BR' | 'es';

export class ConsoleHarness {
  /** Messages the page logged as errors, including CSP violations: every suite expects none. */
  readonly pageErrors: string[] = [];

  private constructor(
    readonly api: TestApi,
    private readonly server: Server,
    readonly url: string,
    readonly browser: Browser,
  ) {}

  static async start(): Promise<ConsoleHarness> {
    const distDir = await ensureConsoleBuilt();
    const api = await TestApi.start();
    const server = createApiServer({ serveStatic: createConsoleHandler(distDir, { apiUrl: '' }) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    // Single-access links point at this console, as `npm start` points them at its own origin.
    api.services.config.PUBLIC_URL = url;
    const browser = await launchChromium();
    return new ConsoleHarness(api, server, url, browser);
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await new Promise((resolve) => this.server.close(resolve));
    await this.api.stop();
  }

  /** A fresh browser context (empty sessionStorage and localStorage) whose clock matches the API's. */
  async newPage(locale: ConsoleLocale | 'es-MX' = 'en'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({
      locale,
      timezoneId: 'UTC',
      viewport: { width: 1280, height: 800 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    // Well below the test timeout, so a stuck step fails with its own message instead.
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    await page.clock.setFixedTime(this.api.services.clock.now());
    return { context, page };
  }

  /** Opens the console and signs in with `credentials` through the form. */
  async signIn(page: Page, credentials: Credentials): Promise<void> {
    await page.goto(this.url);
    await page.locator('input[name="appKey"]').fill(credentials.appKey);
    await page.locator('input[name="appToken"]').fill(credentials.token);
    await page.locator('form button[type="submit"]').click();
    await page.getByTestId('identity-key').waitFor();
  }

  /** Keeps the page's clock in step after a test moves the API's TestClock. */
  async syncClock(page: Page): Promise<void> {
    await page.clock.setFixedTime(this.api.services.clock.now());
  }
}
