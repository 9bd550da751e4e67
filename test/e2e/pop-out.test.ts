/**
 * The call popped out into a Document Picture-in-Picture window, in Debian's Chromium against the real livekit-server
 * and endpoint. Ada and Bo are in a call; Ada's Pop out moves her call view into the floating window (Playwright sees
 * it as a page of Ada's context). There her call goes on: Bo's video decodes, someone joining after the move gets a
 * styled tile, her microphone toggle mutes her on the server, Bo's chat message raises the chat badge, and what the
 * call's elements fire in the window reaches her page (which can still veto a pin). Closing the
 * window brings the call back into her page, still in the call, and everything still works there. A Leave in the
 * window ends her call and closes it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

let stack: Stack;
let browser: Browser;
let livekit: RoomServiceClient;
const pages: RoomPage[] = [];
let roomCode: string;
let roomId: string;
let ada: RoomPage;
let bo: RoomPage;
let pip: Page;

before(async () => {
  [stack, browser] = await Promise.all([startStack({ watchFiles: false }), launchChromium()]);
  livekit = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret);
});

after(async () => {
  await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
});

async function joinAs(name: string): Promise<RoomPage> {
  const roomPage = await openPage(browser, `${stack.url}/r/${roomCode}`, { width: 1100, height: 800 });
  pages.push(roomPage);
  await roomPage.waitForStatus('pre-join');
  await roomPage.join(name);
  await roomPage.waitForStatus('in-room');
  return roomPage;
}

/**
 * In `page` (every shadow root searched): whether the call view is there, and what it shows of `name`'s camera: whether
 * a frame is decoded and playing, and whether the tile has its styles.
 */
function tileOf(page: Page, name: string) {
  // A string, not a function: tsx's helpers (`__name`) do not exist in the page.
  return page.evaluate(`(() => {
    const found = [];
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        found.push(element);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    const view = found.some((element) => element.localName === 'hashdrop-call-view');
    const tiles = found.filter((element) => element.localName === 'hashdrop-participant-tile');
    const tile = tiles.find((t) => t.participant?.name === ${JSON.stringify(name)});
    const video = tile?.shadowRoot?.querySelector('video');
    return {
      view,
      tile: !!tile,
      decoding: !!video && video.videoWidth > 0 && !video.paused,
      styled: (tile?.shadowRoot?.adoptedStyleSheets.length ?? 0) > 0,
    };
  })()`) as Promise<{ view: boolean; tile: boolean; decoding: boolean; styled: boolean }>;
}

const identityOf = async (p: RoomPage) =>
  (await p.page.evaluate(`document.querySelector('hashdrop-room').session.snapshot.identity`)) as string;

/** Whether Ada's microphone is muted on the server (null: none published). */
async function adaMutedOnServer(): Promise<boolean | null> {
  const info = await livekit.getParticipant(roomId, await identityOf(ada));
  const microphone = info.tracks.find((track) => track.source === TrackSource.MICROPHONE);
  return microphone ? microphone.muted : null;
}

const popOut = async () => {
  const [window] = await Promise.all([
    ada.context.waitForEvent('page'),
    ada.page.locator('hashdrop-control-bar [part~="pop-out"]').click(),
  ]);
  pip = window;
  await pip.locator('hashdrop-call-view').waitFor({ state: 'attached' });
};

test('Ada and Bo are in a call with cameras and microphones on', async () => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room } = await api.createRoom({ name: 'Pop out', policy: { waitingRoom: false } });
  roomCode = room.code;
  roomId = room.id;
  [ada, bo] = await Promise.all([joinAs('Ada'), joinAs('Bo')]);
  await eventually('Bo decoded in Ada’s page', async () => (await tileOf(ada.page, 'Bo')).decoding || null);
  await eventually('Ada’s microphone live on the server', async () => (await adaMutedOnServer()) === false || null);
});

test('Pop out moves the call into a floating window; the page shows the placeholder and stays in the call', async () => {
  await popOut();
  const room = ada.page.locator('hashdrop-room');
  assert.equal(await room.getAttribute('status'), 'in-room');
  assert.equal(await room.getAttribute('popped-out'), '');
  await ada.page.locator('hashdrop-room [part="pop-out-placeholder"]', { hasText: 'floating window' }).waitFor();
  assert.equal((await tileOf(ada.page, 'Bo')).view, false, 'the call view left the page');
  assert.equal(
    await pip.locator('hashdrop-control-bar [part~="mic-toggle"]').evaluate((b) => getComputedStyle(b).cursor),
    'pointer',
    'the control bar is styled in the window',
  );
});

test('in the window, Bo’s video decodes', async () => {
  const bo = await eventually('Bo decoded in the window', async () => {
    const seen = await tileOf(pip, 'Bo');
    return seen.decoding ? seen : null;
  });
  assert.ok(bo.styled);
});

test('someone who joins while Ada is popped out gets a styled, decoding tile in the window', async () => {
  await joinAs('Cy');
  const cy = await eventually('Cy decoded in the window', async () => {
    const seen = await tileOf(pip, 'Cy');
    return seen.decoding ? seen : null;
  });
  assert.ok(cy.styled, 'a tile created after the move has its styles');
});

test('in the window, the microphone toggle mutes Ada on the server', async () => {
  const toggle = pip.locator('hashdrop-control-bar [part~="mic-toggle"]');
  await toggle.click();
  await eventually('muted on the server', async () => (await adaMutedOnServer()) === true || null);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
});

/** Script that finds the call's stage in the window (inside the shadow root of the call view's host there). */
const FIND_STAGE = `const host = [...document.body.children].find((element) => element.shadowRoot);
    const stage = host.shadowRoot.querySelector('hashdrop-call-view hashdrop-stage');`;

