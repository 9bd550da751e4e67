/**
 * Renders Storybook stories to PNG for the visual checks: the built Storybook (storybook-static/) served locally,
 * Debian's Chromium, one browser and one reused page per viewport. Stories use plain data; the canvas "video" draws
 * the same frame every time (`hashdropStillVideo`), motion is reduced and animations are finished, and a picture is
 * taken only once two in a row are identical — so the same code gives the same pixels.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/harness.js';

export const STATIC = 'storybook-static';
/** Fonts come from Debian's fonts-dejavu-core: the page's sans-serif (and serif) resolve to DejaVu. */
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/**
 * The address the stories are shown at, answered from storybook-static/ by the page itself (no server): the same in
 * every run, because an invite shows (and its QR code encodes) the page's address. `localhost` is a secure context.
 */
const ORIGIN = 'http://localhost:6006';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface Viewport {
  name: string;
  width: number;
  height: number;
}
export const PHONE: Viewport = { name: 'phone', width: 390, height: 844 };
export const TABLET: Viewport = { name: 'tablet', width: 768, height: 1024 };
export const DESKTOP: Viewport = { name: 'desktop', width: 1280, height: 800 };
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface StoryEntry {
  id: string;
  title: string;
  name: string;
}

/** Every story of the built Storybook, in its index's order. */
export function storyEntries(): StoryEntry[] {
  if (!existsSync(`${STATIC}/index.json`)) return [];
  const index = JSON.parse(readFileSync(`${STATIC}/index.json`, 'utf8')) as {
    entries: Record<string, StoryEntry & { type: string }>;
  };
  return Object.values(index.entries).filter((entry) => entry.type === 'story');
}

/**
 * Checks run on a timer, not on animation frames (Playwright's default): Chromium may hold back a page's frames while
 * the machine is busy or the page is not in front, and a check that never runs times out on a story long rendered.
 */
const POLL = { timeout: 15_000, polling: 100 } as const;

/** One browser and one page per viewport, reused from story to story. */
export class StoryCamera {
  readonly #pages = new Map<string, Page>();
  /** What each page shows now. */
  readonly #shown = new Map<Page, { storyId: string; theme: string }>();
  private constructor(private readonly browser: Browser) {}

