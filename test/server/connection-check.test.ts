/**
 * The pre-call check's token: for a throwaway room of the caller's own, never a real room; counted like a join
 * attempt; refused without a credential. Real livekit-server (the token connects), both stores.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dispose } from '@livekit/rtc-node';
import { DEFAULT_RATE_LIMIT } from '../../src/server/rate-limit.js';
import { connect, STORE_KINDS, startStack, stopShared, type Stack } from './harness.js';

after(async () => {
  await stopShared();
  await dispose();
});

const ATTEMPTS_ALLOWED = 4;

/** The JWT's claims, read without verifying (the test checks what was granted, LiveKit checks the signature). */
function claimsOf(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

for (const kind of STORE_KINDS) {
  describe(`connection check: ${kind}`, () => {
    let stack: Stack;
    before(async () => {
      stack = await startStack(kind, {
        rateLimit: {
          ...DEFAULT_RATE_LIMIT,
          perIdentity: { limit: ATTEMPTS_ALLOWED, windowMs: 60_000 },
          perIp: { limit: 1000, windowMs: 60_000 },
          createsPerIp: { limit: 1000, windowMs: 60_000 },
        },
      });
    });
    after(async () => {
      await stack.stop();
    });

    test('grants only a throwaway room of its own, never the caller’s room', async () => {
      const person = await stack.api.person();
      const room = (await person.request('POST', '/rooms', {})).body.room as { id: string };
      const first = await person.request('POST', '/connection-check');
      const second = await person.request('POST', '/connection-check');
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const claims = claimsOf(first.body.token);
      assert.match(first.body.room, /^check-[0-9a-f]{24}$/);
      assert.notEqual(first.body.room, second.body.room, 'a new room for every check');
      assert.notEqual(claims.video.room, room.id);
      assert.deepEqual(claims.video, {
        roomJoin: true,
        room: first.body.room,
        canPublish: true,
        canPublishSources: ['microphone'],
        canSubscribe: true,
        canPublishData: false,
        canUpdateOwnMetadata: false,
      });
      assert.equal(claims.sub, person.userId);
      assert.ok(claims.exp - claims.nbf <= 60, 'short-lived');
    });

    test('the token connects to LiveKit, into the throwaway room', async () => {
      const person = await stack.api.person();
      const check = await person.request('POST', '/connection-check');
      const client = await connect(check.body.serverUrl, check.body.token);
      try {
        assert.equal(client.name, check.body.room);
      } finally {
        await client.disconnect();
      }
    });

    test('without a credential → 401; another method → 405', async () => {
      const anonymous = await stack.api.person();
      anonymous.credential = null;
      const refused = await anonymous.request('POST', '/connection-check');
      assert.equal(refused.status, 401);
      assert.equal(refused.body.error.code, 'UNAUTHENTICATED');
      const wrongMethod = await (await stack.api.person()).request('GET', '/connection-check');
      assert.equal(wrongMethod.status, 405);
      assert.equal(wrongMethod.body.error.code, 'METHOD_NOT_ALLOWED');
      const badCredential = await anonymous.request('POST', '/connection-check', undefined, {
        authorization: 'Bearer not-a-credential',
      });
      assert.equal(badCredential.status, 401);
    });

    test('counted like join attempts: 429 with Retry-After past the limit', async () => {
      const person = await stack.api.person();
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i <= ATTEMPTS_ALLOWED; i++) {
        const reply = await person.request('POST', '/connection-check');
        statuses.push(reply.status);
        retryAfter = reply.headers.get('retry-after');
      }
      assert.deepEqual(statuses, [...Array<number>(ATTEMPTS_ALLOWED).fill(200), 429]);
      assert.ok(Number(retryAfter) > 0);
    });
  });
}
