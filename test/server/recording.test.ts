/**
 * Recording against the real livekit-server, which has no Egress service here: a host's start is answered with
 * `RECORDING_UNAVAILABLE` within 5 seconds, nothing is left marked as recording, and no storage credential reaches a
 * response or a log line. Also: who may start, bad input, and an endpoint with recording off.
 *
 * Recording state in the store, from Egress' webhooks on both stores, is egress-webhooks.test.ts'; one store is enough
 * here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AudioSource, dispose, LocalAudioTrack, TrackPublishOptions, TrackSource, type Room } from '@livekit/rtc-node';
import type { IdentityResponse } from '../../src/contract/index.js';
import type { CallConnection, CallConnector, CallEvents } from '../../src/core/call.js';
import { RoomSession } from '../../src/core/room-session.js';
import type { Logger } from '../../src/server/index.js';
import { connect, eventually, startStack, stopShared, type Api, type Stack } from './harness.js';

after(async () => {
  await stopShared();
  await dispose();
});

const SECRET = 'S3-SECRET-must-never-leave-the-server-4711';
const ACCESS_KEY = 'AKIA-ACCESS-KEY-must-stay-4711';

function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    lines.push(JSON.stringify({ level, message, ...fields }));
  return { logger: { info: log('info'), warn: log('warn'), error: log('error') }, lines };
}

describe('recording without an Egress service (real livekit-server)', () => {
  let stack: Stack;
  let host: Api;
  let guest: Api;
  let room: { id: string; code: string };
  let hostClient: Room;
  const { logger, lines } = capturingLogger();
  const bodies: string[] = [];

  before(async () => {
    stack = await startStack('sqlite', {
      logger,
      recording: {
        destination: {
          type: 's3',
          bucket: 'calls',
          region: 'eu-west-1',
          accessKey: ACCESS_KEY,
          secret: SECRET,
        },
      },
    });
    host = await stack.api.person();
    guest = await stack.api.person();
    room = (await host.request('POST', '/rooms', { policy: { waitingRoom: false } })).body.room;
    const join = await host.request('POST', `/rooms/${room.id}/join`, { displayName: 'Host' });
    hostClient = await connect(join.body.serverUrl, join.body.token);
  });
  after(async () => {
    await hostClient?.disconnect();
    await stack.stop();
  });

  let microphone: LocalAudioTrack | null = null;
  /** The host's client publishes a (silent) microphone, so per-track recording has a track to record. */
  async function publishMicrophone(): Promise<void> {
    if (microphone) return;
    microphone = LocalAudioTrack.createAudioTrack('mic', new AudioSource(48000, 1));
    const options = new TrackPublishOptions();
    options.source = TrackSource.SOURCE_MICROPHONE;
    await hostClient.localParticipant!.publishTrack(microphone, options);
    await eventually('the microphone published', async () => {
      const people = await stack.handler.livekit.rooms.listParticipants(room.id);
      return people.some((person) => person.tracks.length > 0);
    });
  }

  async function call(who: Api, method: string, path: string, body?: unknown) {
    const reply = await who.request(method, path, body);
    bodies.push(JSON.stringify(reply.body));
    return reply;
  }

  test('start (tracks) with nothing published is a CONFLICT saying so', async () => {
    const reply = await call(host, 'POST', `/rooms/${room.id}/recording`, { mode: 'tracks' });
    assert.equal(reply.status, 409);
    assert.equal(reply.body.error.code, 'CONFLICT');
    assert.match(reply.body.error.message, /published/);
  });

  for (const mode of ['composite', 'tracks'] as const) {
    test(`start (${mode}) is RECORDING_UNAVAILABLE within 5 seconds, and nothing is left recording`, async () => {
      if (mode === 'tracks') await publishMicrophone();
      const started = performance.now();
      const reply = await call(host, 'POST', `/rooms/${room.id}/recording`, { mode, layout: 'grid' });
      const elapsed = performance.now() - started;
      assert.equal(reply.status, 503);
      assert.equal(reply.body.error.code, 'RECORDING_UNAVAILABLE');
      assert.match(reply.body.error.message, /recording service/i);
      assert.ok(elapsed < 5000, `answered in ${Math.round(elapsed)} ms`);

      const view = (await call(host, 'GET', `/rooms/${room.id}`)).body.room;
      assert.equal(view.recording, false);
      assert.deepEqual(view.recordings, { available: false, items: [] });
      const guestView = (await call(guest, 'GET', `/rooms/${room.id}`)).body.room;
      assert.equal(guestView.recording, false);
      assert.equal(guestView.recordings, undefined, 'only hosts see the files');
      assert.equal(stack.handler.livekit.state(room.id).participants.size, 1, 'the call itself goes on');
      // LiveKit's own room state (what livekit-client's Room.isRecording reads) says not recording either.
      const [lkRoom] = await stack.handler.livekit.rooms.listRooms([room.id]);
      assert.equal(lkRoom?.activeRecording, false);
    });
  }

  test("the host's session: a failed start leaves it not recording and says why; in the call it follows LiveKit's status", async () => {
    // The host's own identity, as the browser keeps it; no media (the call is held open by the rtc-node client).
    const identity = (await host.request<IdentityResponse>('POST', '/identity')).body;
    identity.credential = host.credential!;
    identity.userId = host.userId!;
    // livekit-client is browser-only: this stand-in for it hands the session's call events to the test, which plays
    // LiveKit's room recording status (what livekit-server sets while an Egress job runs).
    let events: CallEvents | null = null;
    const connection: CallConnection = {
      localIdentity: identity.userId,
      publish: async () => {},
      setMicrophoneEnabled: async () => {},
      setCameraEnabled: async () => {},
      setScreenShareEnabled: async () => false,
      switchDevice: async () => {},
      attach: () => () => {},
      disconnect: async () => {},
    };
    const connector: CallConnector = {
      preload() {},
      warm() {},
      connect: async (_request, callEvents) => {
        events = callEvents;
        return connection;
      },
      dispose() {},
    };
    const session = new RoomSession({
      endpoint: stack.base,
      connector,
      audio: false,
      video: false,
      storage: { getItem: () => JSON.stringify(identity), setItem() {}, removeItem() {} },
    });
    try {
      await session.prepare(room.code);
      assert.equal(session.snapshot.status, 'pre-join');
      assert.equal(session.snapshot.recording.active, false);
      const seen: Array<string | null> = [];
      session.subscribe((next) => seen.push(next.recording.pending));
      await session.startRecording({ mode: 'composite', layout: 'spotlight' });
      assert.deepEqual(seen, ['starting', null], 'starting, then settled');
      const { recording } = session.snapshot;
      assert.equal(recording.active, false);
      assert.equal(recording.pending, null);
      assert.equal(recording.startedAt, null);
      assert.equal(recording.error?.code, 'RECORDING_UNAVAILABLE');

      // In the call, the badge follows LiveKit's room recording status.
      await session.join('Host');
      assert.equal(session.snapshot.status, 'in-room');
      assert.equal(session.snapshot.recording.active, false);
      events!.recording!(true);
      assert.equal(session.snapshot.recording.active, true);
      assert.ok(session.snapshot.recording.startedAt, 'the elapsed time starts');
      events!.recording!(false);
      assert.equal(session.snapshot.recording.active, false);
      assert.equal(session.snapshot.recording.startedAt, null);
    } finally {
      session.dispose();
    }
  });

  test('stop answers "not recording" when nothing runs', async () => {
    const reply = await call(host, 'DELETE', `/rooms/${room.id}/recording`);
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, { recording: false, mode: null, layout: null, startedAt: null, egressIds: [] });
  });

  test('only hosts start or stop; bad input is a 422; an empty call is a 409', async () => {
    assert.equal((await call(guest, 'POST', `/rooms/${room.id}/recording`, {})).status, 403);
    assert.equal((await call(guest, 'DELETE', `/rooms/${room.id}/recording`)).status, 403);
    assert.equal((await call(stack.api, 'POST', `/rooms/${room.id}/recording`, {})).status, 401);
    const bad = await call(host, 'POST', `/rooms/${room.id}/recording`, { mode: 'mixtape' });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
    const extra = await call(host, 'POST', `/rooms/${room.id}/recording`, { mode: 'composite', bucket: 'x' });
    assert.equal(extra.status, 422);
    const empty = (await host.request('POST', '/rooms', {})).body.room;
    const notYet = await call(host, 'POST', `/rooms/${empty.id}/recording`, {});
    assert.equal(notYet.status, 409);
    assert.equal(notYet.body.error.code, 'CONFLICT');
  });

  test('end for all still ends the call promptly with recording configured', async () => {
    const other = (await host.request('POST', '/rooms', { policy: { waitingRoom: false } })).body.room;
    const join = await host.request('POST', `/rooms/${other.id}/join`, { displayName: 'Host' });
    const client = await connect(join.body.serverUrl, join.body.token);
    try {
      const reply = await call(host, 'POST', `/rooms/${other.id}/end`);
      assert.equal(reply.status, 200);
    } finally {
      await client.disconnect();
    }
  });

  test('/info lists the recording feature when a destination is set up', async () => {
    const info = await call(stack.api, 'GET', '/info');
    assert.ok(info.body.features.includes('recording'));
  });

  test('no storage credential in any response or log line', () => {
    assert.ok(
      lines.some((line) => line.includes('recording service call failed')),
      'the failure was logged',
    );
    for (const text of [...bodies, ...lines]) {
      assert.ok(!text.includes(SECRET), `secret leaked: ${text.slice(0, 200)}`);
      assert.ok(!text.includes(ACCESS_KEY), `access key leaked: ${text.slice(0, 200)}`);
    }
  });
});

describe('recording switched off', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack('sqlite');
  });
  after(() => stack.stop());

  test('start is RECORDING_UNAVAILABLE with a reason, and rooms carry no recording field', async () => {
    const host = await stack.api.person();
    const room = (await host.request('POST', '/rooms', {})).body.room;
    const reply = await host.request('POST', `/rooms/${room.id}/recording`, {});
    assert.equal(reply.status, 503);
    assert.equal(reply.body.error.code, 'RECORDING_UNAVAILABLE');
    assert.match(reply.body.error.message, /not set up/);
    const view = (await host.request('GET', `/rooms/${room.id}`)).body.room;
    assert.equal(view.recording, undefined);
    assert.ok(!(await host.request('GET', '/info')).body.features.includes('recording'));
  });
});
