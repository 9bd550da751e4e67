/**
 * The framework examples as their users would run them: examples/react (React 19) and examples/vue (Vue 3) are built
 * with Vite against the built package (`npm run build` first), served beside the real endpoint and livekit-server,
 * and each joins a call in Chromium and decodes a second participant's video. The page's own status line is rendered
 * by the framework from the element's `hashdrop-status-change` event, so it also proves the event binding. And both
 * examples type-check with the generated typings, where each deliberately wrong prop must be an error.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { startStack, type Stack } from '../../scripts/stack.js';
import { staticFiles } from '../../scripts/static-files.js';
import { eventually, launchChromium } from './harness.js';
import { inboundTotals } from './rtc-probe.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

const EXAMPLES = ['react', 'vue'] as const;
let stack: Stack;
let browser: Browser;
const pages: RoomPage[] = [];

before(async () => {
  assert.ok(existsSync('dist/npm/index.js'), 'build the package first: npm run build');
  for (const example of EXAMPLES) await build({ configFile: `examples/${example}/vite.config.ts`, logLevel: 'warn' });
  [stack, browser] = await Promise.all([
    startStack({
      site: 'none',
      // Each example's build under /<example>/ (built with relative asset URLs), beside the endpoint at /api.
      extraRoutes: async (request, response) => {
        const path = new URL(request.url ?? '/', 'http://x').pathname;
        const example = EXAMPLES.find((name) => path.startsWith(`/${name}/`));
        if (!example) return false;
        request.url = (request.url ?? '/').slice(example.length + 1);
        staticFiles(`examples/${example}/dist`)(request, response);
        return true;
      },
    }),
    launchChromium(),
  ]);
});

after(async () => {
  await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
});

async function decodesVideo(roomPage: RoomPage): Promise<number> {
  const totals = await eventually(
    'remote video frames decoded',
    async () => {
      const now = await inboundTotals(roomPage.page);
      return now.videoFramesDecoded >= 10 ? now : null;
    },
    30_000,
  );
  return totals.videoFramesDecoded;
}

for (const example of EXAMPLES) {
  test(`the ${example} example joins a call and sees the other participant`, async (t) => {
    const api = new ApiClient(`${stack.url}/api`);
    const { room } = await api.createRoom({ policy: { waitingRoom: false } });
    const url = `${stack.url}/${example}/?room=${room.code}`;
    const [first, second] = await Promise.all([openPage(browser, url), openPage(browser, url)]);
    pages.push(first, second);

    // One after the other, as people arrive: the second joins a call that is already running.
    for (const [roomPage, name] of [
      [first, 'Ada App'],
      [second, 'Bo Browser'],
    ] as const) {
      await roomPage.page.getByRole('status').filter({ hasText: 'Room status: pre-join' }).waitFor();
      await roomPage.join(name);
      await roomPage.waitForStatus('in-room');
      await roomPage.page.getByRole('status').filter({ hasText: 'Room status: in-room' }).waitFor();
    }
    const [firstFrames, secondFrames] = await Promise.all([decodesVideo(first), decodesVideo(second)]);
    t.diagnostic(`${example}: each page decoded the other's video (${firstFrames} and ${secondFrames} frames)`);

    // The framework keeps driving the element: the theme picker sets the `theme` property.
    await first.page.getByLabel('Theme').selectOption('dark');
    await eventually('the theme reaches the element', () =>
      first.page.evaluate(`document.querySelector('hashdrop-room').theme === 'dark'`),
    );
    await Promise.all([first.context.close(), second.context.close()]);
  });
}

test('the examples type-check with the generated typings, and wrong props are errors', async () => {
  // Each example has a prop-types.check file whose wrong props are marked @ts-expect-error: if the typings stopped
  // catching one, that directive would be unused and tsc would fail.
  for (const example of EXAMPLES) {
    await assert.doesNotReject(
      promisify(execFile)('node_modules/.bin/tsc', ['--noEmit', '-p', `examples/${example}`]),
      `tsc --noEmit -p examples/${example}`,
    );
  }
});