  static async open(): Promise<StoryCamera> {
    if (!existsSync(DEJAVU)) throw new Error('Install fonts-dejavu-core (apt-get install -y fonts-dejavu-core).');
    if (!existsSync(`${STATIC}/index.json`)) throw new Error('Build Storybook first: npm run build-storybook');
    return new StoryCamera(await launchChromium());
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  async #page(viewport: Viewport): Promise<Page> {
    let page = this.#pages.get(viewport.name);
    if (!page) {
      page = await this.browser.newPage({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
      await page.addInitScript(() => {
        (globalThis as { hashdropStillVideo?: boolean }).hashdropStillVideo = true;
      });
      await page.route(`${ORIGIN}/**`, async (route) => {
        const path = decodeURIComponent(new URL(route.request().url()).pathname);
        const file = normalize(join(STATIC, path));
        if (!file.startsWith(normalize(STATIC)) || !existsSync(file)) return route.fulfill({ status: 404 });
        await route.fulfill({
          body: await readFile(file),
          contentType: TYPES[extname(file)] ?? 'application/octet-stream',
        });
      });
      this.#pages.set(viewport.name, page);
    }
    return page;
  }

  /** The viewport's page as it is now, as a JPEG (for the screenshot set; comparisons use PNG). */
  async jpeg(viewport: Viewport): Promise<Buffer> {
    const page = await this.#page(viewport);
    return page.screenshot({ type: 'jpeg', quality: 82, animations: 'disabled', caret: 'hide' });
  }

  /**
   * Opens a story in a theme (Storybook's toolbar theme), lets `act` interact with it (open a panel), and returns the
   * settled picture of the viewport. The first story of a page loads Storybook; the next ones are switched to through
   * Storybook's own channel (much faster than a reload), each rendered into a fresh root.
   */
  async shoot(storyId: string, viewport: Viewport, theme: Theme, act?: (page: Page) => Promise<void>): Promise<Buffer> {
    const page = await this.#page(viewport);
    const shown = this.#shown.get(page);
    if (shown && page.url().startsWith(ORIGIN)) {
      const outcome = await page.evaluate<string>(switchStory(storyId, theme, shown));
      if (outcome !== 'rendered') throw new Error(`story ${storyId}: ${outcome}`);
    } else {
      await page.goto(`${ORIGIN}/iframe.html?id=${storyId}&viewMode=story&globals=theme:${theme}`);
    }
    this.#shown.set(page, { storyId, theme });
    await page.waitForFunction(
      () =>
        document.querySelector('#storybook-root')?.childElementCount ||
        document.body.classList.contains('sb-show-errordisplay'),
      undefined,
      POLL,
    );
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForFunction(storyComplete, undefined, POLL);
    if (act) await act(page);
    return settled(page);
  }
}

/**
 * Shows another story (and theme) in a loaded Storybook preview through Storybook's own channel, and resolves once that
 * story has rendered into a fresh root. Storybook fills the root itself: a story it has not shown yet, or one it is
 * asked to remount, gets a new, empty root (`forceRemount`), so nothing of the last picture is reused. The page's DOM
 * is never touched from here: emptying the root behind Storybook's back raced its own re-renders (a theme change is
 * queued behind the last render's checks), and once left a root empty.
 */
function switchStory(storyId: string, theme: string, shown: { storyId: string; theme: string }): string {
  // A string, for the reason given at storyComplete. One change at a time, each awaited, so no render of the last
  // story can land after the next one's: a new theme re-renders the story shown, then the story is (re)mounted.
  const sameStory = shown.storyId === storyId;
  const themeChanged = shown.theme !== theme;
  return `(async () => {
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
    const root = document.querySelector('#storybook-root');
    const renderOf = (wanted) => new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), 15000);
      const done = (arg) => {
        if (wanted && (typeof arg === 'string' ? arg : arg?.storyId) !== wanted) return;
        channel.off('storyRendered', done);
        clearTimeout(timer);
        resolve(true);
      };
      channel.on('storyRendered', done);
    });
    if (${themeChanged}) {
      const rendered = renderOf(null);
      channel.emit('updateGlobals', { globals: { theme: ${JSON.stringify(theme)} } });
      if (!(await rendered)) return 'no render after the theme changed';
    }
    const rendered = renderOf(${JSON.stringify(storyId)});
    if (${sameStory}) channel.emit('forceRemount', { storyId: ${JSON.stringify(storyId)} });
    else channel.emit('setCurrentStory', { storyId: ${JSON.stringify(storyId)}, viewMode: 'story' });
    if (!(await rendered)) return 'did not render within 15 s';
    return root.childElementCount ? 'rendered' : 'rendered nothing';
  })()`;
}

/**
 * The story is complete: every element of ours that is shown is defined (but a call's extras with nothing to show), a
 * room in a call shows its call screen (a lazy chunk), and every video (shadow roots included) shows a frame. A string,
 * so the bundler's helpers (tsx names functions) do not travel into the page.
 */
const storyComplete = `(() => {
  const elements = [];
  const walk = (root) => root.querySelectorAll('*').forEach((element) => {
    elements.push(element);
    if (element.shadowRoot) walk(element.shadowRoot);
  });
  walk(document);
  const ours = elements.filter((element) => element.localName.startsWith('hashdrop-'));
  // Shown ones only: an element in a closed disclosure (pre-join's pre-call check) is defined when it is opened.
  const shown = (element) => element.checkVisibility ? element.checkVisibility() : true;
  // A call screen's extras (src/elements/call-extras.ts) are defined once the call has something for them to show
  // (hidden or not: a request to unmute waits hidden until its element shows it), and stay undefined until then.
  const extraWanted = (element) => {
    const s = element.getRootNode().host?.snapshot;
    if (!s || element.getRootNode().host.localName !== 'hashdrop-room') return null;
    if (element.localName === 'hashdrop-chat') return !element.hidden || s.chat.length > 0;
    if (element.localName === 'hashdrop-reactions') return s.reactions.length > 0;
    if (element.localName === 'hashdrop-captions') return s.captions.length > 0;
    if (element.localName === 'hashdrop-recording-indicator') return s.recording.active || s.stream.active;
    if (element.localName === 'hashdrop-unmute-request') return s.unmuteRequested;
    return null;
  };
  if (ours.some((element) => !customElements.get(element.localName) && (extraWanted(element) ?? shown(element)))) {
    return false;
  }
  const inCall = ours.filter((e) => e.localName === 'hashdrop-room' && /in-room|reconnecting/.test(e.getAttribute('status') ?? ''));
  // A popped-out room shows a placeholder instead (its call view is in another window).
  const placed = (room) => room.shadowRoot?.querySelector(room.hasAttribute('popped-out') ? '[part="pop-out-placeholder"]' : 'hashdrop-call-view');
  if (inCall.some((room) => !placed(room))) return false;
  return elements.every((e) => !(e instanceof HTMLVideoElement) || (e.readyState >= 2 && e.videoWidth > 0));
})()`;

/** Takes pictures until two in a row are the same (lazy chunks, QR codes and first frames have arrived). */
async function settled(page: Page): Promise<Buffer> {
  const shot = () => page.screenshot({ animations: 'disabled', caret: 'hide' });
  let previous = await shot();
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.waitForTimeout(120);
    const next = await shot();
    if (next.equals(previous)) return next;
    previous = next;
  }
  throw new Error('the story never settled: two pictures in a row were never the same');
}
