/**
 * Driving <hashdrop-room> in a page the way a person does (labels and roles; Playwright's locators pierce open shadow
 * roots), plus what a test needs to see: the reflected status, and every endpoint response the page received.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { installRtcProbe } from './rtc-probe.js';

export interface RoomPage {
  page: Page;
  context: BrowserContext;
  /** Bodies of every JSON response from the endpoint (to prove what a guest did or did not receive). */
  apiBodies: string[];
  status(): Promise<string | null>;
  waitForStatus(status: string, timeoutMs?: number): Promise<void>;
  join(name: string): Promise<void>;
}

export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 800 },
  /** Source text run before any page script (a test's own probes, e.g. a PerformanceObserver). */
  initScripts: readonly string[] = [],
  /** The context's own options (e.g. a proxy), and what to do with it before the page opens (e.g. watch requests). */
  setup: { options?: BrowserContextOptions; prepare?: (context: BrowserContext) => void } = {},
): Promise<RoomPage> {
  const context = await browser.newContext({ ...setup.options, viewport });
  setup.prepare?.(context);
  const page = await context.newPage();
  await installRtcProbe(page);
  for (const content of initScripts) await page.addInitScript({ content });
  const apiBodies: string[] = [];
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    try {
      apiBodies.push(await response.text());
    } catch {
      // A long-poll aborted by navigation has no body.
    }
  });
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(url);
  const room = page.locator('hashdrop-room');
  return {
    page,
    context,
    apiBodies,
    status: () => room.getAttribute('status'),
    async waitForStatus(status, timeoutMs = 15_000) {
      await page.waitForFunction(
        (wanted) => document.querySelector('hashdrop-room')?.getAttribute('status') === wanted,
        status,
        { timeout: timeoutMs },
      );
    },
    async join(name) {
      await page.getByLabel('Your name').fill(name);
      await page.getByRole('button', { name: 'Join', exact: true }).click();
    },
  };
}
