import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { EndpointClient, type KnockProgress } from '../../src/core/endpoint-client.js';
import { EndpointError } from '../../src/core/endpoint-error.js';
import { FakeEndpoint, memoryStorage, until } from './fake-endpoint.js';

describe('EndpointClient', { timeout: 20_000 }, () => {
  const server = new FakeEndpoint();
  let base = '';

  before(async () => {
    base = await server.start();
  });
  after(() => server.stop());
  // Every wait a test starts is tied to this, so a failing test cannot leave a poll loop running.
  let cleanup = new AbortController();
  afterEach(() => cleanup.abort());
  beforeEach(() => {
    cleanup = new AbortController();
    server.requests.length = 0;
    server.join = { kind: 'pending' };
    server.dropKnockPolls = 0;
    server.noLongPoll = false;
  });

  const client = (storage = memoryStorage(), extra: Partial<ConstructorParameters<typeof EndpointClient>[0]> = {}) =>
    new EndpointClient({ endpoint: `${base}/`, storage, retryDelaysMs: [20], minPollIntervalMs: 10, ...extra });

  it('gets an identity once, stores it per endpoint, and sends it as a bearer', async () => {
    const storage = memoryStorage();
    const first = client(storage);
    const issuedBefore = server.identitiesIssued;
    // Two calls at once share one identity request.
    await Promise.all([first.getRoom('STELLAR-PHOENIX'), first.getRoom('room_1')]);
    assert.equal(server.identitiesIssued, issuedBefore + 1);
    const roomCalls = server.requests.filter((r) => r.path.startsWith('/api/rooms'));
    assert.equal(roomCalls.length, 2);
    const bearer = `Bearer cred-${issuedBefore + 1}`;
    for (const call of roomCalls) assert.equal(call.authorization, bearer);
    // Keyed by origin + path, without the trailing slash the attribute had.
    const key = `hashdrop:identity:${base}`;
    assert.equal(JSON.parse(storage.data.get(key)!).credential, `cred-${issuedBefore + 1}`);

    // A new client (a reload) over the same storage reuses it: no new identity.
    await client(storage).getRoom('room_1');
    assert.equal(server.identitiesIssued, issuedBefore + 1);
    assert.equal(server.requests.at(-1)!.authorization, bearer);
  });

  it('sends a request at once when it has a stored identity, before any queued microtask runs', async () => {
    const storage = memoryStorage();
    const sent: string[] = [];
    const recording: typeof fetch = (input, init) => {
      sent.push(`${init?.method} ${String(input)}`);
      return fetch(input, init);
    };
    await client(storage, { fetch: recording }).getRoom('room_1');
    sent.length = 0;
    let microtaskRan = false;
    queueMicrotask(() => (microtaskRan = true));
    const joined = client(storage, { fetch: recording }).join('room_1', { displayName: 'Ada' }, cleanup.signal);
    // What a status change queues (a re-render) runs after this: the request must already be on its way.
    assert.equal(microtaskRan, false);
    assert.deepEqual(sent, [`POST ${base}/rooms/room_1/join`]);
    await joined;
  });

  it('does not share a credential between two endpoints', async () => {
    const storage = memoryStorage();
    await client(storage).getRoom('room_1');
    await new EndpointClient({ endpoint: base.replace('/api', '/other'), storage }).getRoom('room_1');
    assert.deepEqual([...storage.data.keys()].sort(), [
      `hashdrop:identity:${base}`,
      `hashdrop:identity:${base.replace('/api', '/other')}`,
    ]);
    const credentials = [...storage.data.values()].map((value) => JSON.parse(value).credential);
    assert.notEqual(credentials[0], credentials[1]);
  });

  it('gets a fresh identity once when the stored one is rejected', async () => {
    const storage = memoryStorage();
    const api = client(storage);
    await api.getRoom('room_1');
    server.revokeCredentials();
    const issued = server.identitiesIssued;
    const room = await api.getRoom('room_1');
    assert.equal(room.code, 'STELLAR-PHOENIX');
    assert.equal(server.identitiesIssued, issued + 1);
  });

  it('sends JSON bodies and maps { error: { code, message } } to an EndpointError', async () => {
    server.join = { kind: 'error', status: 409, code: 'ROOM_FULL', message: 'The room is full (50 people).' };
    await assert.rejects(client().join('room_1', { displayName: 'Ada' }), (error: unknown) => {
      assert.ok(error instanceof EndpointError);
      assert.equal(error.code, 'ROOM_FULL');
      assert.equal(error.status, 409);
      assert.equal(error.message, 'The room is full (50 people).');
      return true;
    });
    const sent = server.requests.at(-1)!;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.path, '/api/rooms/room_1/join');
    assert.equal(sent.contentType, 'application/json');
    assert.deepEqual(sent.body, { displayName: 'Ada' });
  });

  it('maps an unknown room to NOT_FOUND', async () => {
    await assert.rejects(client().getRoom('QUIET-OTTER'), { name: 'EndpointError', code: 'NOT_FOUND', status: 404 });
  });

  it('turns an unreachable endpoint into code NETWORK', async () => {
    const dead = new EndpointClient({ endpoint: 'http://127.0.0.1:9/api', storage: memoryStorage() });
    await assert.rejects(dead.info(), { name: 'EndpointError', code: 'NETWORK', status: 0 });
  });

  it('covers the host routes with the right method and path', async () => {
    const api = client();
    await api.admit('room_1', 'k1');
    await api.deny('room_1', 'k2');
    await api.admitAll('room_1');
    await api.end('room_1');
    await api.cancelKnock('room_1', 'k3');
    server.knocks = [
      {
        knockId: 'k9',
        displayName: 'Bo',
        identity: 'bo',
        createdAt: '2026-01-01T00:00:00Z',
        reason: 'WAITING_ROOM_PENDING',
      },
    ];
    const knocks = await api.listKnocks('room_1');
    const claimed = await api.claimHost('room_1', 'host-key-0123456789abcdef');
    assert.deepEqual(
      server.requests.filter((r) => r.path !== '/api/identity').map((r) => `${r.method} ${r.path}`),
      [
        'POST /api/rooms/room_1/knocks/k1/admit',
        'POST /api/rooms/room_1/knocks/k2/deny',
        'POST /api/rooms/room_1/knocks/admit-all',
        'POST /api/rooms/room_1/end',
        'DELETE /api/rooms/room_1/knocks/k3',
        'GET /api/rooms/room_1/knocks',
        'POST /api/rooms/room_1/claim-host',
      ],
    );
    assert.deepEqual(
      knocks.map((k) => k.knockId),
      ['k9'],
    );
    assert.equal(claimed?.youAreHost, true);
    assert.deepEqual(server.requests.at(-1)!.body, { hostKey: 'host-key-0123456789abcdef' });
  });

  it('long-polls a knock with wait=25 and settles when the host decides', async () => {
    const api = client();
    const joined = await api.join('room_1', { displayName: 'Ada' });
    assert.equal(joined.outcome, 'pending');
    const knockId = joined.outcome === 'pending' ? joined.knockId : '';
    const waiting = api.waitForKnock('room_1', knockId, { signal: cleanup.signal });
    await until(() => server.parked(knockId) === 1, 'the long-poll to park');
    const poll = server.requests.at(-1)!;
    assert.equal(poll.query.get('wait'), '25');
    server.settle(knockId, 'admitted');
    const settled = await waiting;
    assert.equal(settled.status, 'admitted');
    assert.equal(settled.status === 'admitted' && settled.join.token, 'lk-token-participant');
  });

  it('loops while the answer is still pending and reports each round', async () => {
    server.noLongPoll = true;
    const api = client();
    const joined = await api.join('room_1', { displayName: 'Ada' });
    const knockId = joined.outcome === 'pending' ? joined.knockId : '';
    const progress: KnockProgress[] = [];
    const waiting = api.waitForKnock('room_1', knockId, {
      signal: cleanup.signal,
      onProgress: (p) => progress.push(p),
    });
    await until(() => progress.length >= 3, 'three pending rounds');
    server.settle(knockId, 'denied');
    assert.equal((await waiting).status, 'denied');
    assert.ok(progress.every((p) => !p.retrying && p.code === 'WAITING_ROOM_PENDING'));
    assert.deepEqual(
      progress.slice(0, 3).map((p) => p.attempts),
      [1, 2, 3],
    );
  });

  it('retries after network errors, reporting retrying, then settles', async () => {
    const api = client();
    const joined = await api.join('room_1', { displayName: 'Ada' });
    const knockId = joined.outcome === 'pending' ? joined.knockId : '';
    server.dropKnockPolls = 2;
    const progress: KnockProgress[] = [];
    const waiting = api.waitForKnock('room_1', knockId, {
      signal: cleanup.signal,
      onProgress: (p) => progress.push(p),
    });
    await until(() => server.parked(knockId) === 1, 'a poll to get through');
    server.settle(knockId, 'admitted');
    assert.equal((await waiting).status, 'admitted');
    assert.deepEqual(
      progress.map((p) => p.retrying),
      [true, true],
    );
  });

  it('stops waiting when aborted, with an AbortError and no further polls', async () => {
    const api = client();
    const joined = await api.join('room_1', { displayName: 'Ada' });
    const knockId = joined.outcome === 'pending' ? joined.knockId : '';
    const controller = new AbortController();
    const waiting = api.waitForKnock('room_1', knockId, { signal: controller.signal });
    await until(() => server.parked(knockId) === 1, 'the long-poll to park');
    controller.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    await until(() => server.parked(knockId) === 0, 'the server to see the poll closed');
    const polls = server.requests.filter((r) => r.path.endsWith(knockId)).length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(server.requests.filter((r) => r.path.endsWith(knockId)).length, polls);
  });

  it('ends the wait on a contract error instead of retrying', async () => {
    const api = client();
    await assert.rejects(api.waitForKnock('room_1', 'no-such-knock', { signal: cleanup.signal }), {
      code: 'NOT_FOUND',
    });
  });
});
