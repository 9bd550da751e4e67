/**
 * The in-call experience in real browsers against the real livekit-server and endpoint: three participants see each
 * other in the stage's strip; pinning is one viewer's alone; a screen share (Chromium's fake screen) takes everyone's
 * spotlight and zooms; mic and camera toggles reach the others; the host ends the meeting for all. Screenshots of the
 * call at phone and desktop widths go to test-results/ for a person to look at.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { inboundTotals } from './rtc-probe.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

const RESULTS = 'test-results';
/** What "seen by the others within a second" allows: a bounded wait for the UI state, not a timing assertion. */
const WITHIN_A_SECOND = 1_000;

let stack: Stack;
let browser: Browser;
const pages: RoomPage[] = [];

before(async () => {
  mkdirSync(RESULTS, { recursive: true });
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});

after(async () => {
  await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
});

async function joinAs(path: string, name: string): Promise<RoomPage> {
  const roomPage = await openPage(browser, `${stack.url}${path}`);
  pages.push(roomPage);
  await roomPage.waitForStatus('pre-join');
  await roomPage.join(name);
  await roomPage.waitForStatus('in-room');
  return roomPage;
}

const stageOf = (p: RoomPage) => p.page.locator('hashdrop-room hashdrop-stage');
const spotlightOf = (p: RoomPage) => stageOf(p).locator('[part="spotlight-content"]');
const stripTile = (p: RoomPage, name: string) =>
  stageOf(p).locator('[part="strip-list"] hashdrop-participant-tile', {
    has: p.page.locator('[part="name-text"]', { hasText: name }),
  });
/** The tile showing `name`'s camera, wherever it is on the stage (strip or spotlight). */
const cameraTile = (p: RoomPage, name: string) =>
  stageOf(p).locator('hashdrop-participant-tile[source="camera"]', {
    has: p.page.locator('[part="name-text"]', { hasText: name }),
  });
const spotlightKey = (p: RoomPage) => spotlightOf(p).getAttribute('data-key');
const control = (p: RoomPage, part: string) => p.page.locator(`hashdrop-control-bar [part="${part}"]`);

/** The identity behind a display name, as the viewer's stage knows it. */
async function identityOf(p: RoomPage, name: string): Promise<string> {
  return (await cameraTile(p, name).locator('[part="base"]').getAttribute('data-identity'))!;
}

const NAMES = ['Hana Host', 'Gus Guest', 'Olga Other'] as const;
let host: RoomPage;
let gus: RoomPage;
let olga: RoomPage;

test('three participants see each other’s video in the strip', async (t) => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room, hostKey } = await api.createRoom({ name: 'In-call', policy: { waitingRoom: false } });
  host = await joinAs(`/r/${room.code}?host=${hostKey}`, NAMES[0]);
  [gus, olga] = await Promise.all([joinAs(`/r/${room.code}`, NAMES[1]), joinAs(`/r/${room.code}`, NAMES[2])]);
  const all = [host, gus, olga];

  for (const [i, viewer] of all.entries()) {
    const others = NAMES.filter((_, j) => j !== i);
    // The stage shows the other two by name (one in the spotlight, the rest in the strip).
    for (const name of others) await cameraTile(viewer, name).waitFor({ timeout: 15_000 });
    // And the browser decodes both of their videos.
    const totals = await eventually(
      `${NAMES[i]} decoding two remote videos`,
      async () => {
        const now = await inboundTotals(viewer.page);
        return now.videoStreams >= 2 && now.videoFramesDecoded >= 20 ? now : null;
      },
      20_000,
    );
    t.diagnostic(`${NAMES[i]}: ${totals.videoStreams} video streams, ${totals.videoFramesDecoded} frames decoded`);
    // Every other participant's tile shows video, not an avatar.
    for (const name of others) {
      await cameraTile(viewer, name).locator('video[part="video"]').waitFor({ timeout: 10_000 });
    }
  }
});

test('pinning a participant moves them into the spotlight for that viewer only', async () => {
  const before = await Promise.all([gus, olga].map(spotlightKey));
  // The host pins whoever is in the strip now (not already in the spotlight).
  const stripName = (await stageOf(host).locator('[part="strip-list"] [part="name-text"]').first().textContent())!;
  const target = NAMES.find((name) => stripName.includes(name))!;
  const identity = await identityOf(host, target);
  await stripTile(host, target).click();
  await eventually('the pinned participant in the host’s spotlight', async () =>
    (await spotlightKey(host)) === `${identity}:camera` ? true : null,
  );
  assert.equal(
    await stageOf(host).evaluate((stage) => (stage as unknown as { pinned: string }).pinned),
    `${identity}:camera`,
  );
  await stageOf(host).locator('[part="unpin"]').waitFor();
  // The others' spotlights did not move.
  assert.deepEqual(await Promise.all([gus, olga].map(spotlightKey)), before);
  // Unpin again, so the screen share below can take the spotlight.
  await stageOf(host).locator('[part="unpin"]').click();
  await stageOf(host).locator('[part="unpin"]').waitFor({ state: 'detached' });
});

