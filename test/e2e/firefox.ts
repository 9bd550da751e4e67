/**
 * Debian's Firefox ESR for the call paths, driven headless over WebDriver BiDi by puppeteer-core (which never
 * downloads a browser). Fake camera and microphone come from Firefox's own prefs; ICE may use loopback, as
 * livekit-server runs on 127.0.0.1. A `FirefoxRoomPage` drives `<hashdrop-room>` the way `room-page.ts` does in
 * Chromium, with a deep query that crosses the elements' open shadow roots, the same RTCPeerConnection probe, and a
 * record of every console error and uncaught exception.
 */
import { accessSync, constants } from 'node:fs';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      `Firefox ESR was not found at ${path}. Install Debian's package (apt-get install -y firefox-esr) or set FIREFOX_PATH.`,
    );
  }
  return path;
}

/** Prefs for a test profile: fake devices without prompts, loopback ICE, autoplay, and nothing phoning home. */
export const FIREFOX_PREFS: Record<string, unknown> = {
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

export async function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: FIREFOX_PREFS,
  });
}

/** Installed before any page script: the peer-connection probe and the deep query (source text, see rtc-probe.ts). */
const PAGE_HELPERS = `(() => {
  const connections = [];
  window.__hashdropPeerConnections = connections;
  const Original = window.RTCPeerConnection;
  function Probe(...args) {
    const connection = new Original(...args);
    connections.push(connection);
    return connection;
  }
  Probe.prototype = Original.prototype;
  Object.setPrototypeOf(Probe, Original);
  window.RTCPeerConnection = Probe;

  // Elements matching the last selector of path, each selector searched below the previous match (its light DOM and
  // every open shadow root under it, nested). With text, only elements whose text contains it.
  const below = (root, selector) => {
    const found = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll(selector)) found.push(el);
      for (const el of node.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    if (root.shadowRoot) walk(root.shadowRoot);
    walk(root);
    return found;
  };
  window.__hashdropDeep = (path, text) => {
    let current = [document];
    for (const selector of path) current = current.flatMap((root) => below(root, selector));
    return text ? current.filter((el) => (el.textContent || '').includes(text)) : current;
  };
})();`;

declare global {
  interface Window {
    __hashdropDeep?: (path: string[], text?: string) => Element[];
  }
}

export interface FirefoxRoomPage {
  page: Page;
  /** Console errors and uncaught exceptions, as text. */
  errors: string[];
  /** Bodies of every endpoint response (/api/…) the page received. */
  apiBodies: string[];
  status(): Promise<string | null>;
  waitForStatus(status: string, timeoutMs?: number): Promise<void>;
  /** The first element at a deep path (see PAGE_HELPERS), waiting for it. */
  find(path: string[], options?: { text?: string; timeoutMs?: number }): Promise<ElementHandle<Element>>;
  count(path: string[], text?: string): Promise<number>;
  join(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openFirefoxPage(browser: Browser, url: string): Promise<FirefoxRoomPage> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.evaluateOnNewDocument(PAGE_HELPERS);
  const errors: string[] = [];
  const apiBodies: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    response.text().then(
      (body) => apiBodies.push(body),
      () => {
        // A long-poll cut off by navigation has no body.
      },
    );
  });
  await page.goto(url);

  const find: FirefoxRoomPage['find'] = async (path, options = {}) => {
    const handle = await page.waitForFunction(
      (p: string[], text: string | undefined) => window.__hashdropDeep!(p, text)[0] ?? null,
      { timeout: options.timeoutMs ?? 15_000, polling: 100 },
      path,
      options.text,
    );
    const element = handle.asElement();
    if (!element) throw new Error(`no element at ${path.join(' → ')}`);
    return element as ElementHandle<Element>;
  };

  return {
    page,
    errors,
    apiBodies,
    status: () => page.evaluate(() => document.querySelector('hashdrop-room')?.getAttribute('status') ?? null),
    async waitForStatus(status, timeoutMs = 15_000) {
      await page.waitForFunction(
        (wanted: string) => document.querySelector('hashdrop-room')?.getAttribute('status') === wanted,
        { timeout: timeoutMs, polling: 50 },
        status,
      );
    },
    find,
    count: (path, text) => page.evaluate((p: string[], t?: string) => window.__hashdropDeep!(p, t).length, path, text),
    async join(name) {
      const input = await find(['hashdrop-prejoin', 'input#name']);
      await input.click({ count: 3 });
      await input.type(name);
      await (await find(['hashdrop-prejoin', 'button[part="join"]'])).click();
    },
    close: () => context.close(),
  };
}

/** Sums inbound video statistics over the page's peer connections (Firefox's getStats, read in the page). */
export function firefoxInboundVideo(page: Page): Promise<{ framesDecoded: number; streams: number }> {
  return page.evaluate(async () => {
    const totals = { framesDecoded: 0, streams: 0 };
    for (const connection of (window as { __hashdropPeerConnections?: RTCPeerConnection[] })
      .__hashdropPeerConnections ?? []) {
      if (connection.connectionState === 'closed') continue;
      const report = await connection.getStats();
      report.forEach((stat: { type: string; kind?: string; framesDecoded?: number }) => {
        if (stat.type !== 'inbound-rtp' || stat.kind !== 'video') return;
        totals.streams += 1;
        totals.framesDecoded += stat.framesDecoded ?? 0;
      });
    }
    return totals;
  });
}
