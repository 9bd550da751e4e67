/**
 * Stage mode and host controls in real browsers against the real livekit-server and endpoint: a host, one speaker and
 * three audience members. The audience is offered nothing to publish and the server refuses it anyway; a raised hand
 * reaches the host; promote makes someone publish to everyone and demote takes their tracks away; mute, lower hand,
 * lower all hands and kick are each seen from the other side; a non-host is refused every host action, in the UI and
 * at the endpoint.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { RoomServiceClient } from 'livekit-server-sdk';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { inboundTotals } from './rtc-probe.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

/** "Reaches the host within a second": a bounded wait for the UI, not a timing assertion. */
const WITHIN_A_SECOND = 1_000;

let stack: Stack;
let browser: Browser;
let livekit: RoomServiceClient;
const pages: RoomPage[] = [];
let roomId: string;

before(async () => {
  [stack, browser] = await Promise.all([startStack({ watchFiles: false }), launchChromium()]);
  const { apiKey, apiSecret } = stack.livekit;
  livekit = new RoomServiceClient(stack.livekit.httpUrl, apiKey, apiSecret);
});

after(async () => {
  await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
});

async function joinAs(path: string, name: string): Promise<RoomPage> {
  const roomPage = await openPage(browser, `${stack.url}${path}`, { width: 1100, height: 800 });
  pages.push(roomPage);
  await roomPage.waitForStatus('pre-join');
  await roomPage.join(name);
  await roomPage.waitForStatus('in-room');
  return roomPage;
}

const control = (p: RoomPage, part: string) => p.page.locator(`hashdrop-control-bar [part~="${part}"]`);
const panel = (p: RoomPage) => p.page.locator('hashdrop-host-panel');
const person = (p: RoomPage, name: string) => panel(p).locator('[part="person"]', { hasText: name });
const handRow = (p: RoomPage, name: string) => panel(p).locator('[part="hand"]', { hasText: name });
const cameraTile = (p: RoomPage, name: string) =>
  p.page.locator('hashdrop-stage hashdrop-participant-tile[source="camera"]', {
    has: p.page.locator('[part="name-text"]', { hasText: name }),
  });

/** This page's endpoint credential, as the page stored it (to call the endpoint directly as that person). */
async function credentialOf(p: RoomPage): Promise<string> {
  const credential = await p.page.evaluate(`(() => {
    for (let i = 0; i < localStorage.length; i++) {
      try {
        const value = JSON.parse(localStorage.getItem(localStorage.key(i)));
        if (value && typeof value.credential === 'string') return value.credential;
      } catch {}
    }
    return null;
  })()`);
  assert.ok(typeof credential === 'string', 'the page keeps an endpoint credential');
  return credential;
}

async function tracksOnServer(identity: string): Promise<number> {
  return (await livekit.getParticipant(roomId, identity)).tracks.length;
}

async function identityOf(p: RoomPage): Promise<string> {
  return (await p.page.evaluate(`document.querySelector('hashdrop-room').session.snapshot.identity`)) as string;
}

let host: RoomPage;
let sam: RoomPage;
let audience: RoomPage[];

test('a stage room: the host publishes, the audience is offered nothing to publish', async () => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room, hostKey } = await api.createRoom({
    name: 'Stage',
    policy: { waitingRoom: false, stageMode: true },
  });
  roomId = room.id;
  host = await joinAs(`/r/${room.code}?host=${hostKey}`, 'Hana Host');
  sam = await joinAs(`/r/${room.code}`, 'Sam Speaker');
  audience = [];
  for (const name of ['Ava Audience', 'Ben Audience', 'Cy Audience'])
    audience.push(await joinAs(`/r/${room.code}`, name));

  for (const viewer of [sam, ...audience]) {
    await control(viewer, 'hand-toggle').waitFor();
    for (const part of ['mic-toggle', 'camera-toggle', 'screen-share']) {
      assert.equal(await control(viewer, part).count(), 0, `the audience has no ${part}`);
    }
    // The host's video reaches the audience.
    await cameraTile(viewer, 'Hana Host').locator('video[part="video"]').waitFor({ timeout: 15_000 });
  }
  // The host sees everyone in the audience list, and no audience member has a tile.
  await eventually('five people in the host panel', async () =>
    (await panel(host).locator('[part="person"]').count()) === 5 ? true : null,
  );
  assert.equal(await host.page.locator('hashdrop-stage hashdrop-participant-tile').count(), 1);
});

