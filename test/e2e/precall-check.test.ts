/**
 * The pre-call check in a real browser against the real endpoint and livekit-server: from the pre-join screen, "Check
 * your setup" and "Test connection" reach a verdict with every step passed, in a throwaway room (the call's own room
 * stays untouched and the page stays on pre-join); with livekit-server stopped, the same check fails at the media
 * server and says what to do.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator } from 'playwright-core';
import { RoomServiceClient } from 'livekit-server-sdk';
import { startStack, type Stack } from '../../scripts/stack.js';
import { launchChromium } from './harness.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

let stack: Stack;
let browser: Browser;
let visitor: RoomPage;
let roomId: string;

/** Four steps of at most 8 s each (src/core/connection-check.ts), and a margin for a loaded machine. */
const VERDICT_TIMEOUT_MS = 45_000;

before(async () => {
  [stack, browser] = await Promise.all([startStack({ watchFiles: false }), launchChromium()]);
  const { room } = await new ApiClient(`${stack.url}/api`).createRoom({ name: 'Pre-call check' });
  roomId = room.id;
  visitor = await openPage(browser, `${stack.url}/r/${room.code}`, { width: 1100, height: 900 });
  await visitor.waitForStatus('pre-join');
  // At pre-join the room loads its call view. Under Vite's dev server that is when lazily imported dependencies are
  // discovered, which may reload the page once ("Outdated Optimize Dep"), dropping an open check: the page is settled
  // when the call view's elements are defined.
  await visitor.page.waitForFunction(() => customElements.get('hashdrop-control-bar') !== undefined, null, {
    timeout: 30_000,
  });
  await visitor.waitForStatus('pre-join');
});

after(async () => {
  await visitor?.context.close().catch(() => {});
  await browser?.close();
  await stack?.close();
});

const check = () => visitor.page.locator('hashdrop-precall-check');
const verdict = () => check().locator('[part="verdict"]');

async function stepStates(): Promise<Record<string, string | null>> {
  const states: Record<string, string | null> = {};
  for (const step of ['endpoint', 'signal', 'media', 'publish']) {
    states[step] = await check().locator(`[part~="step-${step}"]`).getAttribute('data-state');
  }
  return states;
}

async function waitForVerdict(locator: Locator): Promise<string | null> {
  await locator.waitFor({ state: 'visible', timeout: VERDICT_TIMEOUT_MS });
  return locator.getAttribute('data-verdict');
}

test('Check your setup, Test connection: every step passes and the connection is ready', async () => {
  await visitor.page.getByText('Check your setup', { exact: true }).click();
  await check().getByRole('button', { name: 'Test connection' }).click();
  assert.equal(await waitForVerdict(verdict()), 'passed', (await verdict().textContent()) ?? '');
  assert.equal((await verdict().textContent())?.trim(), 'Your connection is ready.');
  assert.deepEqual(await stepStates(), { endpoint: 'ok', signal: 'ok', media: 'ok', publish: 'ok' });
  // The verdict is read out: the polite region says it too.
  assert.equal((await check().locator('[role="status"]').textContent())?.trim(), 'Your connection is ready.');
});

test('the check never touched the call: still pre-join, nobody in the real room', async () => {
  assert.equal(await visitor.status(), 'pre-join');
  const livekit = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret);
  const rooms = await livekit.listRooms();
  const real = rooms.find((room) => room.name === roomId);
  assert.equal(real?.numParticipants ?? 0, 0, 'nobody joined the real room');
  assert.ok(
    rooms.every((room) => room.name === roomId || room.name.startsWith('check-')),
    'only throwaway rooms',
  );
});

test('with the media server down the check fails there and says what to do', async () => {
  await stack.livekit.stop();
  await check().getByRole('button', { name: 'Test again' }).click();
  // The last verdict was "passed": waiting for a failed one cannot mistake it for the new one.
  assert.equal(await waitForVerdict(check().locator('[part="verdict"][data-verdict="failed"]')), 'failed');
  const text = (await verdict().textContent())?.trim() ?? '';
  assert.match(text, /Could not reach the media server/);
  assert.match(text, /firewall \(UDP and TCP 443 must be allowed\), then try again/);
  assert.deepEqual(await stepStates(), { endpoint: 'ok', signal: 'failed', media: 'pending', publish: 'pending' });
  assert.equal(await visitor.status(), 'pre-join');
});
