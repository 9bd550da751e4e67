/**
 * What a visitor's browser downloads, measured by loading the pages: for <hashdrop-room> (CDN build) everything loaded
 * until the pre-join screen is up (the call's chunks may start preloading then; those are counted separately), and for
 * the peer, LiveKit's React PreJoin app (production build) until its pre-join form is up. Then the whole call: every
 * script a guest's page has loaded once it is in a call and its network is idle, file by file (so the chunks are
 * listed by size), against the peer's VideoConference app in a call. Bytes are the JavaScript response bodies,
 * minified as served, and their gzip size (level 9); each file is compressed on its own, as it travels.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/harness.js';
import { ApiClient } from '../test/e2e/api-client.js';
import { buildPeerApp, startBenchStack } from './bench-stack.js';

export interface PageWeight {
  files: number;
  minBytes: number;
  gzipBytes: number;
}

export interface ScriptWeight {
  file: string;
  minBytes: number;
  gzipBytes: number;
}

/** A page's weight with its files, largest first. */
export interface CallWeight extends PageWeight {
  chunks: ScriptWeight[];
}

/** The scripts a page has loaded once `inCall` says it is in a call and its network has gone quiet. */
async function scriptsInCall(
  browser: Browser,
  url: string,
  inCall: (page: Page) => Promise<void>,
): Promise<CallWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await inCall(page);
  await page.waitForLoadState('networkidle');
  const urls = (await page.evaluate(`[...new Set(performance.getEntriesByType('resource')
    .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
    .map((entry) => entry.name))]`)) as string[];
  await context.close();
  const chunks = await Promise.all(
    urls.map(async (script): Promise<ScriptWeight> => {
      const body = Buffer.from(await (await fetch(script)).arrayBuffer());
      return {
        file: new URL(script).pathname.split('/').pop()!,
        minBytes: body.length,
        gzipBytes: gzipSync(body, { level: 9 }).length,
      };
    }),
  );
  chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    files: chunks.length,
    minBytes: chunks.reduce((sum, chunk) => sum + chunk.minBytes, 0),
    gzipBytes: chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    chunks,
  };
}

async function scriptsUntil(browser: Browser, url: string, ready: (page: Page) => Promise<void>): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<Buffer | null>[] = [];
  page.on('response', (response) => {
    // A preload that starts after pre-join is up may still be in flight when the context closes: not counted.
    if (response.request().resourceType() === 'script') bodies.push(response.body().catch(() => null));
  });
  await page.goto(url);
  await ready(page);
  // Whatever was requested by the time pre-join is up counts; wait for those bodies to finish.
  const buffers = (await Promise.all(bodies.slice())).filter((body): body is Buffer => body !== null);
  await context.close();
  return {
    files: buffers.length,
    minBytes: buffers.reduce((sum, body) => sum + body.length, 0),
    gzipBytes: buffers.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
  };
}

/** Notes (page clock) when <hashdrop-room> first reflects status="pre-join". */
const PREJOIN_SHOWN = `new MutationObserver((records, observer) => {
  for (const record of records) {
    if (record.target.localName === 'hashdrop-room' && record.target.getAttribute('status') === 'pre-join') {
      window.__hashdropShownAt = performance.now();
      observer.disconnect();
    }
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['status'] });`;

/**
 * The scripts a page requested before a moment its own init script marks (`window.__hashdropShownAt`), from the
 * page's resource timing, fetched again here for their bytes: a count that does not depend on how fast later
 * requests come back.
 */
async function scriptsRequestedBefore(browser: Browser, url: string, marker: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript({ content: marker });
  await page.goto(url);
  await page.waitForFunction('typeof window.__hashdropShownAt === "number"');
  const urls = (await page.evaluate(`performance.getEntriesByType('resource')
    .filter((entry) => entry.name.endsWith('.js') && entry.startTime <= window.__hashdropShownAt)
    .map((entry) => entry.name)`)) as string[];
  await context.close();
  const buffers = await Promise.all(urls.map(async (script) => Buffer.from(await (await fetch(script)).arrayBuffer())));
  return {
    files: buffers.length,
    minBytes: buffers.reduce((sum, body) => sum + body.length, 0),
    gzipBytes: buffers.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
  };
}

export interface PageWeights {
  hashdropPreJoin: PageWeight;
  peerPreJoin: PageWeight;
  hashdropInCall: CallWeight;
  /** The same call, as its host: the host's chunk (host panel, invite) and the QR encoder on top. */
  hashdropHostInCall: CallWeight;
  peerInCall: CallWeight;
}

/** Joins from <hashdrop-room>'s pre-join screen and waits for the call screen. */
async function joinFromPreJoin(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => document.querySelector('hashdrop-room')?.getAttribute('status') === 'pre-join');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('hashdrop-room')?.getAttribute('status') === 'in-room');
  await page.evaluate(() => customElements.whenDefined('hashdrop-stage'));
}

export async function benchPageWeight(): Promise<PageWeights> {
  await buildPeerApp();
  const stack = await startBenchStack();
  const browser = await launchChromium();
  try {
    const api = new ApiClient(`${stack.url}/api`);
    const { room } = await api.createRoom({ name: 'Weight bench' });
    // Counted: the scripts requested before the room showed pre-join (its `status` attribute is set right after that
    // render). The SDK and call-screen preloads start once pre-join is painted, so they are not, whatever the timing.
    const hashdropPreJoin = await scriptsRequestedBefore(
      browser,
      `${stack.url}/bench/pages/hashdrop.html?room=${room.code}`,
      PREJOIN_SHOWN,
    );
    const peerPreJoin = await scriptsUntil(
      browser,
      `${stack.url}/bench/livekit-react/dist/index.html?token=/bench/token&room=weight`,
      (page) =>
        page
          .locator('input#username')
          .waitFor()
          .then(() => undefined),
    );
    // Straight in (no waiting room), as a guest: the call screen without the host's panel.
    const open = await api.createRoom({ name: 'Weight bench, in call', policy: { waitingRoom: false } });
    const hashdropInCall = await scriptsInCall(
      browser,
      `${stack.url}/bench/pages/hashdrop.html?room=${open.room.code}`,
      (page) => joinFromPreJoin(page, 'Weight Guest'),
    );
    const hashdropHostInCall = await scriptsInCall(
      browser,
      `${stack.url}/bench/pages/hashdrop.html?room=${open.room.code}&host=${open.hostKey}`,
      async (page) => {
        await joinFromPreJoin(page, 'Weight Host');
        await page.evaluate(() => customElements.whenDefined('hashdrop-host-panel'));
      },
    );
    const peerInCall = await scriptsInCall(
      browser,
      `${stack.url}/bench/livekit-react/dist/index.html?token=/bench/token&room=weight&name=Weight`,
      (page) =>
        page
          .locator('.lk-video-conference')
          .waitFor()
          .then(() => undefined),
    );
    return { hashdropPreJoin, peerPreJoin, hashdropInCall, hashdropHostInCall, peerInCall };
  } finally {
    await browser.close();
    await stack.close();
  }
}