test('a direct publish from an audience page is refused: the server lists no track', async () => {
  const ava = audience[0]!;
  const identity = await identityOf(ava);
  // The page's own session asks livekit-client to publish the microphone, bypassing the UI that offers nothing.
  await ava.page.evaluate(`document.querySelector('hashdrop-room').session.setMicrophoneEnabled(true)`);
  await eventually('the refusal in the page’s snapshot', async () => {
    const error = await ava.page.evaluate(`document.querySelector('hashdrop-room').session.snapshot.error`);
    return error ? error : null;
  });
  assert.equal(await tracksOnServer(identity), 0);
  const info = await livekit.getParticipant(roomId, identity);
  assert.equal(info.permission?.canPublish, false, 'the token the endpoint signed forbids publishing');
});

test('a raised hand reaches the host within a second; the host lowers it', async () => {
  const ava = audience[0]!;
  await control(ava, 'hand-toggle').click();
  await handRow(host, 'Ava Audience').waitFor({ timeout: WITHIN_A_SECOND + 2_000 });
  assert.equal(await control(ava, 'hand-toggle').getAttribute('aria-pressed'), 'true');
  await handRow(host, 'Ava Audience').getByRole('button', { name: 'Lower hand: Ava Audience' }).click();
  await eventually('Ava’s hand down on her side', async () =>
    (await control(ava, 'hand-toggle').getAttribute('aria-pressed')) === 'false' ? true : null,
  );
  await eventually('Ava told a host lowered it', async () =>
    (await ava.page.locator('hashdrop-control-bar [role="status"]').textContent())?.includes('A host lowered your hand')
      ? true
      : null,
  );
});

test('lower all hands', async () => {
  for (const viewer of audience.slice(1)) await control(viewer, 'hand-toggle').click();
  await eventually('two hands at the host', async () =>
    (await panel(host).locator('[part="hand"]').count()) === 2 ? true : null,
  );
  await panel(host).locator('[part="lower-all"]').click();
  for (const viewer of audience.slice(1)) {
    await eventually('hand down', async () =>
      (await control(viewer, 'hand-toggle').getAttribute('aria-pressed')) === 'false' ? true : null,
    );
  }
});

test('promote: Sam publishes and everyone decodes his video; mute is seen by Sam; demote takes his tracks away', async () => {
  const identity = await identityOf(sam);
  await person(host, 'Sam Speaker').getByRole('button', { name: 'Invite to stage: Sam Speaker' }).click();
  // Promoted live: the controls appear without rejoining, off until Sam chooses.
  await control(sam, 'camera-toggle').waitFor({ timeout: 10_000 });
  assert.equal(await control(sam, 'camera-toggle').getAttribute('aria-pressed'), 'false');
  await control(sam, 'camera-toggle').click();
  await control(sam, 'mic-toggle').click();
  // The host decodes Sam; the audience decodes the host and Sam.
  for (const [viewer, remoteVideos] of [[host, 1], ...audience.map((a) => [a, 2] as const)] as const) {
    await cameraTile(viewer, 'Sam Speaker').locator('video[part="video"]').waitFor({ timeout: 15_000 });
    await eventually(`${remoteVideos} remote video(s) decoded`, async () => {
      const totals = await inboundTotals(viewer.page);
      return totals.videoStreams >= remoteVideos && totals.videoFramesDecoded >= 20 ? totals : null;
    });
  }
  await eventually('Sam’s microphone on the server', async () => ((await tracksOnServer(identity)) >= 2 ? true : null));

  // Mute: the host mutes Sam's microphone; Sam's toggle says so and the host sees the muted icon.
  await person(host, 'Sam Speaker').getByRole('button', { name: 'Mute: Sam Speaker' }).click();
  await eventually('Sam’s mic toggle off', async () =>
    (await control(sam, 'mic-toggle').getAttribute('aria-pressed')) === 'false' ? true : null,
  );
  await cameraTile(host, 'Sam Speaker').locator('[part="mic-muted"]').waitFor({ timeout: 5_000 });

  // Demote: his tracks stop for everyone.
  await person(host, 'Sam Speaker').getByRole('button', { name: 'Move to audience: Sam Speaker' }).click();
  await control(sam, 'camera-toggle').waitFor({ state: 'detached', timeout: 10_000 });
  for (const viewer of [host, ...audience]) {
    await cameraTile(viewer, 'Sam Speaker').waitFor({ state: 'detached', timeout: 10_000 });
  }
  await eventually('no tracks of Sam on the server', async () =>
    (await tracksOnServer(identity)) === 0 ? true : null,
  );
});

