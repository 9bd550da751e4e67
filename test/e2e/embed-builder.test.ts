/**
 * The CMS editor's path end to end: in the demo's embed builder (/embed) an editor picks options, creates a room and
 * copies the snippet; pasted into a blank page on another origin, the snippet joins that room, and the builder's live
 * element (the editor, as host) admits the guest and sees their video. Needs `npm run build:cdn` (the snippet loads
 * the CDN build from the demo server).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOM_CODE_PATTERN } from '../../src/contract/index.js';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium, serve, type StaticServer } from './harness.js';
import { inboundTotals } from './rtc-probe.js';
import { openPage, type RoomPage } from './room-page.js';

let stack: Stack;
let browser: Browser;
let cmsSite: StaticServer;
const cmsRoot = mkdtempSync(join(tmpdir(), 'hashdrop-cms-'));
const pages: RoomPage[] = [];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** axe's WCAG 2.1 A/AA rules over the builder (form, snippet, host link, preview); a string, so no helpers leak in. */
const AUDIT = `axe
  .run(document.querySelector('main'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
  .then((result) => result.violations.map((v) => v.id + ': ' + v.help + ' ' + v.nodes.map((n) => n.target).join(', ')))`;

before(async () => {
  assert.ok(existsSync('dist/cdn/hashdrop.js'), 'build the CDN bundle first: npm run build:cdn');
  // The CMS page lives on its own origin, which the endpoint must allow (CORS), as an operator would configure it.
  cmsSite = await serve({ root: cmsRoot });
  [stack, browser] = await Promise.all([
    startStack({ handlerOptions: { corsOrigins: [cmsSite.url] }, watchFiles: false }),
    launchChromium(),
  ]);
});

after(async () => {
  await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
  await cmsSite?.close();
});

async function decodesVideo(roomPage: RoomPage): Promise<number> {
  const totals = await eventually('remote video frames decoded', async () => {
    const now = await inboundTotals(roomPage.page);
    return now.videoFramesDecoded >= 10 ? now : null;
  });
  return totals.videoFramesDecoded;
}

test('a snippet from the embed builder, pasted into a page on another origin, joins the room', async (t) => {
  const builder = await openPage(browser, `${stack.url}/embed`);
  pages.push(builder);
  const { page } = builder;
  await builder.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });

  // No room yet: nothing to copy.
  assert.equal(await page.getByRole('button', { name: 'Copy snippet' }).isDisabled(), true);

  await page.getByLabel('New persistent room').check();
  await page.getByLabel('Waiting room: a host admits each guest').check();
  await page.getByLabel('Max participants').fill('6');
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByLabel('Language').selectOption('en');
  await page.getByRole('button', { name: 'Create room' }).click();
  await page.getByRole('status').filter({ hasText: 'is ready' }).waitFor();

  const snippet = await page.getByLabel('HTML for guests (paste it into your page)').inputValue();
  const code = /room="([^"]+)"/.exec(snippet)?.[1] ?? '';
  assert.match(code, ROOM_CODE_PATTERN, `the snippet names the new room: ${snippet}`);
  assert.ok(snippet.includes(`<script type="module" src="${stack.url}/dist/cdn/hashdrop.js"></script>`), snippet);
  assert.ok(snippet.includes(`endpoint="${stack.url}/api"`), `the endpoint is absolute: ${snippet}`);
  assert.ok(snippet.includes('theme="dark"'), snippet);

  // The host link is on the page, labelled, and its key is nowhere in the snippet.
  const hostLink = await page.getByLabel('Host link').inputValue();
  const hostKey = new URL(hostLink).searchParams.get('host') ?? '';
  assert.ok(hostKey.length >= 16, `the builder shows the host link: ${hostLink}`);
  assert.ok(!snippet.includes(hostKey), 'the host key is not in the public snippet');
  assert.doesNotMatch(snippet, /host/i, 'no host attribute or link in the snippet');

  // The policy chosen in the form is the room's policy on the endpoint.
  const room = (await (await fetch(`${stack.url}/api/rooms/${code}`)).json()) as {
    room: { policy: { maxParticipants: number; waitingRoom: boolean; autoCloseWhenEmpty: boolean } };
  };
  assert.deepEqual(
    [room.room.policy.maxParticipants, room.room.policy.waitingRoom, room.room.policy.autoCloseWhenEmpty],
    [6, true, false],
  );

  await page.addScriptTag({ content: axeSource });
  assert.deepEqual(await page.evaluate(AUDIT), [], 'the builder passes axe');

  // Copy from the keyboard; the result is announced through a status region.
  await page.getByRole('button', { name: 'Copy snippet' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate('navigator.clipboard.readText()'), snippet, 'the clipboard holds the snippet');

  // The editor joins from the live preview and is the room's host (they created it).
  await builder.join('Editor Erin');
  await builder.waitForStatus('in-room');

  // A blank page on another origin with nothing but the snippet.
  writeFileSync(
    join(cmsRoot, 'page.html'),
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>A CMS page</title></head>\n<body>\n<h1>Our weekly call</h1>\n${snippet}</body>\n</html>\n`,
  );
  const scripts: string[] = [];
  const guest = await openPage(browser, 'about:blank');
  pages.push(guest);
  guest.page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await guest.page.goto(`${cmsSite.url}/page.html`);
  await guest.waitForStatus('pre-join');
  await guest.join('Guest Gia');
  await guest.waitForStatus('waiting');

  await page.getByRole('button', { name: 'Admit Guest Gia' }).click();
  await guest.waitForStatus('in-room');
  const [guestFrames, hostFrames] = await Promise.all([decodesVideo(guest), decodesVideo(builder)]);
  t.diagnostic(`guest on ${cmsSite.url} decoded ${guestFrames} frames; the builder's element decoded ${hostFrames}`);

  assert.equal(await guest.page.locator('hashdrop-room').getAttribute('theme'), 'dark');
  assert.ok(scripts.length > 0);
  for (const script of scripts) {
    assert.ok(script.startsWith(`${stack.url}/dist/cdn/`), `the CMS page loads only the CDN build, not ${script}`);
  }
});

