import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { CallSupportProblem } from '../../src/core/call-support.js';
import type { Room } from 'livekit-client';
import type { CallConnection, CallConnector, CallEvents, ConnectRequest, PublishRequest } from '../../src/core/call.js';
import type { LiveKit } from '../../src/core/livekit-connection.js';
import { LiveKitConnection } from '../../src/core/livekit-connection.js';
import { RoomSession, type RoomSessionOptions } from '../../src/core/room-session.js';
import type { RoomSnapshot, SessionStatus } from '../../src/core/snapshot.js';
import { FakeEndpoint, memoryStorage, roomView, until } from './fake-endpoint.js';
import { participant } from '../../src/testing/fixtures.js';

/** Stands in for livekit-client: records what the session asks of the call and lets a test push call events. */
class FakeConnection implements CallConnection {
  localIdentity = '';
  published: PublishRequest[] = [];
  disconnects = 0;
  attached: string[] = [];
  async publish(request: PublishRequest) {
    this.published.push(request);
  }
  async setMicrophoneEnabled() {}
  async setCameraEnabled() {}
  async setScreenShareEnabled(enabled: boolean) {
    return enabled;
  }
  async switchDevice() {}
  hands: (string | null)[] = [];
  stops = 0;
  async setHandRaised(raisedAt: string | null) {
    this.hands.push(raisedAt);
  }
  async stopPublishing() {
    this.stops += 1;
  }
  attach(trackSid: string) {
    this.attached.push(trackSid);
    return () => {};
  }
  async disconnect() {
    this.disconnects += 1;
  }
}

class FakeConnector implements CallConnector {
  support?: () => CallSupportProblem | null;
  preloads = 0;
  warmed: string[] = [];
  connects: ConnectRequest[] = [];
  events: CallEvents | null = null;
  connection = new FakeConnection();
  failWith: Error | null = null;
  disposed = false;
  prepared = 0;
  preload() {
    this.preloads += 1;
  }
  prepareRoom() {
    this.prepared += 1;
  }
  warm(serverUrl: string) {
    this.warmed.push(serverUrl);
  }
  /** Holds connect() open until settled (the SDK reports a roster before its connect resolves). */
  hold: Promise<void> | null = null;
  async connect(request: ConnectRequest, events: CallEvents) {
    this.connects.push(request);
    if (this.failWith) throw this.failWith;
    this.events = events;
    await this.hold;
    return this.connection;
  }
  dispose() {
    this.disposed = true;
  }
}

/** A promise a test settles when it wants to. */
function gate<T = void>(): { promise: Promise<T>; open(value: T): void; fail(error: Error): void } {
  let open!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/** A local camera or microphone track as livekit-client has it: its source, and whether it was stopped. */
class FakeSdkTrack {
  stopped = false;
  constructor(readonly source: 'camera' | 'microphone') {}
  get kind(): 'video' | 'audio' {
    return this.source === 'camera' ? 'video' : 'audio';
  }
  stop() {
    this.stopped = true;
  }
}

/**
 * livekit-client's local participant, as far as publishing goes, for the real `LiveKitConnection`: enabling a source
 * opens its track (`createTracks`, which a test may hold open with `devices`) and publishes it (`publishTrack`, which
 * a test may hold with `publishing` or fail with `failPublish`). As the SDK does when it defers a publication it cannot
 * send (the room is gone), a held or failed publication does not stop its track: the SDK only does after a 15 s
 * timeout, which the fake never reaches.
 */
class FakeSdkParticipant {
  identity = 'id-participant';
  name = 'Ada';
  isLocal = true;
  attributes: Record<string, string> = {};
  connectionQuality = 'good';
  isSpeaking = false;
  audioLevel = 0;
  joinedAt = undefined;
  readonly trackPublications = new Map<
    string,
    { trackSid: string; source: string; isMuted: boolean; track?: unknown }
  >();
  readonly opened: FakeSdkTrack[] = [];
  readonly publishCalls: FakeSdkTrack[] = [];
  devices: Promise<void> | null = null;
  publishing: Promise<void> | null = null;
  failPublish = new Set<string>();

  async createTracks(options: { audio?: unknown; video?: unknown }): Promise<FakeSdkTrack[]> {
    await this.devices;
    const tracks = [options.audio ? new FakeSdkTrack('microphone') : new FakeSdkTrack('camera')];
    this.opened.push(...tracks);
    return tracks;
  }
  async createScreenTracks(): Promise<FakeSdkTrack[]> {
    return [];
  }
  async publishTrack(track: FakeSdkTrack) {
    this.publishCalls.push(track);
    await this.publishing;
    if (this.failPublish.has(track.source)) throw new Error(`could not publish the ${track.source}`);
    const publication = { trackSid: `TR_${track.source}`, source: track.source, isMuted: false, track };
    this.trackPublications.set(publication.trackSid, publication);
    return publication;
  }
  async #enable(source: 'camera' | 'microphone') {
    const tracks = await this.createTracks(source === 'camera' ? { video: true } : { audio: true });
    return (await Promise.all(tracks.map((track) => this.publishTrack(track))))[0];
  }
  setMicrophoneEnabled(enabled: boolean) {
    return enabled ? this.#enable('microphone') : Promise.resolve(undefined);
  }
  setCameraEnabled(enabled: boolean) {
    return enabled ? this.#enable('camera') : Promise.resolve(undefined);
  }
  /** The SDK stops what it has published when the room disconnects, and forgets it. */
  unpublishAll() {
    for (const publication of this.trackPublications.values()) (publication.track as FakeSdkTrack).stop();
    this.trackPublications.clear();
  }
}