/**
 * In the window, clicks the first tile of someone else in the strip (or grid) that is not pinned, and says whose it
 * was. Not a given person's: the spotlight shows the active speaker, and its static copy is the only tile that person
 * has while the strip leaves them out, so whom the strip holds changes as Bo and Cy take turns speaking. Found and
 * clicked in one go, so the strip cannot change in between.
 */
function clickStripTileIn(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    ${FIND_STAGE}
    const tiles = [...stage.shadowRoot.querySelectorAll('hashdrop-participant-tile')];
    // Not the spotlight's copy, which is static (pressing it pins nothing): one in the strip or grid.
    const tile = tiles.find((t) => t.participant && !t.participant.isLocal && !t.pinned && !t.static);
    tile.shadowRoot.querySelector('[part~="base"]').click();
    return tile.participant.name;
  })()`) as Promise<string>;
}

/** Whether the window's stage has `name` pinned. */
function pinnedIn(page: Page, name: string): Promise<boolean> {
  return page.evaluate(`(() => {
    ${FIND_STAGE}
    return [...stage.shadowRoot.querySelectorAll('hashdrop-participant-tile')]
      .some((t) => t.participant?.name === ${JSON.stringify(name)} && t.pinned);
  })()`) as Promise<boolean>;
}

test('in the window, a pin request reaches the page, whose veto holds; without one the pin happens', async () => {
  // The page listens where a page does: on its own document, and cancels while asked to.
  await ada.page.evaluate(`(() => {
    window.pinRequests = [];
    window.vetoPins = true;
    document.addEventListener('hashdrop-pin-request', (event) => {
      window.pinRequests.push({ target: event.target.localName, pin: event.pin, source: event.source });
      if (window.vetoPins) event.preventDefault();
    });
  })()`);
  const vetoed = await clickStripTileIn(pip);
  const heard = (await ada.page.evaluate('window.pinRequests')) as { target: string; pin: boolean; source: string }[];
  assert.deepEqual(
    heard,
    [{ target: 'hashdrop-room', pin: true, source: 'camera' }],
    'the page heard it from the room',
  );
  assert.equal(await pinnedIn(pip, vetoed), false, 'the page canceled the pin');

  await ada.page.evaluate('window.vetoPins = false');
  const pinned = await clickStripTileIn(pip);
  await eventually(`${pinned} pinned in the window`, async () => (await pinnedIn(pip, pinned)) || null);
  assert.equal(await ada.page.evaluate('window.pinRequests.length'), 2);
});

test('in the window, a chat message from Bo raises the chat badge', async () => {
  await ada.page.evaluate(`(() => {
    window.unreadCounts = [];
    document.addEventListener('hashdrop-chat-unread', (event) => window.unreadCounts.push(event.count));
  })()`);
  await bo.page.locator('[part="chat-toggle"]').first().click();
  const textarea = bo.page.locator('hashdrop-chat textarea');
  await textarea.fill('Hello Ada in the window');
  await textarea.press('Enter');
  const badge = pip.locator('hashdrop-control-bar [part="unread"]');
  await badge.waitFor({ timeout: 15_000 });
  assert.equal((await badge.textContent())?.trim(), '1');
  assert.deepEqual(await ada.page.evaluate('window.unreadCounts'), [1], 'the page heard the unread count');
});

test('closing the window brings the call back into the page, still in the call', async () => {
  await pip.close();
  const room = ada.page.locator('hashdrop-room');
  await ada.page.waitForFunction(() => !document.querySelector('hashdrop-room')?.hasAttribute('popped-out'));
  assert.equal(await room.getAttribute('status'), 'in-room');
  assert.equal(await ada.page.locator('hashdrop-room [part="pop-out-placeholder"]').count(), 0);
  const bo = await eventually('Bo decoded in the page again', async () => {
    const seen = await tileOf(ada.page, 'Bo');
    return seen.decoding ? seen : null;
  });
  assert.ok(bo.styled, 'tiles have their styles back in the page');
  assert.equal(
    await ada.page.locator('hashdrop-control-bar [part~="mic-toggle"]').evaluate((b) => getComputedStyle(b).cursor),
    'pointer',
  );
});

test('back in the page, the microphone toggle still works', async () => {
  await ada.page.locator('hashdrop-control-bar [part~="mic-toggle"]').click();
  await eventually('live on the server', async () => (await adaMutedOnServer()) === false || null);
});

test('Leave in the window ends Ada’s call and closes the window', async () => {
  await popOut();
  const closed = pip.waitForEvent('close');
  await pip.locator('hashdrop-control-bar [part~="leave"]').click();
  await ada.waitForStatus('ended');
  await closed;
  assert.equal(await ada.page.locator('hashdrop-room').getAttribute('popped-out'), null);
  await eventually('Ada gone from the server', async () => {
    const people = await livekit.listParticipants(roomId);
    return people.every((p) => p.name !== 'Ada') || null;
  });
});

test('Rejoin after leaving from the window shows the call in the page again, styled and decoding', async () => {
  await ada.page.locator('hashdrop-room [part="rejoin"]').click();
  await ada.waitForStatus('pre-join');
  await ada.page.getByRole('button', { name: 'Join', exact: true }).click();
  await ada.waitForStatus('in-room');
  const bo = await eventually('Bo decoded in the page', async () => {
    const seen = await tileOf(ada.page, 'Bo');
    return seen.decoding ? seen : null;
  });
  assert.ok(bo.styled);
  assert.equal(
    await ada.page.locator('hashdrop-control-bar [part~="mic-toggle"]').evaluate((b) => getComputedStyle(b).cursor),
    'pointer',
  );
});
