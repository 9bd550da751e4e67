/**
 * Renders stories of the built Storybook in Chromium and checks each: no console or page errors, no failed request,
 * and axe's WCAG 2 A/AA rules. The stories are split over a few test files (by element), so each file stays well
 * inside its time budget on a busy machine; each file starts its own browser and static server.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { launchChromium, serve, type StaticServer } from '../e2e/harness.js';

const STATIC = 'storybook-static';
interface IndexEntry {
  id: string;
  type: string;
  title: string;
  name: string;
}

let browser: Browser;
let site: StaticServer;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const stories = existsSync(`${STATIC}/index.json`)
  ? Object.values(
      (JSON.parse(readFileSync(`${STATIC}/index.json`, 'utf8')) as { entries: Record<string, IndexEntry> }).entries,
    ).filter((entry) => entry.type === 'story')
  : [];

/** The stories of what a call shows, checked by stories-call.test.ts; the rest by stories.test.ts. */
export function isCallStory(title: string): boolean {
  return /stage|tile|control bar|chat|host panel|recording|captions|reactions/i.test(title);
}

/** Registers one test per story whose title `matches` (a story belongs to exactly one file's group). */
export function checkStories(matches: (title: string) => boolean): void {
  before(async () => {
    assert.ok(existsSync(`${STATIC}/index.json`), 'build Storybook first: npm run build-storybook');
    [browser, site] = await Promise.all([launchChromium(), serve({ root: STATIC })]);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
  for (const story of stories.filter((s) => matches(s.title))) {
    test(`story ${story.title} / ${story.name}: renders cleanly and passes axe`, async () => {
      const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
      });
      try {
        await page.goto(`${site.url}/iframe.html?id=${story.id}&viewMode=story`);
        // Storybook marks the root once the story has rendered (or shows its error display).
        await page.waitForFunction(
          () =>
            document.querySelector('#storybook-root')?.childElementCount ||
            document.body.classList.contains('sb-show-errordisplay'),
          undefined,
          { timeout: 15_000 },
        );
        const failed = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'));
        if (failed) problems.push(`story error: ${await page.locator('#error-message').textContent()}`);
        // Let elements finish their first updates (lazy chunks, QR images) before the audit.
        await page.waitForLoadState('networkidle');
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: (
                  ctx: unknown,
                  opts: unknown,
                ) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }>;
              };
            }
          ).axe;
          const result = await axe.run(document.querySelector('#storybook-root'), {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          });
          return result.violations.map(
            (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
          );
        });
        problems.push(...violations.map((violation) => `axe ${violation}`));
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }
}
