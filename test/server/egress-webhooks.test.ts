/**
 * Egress' webhooks, as livekit-server sends them (see egress-events.ts), fed to the endpoint in front of a real
 * livekit-server (which has no Egress here, so its listing is unavailable and the store alone answers) for started,
 * updated, ended and failed jobs, on both stores; plus a second endpoint instance over the same store, and the
 * participants in the call being told.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { dispose, RoomEvent, type Room } from '@livekit/rtc-node';
import { AccessToken, EgressInfo, EgressStatus } from 'livekit-server-sdk';
import { CONTROL_TOPIC, type ControlEvent } from '../../src/contract/index.js';
import { createHashdropHandler, silentLogger } from '../../src/server/index.js';
import {
  compositeInfo,
  deliver,
  S3_SECRET,
  SECONDS,
  STREAM_KEY,
  streamInfo,
  T0,
  webhookBody,
} from './egress-events.js';
import {
  connect,
  eventually,
  serverDataReaches,
  startStack,
  STORE_KINDS,
  stopShared,
  type Api,
  type Stack,
} from './harness.js';

after(async () => {
  await stopShared();
  await dispose();
});

for (const kind of STORE_KINDS) {
  describe(`Egress webhooks (${kind})`, () => {
    let stack: Stack;
    let host: Api;
    let guest: Api;
    const bodies: string[] = [];

    before(async () => {
      stack = await startStack(kind, { recording: { destination: { type: 's3', bucket: 'calls' } } });
      host = await stack.api.person();
      guest = await stack.api.person();
    });
    after(() => stack.stop());

    async function newRoom(): Promise<{ id: string; code: string }> {
      return (await host.request('POST', '/rooms', { policy: { waitingRoom: false } })).body.room;
    }

    async function read(who: Api, roomId: string) {
      const reply = await who.request('GET', `/rooms/${roomId}`);
      assert.equal(reply.status, 200);
      bodies.push(JSON.stringify(reply.body));
      return reply.body.room;
    }

    async function send(event: string, info: EgressInfo): Promise<void> {
      const reply = await deliver(stack, event, info);
      assert.equal(reply.status, 200, await reply.clone().text());
      bodies.push(await reply.text());
    }

    test('egress_started: the room reads as recording, for hosts and guests', async () => {
      const room = await newRoom();
      await send('egress_started', compositeInfo(room.id, 'EG_started', {}));
      const view = await read(host, room.id);
      assert.equal(view.recording, true);
      assert.equal(view.recordingState.active, true);
      assert.equal(view.recordingState.failed, false);
      assert.equal((await read(guest, room.id)).recording, true);
    });

    test('egress_updated (active): the start time is the one Egress reports', async () => {
      const room = await newRoom();
      await send('egress_started', compositeInfo(room.id, 'EG_updated', {}));
      await send(
        'egress_updated',
        compositeInfo(room.id, 'EG_updated', { status: EgressStatus.EGRESS_ACTIVE, startedAt: T0 }),
      );
      const view = await read(host, room.id);
      assert.equal(view.recording, true);
      assert.equal(view.recordingState.startedAt, new Date(Number(T0 / 1_000_000n)).toISOString());
    });

    test('egress_ended (complete): not recording, and nothing failed', async () => {
      const room = await newRoom();
      await send('egress_started', compositeInfo(room.id, 'EG_ended', {}));
      await send(
        'egress_ended',
        compositeInfo(room.id, 'EG_ended', {
          status: EgressStatus.EGRESS_COMPLETE,
          startedAt: T0,
          endedAt: T0 + 60n * SECONDS,
          fileResults: [
            { filename: 'CODE/2027.mp4', location: 'https://calls.s3/CODE/2027.mp4' },
          ] as EgressInfo['fileResults'],
        }),
      );
      const view = await read(host, room.id);
      assert.equal(view.recording, false);
      assert.deepEqual(view.recordingState, { active: false, startedAt: null, failed: false, reason: null });
    });

    test("egress_ended (failed): not recording; hosts get Egress' error, guests only that it failed", async () => {
      const room = await newRoom();
      await send('egress_started', compositeInfo(room.id, 'EG_failed', {}));
      await send(
        'egress_ended',
        compositeInfo(room.id, 'EG_failed', {
          status: EgressStatus.EGRESS_FAILED,
          error: 'could not find element: faac',
          errorCode: 500,
          endedAt: T0 + 3n * SECONDS,
        }),
      );
      const view = await read(host, room.id);
      assert.equal(view.recording, false);
      assert.deepEqual(view.recordingState, {
        active: false,
        startedAt: null,
        failed: true,
        reason: 'could not find element: faac',
      });
      const guestView = await read(guest, room.id);
      assert.deepEqual(guestView.recordingState, { active: false, startedAt: null, failed: true, reason: null });
    });

    test('a late egress_started (after its job ended) does not bring "recording" back', async () => {
      const room = await newRoom();
      await send('egress_ended', compositeInfo(room.id, 'EG_late', { status: EgressStatus.EGRESS_COMPLETE }));
      await send('egress_started', compositeInfo(room.id, 'EG_late', {}));
      assert.equal((await read(host, room.id)).recording, false);
    });

    test('another endpoint instance over the same store (or a restart) reads the same state', async () => {
      const room = await newRoom();
      await send('egress_started', compositeInfo(room.id, 'EG_shared', {}));
      const second = createHashdropHandler({
        livekit: { url: stack.livekit.url, apiKey: stack.livekit.apiKey, apiSecret: stack.livekit.apiSecret },
        store: stack.store,
        secret: 'test-secret-0123456789abcdef',
        rateLimit: false,
        logger: silentLogger,
        recording: { destination: { type: 's3', bucket: 'calls' } },
      });
      const reply = await second(
        new Request(`http://127.0.0.1/api/rooms/${room.id}`, {
          headers: { authorization: `Bearer ${host.credential}` },
        }),
      );
      const view = ((await reply.json()) as { room: { recording: boolean } }).room;
      assert.equal(view.recording, true);
    });

    test('a live stream is told apart from a recording, and its URL and key appear nowhere', async () => {
      const room = await newRoom();
      await send('egress_started', streamInfo(room.id, 'EG_stream', {}));
      let view = await read(host, room.id);
      assert.equal(view.recording, false);
      assert.equal(view.stream.active, true);
      await send(
        'egress_ended',
        streamInfo(room.id, 'EG_stream', {
          status: EgressStatus.EGRESS_FAILED,
          error: `failed to connect to rtmps://live.example.com/app/${STREAM_KEY}: connection refused`,
        }),
      );
      view = await read(host, room.id);
      assert.equal(view.stream.active, false);
      assert.equal(view.stream.failed, true);
      assert.equal(view.stream.reason, 'failed to connect to <url> connection refused');
    });

    test('a webhook with a bad signature is refused and changes nothing', async () => {
      const room = await newRoom();
      const body = webhookBody('egress_started', compositeInfo(room.id, 'EG_forged', {}));
      const token = new AccessToken(stack.livekit.apiKey, 'not-the-secret-0123456789abcdef');
      token.sha256 = createHash('sha256').update(body).digest('base64');
      const reply = await fetch(`${stack.base}/livekit/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() },
        body,
      });
      assert.equal(reply.status, 401);
      assert.equal((await read(host, room.id)).recording, false);
    });

    test('no credential from the egress request in any response', () => {
      for (const text of bodies) {
        assert.ok(!text.includes(S3_SECRET), `secret leaked: ${text.slice(0, 200)}`);
        assert.ok(!text.includes(STREAM_KEY), `stream key leaked: ${text.slice(0, 200)}`);
      }
    });
  });
}

describe('Egress webhooks reach the call', () => {
  let stack: Stack;
  let host: Api;
  let guest: Api;
  const clients: Room[] = [];

  before(async () => {
    stack = await startStack('sqlite', { recording: { destination: { type: 's3', bucket: 'calls' } } });
    host = await stack.api.person();
    guest = await stack.api.person();
  });
  after(async () => {
    for (const client of clients) await client.disconnect();
    await stack.stop();
  });

  test("a failed job: the host is told Egress' reason, a guest only that it failed", async () => {
    const room = (await host.request('POST', '/rooms', { policy: { waitingRoom: false } })).body.room;
    const received = new Map<string, ControlEvent[]>();
    for (const [who, name] of [
      [host, 'host'],
      [guest, 'guest'],
    ] as const) {
      const join = await who.request('POST', `/rooms/${room.id}/join`, { displayName: name });
      const client = await connect(join.body.serverUrl, join.body.token);
      clients.push(client);
      received.set(name, []);
      client.on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => {
        if (topic === CONTROL_TOPIC) received.get(name)!.push(JSON.parse(new TextDecoder().decode(payload)));
      });
      await serverDataReaches(stack, room.id, client);
    }
    await eventually(
      'both in the call',
      async () => (await stack.handler.livekit.fresh(room.id, 0)).participants.size === 2,
    );
    const failed = compositeInfo(room.id, 'EG_told', { status: EgressStatus.EGRESS_FAILED, error: 'no faac' });
    assert.equal((await deliver(stack, 'egress_ended', failed)).status, 200);
    const egressEvent = (name: string) => received.get(name)!.find((event) => event.type === 'egress');
    const toHost = await eventually('the host told', () => egressEvent('host'));
    const toGuest = await eventually('the guest told', () => egressEvent('guest'));
    assert.deepEqual(toHost, {
      type: 'egress',
      kind: 'recording',
      state: { active: false, startedAt: null, failed: true, reason: 'no faac' },
    });
    assert.deepEqual(toGuest, {
      type: 'egress',
      kind: 'recording',
      state: { active: false, startedAt: null, failed: true, reason: null },
    });
  });
});
