/**
 * What operators and load balancers see: `/healthz`, `/readyz`, Prometheus `/metrics` (its own registry per handler,
 * optionally behind a token, nothing personal in it), and the drain a SIGTERM starts — held knock long-polls answered
 * at once, readiness failing — on a real livekit-server with SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { STORE_KINDS, eventually, startStack, stopShared, type Api, type Stack } from './harness.js';

after(() => stopShared());

/** The value of one sample line of the Prometheus text, or null when it is absent. */
function sample(text: string, name: string, labels = ''): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
}

async function metricsText(stack: Stack, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${stack.base}/metrics`, { headers });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
  return response.text();
}

for (const kind of STORE_KINDS) {
  describe(`operations: ${kind}`, () => {
    let stack: Stack;
    let host: Api;
    before(async () => {
      stack = await startStack(kind);
      host = await stack.api.person();
    });
    after(() => stack?.stop());

    test('/healthz and /readyz answer a probe, whatever origin or credential it sends', async () => {
      const probe = { origin: 'https://elsewhere.example', authorization: 'Bearer not-a-credential' };
      const health = await stack.api.request('GET', '/healthz', undefined, probe);
      assert.deepEqual([health.status, health.body], [200, { status: 'ok' }]);
      const ready = await stack.api.request('GET', '/readyz', undefined, probe);
      assert.deepEqual([ready.status, ready.body], [200, { status: 'ready' }]);
    });

    test('metrics count joins by outcome, decisions and held long-polls, and name no room or person', async () => {
      const room = (await host.request('POST', '/rooms', { policy: { waitingRoom: true } })).body.room;
      await host.request('POST', `/rooms/${room.id}/join`, { displayName: 'Host' });
      const guest = await stack.api.person();
      const pending = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Grace Hopper' });
      assert.equal(pending.status, 202);
      const poll = guest.request('GET', `/rooms/${room.id}/knocks/${pending.body.knockId}?wait=20`);
      await eventually('the long-poll counted as waiting', async () => {
        return sample(await metricsText(stack), 'hashdrop_knocks_waiting') === 1;
      });
      const admit = await host.request('POST', `/rooms/${room.id}/knocks/${pending.body.knockId}/admit`);
      assert.equal(admit.status, 200);
      assert.equal((await poll).body.status, 'admitted');

      const text = await metricsText(stack);
      assert.equal(sample(text, 'hashdrop_joins_total', 'outcome="admitted"'), 1);
      assert.equal(sample(text, 'hashdrop_joins_total', 'outcome="waiting"'), 1);
      assert.equal(sample(text, 'hashdrop_knock_decisions_total', 'outcome="admitted"'), 1);
      assert.equal(sample(text, 'hashdrop_knocks_waiting'), 0);
      assert.equal(
        sample(text, 'hashdrop_http_request_duration_seconds_count', 'operation="getKnock",status="200"'),
        1,
      );
      assert.ok(sample(text, 'hashdrop_process_resident_memory_bytes')! > 0, 'process metrics are there');
      for (const secret of [room.id, room.code, guest.userId!, host.userId!, 'Grace Hopper']) {
        assert.ok(!text.includes(secret), `metrics mention ${secret}`);
      }
    });

    test('a refused join is counted under its error code', async () => {
      const room = (await host.request('POST', '/rooms', { policy: { waitingRoom: false } })).body.room;
      await host.request('PATCH', `/rooms/${room.id}`, { status: 'CLOSED' });
      const guest = await stack.api.person();
      const refused = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Late' });
      assert.equal(refused.body.error.code, 'ROOM_CLOSED');
      assert.equal(sample(await metricsText(stack), 'hashdrop_joins_total', 'outcome="ROOM_CLOSED"'), 1);
    });
  });
}

describe('metrics behind a token, two handlers in one process', () => {
  let guarded: Stack;
  let open: Stack;
  before(async () => {
    guarded = await startStack('sqlite', { metrics: { token: 'scrape-token-0123456789' } });
    open = await startStack('sqlite');
  });
  after(async () => {
    await guarded?.stop();
    await open?.stop();
  });

  test('without the token /metrics is 401, with it 200; an identity credential is not the token', async () => {
    const none = await guarded.api.request('GET', '/metrics');
    assert.deepEqual([none.status, none.body.error.code], [401, 'UNAUTHENTICATED']);
    const person = await guarded.api.person();
    const asPerson = await person.request('GET', '/metrics');
    assert.equal(asPerson.status, 401);
    const wrong = await guarded.api.request('GET', '/metrics', undefined, { authorization: 'Bearer scrape-token-X' });
    assert.equal(wrong.status, 401);
    await metricsText(guarded, { authorization: 'Bearer scrape-token-0123456789' });
  });

  test("each handler counts only its own requests (registries of their own, not prom-client's global one)", async () => {
    const person = await open.api.person();
    await person.request('POST', '/rooms/NO-SUCH/join', { displayName: 'Nobody' });
    const openText = await metricsText(open);
    const guardedText = await metricsText(guarded, { authorization: 'Bearer scrape-token-0123456789' });
    assert.equal(sample(openText, 'hashdrop_joins_total', 'outcome="NOT_FOUND"'), 1);
    assert.equal(sample(guardedText, 'hashdrop_joins_total', 'outcome="NOT_FOUND"'), null);
  });
});

describe('drain (what SIGTERM starts)', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack('postgres');
  });
  after(() => stack?.stop());

  test('held long-polls are answered at once with the knock as it stands, asking for a new connection', async () => {
    const host = await stack.api.person();
    const room = (await host.request('POST', '/rooms', { policy: { waitingRoom: true } })).body.room;
    const guest = await stack.api.person();
    const pending = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Waiting' });
    const knockPath = `/rooms/${room.id}/knocks/${pending.body.knockId}`;
    const poll = guest.request('GET', `${knockPath}?wait=25`);
    await eventually('the long-poll is held', () =>
      stack.handler.metrics!.registry.getSingleMetricAsString('hashdrop_knocks_waiting').then((t) => / 1$/m.test(t)),
    );
    await stack.handler.drain();
    const answered = await poll;
    assert.deepEqual(answered.body, { status: 'pending', code: 'WAITING_ROOM_PENDING', knockId: pending.body.knockId });
    assert.equal(answered.headers.get('connection'), 'close');
    // A new wait is not held either, and readiness tells the load balancer to stop sending traffic.
    const again = await guest.request('GET', `${knockPath}?wait=25`);
    assert.equal(again.body.status, 'pending');
    const ready = await stack.api.request('GET', '/readyz');
    assert.deepEqual([ready.status, ready.body.error.code], [503, 'NOT_READY']);
    // Alive all the same, and the decision still lands in the store for the guest's next poll elsewhere.
    assert.equal((await stack.api.request('GET', '/healthz')).status, 200);
    assert.equal((await host.request('POST', `${knockPath}/admit`)).status, 200);
  });
});
