/**
 * Bounds on what one caller can make the endpoint do: rate limits per kind of request, knock long-polls held at once,
 * the client address behind trusted proxies, and the static file server's containment.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { staticFiles } from '../../scripts/static-files.js';
import { freePort } from '../../scripts/processes.js';
import { forwardedClient, toNodeListener } from '../../src/server/node.js';
import { Api, startStack, stopShared, type Stack } from './harness.js';

after(stopShared);

const MINUTE = 60_000;

describe('rate limits (sqlite)', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack('sqlite', {
      rateLimit: {
        perIdentity: { limit: 3, windowMs: MINUTE },
        perIp: { limit: 8, windowMs: MINUTE },
        lookupsPerIdentity: { limit: 5, windowMs: MINUTE },
        lookupsPerIp: { limit: 1000, windowMs: MINUTE },
        createsPerIdentity: { limit: 4, windowMs: MINUTE },
        createsPerIp: { limit: 30, windowMs: MINUTE },
      },
    });
  });
  after(() => stack.stop());

  test('join attempts per identity, then per IP → 429 RATE_LIMITED with Retry-After', async () => {
    const alice = await stack.api.person();
    const room = (await alice.request('POST', '/rooms', { policy: { waitingRoom: true } })).body.room;
    const guest = await stack.api.person();
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'G' })).status);
    }
    assert.deepEqual(statuses, [202, 202, 202, 429]);
    const limited = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'G' });
    assert.equal(limited.body.error.code, 'RATE_LIMITED');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    // Fresh identities from the same address run into the per-IP limit.
    let ipLimited = false;
    for (let i = 0; i < 6 && !ipLimited; i += 1) {
      const other = await stack.api.person();
      ipLimited = (await other.request('POST', `/rooms/${room.id}/join`, { displayName: 'O' })).status === 429;
    }
    assert.ok(ipLimited);
  });

  test('room lookups by a non-host are limited, whether the code exists or not; the host is not', async () => {
    const owner = await stack.api.person();
    const room = (await owner.request('POST', '/rooms', {})).body.room;
    const prober = await stack.api.person();
    const statuses: number[] = [];
    for (const code of ['CALM-NOTHING', room.code, 'BRAVE-NOTHING', room.code, 'QUIET-NOTHING', room.code]) {
      statuses.push((await prober.request('GET', `/rooms/${code}`)).status);
    }
    assert.deepEqual(statuses, [404, 200, 404, 200, 404, 429]);
    for (let i = 0; i < 8; i += 1) assert.equal((await owner.request('GET', `/rooms/${room.code}`)).status, 200);
  });

  test('a non-host sees what pre-join needs, not who created or hosts the room', async () => {
    const owner = await stack.api.person();
    const cohost = await stack.api.person();
    const room = (await owner.request('POST', '/rooms', { hosts: [cohost.userId] })).body.room;
    const stranger = await stack.api.person();
    const seen = (await stranger.request('GET', `/rooms/${room.code}`)).body.room;
    assert.equal(seen.creatorId, undefined);
    assert.equal(seen.hosts, undefined);
    assert.equal(seen.live, undefined);
    assert.equal(seen.youAreHost, false);
    assert.equal(seen.code, room.code);
    assert.equal(typeof seen.policy.waitingRoom, 'boolean');
    const hostView = (await cohost.request('GET', `/rooms/${room.code}`)).body.room;
    assert.equal(hostView.creatorId, owner.userId);
    assert.deepEqual(hostView.hosts, [cohost.userId]);
  });

  test('creating rooms is limited per identity', async () => {
    const maker = await stack.api.person();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await maker.request('POST', '/rooms', {})).status);
    assert.deepEqual(statuses, [201, 201, 201, 201, 429]);
  });
});

describe('identity issuance limit (sqlite)', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack('sqlite', { rateLimit: { createsPerIp: { limit: 3, windowMs: MINUTE } } });
  });
  after(() => stack.stop());

  test('new anonymous identities are limited per IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await new Api(stack.base).request('POST', '/identity')).status);
    assert.deepEqual(statuses, [201, 201, 201, 429]);
  });
});

describe('knock long-polls held at once (sqlite)', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack('sqlite', { longPolls: { perIdentity: 2, total: 3 } });
  });
  after(() => stack.stop());

  test('one identity holds at most its share (429), the instance at most its total (503), both with Retry-After', async () => {
    const owner = await stack.api.person();
    const room = (await owner.request('POST', '/rooms', { policy: { waitingRoom: true } })).body.room;
    const guests = [await stack.api.person(), await stack.api.person()];
    const knocks: string[] = [];
    for (const guest of guests) {
      knocks.push((await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'G' })).body.knockId);
    }
    const hold = (guest: Api, knockId: string) => guest.request('GET', `/rooms/${room.id}/knocks/${knockId}?wait=20`);
    const held = [hold(guests[0]!, knocks[0]!), hold(guests[0]!, knocks[0]!)];
    // Held requests take their slots as they arrive; wait until the endpoint holds both.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const third = await hold(guests[0]!, knocks[0]!);
    assert.equal(third.status, 429);
    assert.equal(third.body.error.code, 'RATE_LIMITED');
    assert.equal(third.headers.get('retry-after'), '2');
    held.push(hold(guests[1]!, knocks[1]!));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fourth = await hold(guests[1]!, knocks[1]!);
    assert.equal(fourth.status, 503);
    assert.equal(fourth.body.error.code, 'OVERLOADED');
    assert.equal(fourth.headers.get('retry-after'), '2');
    // A plain read takes no slot.
    assert.equal((await guests[1]!.request('GET', `/rooms/${room.id}/knocks/${knocks[1]}`)).status, 200);
    // Settling the knocks answers the held requests and frees the slots.
    await owner.request('POST', `/rooms/${room.id}/knocks/admit-all`);
    for (const reply of await Promise.all(held)) assert.equal(reply.status, 200);
    assert.equal((await hold(guests[0]!, knocks[0]!)).status, 200);
  });
});

describe('the client address behind trusted proxies', () => {
  test('the entry the outermost trusted proxy added, counted from the right', () => {
    assert.equal(forwardedClient('6.6.6.6, 203.0.113.9', 1), '203.0.113.9');
    assert.equal(forwardedClient('6.6.6.6, 203.0.113.9, 10.0.0.2', 2), '203.0.113.9');
    assert.equal(forwardedClient('203.0.113.9', 1), '203.0.113.9');
    assert.equal(forwardedClient('203.0.113.9', 0), undefined);
    assert.equal(forwardedClient(undefined, 1), undefined);
  });

  test('rotating a client-written X-Forwarded-For entry does not escape the per-IP limit', async () => {
    const stack = await startStack('sqlite', { rateLimit: { createsPerIp: { limit: 3, windowMs: MINUTE } } });
    const port = await freePort();
    const proxied: Server = createServer(toNodeListener(stack.handler, { trustProxy: 1 }));
    await new Promise<void>((resolve) => proxied.listen(port, '127.0.0.1', resolve));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        // What a proxy in front makes of a client that sends its own header: the client's line, then the real address.
        const reply = await fetch(`http://127.0.0.1:${port}/api/identity`, {
          method: 'POST',
          headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
        });
        statuses.push(reply.status);
      }
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
    } finally {
      proxied.closeAllConnections();
      await new Promise<void>((resolve) => proxied.close(() => resolve()));
      await stack.stop();
    }
  });
});

describe('static files', () => {
  test('a sibling folder that shares the root as a prefix is outside it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'hashdrop-static-'));
    mkdirSync(join(parent, 'dist'));
    mkdirSync(join(parent, 'dist-secret'));
    writeFileSync(join(parent, 'dist', 'ok.txt'), 'ok');
    writeFileSync(join(parent, 'dist-secret', 'key.txt'), 'secret');
    const server = createServer(staticFiles(join(parent, 'dist')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // A raw request target, as a client may send it: fetch() would resolve the dot segments before sending.
    const served = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest({ host: '127.0.0.1', port, path }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        request.on('error', reject).end();
      });
    try {
      assert.deepEqual(await served('/ok.txt'), { status: 200, body: 'ok' });
      for (const path of ['/../dist-secret/key.txt', '/%2e%2e/dist-secret/key.txt', '/..%2fdist-secret/key.txt']) {
        const escaped = await served(path);
        assert.equal(escaped.status, 404, path);
        assert.notEqual(escaped.body, 'secret', path);
      }
    } finally {
      server.close();
    }
  });
});
