/**
 * A 50-person call: 49 synthetic publishers (@livekit/rtc-node, tiny generated video) in a real livekit-server room,
 * then one Chromium page with <hashdrop-room> (CDN build) joins. The page must stay responsive (a click and a key
 * press are handled and shown), and it must receive video only for tiles on screen: the stage renders only the
 * strip's visible window, and LiveKit's adaptive stream pauses every track with no visible element. Paging the strip
 * moves the window: the newly visible tiles start receiving. Long tasks are reported, never asserted.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';
import { startCrowdProcess, type CrowdProcess } from './crowd.js';
import { videoFlow } from './video-flow.js';

const PUBLISHERS = 49;

/** Every long task (main thread busy > 50 ms) from the page's start. */
const LONG_TASKS = `window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
}).observe({ type: 'longtask', buffered: true });`;

let stack: Stack;
let browser: Browser;
let crowd: CrowdProcess | undefined;
let viewer: RoomPage;

before(async () => {
  assert.ok(existsSync('dist/cdn/hashdrop.js'), 'build the CDN bundle first: npm run build:cdn');
  [stack, browser] = await Promise.all([
    startStack({ site: 'static', staticRoot: '.', handlerOptions: { rateLimit: false } }),
    launchChromium(),
  ]);
});

after(async () => {
  await viewer?.context.close().catch(() => {});
  await browser?.close();
  await crowd?.stop();
  await stack?.close();
});

const stage = (p: RoomPage) => p.page.locator('hashdrop-room hashdrop-stage');

/** What the stage shows now: strip slots, and the remote identities whose video a tile has attached. */
function onScreen(p: RoomPage): Promise<{ slots: number; remoteVideo: string[] }> {
  return stage(p).evaluate((element) => {
    const root = element.shadowRoot!;
    const tiles = [...root.querySelectorAll('hashdrop-participant-tile')] as unknown as {
      participant: { identity: string; isLocal: boolean } | null;
      attachedTrack: string | null;
    }[];
    return {
      slots: root.querySelectorAll('[part="strip-list"] > li').length,
      remoteVideo: tiles
        .filter((t) => t.participant && !t.participant.isLocal && t.attachedTrack)
        .map((t) => t.participant!.identity),
    };
  });
}

/** Frames each given participant's tile has played so far (0 for a tile not rendered). */
function framesPlayed(p: RoomPage, identities: string[]): Promise<number[]> {
  return stage(p).evaluate((element, wanted) => {
    const root = element.shadowRoot!;
    const tiles = [...root.querySelectorAll('hashdrop-participant-tile')] as unknown as (HTMLElement & {
      participant: { identity: string } | null;
    })[];
    return wanted.map((identity) => {
      const tile = tiles.find((t) => t.participant?.identity === identity);
      const video = tile?.shadowRoot?.querySelector('video');
      return video ? video.getVideoPlaybackQuality().totalVideoFrames : 0;
    });
  }, identities);
}

test('a page joins a room of 49 publishers and stays responsive', async (t) => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room } = await api.createRoom({ name: 'Fifty', policy: { waitingRoom: false, maxParticipants: 50 } });
  crowd = await startCrowdProcess({
    serverUrl: stack.livekit.url,
    apiKey: stack.livekit.apiKey,
    apiSecret: stack.livekit.apiSecret,
    room: room.id,
    count: PUBLISHERS,
  });

  viewer = await openPage(browser, `${stack.url}/test/e2e/pages/cdn-room.html?room=${room.code}`, undefined, [
    LONG_TASKS,
  ]);
  await viewer.waitForStatus('pre-join');
  await viewer.join('Viewer');
  await viewer.waitForStatus('in-room', 60_000);
  // Everyone is on the stage: 50 cameras, one in the spotlight, 49 slots in the strip.
  await eventually('49 strip slots', async () => ((await onScreen(viewer)).slots === PUBLISHERS ? true : null), 60_000);

  // A click is handled and shown: the microphone turns off.
  const mic = viewer.page.locator('hashdrop-control-bar [part="mic-toggle"]');
  const wasPressed = await mic.getAttribute('aria-pressed');
  await mic.click();
  await eventually('the mic toggle to flip', async () =>
    (await mic.getAttribute('aria-pressed')) !== wasPressed ? true : null,
  );
  // A key press is handled and shown: '+' on the focused spotlight zooms it.
  await stage(viewer).locator('[part="spotlight"]').focus();
  await viewer.page.keyboard.press('+');
  await stage(viewer).locator('[part="zoom-level"]', { hasText: '150%' }).waitFor({ timeout: 10_000 });

  const longTasks = await viewer.page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  t.diagnostic(
    `long tasks since load: ${longTasks.length}, total ${longTasks.reduce((a, b) => a + b, 0)} ms, ` +
      `longest ${Math.max(0, ...longTasks)} ms`,
  );
});

test('the page receives video only for the tiles on screen', async (t) => {
  await eventually('visible tiles showing video', async () =>
    (await onScreen(viewer)).remoteVideo.length >= 2 ? true : null,
  );
  // Adaptive stream pauses hidden tracks a moment after subscription; wait until the page is down to what it shows.
  const measured = await eventually(
    'inbound video limited to the visible tiles',
    async () => {
      const visible = (await onScreen(viewer)).remoteVideo.length;
      const flow = await videoFlow(viewer.page);
      return flow.flowing >= 1 && flow.flowing <= visible ? { visible, ...flow } : null;
    },
    60_000,
  );
  t.diagnostic(
    `${measured.visible} remote tiles with video on screen; ${measured.flowing} of ${measured.streams} inbound video ` +
      `streams decoding (${measured.framesPerSecond.toFixed(0)} frames/s, ${(measured.bytesPerSecond / 1024).toFixed(0)} KB/s)`,
  );
  assert.ok(measured.flowing < PUBLISHERS / 4, `far below ${PUBLISHERS}: ${measured.flowing}`);
});

test('paging the strip: the newly visible tiles start receiving', async (t) => {
  const before = (await onScreen(viewer)).remoteVideo;
  await stage(viewer).locator('[part~="next"]').click();
  const after = await eventually('a new window of tiles with video', async () => {
    const now = (await onScreen(viewer)).remoteVideo;
    const fresh = now.filter((identity) => !before.includes(identity));
    return fresh.length >= 2 ? fresh : null;
  });
  // Their video really plays: frames reach each newly rendered tile.
  await eventually(
    'frames in every newly visible tile',
    async () => ((await framesPlayed(viewer, after)).every((frames) => frames >= 3) ? true : null),
    30_000,
  );
  // And the page still receives only what it shows (the tiles paged away are paused again).
  const flow = await eventually(
    'inbound video limited to the new window',
    async () => {
      const visible = (await onScreen(viewer)).remoteVideo.length;
      const measured = await videoFlow(viewer.page);
      return measured.flowing <= visible ? { visible, ...measured } : null;
    },
    60_000,
  );
  t.diagnostic(`after paging: ${after.length} new tiles playing; ${flow.flowing} streams decoding for ${flow.visible}`);
});
