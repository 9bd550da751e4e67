/**
 * The real `LiveKitConnection` over a fake livekit-client, for what an admission hands it: the pre-join preview's
 * camera and microphone (published as they are, not opened a second time), and the first remote videos of a join
 * (kept flowing for a moment until the view has drawn their tiles, then paused if no view took them).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Room } from 'livekit-client';
import type { CallEvents } from '../../src/core/call.js';
import { CAMERA_CAPTURE } from '../../src/core/devices.js';
import { LiveKitConnection, type LiveKit } from '../../src/core/livekit-connection.js';
import { until } from './fake-endpoint.js';

/** A browser MediaStreamTrack as far as the connection looks at it. */
class FakeMediaTrack {
  readyState: 'live' | 'ended' = 'live';
  applied: MediaTrackConstraints[] = [];
  constructor(
    readonly kind: 'audio' | 'video',
    readonly deviceId: string,
  ) {}
  getSettings() {
    return { deviceId: this.deviceId };
  }
  getConstraints() {
    return { deviceId: { exact: this.deviceId } };
  }
  stop() {
    this.readyState = 'ended';
  }
  async applyConstraints(constraints: MediaTrackConstraints) {
    this.applied.push(constraints);
  }
}

function fakeStream(...tracks: FakeMediaTrack[]): MediaStream {
  return {
    getTracks: () => tracks,
    getAudioTracks: () => tracks.filter((track) => track.kind === 'audio'),
    getVideoTracks: () => tracks.filter((track) => track.kind === 'video'),
  } as unknown as MediaStream;
}

/** livekit-client's LocalAudioTrack/LocalVideoTrack: wraps a MediaStreamTrack, stops it when stopped. */
class FakeLocalTrack {
  source = 'unknown';
  constructor(
    readonly mediaStreamTrack: FakeMediaTrack,
    readonly constraints: MediaTrackConstraints,
    readonly userProvidedTrack: boolean,
  ) {}
  stop() {
    this.mediaStreamTrack.stop();
  }
}

class FakeParticipant {
  identity = 'me';
  readonly trackPublications = new Map<string, { trackSid: string; source: string; track: unknown }>();
  /** Devices the SDK opened itself (getUserMedia), by source. */
  readonly opened: string[] = [];
  readonly published: FakeLocalTrack[] = [];
  async createTracks(options: { audio?: unknown; video?: unknown }) {
    const kind = options.audio ? 'audio' : 'video';
    this.opened.push(kind);
    const track = new FakeLocalTrack(new FakeMediaTrack(kind, `sdk-${kind}`), {}, false);
    track.source = kind === 'audio' ? 'microphone' : 'camera';
    return [track];
  }
  async createScreenTracks() {
    return [];
  }
  async publishTrack(track: FakeLocalTrack, options: { source: string }) {
    assert.equal(track.source, options.source, 'published under the source it was adopted as');
    this.published.push(track);
    const publication = { trackSid: `TR_${track.source}`, source: track.source, track };
    this.trackPublications.set(publication.trackSid, publication);
    return publication;
  }
  async #enable(kind: 'audio' | 'video') {
    const [track] = await this.createTracks(kind === 'audio' ? { audio: true } : { video: true });
    return this.publishTrack(track!, { source: track!.source });
  }
  setMicrophoneEnabled(enabled: boolean) {
    return enabled ? this.#enable('audio') : Promise.resolve(undefined);
  }
  setCameraEnabled(enabled: boolean) {
    return enabled ? this.#enable('video') : Promise.resolve(undefined);
  }
}

class FakeRoom {
  readonly localParticipant = new FakeParticipant();
  readonly remoteParticipants = new Map();
  activeSpeakers = [];
  metadata = '';
  readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  // Captions arrive as text streams (caption-stream.ts); none come here.
  registerTextStreamHandler() {}
  unregisterTextStreamHandler() {}
  async disconnect() {
    for (const publication of this.localParticipant.trackPublications.values())
      (publication.track as FakeLocalTrack).stop();
  }
}