test('a host turns audience chat off: the audience is told, and LiveKit takes their data rights at once', async () => {
  const ben = audience[1]!;
  const identity = await identityOf(ben);
  // Ben has the chat open (a call's chat panel is loaded when it is first opened or written in).
  await control(ben, 'chat-toggle').click();
  await ben.page.locator('hashdrop-chat textarea').waitFor();
  await panel(host).getByLabel('Audience can chat').uncheck();
  await ben.page.locator('hashdrop-chat [part="chat-off"]').waitFor({ state: 'visible', timeout: 5_000 });
  assert.equal((await livekit.getParticipant(roomId, identity)).permission?.canPublishData, false);
  await panel(host).getByLabel('Audience can chat').check();
  await ben.page.locator('hashdrop-chat [part="chat-off"]').waitFor({ state: 'detached', timeout: 5_000 });
  assert.equal((await livekit.getParticipant(roomId, identity)).permission?.canPublishData, true);
  await control(ben, 'chat-toggle').click();
});

test('a non-host is refused every host action, in the UI and at the endpoint', async () => {
  const ben = audience[1]!;
  assert.equal(await panel(ben).count(), 0, 'no host panel for the audience');
  assert.equal(await ben.page.locator('hashdrop-stage [part="actions-button"]').count(), 0, 'no tile menus');
  const credential = await credentialOf(ben);
  const target = await identityOf(audience[2]!);
  const base = `${stack.url}/api/rooms/${roomId}`;
  const attempts: [string, string][] = [
    ...['kick', 'mute', 'promote', 'demote', 'lower-hand'].map((action): [string, string] => [
      action,
      `${base}/participants/${target}/${action}`,
    ]),
    ['lower all hands', `${base}/hands/lower-all`],
    ['end for all', `${base}/end`],
  ];
  for (const [name, url] of attempts) {
    const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${credential}` } });
    const body = (await response.json()) as { error?: { code?: string } };
    assert.equal(response.status, 403, `${name} → ${response.status}`);
    assert.equal(body.error?.code, 'FORBIDDEN', name);
  }
  await audience[2]!.waitForStatus('in-room', 1_000);
});

test('kick: asked to confirm, the person reaches ended "removed by the host" and cannot come back', async () => {
  const cy = audience[2]!;
  await person(host, 'Cy Audience').getByRole('button', { name: 'Remove: Cy Audience' }).click();
  await panel(host).locator('[part="kick-confirm"]').click();
  await cy.waitForStatus('ended', 10_000);
  await cy.page.getByText('A host removed you from the call.').waitFor({ timeout: 5_000 });
  // Back to the room page: the endpoint turns Cy away.
  await cy.page.reload();
  await cy.waitForStatus('pre-join');
  await cy.join('Cy Audience');
  await eventually('Cy turned away', async () => {
    const status = await cy.status();
    return status === 'denied' || status === 'error' ? status : null;
  });
});
