/**
 * The join flow in real browsers against the real livekit-server and endpoint: a host creates a room, guests come in
 * by typed code and by invite link, knock, and are admitted or denied; requireHost, closed and full rooms.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { ROOM_CODE_PATTERN } from '../../src/contract/index.js';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { inboundTotals } from './rtc-probe.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

let stack: Stack;
let browser: Browser;
const pages: RoomPage[] = [];

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});

after(async () => {
  await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
});

async function open(path: string): Promise<RoomPage> {
  const roomPage = await openPage(browser, `${stack.url}${path}`);
  pages.push(roomPage);
  return roomPage;
}

/** Waits until the page decodes remote video (frames keep arriving) and returns the count. */
async function decodesVideo(roomPage: RoomPage): Promise<number> {
  const totals = await eventually('remote video frames decoded', async () => {
    const now = await inboundTotals(roomPage.page);
    return now.videoFramesDecoded >= 10 ? now : null;
  });
  return totals.videoFramesDecoded;
}

test('host creates a room; guests by code and by link knock; one admitted, one denied', async (t) => {
  const host = await open('/r/new');
  await host.waitForStatus('pre-join');
  const code = host.page.url().split('/r/')[1]!.split('?')[0]!;
  assert.match(code, ROOM_CODE_PATTERN, `the new room has an ADJECTIVE-NOUN code, got ${code}`);
  await host.join('Hana Host');
  await host.waitForStatus('in-room');

  // The invite link as the host's invite element shows it.
  const inviteLink = (await host.page.locator('hashdrop-invite [part="link"]').textContent())!.trim();
  assert.ok(inviteLink.includes(code), `invite link ${inviteLink} carries the code`);

  // Guest 1 types the code on the home page.
  const byCode = await open('/');
  await byCode.page.getByLabel('Room code or invite link').fill(code.toLowerCase().replace('-', ' '));
  await byCode.page.getByLabel('Room code or invite link').press('Enter');
  await byCode.page.waitForURL(`**/r/${code}`);
  await byCode.waitForStatus('pre-join');
  await byCode.join('Cody Code');

  // Guest 2 opens the invite link.
  const byLink = await open(new URL(inviteLink).pathname + new URL(inviteLink).search);
  await byLink.waitForStatus('pre-join');
  await byLink.join('Lina Link');

  await byCode.waitForStatus('waiting');
  await byLink.waitForStatus('waiting');
  const panel = host.page.locator('hashdrop-host-panel');
  await panel.locator('[part="knock-name"]', { hasText: 'Cody Code' }).waitFor();
  await panel.locator('[part="knock-name"]', { hasText: 'Lina Link' }).waitFor();
  // Knocks are announced to screen readers through a polite live region.
  await panel.locator('[aria-live="polite"]', { hasText: 'asking to join' }).waitFor({ state: 'attached' });

  await host.page.getByRole('button', { name: 'Admit Cody Code' }).click();
  await host.page.getByRole('button', { name: 'Deny Lina Link' }).click();

  await byCode.waitForStatus('in-room');
  await byLink.waitForStatus('denied');
  await byLink.page.getByText('You were not let in').waitFor();

  const [guestFrames, hostFrames] = await Promise.all([decodesVideo(byCode), decodesVideo(host)]);
  t.diagnostic(`admitted guest decoded ${guestFrames} frames of the host; host decoded ${hostFrames} of the guest`);

  // The denied guest never received a LiveKit token in any endpoint response.
  assert.ok(byLink.apiBodies.length > 0, 'the denied guest did talk to the endpoint');
  for (const body of byLink.apiBodies)
    assert.doesNotMatch(body, /"token"\s*:/, `a token reached the denied guest: ${body}`);
  const deniedTotals = await inboundTotals(byLink.page);
  assert.equal(deniedTotals.videoStreams, 0, 'the denied guest receives no media');
});

test('a guest of a requireHost room waits until the host arrives', async () => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room, hostKey } = await api.createRoom({ policy: { requireHost: true, waitingRoom: false } });

  const guest = await open(`/r/${room.code}`);
  await guest.waitForStatus('pre-join');
  await guest.join('Early Eve');
  await guest.waitForStatus('waiting');
  await guest.page.getByText('The host hasn’t arrived yet').waitFor();

  const host = await open(`/r/${room.code}?host=${hostKey}`);
  await host.waitForStatus('pre-join');
  await host.join('Late Host');
  await host.waitForStatus('in-room');
  await guest.waitForStatus('in-room');
  assert.ok((await decodesVideo(guest)) >= 10);
});

test('a closed room and a full room say so', async () => {
  const api = new ApiClient(`${stack.url}/api`);
  const closed = await api.createRoom({ name: 'Closed' });
  await api.updateRoom(closed.room.id, { status: 'CLOSED' });
  const visitor = await open(`/r/${closed.room.code}`);
  await eventually('the closed state', async () => {
    const status = await visitor.status();
    if (status === 'pre-join') await visitor.join('Visitor');
    return visitor.page.getByText('This room is closed').isVisible();
  });

  const full = await api.createRoom({ policy: { maxParticipants: 1, waitingRoom: false } });
  const host = await open(`/r/${full.room.code}?host=${full.hostKey}`);
  await host.waitForStatus('pre-join');
  await host.join('Only One');
  await host.waitForStatus('in-room');
  const late = await open(`/r/${full.room.code}`);
  await late.waitForStatus('pre-join');
  await late.join('One Too Many');
  await late.page.getByText('This room is full').waitFor();
});
