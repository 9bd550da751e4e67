/**
 * The media path, end to end: two Chromium pages join one room on a real livekit-server with tokens signed by
 * livekit-server-sdk, each publishes its fake camera and microphone, and each proves it decodes the other's video
 * (at least 10 frames decoded, so a running stream and not one frame) and receives the other's audio packets.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AccessToken } from 'livekit-server-sdk';
import type { Browser, Page } from 'playwright-core';
import { startLiveKit, type LiveKitServer } from '../../scripts/livekit.js';
import { bundle, eventually, launchChromium, serve, type StaticServer } from './harness.js';

let livekit: LiveKitServer;
let browser: Browser;
let site: StaticServer;

before(async () => {
  [livekit, browser] = await Promise.all([startLiveKit(), launchChromium()]);
  const script = await bundle(new URL('./pages/media-smoke.ts', import.meta.url).pathname);
  site = await serve({
    routes: {
      '/': { body: '<!doctype html><title>smoke</title><script type="module" src="/smoke.js"></script>' },
      '/smoke.js': { body: script },
    },
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await livekit?.stop();
});

async function token(identity: string): Promise<string> {
  const grant = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity, ttl: '10m' });
  grant.addGrant({ roomJoin: true, room: 'smoke', canPublish: true, canSubscribe: true });
  return grant.toJwt();
}

async function openParticipant(identity: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => 'smoke' in window);
  await page.evaluate(([url, jwt]) => window.smoke.join(url!, jwt!), [livekit.url, await token(identity)]);
  return page;
}

test('two browsers decode each other’s video and receive each other’s audio through livekit-server', async (t) => {
  const [alice, bob] = await Promise.all([openParticipant('alice'), openParticipant('bob')]);
  for (const [page, other] of [
    [alice, 'bob'],
    [bob, 'alice'],
  ] as const) {
    const inbound = await eventually(`${other}'s media at the other page`, async () => {
      const stats = await page.evaluate(() => window.smoke.inbound());
      const video = stats.find((s) => s.kind === 'video' && s.from === other);
      const audio = stats.find((s) => s.kind === 'audio' && s.from === other);
      return video && audio && video.framesDecoded >= 10 && audio.packetsReceived >= 10 ? { video, audio } : null;
    });
    t.diagnostic(
      `${other} → other page: video framesDecoded=${inbound.video.framesDecoded}, audio packetsReceived=${inbound.audio.packetsReceived}`,
    );
    assert.ok(inbound.video.framesDecoded > 0);
    assert.ok(inbound.audio.packetsReceived > 0);
  }
  await Promise.all([alice.evaluate(() => window.smoke.leave()), bob.evaluate(() => window.smoke.leave())]);
});
