/**
 * A table of bad requests with the 4xx code each must get, on SQLite and PostgreSQL alike; CORS allow-list; no secrets
 * in responses. Rate limits and other bounds are in limits.test.ts.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { STORE_KINDS, startStack, stopShared, type Api, type Stack } from './harness.js';

after(stopShared);

/** Sends a request with its target exactly as written: fetch() would resolve `%2e%2e` before sending it. */
function rawRequest(base: string, method: string, target: string, headers: Record<string, string> = {}) {
  const url = new URL(base);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path: `${url.pathname}${target}`, headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

for (const kind of STORE_KINDS)
  describe(`bad input (${kind})`, () => {
    let stack: Stack;
    let alice: Api;
    let room: { id: string; code: string };
    let knockId: string;
    const seen: string[] = [];

    before(async () => {
      stack = await startStack(kind, { corsOrigins: ['https://allowed.example'] });
      alice = await stack.api.person();
      room = (await alice.request('POST', '/rooms', { policy: { waitingRoom: true } })).body.room;
      const guest = await stack.api.person();
      knockId = (await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'G' })).body.knockId;
    });
    after(() => stack.stop());

    const long = (n: number) => 'x'.repeat(n);
    const cases: Array<{
      name: string;
      method: string;
      path: string | (() => string);
      body?: unknown;
      headers?: Record<string, string>;
      anonymous?: boolean;
      credential?: string;
      status: number;
      code: string;
    }> = [
      { name: 'broken JSON', method: 'POST', path: '/rooms', body: '{"name":', status: 400, code: 'BAD_REQUEST' },
      { name: 'JSON array', method: 'POST', path: '/rooms', body: '[]', status: 422, code: 'VALIDATION_FAILED' },
      {
        name: 'extra field',
        method: 'POST',
        path: '/rooms',
        body: { nam: 'x' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'empty room name',
        method: 'POST',
        path: '/rooms',
        body: { name: '  ' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'room name too long',
        method: 'POST',
        path: '/rooms',
        body: { name: long(121) },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'maxParticipants 0',
        method: 'POST',
        path: '/rooms',
        body: { policy: { maxParticipants: 0 } },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'maxParticipants 65',
        method: 'POST',
        path: '/rooms',
        body: { policy: { maxParticipants: 65 } },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'maxAudience negative',
        method: 'POST',
        path: '/rooms',
        body: { policy: { stageMode: true, maxAudience: -1 } },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'maxAudience over 1000',
        method: 'POST',
        path: '/rooms',
        body: { policy: { stageMode: true, maxAudience: 1001 } },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'maxAudience not whole',
        method: 'POST',
        path: '/rooms',
        body: { policy: { maxAudience: 2.5 } },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'policy type',
        method: 'POST',
        path: '/rooms',
        body: { policy: { waitingRoom: 'yes' } },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'unknown policy key',
        method: 'POST',
        path: '/rooms',
        body: { policy: { vip: true } },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'bad time',
        method: 'POST',
        path: '/rooms',
        body: { scheduledStartAt: 'tomorrow' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'end before start',
        method: 'POST',
        path: '/rooms',
        body: { scheduledStartAt: '2030-01-02T00:00:00Z', scheduledEndAt: '2030-01-01T00:00:00Z' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'bad host id',
        method: 'POST',
        path: '/rooms',
        body: { hosts: ['no spaces'] },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'text/plain',
        method: 'POST',
        path: '/rooms',
        body: '{}',
        headers: { 'content-type': 'text/plain' },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'body too large',
        method: 'POST',
        path: '/rooms',
        body: { name: long(20_000) },
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
      {
        name: 'no credential',
        method: 'POST',
        path: '/rooms',
        body: {},
        anonymous: true,
        status: 401,
        code: 'UNAUTHENTICATED',
      },
      {
        name: 'forged credential',
        method: 'GET',
        path: '/rooms',
        credential: 'hd1.eyJzdWIiOiJ4In0.AAAA',
        status: 401,
        code: 'UNAUTHENTICATED',
      },
      {
        name: 'garbage credential',
        method: 'GET',
        path: '/rooms',
        credential: 'nonsense',
        status: 401,
        code: 'UNAUTHENTICATED',
      },
      { name: 'wrong method', method: 'PUT', path: '/rooms', body: {}, status: 405, code: 'METHOD_NOT_ALLOWED' },
      {
        name: 'wrong method on join',
        method: 'GET',
        path: () => `/rooms/${room.id}/join`,
        status: 405,
        code: 'METHOD_NOT_ALLOWED',
      },
      { name: 'unknown route', method: 'GET', path: '/nothing/here', status: 404, code: 'NOT_FOUND' },
      { name: 'bad path encoding', method: 'GET', path: '/rooms/%E0%A4%A', status: 400, code: 'BAD_REQUEST' },
      { name: 'unknown room', method: 'GET', path: '/rooms/CALM-NOTHING', status: 404, code: 'NOT_FOUND' },
      { name: 'overlong id', method: 'GET', path: `/rooms/${long(300)}`, status: 404, code: 'NOT_FOUND' },
      { name: 'join: no body', method: 'POST', path: () => `/rooms/${room.id}/join`, status: 400, code: 'BAD_REQUEST' },
      {
        name: 'join: missing name',
        method: 'POST',
        path: () => `/rooms/${room.id}/join`,
        body: {},
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'join: empty name',
        method: 'POST',
        path: () => `/rooms/${room.id}/join`,
        body: { displayName: ' ' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'join: name too long',
        method: 'POST',
        path: () => `/rooms/${room.id}/join`,
        body: { displayName: long(65) },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'join: control chars',
        method: 'POST',
        path: () => `/rooms/${room.id}/join`,
        body: { displayName: 'a\u0007b' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'join: name not text',
        method: 'POST',
        path: () => `/rooms/${room.id}/join`,
        body: { displayName: 7 },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'join: bad code',
        method: 'POST',
        path: '/rooms/NOT-AREALCODE/join',
        body: { displayName: 'A' },
        status: 404,
        code: 'NOT_FOUND',
      },
      {
        name: 'knock: bad wait',
        method: 'GET',
        path: () => `/rooms/${room.id}/knocks/${knockId}?wait=-3`,
        status: 404,
        code: 'NOT_FOUND',
      },
      {
        name: 'knock: unknown',
        method: 'GET',
        path: () => `/rooms/${room.id}/knocks/kdeadbeef`,
        status: 404,
        code: 'NOT_FOUND',
      },
      {
        name: 'claim-host: short key',
        method: 'POST',
        path: () => `/rooms/${room.id}/claim-host`,
        body: { hostKey: 'abc' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'mute: bad source',
        method: 'POST',
        path: () => `/rooms/${room.id}/participants/x/mute`,
        body: { source: 'ears' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'patch: bad status',
        method: 'PATCH',
        path: () => `/rooms/${room.id}`,
        body: { status: 'OPEN' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'webhook: no signature',
        method: 'POST',
        path: '/livekit/webhook',
        body: { event: 'room_finished' },
        headers: { 'content-type': 'application/webhook+json' },
        status: 401,
        code: 'UNAUTHENTICATED',
      },
      // PostgreSQL refuses a NUL byte in text outright; no id holds control characters, so such a path names nothing.
      { name: 'NUL in a room id', method: 'GET', path: '/rooms/a%00b', status: 404, code: 'NOT_FOUND' },
      { name: 'C1 control in a room id', method: 'GET', path: '/rooms/a%C2%85b', status: 404, code: 'NOT_FOUND' },
      {
        name: 'NUL in a knock id',
        method: 'GET',
        path: () => `/rooms/${room.id}/knocks/k%00`,
        status: 404,
        code: 'NOT_FOUND',
      },
      {
        name: 'NUL in an identity',
        method: 'POST',
        path: () => `/rooms/${room.id}/participants/a%00b/kick`,
        status: 404,
        code: 'NOT_FOUND',
      },
      {
        name: 'NUL in a join path',
        method: 'POST',
        path: '/rooms/x%00/join',
        body: {},
        status: 404,
        code: 'NOT_FOUND',
      },
      {
        name: 'room name with NUL',
        method: 'POST',
        path: '/rooms',
        body: { name: 'a\u0000b' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'room name with a C1 control',
        method: 'POST',
        path: '/rooms',
        body: { name: 'a\u0085b' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'room name with a bidi override',
        method: 'POST',
        path: '/rooms',
        body: { name: 'invoice\u202efdp.exe' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'join: bidi override in the name',
        method: 'POST',
        path: () => `/rooms/${room.id}/join`,
        body: { displayName: 'Ada\u202e' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'join: C1 control in the name',
        method: 'POST',
        path: () => `/rooms/${room.id}/join`,
        body: { displayName: 'Ada\u009b' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'policy is an array',
        method: 'POST',
        path: '/rooms',
        body: { policy: [] },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'patch: policy is an array',
        method: 'PATCH',
        path: () => `/rooms/${room.id}`,
        body: { policy: [true] },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'hand: raised not a boolean',
        method: 'POST',
        path: () => `/rooms/${room.id}/hand`,
        body: { raised: 'yes' },
        status: 422,
        code: 'VALIDATION_FAILED',
      },
      {
        // On a route anyone may read: ignoring the header would answer 200 as if anonymous.
        name: 'a credential that is not Bearer',
        method: 'GET',
        path: () => `/rooms/${room.id}`,
        anonymous: true,
        headers: { authorization: 'Basic YWxpY2U6c2VjcmV0' },
        status: 401,
        code: 'UNAUTHENTICATED',
      },
      {
        name: 'disallowed origin',
        method: 'GET',
        path: '/info',
        headers: { origin: 'https://evil.example' },
        status: 403,
        code: 'ORIGIN_NOT_ALLOWED',
      },
    ];

    for (const c of cases) {
      test(`${c.name} → ${c.status} ${c.code}`, async () => {
        const caller = c.anonymous
          ? stack.api
          : Object.assign(Object.create(alice) as Api, { credential: alice.credential });
        if (c.credential) caller.credential = c.credential;
        const path = typeof c.path === 'function' ? c.path() : c.path;
        const reply = await caller.request(c.method, path, c.body, c.headers);
        seen.push(JSON.stringify(reply.body));
        assert.equal(reply.status, c.status, JSON.stringify(reply.body));
        assert.equal(reply.body.error.code, c.code);
        assert.equal(typeof reply.body.error.message, 'string');
        if (c.status === 405) assert.match(reply.headers.get('allow') ?? '', /POST|GET/);
      });
    }

    test('the waiting guest’s own knock with a bad wait is a validation error, hex and exponents included', async () => {
      const guest = await stack.api.person();
      const own = (await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'W' })).body.knockId;
      for (const wait of ['soon', '0x3', '1e1', '-3', ' 3', 'Infinity']) {
        const reply = await guest.request('GET', `/rooms/${room.id}/knocks/${own}?wait=${encodeURIComponent(wait)}`);
        assert.equal(reply.status, 422, `wait=${wait}`);
        assert.equal(reply.body.error.code, 'VALIDATION_FAILED');
      }
      assert.equal((await guest.request('GET', `/rooms/${room.id}/knocks/${own}?wait=0.2`)).status, 200);
    });

    test('a dot-dot segment, even percent-encoded, is refused and never reaches another route', async () => {
      const doomed = (await alice.request('POST', '/rooms', {})).body.room;
      const authorization = `Bearer ${alice.credential}`;
      for (const dots of ['%2e%2e', '%2E%2e', '..', '.%2e']) {
        const reply = await rawRequest(stack.base, 'DELETE', `/rooms/${doomed.id}/knocks/${dots}`, { authorization });
        assert.equal(reply.status, 400, `${dots}: ${reply.body}`);
        assert.equal(JSON.parse(reply.body).error.code, 'BAD_REQUEST');
      }
      assert.equal((await alice.request('GET', `/rooms/${doomed.id}`)).status, 200, 'the room is still there');
    });

    test('HEAD, which no route serves, is 405 where GET is routed and 404 elsewhere, never a 400 or 500', async () => {
      const authorization = `Bearer ${alice.credential}`;
      const routed = await rawRequest(stack.base, 'HEAD', `/rooms/${room.id}`, { authorization });
      assert.equal(routed.status, 405);
      assert.equal((await rawRequest(stack.base, 'HEAD', '/no-such-route', { authorization })).status, 404);
    });

    test('a room name with NUL is refused without storing anything', async () => {
      const before = (await alice.request('GET', '/rooms')).body.rooms.length;
      assert.equal((await alice.request('POST', '/rooms', { name: '\u0000' })).status, 422);
      assert.equal((await alice.request('GET', '/rooms')).body.rooms.length, before);
    });

    test('CORS: an allowed origin gets its header and a preflight; same-origin needs none', async () => {
      const reply = await alice.request('GET', '/info', undefined, { origin: 'https://allowed.example' });
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('access-control-allow-origin'), 'https://allowed.example');
      const preflight = await fetch(`${stack.base}/rooms`, {
        method: 'OPTIONS',
        headers: { origin: 'https://allowed.example', 'access-control-request-method': 'POST' },
      });
      assert.equal(preflight.status, 204);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/);
      const same = await alice.request('GET', '/info', undefined, { origin: new URL(stack.base).origin });
      assert.equal(same.status, 200);
    });

    test('no response carries a server secret or another person’s credential', () => {
      const all = seen.join('\n');
      assert.equal(all.includes(stack.livekit.apiSecret), false);
      assert.equal(all.includes('test-secret-0123456789abcdef'), false);
      assert.equal(all.includes(alice.credential!), false);
    });
  });