test('the builder makes one-shot rooms with their policy, and snippets for existing rooms without a host link', async () => {
  const builder = await openPage(browser, `${stack.url}/embed`);
  pages.push(builder);
  const { page } = builder;
  const snippetBox = page.getByLabel('HTML for guests (paste it into your page)');

  await page.getByLabel('New one-shot meeting (auto-closes when empty)').check();
  await page.getByLabel('Stage mode: hosts and speakers on stage, audience watches').check();
  await page.getByLabel('Waiting room: a host admits each guest').uncheck();
  await page.getByLabel('Language').selectOption('fr');
  await page.getByLabel('Grid').check();
  await page.getByRole('button', { name: 'Create room' }).click();
  await page.getByRole('status').filter({ hasText: 'is ready' }).waitFor();
  const oneShot = /room="([^"]+)"/.exec(await snippetBox.inputValue())?.[1] ?? '';
  assert.match(await snippetBox.inputValue(), /lang="fr"/);
  assert.match(await snippetBox.inputValue(), /layout="grid"/);
  assert.equal(await page.locator('#preview hashdrop-room').getAttribute('layout'), 'grid');
  const { room } = (await (await fetch(`${stack.url}/api/rooms/${oneShot}`)).json()) as {
    room: { policy: { autoCloseWhenEmpty: boolean; stageMode: boolean; waitingRoom: boolean } };
  };
  assert.deepEqual(room.policy, { ...room.policy, autoCloseWhenEmpty: true, stageMode: true, waitingRoom: false });

  // An existing room by code (any case): its policy fields are not offered, and no host link appears.
  await page.getByLabel('An existing persistent room').check();
  assert.equal(await page.getByLabel('Max participants').isDisabled(), true);
  await page.getByLabel('Existing room code').fill('NO-SUCHROOM');
  await page.getByRole('button', { name: 'Use this room' }).click();
  await page.getByRole('status').filter({ hasText: 'There is no room with that id or code' }).waitFor();
  await page.getByLabel('Existing room code').fill(oneShot.toLowerCase());
  await page.getByRole('button', { name: 'Use this room' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Room ${oneShot} is ready` })
    .waitFor();
  assert.match(await snippetBox.inputValue(), new RegExp(`room="${oneShot}"`));
  assert.equal(await page.getByLabel('Host link').isVisible(), false, 'no host link for a room chosen by code');
  await builder.context.close();
});
