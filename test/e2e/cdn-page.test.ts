/**
 * The script-tag promise: demo/cdn.html loads nothing but the CDN build (dist/cdn/hashdrop.js and the chunks it
 * fetches itself), and with it a visitor joins a real call on the real livekit-server. A guest's call never fetches the
 * host's chunk (the host panel and the invite); the host's does. Nor does a quiet call fetch the extras (the chat
 * panel, reactions, captions, the Recording badge) until there is one to show, or the pop-out until Pop out is
 * approached. What those lazy chunks show, they say in words that came with them. Needs `npm run build:cdn`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { AccessToken } from 'livekit-server-sdk';
import { startStack, type Stack, type StackOptions } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { inboundTotals } from './rtc-probe.js';
import { openPage } from './room-page.js';
import { ApiClient } from './api-client.js';
import { en } from '../../src/i18n/en.js';
import { de } from '../../src/i18n/de.js';

let stack: Stack;
let browser: Browser;

/**
 * A page without our endpoint: the room gets its credentials from a plain token endpoint (LiveKit's TokenSource
 * standard: POST `{ room_name, participant_name }`, answered with `{ server_url, participant_token }`), served here.
 */
const tokenEndpointRoutes: StackOptions['extraRoutes'] = async (request, response, stack) => {
  const { pathname } = new URL(request.url ?? '/', stack.url);
  if (pathname === '/token-page.html') {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(
      '<!doctype html><html lang="en"><title>Token endpoint</title><link rel="icon" href="data:,">' +
        '<script type="module" src="/dist/cdn/hashdrop.js"></script>' +
        '<hashdrop-room token-endpoint="/token" room="cdn-token-room"></hashdrop-room></html>',
    );
    return true;
  }
  if (pathname !== '/token' || request.method !== 'POST') return false;
  let body = '';
  for await (const chunk of request) body += String(chunk);
  const { room_name: room, participant_name: name } = JSON.parse(body) as Record<string, string>;
  const token = new AccessToken(stack.livekit.apiKey, stack.livekit.apiSecret, {
    identity: `${name}-1`,
    name,
    ttl: '5m',
  });
  token.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true });
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ server_url: stack.livekit.url, participant_token: await token.toJwt() }));
  return true;
};

before(async () => {
  assert.ok(existsSync('dist/cdn/hashdrop.js'), 'build the CDN bundle first: npm run build:cdn');
  [stack, browser] = await Promise.all([
    startStack({ site: 'static', staticRoot: '.', extraRoutes: tokenEndpointRoutes }),
    launchChromium(),
  ]);
});
after(async () => {
  await browser?.close();
  await stack?.close();
});

/** Records the path of every script `page` loads. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

test('a plain HTML page with only the CDN script joins a call', async (t) => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room, hostKey } = await api.createRoom({ policy: { waitingRoom: false } });

  const visitor = await openPage(browser, 'about:blank');
  const scripts = scriptsOf(visitor.page);
  await visitor.page.goto(`${stack.url}/demo/cdn.html`);
  await visitor.page.waitForFunction(() => customElements.get('hashdrop-room') !== undefined);
  await visitor.page.getByLabel('Room code').fill(room.code);
  await visitor.join('Script Tag');
  await visitor.waitForStatus('in-room');

  // A second participant, so the visitor has someone to receive video from: the room's host, by the host link.
  const other = await openPage(browser, 'about:blank');
  const hostScripts = scriptsOf(other.page);
  await other.page.goto(`${stack.url}/demo/cdn.html?host=${hostKey}`);
  await other.page.getByLabel('Room code').fill(room.code.toLowerCase());
  await other.join('Second Page');
  await other.waitForStatus('in-room');
  await other.page.locator('hashdrop-host-panel').waitFor();
  const totals = await eventually('video decoded on the CDN page', async () => {
    const now = await inboundTotals(visitor.page);
    return now.videoFramesDecoded >= 10 ? now : null;
  });
  t.diagnostic(`CDN page decoded ${totals.videoFramesDecoded} frames; scripts loaded: ${scripts.join(', ')}`);

  t.diagnostic(`the host's page loaded: ${hostScripts.join(', ')}`);

  assert.ok(scripts.length > 0);
  for (const script of [...scripts, ...hostScripts]) {
    assert.match(script, /^\/dist\/cdn\//, `only the CDN build is loaded, not ${script}`);
  }
  const hostChunk = (list: string[]) => list.some((script) => /\/chunks\/host-[\w-]+\.js$/.test(script));
  assert.ok(
    scripts.some((script) => /\/chunks\/call-/.test(script)),
    'the guest loaded the call chunk',
  );
  assert.ok(!hostChunk(scripts), `a guest's call never loads the host chunk: ${scripts.join(', ')}`);
  assert.ok(hostChunk(hostScripts), `the host's call loads it: ${hostScripts.join(', ')}`);

  // The call's extras wait for something to show: nobody has reacted, captioned or recorded yet.
  const extrasChunk = (list: string[]) => list.some((script) => /\/chunks\/extras-[\w-]+\.js$/.test(script));
  assert.ok(!extrasChunk(scripts), `a quiet call never loads the extras chunk: ${scripts.join(', ')}`);
  // The first message loads them; it counts as unread on the visitor's closed chat.
  await other.page.evaluate(`document.querySelector('hashdrop-room').session.sendChatMessage('Welcome')`);
  await visitor.page.locator('hashdrop-control-bar [part="unread"]', { hasText: '1' }).waitFor({ timeout: 15_000 });
  assert.ok(extrasChunk(scripts), `the first message loads it: ${scripts.join(', ')}`);
  await other.page.evaluate(`document.querySelector('hashdrop-room').session.react('🎉')`);
  await visitor.page.locator('hashdrop-reactions [part="reaction"]', { hasText: '🎉' }).waitFor({ timeout: 15_000 });
  await Promise.all([visitor.context.close(), other.context.close()]);
});

test('from the CDN build, the pop-out arrives once Pop out is pointed at, and pops the call out', async () => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room } = await api.createRoom({ policy: { waitingRoom: false } });
  const visitor = await openPage(browser, 'about:blank');
  const scripts = scriptsOf(visitor.page);
  try {
    await visitor.page.goto(`${stack.url}/demo/cdn.html`);
    await visitor.page.getByLabel('Room code').fill(room.code);
    await visitor.join('Floating');
    await visitor.waitForStatus('in-room');
    const extras = () => scripts.filter((script) => /\/chunks\/extras-[\w-]+\.js$/.test(script));
    assert.deepEqual(extras(), [], 'not before Pop out is approached');

    const popOut = visitor.page.locator('hashdrop-control-bar [part~="pop-out"]');
    await popOut.hover();
    await eventually('the extras requested on approach', async () => extras().length === 1 || null);
    const [floating] = await Promise.all([visitor.context.waitForEvent('page'), popOut.click()]);
    await floating.locator('hashdrop-call-view').waitFor({ state: 'attached' });
    assert.equal(await visitor.page.locator('hashdrop-room').getAttribute('popped-out'), '');
    assert.equal(extras().length, 1, 'fetched once');
  } finally {
    await visitor.context.close();
  }
});

/**
 * A host on the CDN page of a room without a waiting room, with the page at pre-join: `beforeJoining` runs there, then
 * the host joins and `inCall` runs. The page closes after.
 */