class FakeSdkRoom {
  readonly localParticipant = new FakeSdkParticipant();
  readonly remoteParticipants = new Map();
  activeSpeakers = [];
  metadata = '';
  disconnected = false;
  listeners = 0;
  on() {
    this.listeners += 1;
    return this;
  }
  removeAllListeners() {
    this.listeners = 0;
    return this;
  }
  // The connection listens for captions on a text stream (caption-stream.ts); none come here.
  registerTextStreamHandler() {}
  unregisterTextStreamHandler() {}
  async disconnect() {
    this.disconnected = true;
    this.localParticipant.unpublishAll();
  }
  /** Tracks opened for the call that are still running (the camera light). */
  get liveTracks(): FakeSdkTrack[] {
    return this.localParticipant.opened.filter((track) => !track.stopped);
  }
}

/** The SDK's enums as the connection reads them: every member is its own name. */
const names = new Proxy({}, { get: (_target, key) => key });
const FAKE_SDK = {
  RoomEvent: names,
  DisconnectReason: names,
  Track: {
    Kind: { Video: 'video', Audio: 'audio' },
    Source: {
      Camera: 'camera',
      Microphone: 'microphone',
      ScreenShare: 'screen_share',
      ScreenShareAudio: 'screen_share_audio',
    },
  },
} as unknown as LiveKit;

/** The real `LiveKitConnection` over a fake SDK room: the session and the connection together, with no browser. */
class SdkConnector implements CallConnector {
  readonly room = new FakeSdkRoom();
  released = 0;
  preload() {}
  warm() {}
  async connect(request: ConnectRequest, events: CallEvents) {
    return new LiveKitConnection(FAKE_SDK, this.room as unknown as Room, events, request.role, () => {
      this.released += 1;
    });
  }
  dispose() {}
}