test('a screen share takes the spotlight for everyone; zoom changes its rendered scale', async () => {
  await control(gus, 'screen-share').click();
  await eventually('Gus sharing', async () =>
    (await control(gus, 'screen-share').getAttribute('aria-pressed')) === 'true' ? true : null,
  );
  const gusIdentity = await identityOf(host, NAMES[1]);
  for (const viewer of [host, gus, olga]) {
    await eventually(
      'the screen share in the spotlight',
      async () => ((await spotlightKey(viewer)) === `${gusIdentity}:screen_share` ? true : null),
      15_000,
    );
    await spotlightOf(viewer).locator('video[part="video"]').waitFor({ timeout: 10_000 });
  }
  // The viewers really decode the shared screen: a third remote video stream.
  await eventually('Olga decoding the screen share', async () => {
    const now = await inboundTotals(olga.page);
    return now.videoStreams >= 3 ? now : null;
  });
  await olga.page.locator('hashdrop-control-bar [part="sharing-status"]', { hasText: NAMES[1] }).waitFor();

  const media = spotlightOf(olga).locator('video[part="video"]');
  const box = (await media.boundingBox())!;
  await stageOf(olga).locator('[part="zoom-in"]').click();
  await eventually('the spotlight scaled up', async () => {
    const zoomed = (await media.boundingBox())!;
    return zoomed.width > box.width * 1.4 && zoomed.height > box.height * 1.4 ? zoomed : null;
  });
  assert.match((await spotlightOf(olga).getAttribute('style')) ?? '', /scale\(1\.5\)/);
  await stageOf(olga).locator('[part="zoom-level"]', { hasText: '150%' }).waitFor();
  // Zoom is Olga's view alone.
  assert.match((await spotlightOf(host).getAttribute('style')) ?? '', /scale\(1\)/);
});

test('screenshots of the call at phone and desktop widths', async () => {
  await host.page.screenshot({ path: `${RESULTS}/in-call-desktop-1280x800.png` });
  await olga.page.screenshot({ path: `${RESULTS}/in-call-desktop-zoomed-1280x800.png` });
  await gus.page.setViewportSize({ width: 390, height: 844 });
  // The stage re-measures on resize and switches to its narrow strip.
  await gus.page.locator('hashdrop-stage[narrow]').waitFor();
  await gus.page.screenshot({ path: `${RESULTS}/in-call-phone-390x844.png`, fullPage: true });
  // Nothing pushes the page wider than the phone (a strip of tiles once did).
  const width = await gus.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width}px wide at a 390px viewport`);
  await gus.page.setViewportSize({ width: 1280, height: 800 });
});

test('stopping the share returns the spotlight to a camera', async () => {
  await control(gus, 'screen-share').click();
  const gusIdentity = await identityOf(host, NAMES[1]);
  for (const viewer of [host, olga]) {
    await eventually('no screen share in the spotlight', async () =>
      (await spotlightKey(viewer)) !== `${gusIdentity}:screen_share` ? true : null,
    );
  }
});

test('mic and camera toggles are seen by the others within a second', async () => {
  const mutedIcon = (viewer: RoomPage) => cameraTile(viewer, NAMES[2]).locator('[part="mic-muted"]');
  const avatar = (viewer: RoomPage) => cameraTile(viewer, NAMES[2]).locator('[part="avatar"]');
  const video = (viewer: RoomPage) => cameraTile(viewer, NAMES[2]).locator('video[part="video"]');

  await control(olga, 'mic-toggle').click();
  await Promise.all([host, gus].map((v) => mutedIcon(v).waitFor({ timeout: WITHIN_A_SECOND })));
  await control(olga, 'mic-toggle').click();
  await Promise.all([host, gus].map((v) => mutedIcon(v).waitFor({ state: 'detached', timeout: WITHIN_A_SECOND })));

  await control(olga, 'camera-toggle').click();
  await Promise.all([host, gus].map((v) => avatar(v).waitFor({ timeout: WITHIN_A_SECOND })));
  assert.equal(await video(host).count(), 0, 'no video where the avatar is');
  await control(olga, 'camera-toggle').click();
  await Promise.all([host, gus].map((v) => video(v).waitFor({ timeout: WITHIN_A_SECOND })));
});

test('the host ends the meeting for all, after confirming', async () => {
  await control(host, 'end-for-all').click();
  const dialog = host.page.locator('hashdrop-control-bar dialog[part="confirm-dialog"]');
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => (d as HTMLDialogElement).open), true);
  await dialog.locator('[part="confirm-end"]').click();
  for (const viewer of [host, gus, olga]) {
    await viewer.waitForStatus('ended');
    await viewer.page.getByText('the host ended the meeting', { exact: false }).waitFor();
  }
});