async function asHost(
  name: string,
  beforeJoining: (page: Page) => Promise<void>,
  inCall: (page: Page) => Promise<void>,
): Promise<void> {
  const api = new ApiClient(`${stack.url}/api`);
  const { room, hostKey } = await api.createRoom({ policy: { waitingRoom: false } });
  const host = await openPage(browser, 'about:blank');
  try {
    await host.page.goto(`${stack.url}/demo/cdn.html?host=${hostKey}`);
    await host.page.getByLabel('Room code').fill(room.code);
    await beforeJoining(host.page);
    await host.join(name);
    await host.waitForStatus('in-room');
    await inCall(host.page);
  } finally {
    await host.context.close();
  }
}

/** Opens the call's chat panel and waits for it, in English. */
async function openChat(page: Page): Promise<void> {
  await page.locator('hashdrop-control-bar').getByRole('button', { name: en['controls.chat'] }).click();
  await page.locator('hashdrop-chat').getByPlaceholder(en['chat.placeholder']).waitFor();
}

test('from the CDN build, the pre-call check, the host panel, the invite and the chat show their own strings', async () => {
  // The CDN build ships these strings in the lazy chunk that shows them, not with the call's (compact-catalogs.ts).
  await asHost(
    'Host Words',
    async (page) => {
      await page.getByText(en['prejoin.check']).click();
      await page.getByRole('button', { name: en['check.run'] }).waitFor();
    },
    async (page) => {
      await page.locator('hashdrop-host-panel').getByText(en['host.title']).waitFor();
      await page.locator('hashdrop-invite').getByText(en['invite.title']).waitFor();
      await openChat(page);
    },
  );
});

test('from the CDN build, a language chunk translates what the lazy chunks show', async () => {
  await asHost(
    'Gastgeberin',
    async () => {},
    async (page) => {
      await openChat(page);
      await page.evaluate(`document.querySelector('hashdrop-room').setAttribute('lang', 'de')`);
      await page.locator('hashdrop-host-panel').getByText(de['host.title']!).waitFor();
      await page.locator('hashdrop-invite').getByText(de['invite.title']!).waitFor();
      await page.locator('hashdrop-chat').getByPlaceholder(de['chat.placeholder']!).waitFor();
    },
  );
});

test('from the CDN build, a page with a plain token endpoint fetches its client and joins the call', async () => {
  const visitor = await openPage(browser, 'about:blank');
  const scripts = scriptsOf(visitor.page);
  try {
    await visitor.page.goto(`${stack.url}/token-page.html`);
    await visitor.join('Token Guest');
    await visitor.waitForStatus('in-room');
    assert.ok(
      scripts.some((script) => /\/chunks\/token-endpoint-client-[\w-]+\.js$/.test(script)),
      `the token endpoint's client came as a chunk of its own: ${scripts.join(', ')}`,
    );
  } finally {
    await visitor.context.close();
  }
});