const names = new Proxy({}, { get: (_target, key) => key });
const FAKE_SDK = {
  RoomEvent: names,
  DisconnectReason: names,
  LocalAudioTrack: FakeLocalTrack,
  LocalVideoTrack: FakeLocalTrack,
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

const events: CallEvents = {
  roster: () => {},
  reconnecting: () => {},
  reconnected: () => {},
  disconnected: () => {},
  lobby: () => {},
  control: () => {},
  chat: () => {},
};

function connect(): { room: FakeRoom; connection: LiveKitConnection } {
  const room = new FakeRoom();
  return { room, connection: new LiveKitConnection(FAKE_SDK, room as unknown as Room, events, 'participant') };
}

describe('LiveKitConnection: media an admission hands over', { timeout: 10_000 }, () => {
  it('publishes the preview’s camera and microphone as they are, opening no device again', async () => {
    const { room, connection } = connect();
    const microphone = new FakeMediaTrack('audio', 'mic-1');
    const camera = new FakeMediaTrack('video', 'cam-1');
    await connection.publish({
      audio: true,
      video: true,
      microphoneDeviceId: 'mic-1',
      cameraDeviceId: 'cam-1',
      preview: fakeStream(microphone, camera),
    });
    const local = room.localParticipant;
    assert.deepEqual(local.opened, [], 'no getUserMedia of its own');
    assert.deepEqual(
      local.published.map((track) => [track.source, track.mediaStreamTrack]),
      [
        ['microphone', microphone],
        ['camera', camera],
      ],
    );
    // As if the SDK had opened them: muting the camera releases it, unmuting reopens the same device.
    assert.ok(local.published.every((track) => !track.userProvidedTrack));
    assert.equal(local.published[1]!.constraints.deviceId, 'cam-1');
    assert.equal(camera.readyState, 'live');
    // The preview already captures at the call's size: a live camera is never reconfigured (Chromium's stopped
    // delivering frames after that on a busy machine), and reopening it after a mute asks for the same size.
    assert.deepEqual(camera.applied, []);
    assert.deepEqual(microphone.applied, []);
    const { width, height, frameRate } = local.published[1]!.constraints;
    assert.deepEqual({ width, height, frameRate }, CAMERA_CAPTURE);
  });

  it('a preview track on another device than the chosen one is stopped and the chosen one opened', async () => {
    const { room, connection } = connect();
    const microphone = new FakeMediaTrack('audio', 'mic-1');
    const camera = new FakeMediaTrack('video', 'cam-old');
    await connection.publish({
      audio: true,
      video: true,
      microphoneDeviceId: 'mic-1',
      cameraDeviceId: 'cam-new',
      preview: fakeStream(microphone, camera),
    });
    assert.equal(camera.readyState, 'ended', 'the old camera is off');
    assert.deepEqual(room.localParticipant.opened, ['video']);
    assert.equal(room.localParticipant.published[0]!.mediaStreamTrack, microphone);
  });

  it('a preview track the wish leaves out is stopped, not published', async () => {
    const { room, connection } = connect();
    const microphone = new FakeMediaTrack('audio', 'mic-1');
    const camera = new FakeMediaTrack('video', 'cam-1');
    await connection.publish({
      audio: true,
      video: false,
      microphoneDeviceId: null,
      cameraDeviceId: null,
      preview: fakeStream(microphone, camera),
    });
    assert.equal(camera.readyState, 'ended');
    assert.equal(microphone.readyState, 'live');
    assert.deepEqual(
      room.localParticipant.published.map((track) => track.source),
      ['microphone'],
    );
  });

  it('adopted preview tracks stop when the call is left', async () => {
    const { connection } = connect();
    const microphone = new FakeMediaTrack('audio', 'mic-1');
    const camera = new FakeMediaTrack('video', 'cam-1');
    await connection.publish({
      audio: true,
      video: true,
      microphoneDeviceId: null,
      cameraDeviceId: null,
      preview: fakeStream(microphone, camera),
    });
    await connection.disconnect();
    assert.equal(microphone.readyState, 'ended');
    assert.equal(camera.readyState, 'ended');
  });
});

/** A remote video publication as the connection drives it: enabled (sent to us) or paused, subscribed or not. */
function remoteVideo(trackSid: string) {
  const publication = {
    trackSid,
    kind: 'video',
    /** The wish `setEnabled` made, undefined until one is made. */
    requested: undefined as boolean | undefined,
    /**
     * Whether the server sends it: the wish or else, as with livekit-client's adaptive stream, whether an element
     * shows it (none here: the SDK pauses it as soon as it streams).
     */
    get enabled(): boolean {
      return publication.requested ?? false;
    },
    subscribed: true,
    track: { kind: 'video', attach: () => {}, detach: () => {} },
    setEnabled(enabled: boolean) {
      publication.requested = enabled;
    },
    setSubscribed(subscribed: boolean) {
      publication.subscribed = subscribed;
    },
  };
  return publication;
}

describe('LiveKitConnection: the first remote videos of a join', { timeout: 10_000 }, () => {
  it('a video that arrives before any view wants it keeps flowing at first, then is paused', async () => {
    const { room, connection } = connect();
    const publication = remoteVideo('TR_v1');
    room.emit('TrackSubscribed', publication.track, publication);
    assert.equal(publication.enabled, true, 'not paused the moment it arrives');
    await until(() => !publication.enabled, 'the unwanted video to be paused');
    await connection.disconnect();
  });

  it('of many videos arriving at once, only the first few are sent before their views want them', async () => {
    const { room, connection } = connect();
    const publications = Array.from({ length: 10 }, (_, i) => remoteVideo(`TR_many${i}`));
    for (const publication of publications) room.emit('TrackSubscribed', publication.track, publication);
    const flowing = publications.filter((publication) => publication.enabled).length;
    assert.equal(flowing, 6, 'six sent through the grace, the rest left to adaptive stream');
    await until(() => publications.every((publication) => !publication.enabled), 'all of them to be paused');
    // The grace is over for those six: the next arrivals get their turn.
    const later = remoteVideo('TR_later');
    room.emit('TrackSubscribed', later.track, later);
    assert.equal(later.enabled, true);
    await connection.disconnect();
  });

  it('a video a view attaches soon after it arrives is never paused', async () => {
    const { room, connection } = connect();
    const publication = remoteVideo('TR_v2');
    room.remoteParticipants.set('them', { trackPublications: new Map([['TR_v2', publication]]) });
    room.emit('TrackSubscribed', publication.track, publication);
    const detach = connection.attach('TR_v2', {} as HTMLMediaElement);
    let pausedOnce = false;
    const setEnabled = publication.setEnabled;
    publication.setEnabled = (enabled: boolean) => {
      if (!enabled) pausedOnce = true;
      setEnabled(enabled);
    };
    // Longer than the grace: had the arrival's release survived the attach, it would have paused the video by now.
    await new Promise((resolve) => setTimeout(resolve, 800));
    assert.equal(pausedOnce, false);
    assert.equal(publication.enabled, true);
    detach();
    await connection.disconnect();
  });
});