describe('RoomSession', { timeout: 30_000 }, () => {
  const server = new FakeEndpoint();
  let base = '';
  let fetches: string[] = [];
  let connector: FakeConnector;
  let session: RoomSession;
  let statuses: SessionStatus[];
  let snapshots: RoomSnapshot[];

  const recordingFetch: typeof fetch = (input, init) => {
    fetches.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return fetch(input, init);
  };

  const start = (options: Partial<RoomSessionOptions> = {}) => {
    session = new RoomSession({
      endpoint: base,
      fetch: recordingFetch,
      connector,
      storage: memoryStorage(),
      retryDelaysMs: [20],
      ...options,
    });
    statuses = [];
    snapshots = [];
    session.subscribe((next, previous) => {
      snapshots.push(next);
      if (next.status !== previous.status) statuses.push(next.status);
    });
    return session;
  };

  before(async () => {
    base = await server.start();
  });
  after(() => server.stop());
  // Disposing aborts any long-poll a failing test left behind.
  afterEach(() => session?.dispose());
  beforeEach(() => {
    globalThis.__HASHDROP_DEV__ = true;
    server.room = roomView();
    server.join = { kind: 'pending' };
    server.requests.length = 0;
    fetches = [];
    connector = new FakeConnector();
  });

  const waitFor = (status: SessionStatus) => until(() => session.snapshot.status === status, `status ${status}`);

  it('prepare resolves the room through the endpoint and shows pre-join, preparing the call meanwhile', async () => {
    start();
    await session.prepare('stellar phoenix');
    assert.deepEqual(statuses, ['pre-join']);
    assert.equal(session.snapshot.room?.id, 'room_1');
    assert.equal(session.snapshot.roomRef, 'stellar phoenix');
    await until(() => connector.preloads === 1, 'the SDK preloaded once pre-join is up');
    await until(() => connector.prepared === 1, 'the Room made once pre-join is up, so Join only connects');
    assert.ok(
      fetches.some((f) => f.endsWith('/rooms/STELLAR-PHOENIX')),
      'the typed code is normalised',
    );
    session.dispose();
  });

  it('an unknown room gives an error state with the endpoint code', async () => {
    start();
    await session.prepare('QUIET-OTTER');
    assert.deepEqual(statuses, ['error']);
    assert.equal(session.snapshot.error?.code, 'NOT_FOUND');
    session.dispose();
  });

  it('without endpoint or token endpoint, says which attribute is missing', async () => {
    start({ endpoint: undefined });
    await session.prepare('STELLAR-PHOENIX');
    assert.equal(session.snapshot.status, 'error');
    assert.equal(session.snapshot.error?.code, 'INVALID_ATTRIBUTE');
    assert.equal(session.snapshot.error?.attribute, 'endpoint');
  });

  it('a waiting guest has the call prepared while it waits, with no token and no connection', async () => {
    start();
    await session.prepare('STELLAR-PHOENIX');
    void session.join('Ada');
    await waitFor('waiting');
    const lobby = session.snapshot.lobby!;
    await until(() => server.parked(lobby.knockId) === 1, 'the knock long-poll');
    // Made on pre-join already (once it was painted), and asked for again on entering the lobby: made either way.
    assert.ok(connector.prepared >= 1, 'the room is made while the host decides');
    assert.deepEqual(connector.warmed, ['ws://127.0.0.1:7880'], 'the way to LiveKit is warmed: no token needed');
    assert.equal(connector.connects.length, 0);
    await session.cancelWaiting();
  });

  it('lobby path: join → waiting → admitted → connecting → in-room, warmed while waiting', async () => {
    start();
    await session.prepare('STELLAR-PHOENIX');
    const joining = session.join('  Ada Lovelace  ');
    await waitFor('waiting');
    const lobby = session.snapshot.lobby;
    assert.ok(lobby, 'lobby info while waiting');
    assert.equal(lobby.reason, 'WAITING_ROOM_PENDING');
    assert.equal(session.snapshot.displayName, 'Ada Lovelace');
    await until(() => server.parked(lobby.knockId) === 1, 'the knock long-poll');
    assert.equal(connector.connects.length, 0, 'no media connection while waiting');

    // Let in: the knock stays while the call connects (the lobby screen says so), and goes once the call is up.
    const knockWhileConnecting: unknown[] = [];
    const publishedWhenInRoom: number[] = [];
    session.subscribe((next, previous) => {
      if (next.status === 'connecting' && previous.status === 'waiting') knockWhileConnecting.push(next.lobby?.knockId);
      // Read once the update's own microtasks (a view's render) have run.
      if (next.status === 'in-room')
        queueMicrotask(() => publishedWhenInRoom.push(connector.connection.published.length));
    });
    server.settle(lobby.knockId, 'admitted');
    await joining;
    assert.deepEqual(statuses, ['pre-join', 'connecting', 'waiting', 'connecting', 'in-room']);
    assert.deepEqual(knockWhileConnecting, [lobby.knockId]);
    assert.deepEqual(connector.warmed, ['ws://127.0.0.1:7880'], 'once, in the lobby, not again at the connect');
    assert.deepEqual(connector.connects, [
      {
        serverUrl: 'ws://127.0.0.1:7880',
        token: 'lk-token-participant',
        role: 'participant',
        maxChatFileBytes: 15_000_000,
      },
    ]);
    const s = session.snapshot;
    assert.equal(s.lobby, null);
    assert.equal(s.identity, 'id-participant');
    assert.equal(s.role, 'participant');
    // In the call first, so its screen renders; the camera and microphone are published in the next task.
    assert.deepEqual(publishedWhenInRoom, [0]);
    await until(() => connector.connection.published.length === 1, 'initial publish');
    assert.deepEqual(connector.connection.published[0], {
      audio: true,
      video: true,
      microphoneDeviceId: null,
      cameraDeviceId: null,
      // No preview in Node (no getUserMedia): nothing to hand over.
      preview: null,
      background: 'none',
    });
    // The join request carried the trimmed name.
    const joinRequest = server.requests.find((r) => r.path.endsWith('/join'));
    assert.deepEqual(joinRequest?.body, { displayName: 'Ada Lovelace' });
    session.dispose();
    assert.equal(connector.connection.disconnects, 1);
    assert.equal(connector.disposed, true);
  });

  it('lobby path: a denied knock ends in denied and never connects', async () => {
    start();
    await session.prepare('STELLAR-PHOENIX');
    const joining = session.join('Bo');
    await waitFor('waiting');
    server.settle(session.snapshot.lobby!.knockId, 'denied');
    await joining;
    assert.deepEqual(statuses, ['pre-join', 'connecting', 'waiting', 'denied']);
    assert.equal(session.snapshot.lobby, null);
    assert.equal(connector.connects.length, 0);
    session.dispose();
  });

  it('a DENIED answer to the join itself goes straight to denied', async () => {
    server.join = { kind: 'error', status: 403, code: 'DENIED', message: 'You were turned away.' };
    start();
    await session.prepare('STELLAR-PHOENIX');
    await session.join('Bo');
    assert.deepEqual(statuses, ['pre-join', 'connecting', 'denied']);
    session.dispose();
  });

  it('a browser that cannot make calls gets pre-join with the reason, and Join asks nothing of the endpoint', async () => {
    connector.support = () => 'no-webrtc';
    start();
    await session.prepare('STELLAR-PHOENIX');
    assert.equal(session.snapshot.status, 'pre-join');
    assert.equal(session.snapshot.room?.code, 'STELLAR-PHOENIX');
    assert.equal(session.snapshot.error?.code, 'BROWSER_UNSUPPORTED');
    assert.equal(session.snapshot.error?.support, 'no-webrtc');
    await session.join('Bo');
    await session.requestDevices();
    assert.equal(session.snapshot.status, 'pre-join');
    assert.equal(server.requests.filter((r) => r.path.endsWith('/join')).length, 0);
    assert.equal(connector.connects.length, 0);
    session.dispose();
  });

  it('a connection that cannot be set up is told apart from a server that is down and a full call', async () => {
    server.join = { kind: 'admitted' };
    const failures: Array<[Error, string]> = [
      [
        Object.assign(new Error('could not establish pc connection'), { name: 'ConnectionError', reason: 5 }),
        'CONNECTION_FAILED',
      ],
      [Object.assign(new Error('failed to fetch'), { name: 'ConnectionError', reason: 1 }), 'LIVEKIT_UNAVAILABLE'],
      [
        Object.assign(new Error('room has exceeded its max participants'), { name: 'ConnectionError', reason: 0 }),
        'ROOM_FULL',
      ],
    ];
    for (const [error, code] of failures) {
      connector.failWith = error;
      start();
      await session.prepare('STELLAR-PHOENIX');
      await session.join('Bo');
      assert.equal(session.snapshot.status, 'error');
      assert.equal(session.snapshot.error?.code, code, error.message);
      session.dispose();
    }
  });

  it('a connection LiveKit refuses because the call filled up meanwhile is told as a full call', async () => {
    server.join = { kind: 'admitted' };
    // LiveKit's refusal past its cap is a bare handshake failure; by then the endpoint counts the call as full.
    connector.failWith = Object.assign(new Error('Encountered unknown websocket error during connection'), {
      name: 'ConnectionError',
      reason: 0,
    });
    const connect = connector.connect.bind(connector);
    connector.connect = (request, events) => {
      server.join = { kind: 'error', status: 409, code: 'ROOM_FULL', message: 'The call is full (5 people).' };
      return connect(request, events);
    };
    start();
    await session.prepare('STELLAR-PHOENIX');
    await session.join('Bo');
    assert.equal(session.snapshot.status, 'error');
    assert.deepEqual(session.snapshot.error, { code: 'ROOM_FULL', message: 'The call is full (5 people).' });
    assert.equal(server.requests.filter((r) => r.path.endsWith('/join')).length, 2);
    session.dispose();
  });

  it('a full room is an error state with the code and message', async () => {
    server.join = { kind: 'error', status: 409, code: 'ROOM_FULL', message: 'The room is full.' };
    start();
    await session.prepare('STELLAR-PHOENIX');
    await session.join('Bo');
    assert.deepEqual(statuses, ['pre-join', 'connecting', 'error']);
    assert.deepEqual(session.snapshot.error, { code: 'ROOM_FULL', message: 'The room is full.' });
    session.dispose();
  });

  it('admitted straight away (a host) connects without waiting and loads knocks', async () => {
    server.join = { kind: 'admitted', role: 'host' };
    server.knocks = [
      {
        knockId: 'k1',
        displayName: 'Cy',
        identity: 'cy',
        createdAt: '2026-01-01T00:00:00Z',
        reason: 'WAITING_ROOM_PENDING',
      },
    ];
    start();
    await session.prepare('STELLAR-PHOENIX');
    await session.join('Host');
    assert.deepEqual(statuses, ['pre-join', 'connecting', 'in-room']);
    assert.equal(session.snapshot.role, 'host');
    await until(() => session.snapshot.knocks.length === 1, 'knocks fetched on entering');

    // Live lobby events from the server add and remove knocks.
    connector.events!.lobby({
      type: 'knock',
      knock: {
        knockId: 'k2',
        displayName: 'Di',
        identity: 'di',
        createdAt: '2026-01-01T00:00:01Z',
        reason: 'WAITING_ROOM_PENDING',
      },
    });
    assert.deepEqual(
      session.snapshot.knocks.map((k) => k.knockId),
      ['k1', 'k2'],
    );
    connector.events!.lobby({ type: 'settled', knockId: 'k1', outcome: 'cancelled' });
    assert.deepEqual(
      session.snapshot.knocks.map((k) => k.knockId),
      ['k2'],
    );
    await session.admit('k2');
    assert.deepEqual(session.snapshot.knocks, []);
    assert.ok(server.requests.some((r) => r.method === 'POST' && r.path.endsWith('/knocks/k2/admit')));
    server.knocks = [];
    session.dispose();
  });

  it('maps call events: reconnecting ↔ in-room, host ended → ended(host-ended)', async () => {
    server.join = { kind: 'admitted' };
    start();
    await session.prepare('STELLAR-PHOENIX');
    await session.join('Ada');
    const events = connector.events!;
    events.roster(
      [
        {
          identity: 'id-participant',
          name: 'Ada',
          isLocal: true,
          role: 'participant',
          isSpeaking: false,
          audioLevel: 0,
          connectionQuality: 'good',
          handRaisedAt: null,
          camera: null,
          microphone: null,
          screenShare: null,
          joinedAt: null,
        },
      ],
      null,
    );
    assert.equal(session.snapshot.participants.length, 1);
    events.reconnecting();
    events.reconnected();
    // A guest's lobby event must not show up (only hosts track knocks).
    events.lobby({
      type: 'knock',
      knock: { knockId: 'kx', displayName: 'X', identity: 'x', createdAt: 'now', reason: 'WAITING_ROOM_PENDING' },
    });
    assert.deepEqual(session.snapshot.knocks, []);
    events.control({ type: 'ended', reason: 'host-ended' });
    await until(() => connector.connection.disconnects === 1, 'the call to be left');
    assert.deepEqual(statuses, ['pre-join', 'connecting', 'in-room', 'reconnecting', 'in-room', 'ended']);
    assert.equal(session.snapshot.endedReason, 'host-ended');
    assert.deepEqual(session.snapshot.participants, []);
    session.dispose();
  });

  it('chat from others is kept in order, though the history it goes to comes only with the first message', async () => {
    server.join = { kind: 'admitted' };
    start();
    await session.prepare('STELLAR-PHOENIX');
    await session.join('Ada');
    const from = { identity: 'id-bo', name: 'Bo' };
    connector.events!.chat({ type: 'text', id: 't1', from, sentAt: 1, text: 'one' });
    connector.events!.chat({ type: 'text', id: 't2', from, sentAt: 2, text: 'two' });
    assert.equal(session.snapshot.chat.length, 0, 'the history is still on its way');
    await until(() => session.snapshot.chat.length === 2, 'both messages in the history');
    assert.deepEqual(
      session.snapshot.chat.map((message) => message.text),
      ['one', 'two'],
    );
  });

  it('stage roles: the audience starts with nothing on; demote stops publishing; promote turns nothing on', async () => {
    server.join = { kind: 'admitted', role: 'audience' };
    start();
    await session.prepare('STELLAR-PHOENIX');
    await session.join('Ada');
    await until(() => !session.snapshot.micEnabled, 'the audience’s wishes switched off');
    assert.equal(session.snapshot.cameraEnabled, false);
    assert.deepEqual(connector.connection.published, [], 'the audience publishes nothing');
    const local = (role: 'audience' | 'speaker', microphone: { muted: boolean } | null = null) => ({
      identity: 'id-audience',
      name: 'Ada',
      isLocal: true,
      role,
      isSpeaking: false,
      audioLevel: 0,
      connectionQuality: 'good' as const,
      handRaisedAt: null,
      camera: null,
      microphone: microphone && { sid: 'TR_mic', source: 'microphone' as const, subscribed: true, ...microphone },
      screenShare: null,
      joinedAt: null,
    });
    connector.events!.control({ type: 'role-changed', identity: 'id-audience', role: 'speaker' });
    assert.equal(session.snapshot.role, 'speaker');
    assert.equal(session.snapshot.micEnabled, false, 'promoted: nothing turns on by itself');
    await session.setMicrophoneEnabled(true);
    connector.events!.roster([local('speaker', { muted: false })], null);
    // A host mutes the microphone: the server mutes the track, and the toggle follows.
    connector.events!.roster([local('speaker', { muted: true })], null);
    assert.equal(session.snapshot.micEnabled, false);
    await session.setMicrophoneEnabled(true);
    connector.events!.roster([local('speaker', { muted: false })], null);
    assert.equal(session.snapshot.micEnabled, true, 'they can unmute themselves');
    // Demoted through the roster (the role attribute): local tracks stop, wishes go off.
    connector.events!.roster([local('audience')], null);
    assert.equal(session.snapshot.role, 'audience');
    assert.equal(session.snapshot.micEnabled, false);
    assert.equal(connector.connection.stops, 1);
    connector.events!.control({ type: 'role-changed', identity: 'id-audience', role: 'audience' });
    assert.equal(connector.connection.stops, 1, 'already audience: nothing to stop again');
    // The audience cannot be asked to unmute; a speaker can, and only their own answer turns the microphone on.
    connector.events!.control({ type: 'unmute-requested', identity: 'id-audience' });
    assert.equal(session.snapshot.unmuteRequested, false);
    connector.events!.control({ type: 'role-changed', identity: 'id-audience', role: 'speaker' });
    connector.events!.control({ type: 'unmute-requested', identity: 'id-audience' });
    assert.equal(session.snapshot.unmuteRequested, true);
    assert.equal(session.snapshot.micEnabled, false, 'asked, not turned on');
    await session.answerUnmuteRequest(false);
    assert.deepEqual([session.snapshot.unmuteRequested, session.snapshot.micEnabled], [false, false]);
    connector.events!.control({ type: 'unmute-requested', identity: 'id-audience' });
    await session.answerUnmuteRequest(true);
    assert.deepEqual([session.snapshot.unmuteRequested, session.snapshot.micEnabled], [false, true]);
    session.dispose();
  });

  it('raise hand, a host lowering it, and policy changes during the call', async () => {
    server.join = { kind: 'admitted' };
    start();
    await session.prepare('STELLAR-PHOENIX');
    await session.join('Ada');
    await session.setHandRaised(true);
    const raisedAt = session.snapshot.handRaisedAt;
    assert.ok(raisedAt && !Number.isNaN(Date.parse(raisedAt)));
    // The endpoint writes the hand: participants may not write their own attributes.
    const handRequests = server.requests.filter((r) => r.path.endsWith('/hand'));
    assert.deepEqual(
      handRequests.map((r) => r.body),
      [{ raised: true }],
    );
    assert.equal(raisedAt, server.handRaisedAt, 'the time the endpoint holds');
    assert.deepEqual(connector.connection.hands, [], 'nothing written through the connection');
    await session.setHandRaised(true);
    assert.equal(session.snapshot.handRaisedAt, raisedAt, 'raising again keeps the original time (the queue order)');
    const me = {
      identity: 'id-participant',
      name: 'Ada',
      isLocal: true,
      role: 'participant' as const,
      isSpeaking: false,
      audioLevel: 0,
      connectionQuality: 'good' as const,
      camera: null,
      microphone: null,
      screenShare: null,
      joinedAt: null,
    };
    connector.events!.roster([{ ...me, handRaisedAt: raisedAt }], null);
    connector.events!.roster([{ ...me, handRaisedAt: null }], null);
    assert.equal(session.snapshot.handRaisedAt, null, 'a host lowered it');
    connector.events!.control({
      type: 'policy-changed',
      policy: { ...session.snapshot.room!.policy, audienceChat: false },
    });
    assert.equal(session.snapshot.room!.policy.audienceChat, false);
    session.dispose();
  });

  it('removal of this participant ends with kicked; of someone else changes nothing', async () => {
    server.join = { kind: 'admitted' };
    start();
    await session.prepare('STELLAR-PHOENIX');
    await session.join('Ada');
    connector.events!.control({ type: 'removed', identity: 'someone-else', reason: 'kicked' });
    assert.equal(session.snapshot.status, 'in-room');
    connector.events!.control({ type: 'removed', identity: 'id-participant', reason: 'kicked' });
    assert.equal(session.snapshot.status, 'ended');
    assert.equal(session.snapshot.endedReason, 'kicked');
    session.dispose();
  });

  it('a bad display name gives a clear error and sends nothing', async () => {
    start();
    await session.prepare('STELLAR-PHOENIX');
    const before = server.requests.length;
    await session.join('   ');
    assert.equal(session.snapshot.status, 'pre-join');
    assert.deepEqual(session.snapshot.error, {
      code: 'VALIDATION_FAILED',
      field: 'displayName',
      message: 'Enter a name.',
    });
    await session.join('x'.repeat(65));
    assert.match(session.snapshot.error?.message ?? '', /at most 64/);
    await session.join('bad\u0007name');
    assert.match(session.snapshot.error?.message ?? '', /control characters/);
    assert.equal(server.requests.length, before, 'no join request for an invalid name');
    // Fixing the name clears the error.
    server.join = { kind: 'admitted' };
    await session.join('Ada');
    assert.equal(session.snapshot.error, null);
    assert.equal(session.snapshot.status, 'in-room');
    session.dispose();
  });

  it('cancelWaiting withdraws the knock and returns to pre-join', async () => {
    start();
    await session.prepare('STELLAR-PHOENIX');
    const joining = session.join('Ada');
    await waitFor('waiting');
    const knockId = session.snapshot.lobby!.knockId;
    await until(() => server.parked(knockId) === 1, 'the knock long-poll');
    await session.cancelWaiting();
    await joining;
    assert.deepEqual(statuses, ['pre-join', 'connecting', 'waiting', 'pre-join']);
    assert.ok(server.requests.some((r) => r.method === 'DELETE' && r.path.endsWith(`/knocks/${knockId}`)));
    await until(() => server.parked(knockId) === 0, 'the long-poll to be dropped');
    session.dispose();
  });

  it('a LiveKit failure after admission is an error state, not a hang', async () => {
    server.join = { kind: 'admitted' };
    connector.failWith = new Error('could not establish signal connection');
    start();
    await session.prepare('STELLAR-PHOENIX');
    await session.join('Ada');
    assert.deepEqual(statuses, ['pre-join', 'connecting', 'error']);
    // An error that does not say the server was unreachable is a connection that could not be set up.
    assert.equal(session.snapshot.error?.code, 'CONNECTION_FAILED');
    session.dispose();
  });

  it('createRoom keeps the host key and lands on pre-join', async () => {
    start();
    await session.createRoom({ name: 'Stand-up' });
    assert.deepEqual(statuses, ['pre-join']);
    assert.equal(session.snapshot.hostKey, 'host-key-0123456789abcdef');
    assert.equal(session.snapshot.roomRef, 'STELLAR-PHOENIX');
    assert.deepEqual(server.requests.at(-1)?.body, { name: 'Stand-up' });
    session.dispose();
  });

  it('a host key option is redeemed on prepare', async () => {
    start({ hostKey: 'host-key-0123456789abcdef' });
    await session.prepare('STELLAR-PHOENIX');
    assert.equal(session.snapshot.room?.youAreHost, true);
    assert.ok(server.requests.some((r) => r.path.endsWith('/claim-host')));
    session.dispose();
  });

  it('leave from the call ends with left; every snapshot is a new frozen object', async () => {
    server.join = { kind: 'admitted' };
    start({ audio: false });
    await session.prepare('STELLAR-PHOENIX');
    await session.join('Ada');
    // The initial publish follows in a task of its own, after the call screen's update.
    await until(() => connector.connection.published.length === 1, 'initial publish');
    await session.leave();
    assert.equal(session.snapshot.status, 'ended');
    assert.equal(session.snapshot.endedReason, 'left');
    assert.equal(connector.connection.disconnects, 1);
    assert.equal(connector.connection.published[0]?.audio, false, 'the audio option is the initial mic wish');
    assert.equal(new Set(snapshots).size, snapshots.length);
    assert.ok(snapshots.every((s) => Object.isFrozen(s)));
    // Rejoin from ended goes back through pre-join.
    await session.join('Ada');
    assert.deepEqual(statuses.slice(-4), ['ended', 'pre-join', 'connecting', 'in-room']);
    session.dispose();
  });

  it('token-endpoint mode: no lobby, credentials from the TokenSource format', async () => {
    const bodies: unknown[] = [];
    const tokenFetch: typeof fetch = async (_input, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify({ server_url: 'wss://lk.example', participant_token: 'jwt-1' }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    start({ endpoint: undefined, tokenEndpoint: 'https://tokens.example/token', fetch: tokenFetch });
    await session.prepare('standup');
    await session.join('Ada');
    assert.deepEqual(statuses, ['pre-join', 'connecting', 'in-room']);
    assert.deepEqual(bodies, [{ room_name: 'standup', participant_name: 'Ada' }]);
    assert.deepEqual(connector.connects[0], {
      serverUrl: 'wss://lk.example',
      token: 'jwt-1',
      role: 'participant',
      maxChatFileBytes: 15_000_000,
    });
    session.dispose();
  });

  it('a view that asks for a video while the call is connecting gets it once the connection is there', async () => {
    server.join = { kind: 'admitted' };
    start();
    const connecting = gate();
    connector.hold = connecting.promise;
    await session.prepare('STELLAR-PHOENIX');
    const joined = session.join('Ada');
    await until(() => connector.events !== null, 'the connection under way');
    // The roster arrives before connect() resolves; a view outside the room renders it and attaches the video.
    connector.events!.roster([participant(0, { isLocal: true }), participant(1)], null);
    const detach = session.attach('TR_cam_1', {} as HTMLMediaElement);
    assert.deepEqual(connector.connection.attached, []);
    connecting.open();
    await joined;
    assert.deepEqual(connector.connection.attached, ['TR_cam_1']);
    detach();
    session.dispose();
  });

  it('given credentials (the recorder page): straight into the call with them, nothing fetched, nothing published', async () => {
    let fetched = 0;
    const countingFetch: typeof fetch = async () => {
      fetched++;
      return new Response('{}');
    };
    start({
      endpoint: undefined,
      credentials: { serverUrl: 'wss://lk.example', participantToken: 'egress-jwt' },
      audio: false,
      video: false,
      fetch: countingFetch,
    });
    await session.prepare('recording');
    await session.join('Recorder');
    assert.deepEqual(statuses, ['pre-join', 'connecting', 'in-room']);
    assert.equal(connector.connects[0]?.serverUrl, 'wss://lk.example');
    assert.equal(connector.connects[0]?.token, 'egress-jwt');
    assert.equal(fetched, 0);
    assert.equal(session.snapshot.capabilities.record, false);
    const published = connector.connection.published[0];
    assert.ok(!published || (!published.audio && !published.video), 'no microphone or camera');
    session.dispose();
  });

  it('says in the snapshot what it can do: everything with our endpoint, no host actions with a token endpoint', async () => {
    start();
    assert.deepEqual(session.snapshot.capabilities, {
      chat: true,
      raiseHand: true,
      react: true,
      moderate: true,
      updatePolicy: true,
      record: true,
      endForAll: true,
    });
    session.dispose();
    const tokenFetch: typeof fetch = async () =>
      new Response(JSON.stringify({ server_url: 'wss://lk.example', participant_token: 'jwt-1' }), {
        headers: { 'content-type': 'application/json' },
      });
    start({ endpoint: undefined, tokenEndpoint: 'https://tokens.example/token', fetch: tokenFetch });
    const off = { react: false, moderate: false, updatePolicy: false, record: false, endForAll: false };
    assert.deepEqual(session.snapshot.capabilities, { chat: true, raiseHand: true, ...off });
    await session.prepare('standup');
    await session.join('Ada');
    await waitFor('in-room');
    // In the call: chat and the hand follow what the connection can send (the fake writes the hand, sends no chat).
    assert.deepEqual(session.snapshot.capabilities, { chat: false, raiseHand: true, ...off });
    session.dispose();
  });

  describe('the initial publish, with the real LiveKitConnection', () => {
    let sdk: SdkConnector;
    /** Joins over a fake SDK room; `setup` runs before, so the initial publish meets what it arranges. */
    const joinWithSdk = async (setup: (participant: FakeSdkParticipant) => void = () => {}) => {
      sdk = new SdkConnector();
      setup(sdk.room.localParticipant);
      server.join = { kind: 'admitted' };
      start({ connector: sdk });
      await session.prepare('STELLAR-PHOENIX');
      await session.join('Ada');
      assert.equal(session.snapshot.status, 'in-room');
      return sdk.room;
    };

    it('leave while the camera and microphone are being opened stops them as they arrive', async () => {
      const devices = gate();
      const room = await joinWithSdk((participant) => (participant.devices = devices.promise));
      // The session started the initial publish on entering; the devices are still opening.
      await session.leave();
      assert.equal(session.snapshot.status, 'ended');
      assert.equal(room.disconnected, true);
      devices.open();
      await until(() => room.localParticipant.opened.length === 2, 'the devices to open after the leave');
      await until(() => room.liveTracks.length === 0, 'the late tracks to be stopped');
      assert.deepEqual(room.localParticipant.publishCalls, [], 'nothing is published into a call that was left');
      assert.equal(session.snapshot.error, null, 'the cancelled publish is no error to show');
      assert.equal(sdk.released, 1, 'what the SDK keeps outside the room is let go');
    });

    it('leave while the camera and microphone are being published stops them', async () => {
      const publishing = gate();
      const room = await joinWithSdk((participant) => (participant.publishing = publishing.promise));
      await until(() => room.localParticipant.publishCalls.length === 2, 'both tracks on their way out');
      assert.equal(room.liveTracks.length, 2);
      await session.leave();
      // The SDK holds such publications for 15 s before stopping their tracks; the leave does not wait for it.
      assert.deepEqual(room.liveTracks, []);
      publishing.open();
    });

    it('a track whose publish fails is stopped; the other stays published', async () => {
      const room = await joinWithSdk((participant) => participant.failPublish.add('camera'));
      await until(() => session.snapshot.error !== null, 'the failure to be reported');
      assert.equal(session.snapshot.error?.code, 'MEDIA');
      const [microphone, camera] = ['microphone', 'camera'].map((source) =>
        room.localParticipant.opened.find((track) => track.source === source),
      );
      assert.equal(camera?.stopped, true, 'the camera that could not be published is off');
      assert.equal(microphone?.stopped, false, 'the microphone goes on');
      assert.deepEqual([...room.localParticipant.trackPublications.keys()], ['TR_microphone']);
      await session.leave();
      assert.deepEqual(room.liveTracks, []);
    });

    it('dispose cancels the initial publish: nothing is published, nothing stays on', async () => {
      const devices = gate();
      const room = await joinWithSdk((participant) => (participant.devices = devices.promise));
      session.dispose();
      devices.open();
      await until(() => room.localParticipant.opened.length === 2, 'the devices to open after dispose');
      await until(() => room.liveTracks.length === 0, 'the late tracks to be stopped');
      assert.deepEqual(room.localParticipant.publishCalls, []);
      assert.equal(room.disconnected, true);
      assert.equal(room.listeners, 0, 'the room’s listeners are removed');
      assert.equal(sdk.released, 1);
    });
  });

  it('after dispose, actions do nothing and no snapshot is published', async () => {
    start();
    await session.prepare('STELLAR-PHOENIX');
    session.dispose();
    const count = snapshots.length;
    await session.join('Ada');
    await session.setMicrophoneEnabled(false);
    assert.equal(snapshots.length, count);
    assert.equal(server.requests.filter((r) => r.path.endsWith('/join')).length, 0);
  });
});
