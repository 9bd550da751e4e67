/**
 * Losing the connection mid-call, in real browsers against the real livekit-server: the page shows `reconnecting`
 * and then either comes back `in-room` with media flowing again or ends clearly (`ended`, reason `disconnected`, a
 * message on screen) — never a call view frozen on a dead connection.
 *
 * What livekit-server does here: it runs in dev mode and keeps no state, so after a crash and restart the clients'
 * resume is refused (unknown participant) and livekit-client falls back to a full reconnect — a new signal
 * connection, new peer connections, its tracks published again. If the server stays away, livekit-client gives up
 * after its retry schedule (about 45 s) and the call ends.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { inboundTotals } from './rtc-probe.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

/** livekit-client's default schedule gives up after ~45 s of failed attempts (delays scale ±50%), plus slack. */
const GIVE_UP_WITHIN = 90_000;
/** A full reconnect: new signal, new peer connections, tracks republished, on a busy 2-core machine. */
const RECOVER_WITHIN = 45_000;

/** Every status a page's <hashdrop-room> passes through, in order (read from its own events, not polled). */
const STATUS_LOG = `document.addEventListener('hashdrop-status-change', (event) => {
  (window.__statuses ??= []).push(event.status);
});`;

let stack: Stack;
let browser: Browser;
let ada: RoomPage;
let bo: RoomPage;

before(async () => {
  assert.ok(existsSync('dist/cdn/hashdrop.js'), 'build the CDN bundle first: npm run build:cdn');
  // Built files, not Vite's dev server: a dev server reloads the page when a source file changes, mid-call.
  [stack, browser] = await Promise.all([startStack({ site: 'static', staticRoot: '.' }), launchChromium()]);
  const api = new ApiClient(`${stack.url}/api`);
  const { room } = await api.createRoom({ name: 'Reconnect', policy: { waitingRoom: false } });
  const page = `/test/e2e/pages/cdn-room.html?room=${room.code}`;
  [ada, bo] = await Promise.all([joinAs(page, 'Ada'), joinAs(page, 'Bo')]);
});

after(async () => {
  await Promise.all([ada, bo].map((p) => p?.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
});

async function joinAs(path: string, name: string): Promise<RoomPage> {
  const roomPage = await openPage(browser, `${stack.url}${path}`);
  await roomPage.waitForStatus('pre-join');
  await roomPage.page.evaluate(STATUS_LOG);
  await roomPage.join(name);
  await roomPage.waitForStatus('in-room');
  return roomPage;
}

const statuses = (p: RoomPage) =>
  p.page.evaluate(() => (window as unknown as { __statuses?: string[] }).__statuses ?? []);
const clearStatuses = (p: RoomPage) =>
  p.page.evaluate(() => ((window as unknown as { __statuses?: string[] }).__statuses = []));

/**
 * Remote video decoded on the page's live peer connections, counted from now: a full reconnect replaces the peer
 * connections, so the baseline is taken when the call is back.
 */
async function decodesRemoteVideo(p: RoomPage, what: string): Promise<void> {
  const start = await inboundTotals(p.page);
  await eventually(
    what,
    async () => {
      const now = await inboundTotals(p.page);
      return now.videoStreams >= 1 && now.videoFramesDecoded >= start.videoFramesDecoded + 20 ? now : null;
    },
    20_000,
  );
}

/** The other participant's camera tile shows video (attached and playing), not an avatar. */
async function seesVideoOf(p: RoomPage, name: string): Promise<void> {
  await p.page
    .locator('hashdrop-stage hashdrop-participant-tile[source="camera"]', {
      has: p.page.locator('[part="name-text"]', { hasText: name }),
    })
    .locator('video[part="video"]')
    .waitFor({ timeout: 20_000 });
}

test('the call is live before anything fails', async () => {
  await Promise.all([decodesRemoteVideo(ada, 'Ada decoding Bo'), decodesRemoteVideo(bo, 'Bo decoding Ada')]);
  await Promise.all([seesVideoOf(ada, 'Bo'), seesVideoOf(bo, 'Ada')]);
});

test('a page that goes offline for a few seconds shows reconnecting, then is back in the room', async () => {
  await clearStatuses(ada);
  await ada.context.setOffline(true);
  // Going offline is announced by the browser; livekit-client notices it (and its signal pings fail).
  await ada.waitForStatus('reconnecting', 30_000);
  await ada.page.locator('hashdrop-room [part="call-header"]', { hasText: 'Reconnecting…' }).waitFor();
  assert.equal(await ada.page.locator('hashdrop-room').evaluate((room) => room.matches(':state(reconnecting)')), true);
  await ada.context.setOffline(false);
  await ada.waitForStatus('in-room', RECOVER_WITHIN);
  assert.deepEqual(await statuses(ada), ['reconnecting', 'in-room']);
  await decodesRemoteVideo(ada, 'Ada decoding Bo after coming back online');
  await seesVideoOf(ada, 'Bo');
});

test('livekit-server crashes and restarts: reconnecting, then in-room with media flowing again', async (t) => {
  await Promise.all([clearStatuses(ada), clearStatuses(bo)]);
  await stack.livekit.crash();
  await Promise.all([ada.waitForStatus('reconnecting', 30_000), bo.waitForStatus('reconnecting', 30_000)]);
  for (const p of [ada, bo]) {
    await p.page.locator('hashdrop-room [part="call-header"]', { hasText: 'Reconnecting…' }).waitFor();
  }
  await stack.livekit.restart();
  await Promise.all([ada.waitForStatus('in-room', RECOVER_WITHIN), bo.waitForStatus('in-room', RECOVER_WITHIN)]);
  for (const p of [ada, bo]) assert.deepEqual(await statuses(p), ['reconnecting', 'in-room']);
  // Both published again into the fresh server, and each decodes the other's camera on the new connections.
  await Promise.all([decodesRemoteVideo(ada, 'Ada decoding Bo'), decodesRemoteVideo(bo, 'Bo decoding Ada')]);
  await Promise.all([seesVideoOf(ada, 'Bo'), seesVideoOf(bo, 'Ada')]);
  // The reconnect-ing banner is gone: the UI says what the connection really is.
  await ada.page
    .locator('hashdrop-room [part="call-header"]', { hasText: 'Reconnecting…' })
    .waitFor({ state: 'detached' });
  const totals = await inboundTotals(ada.page);
  t.diagnostic(`after restart Ada decodes ${totals.videoStreams} video stream(s), ${totals.videoFramesDecoded} frames`);
});

test('livekit-server crashes and stays down: reconnecting, then ended with a reason on screen', async () => {
  await Promise.all([clearStatuses(ada), clearStatuses(bo)]);
  await stack.livekit.crash();
  await Promise.all([ada.waitForStatus('reconnecting', 30_000), bo.waitForStatus('reconnecting', 30_000)]);
  await Promise.all([ada.waitForStatus('ended', GIVE_UP_WITHIN), bo.waitForStatus('ended', GIVE_UP_WITHIN)]);
  for (const p of [ada, bo]) {
    assert.deepEqual(await statuses(p), ['reconnecting', 'ended']);
    const snapshot = await p.page
      .locator('hashdrop-room')
      .evaluate((room) => (room as unknown as { snapshot: { endedReason: string | null } }).snapshot);
    assert.equal(snapshot.endedReason, 'disconnected');
    await p.page.getByText('The connection to the call was lost.').waitFor();
    // And the way back is offered.
    await p.page.locator('hashdrop-room [part="rejoin"]').waitFor();
  }
});
