/**
 * A crowd for load tests and benchmarks: N participants joined to a real LiveKit room with `@livekit/rtc-node`, each
 * publishing a tiny generated camera (160×120 at 10 fps: its own colour with a bar moving across). They subscribe to
 * nothing (their token cannot), so the server's and this machine's work grows with N, not N². One timer drives every
 * source; `stop()` ends it all, and the whole crowd stops with the process anyway.
 */
import {
  LocalVideoTrack,
  Room,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoFrame,
  VideoSource,
} from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';

export const WIDTH = 160;
export const HEIGHT = 120;
export const FPS = 10;
/** Enough for a 160×120 test pattern; keeps N streams cheap to forward. */
const MAX_BITRATE = 60_000n;
/** Joins at once: a burst of dozens of ICE/DTLS handshakes would starve a 2-core machine (and time out). */
const JOIN_BATCH = 3;
const JOIN_ATTEMPTS = 3;

export interface CrowdOptions {
  serverUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The LiveKit room name (our endpoint's rooms use the room id). */
  room: string;
  count: number;
  /** Identities are `${prefix}-01`… and names `Synthetic 01`…; distinct prefixes let two crowds share a server. */
  prefix?: string;
}

export interface Crowd {
  readonly identities: string[];
  stop(): Promise<void>;
}

/** One publisher's picture: an I420 frame in its own colour, redrawn in place as the bar moves. */
class TestPattern {
  readonly data = new Uint8Array((WIDTH * HEIGHT * 3) / 2);
  #bar = 0;

  constructor(readonly index: number) {
    const hue = (index * 47) % 256;
    this.data.fill(96, 0, WIDTH * HEIGHT); // Y
    this.data.fill(hue, WIDTH * HEIGHT, (WIDTH * HEIGHT * 5) / 4); // U
    this.data.fill(255 - hue, (WIDTH * HEIGHT * 5) / 4); // V
  }

  /** Moves the bright bar (luma only) 8 px to the right, wrapping. */
  next(): VideoFrame {
    this.#column(this.#bar, 96);
    this.#bar = (this.#bar + 8) % WIDTH;
    this.#column(this.#bar, 235);
    return new VideoFrame(this.data, WIDTH, HEIGHT, VideoBufferType.I420);
  }

  #column(x: number, luma: number): void {
    for (let y = 0; y < HEIGHT; y++) this.data.fill(luma, y * WIDTH + x, y * WIDTH + x + 8);
  }
}

async function tokenFor(options: CrowdOptions, identity: string, name: string): Promise<string> {
  const token = new AccessToken(options.apiKey, options.apiSecret, { identity, name, ttl: '30m' });
  token.addGrant({ roomJoin: true, room: options.room, canPublish: true, canSubscribe: false });
  return token.toJwt();
}

/** Joins `count` publishers (in small batches) and starts their video; resolves once every track is published. */
export async function startCrowd(options: CrowdOptions): Promise<Crowd> {
  const prefix = options.prefix ?? 'synthetic';
  const members: { room: Room; source: VideoSource; pattern: TestPattern }[] = [];
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | undefined = undefined;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    await Promise.all(
      members.map(async ({ room, source }) => {
        await room.disconnect().catch(() => {});
        await source.close().catch(() => {});
      }),
    );
  };

  const connect = async (identity: string, name: string): Promise<Room> => {
    for (let attempt = 1; ; attempt++) {
      const room = new Room();
      try {
        await room.connect(options.serverUrl, await tokenFor(options, identity, name), {
          autoSubscribe: false,
          dynacast: true,
        });
        return room;
      } catch (error) {
        // On a starved machine a handshake can time out inside the SDK; the server forgets the half-joined
        // participant, so joining again with the same identity is clean. Bounded: the third failure is real.
        if (attempt >= JOIN_ATTEMPTS) throw error;
        await room.disconnect().catch(() => {});
      }
    }
  };

  const join = async (index: number) => {
    const number = String(index + 1).padStart(2, '0');
    const identity = `${prefix}-${number}`;
    const room = await connect(identity, `Synthetic ${number}`);
    const source = new VideoSource(WIDTH, HEIGHT);
    const pattern = new TestPattern(index);
    const track = LocalVideoTrack.createVideoTrack(`${identity}-camera`, source);
    // One frame before publishing, so the track has its size from the start; the rest come once all have joined.
    source.captureFrame(pattern.next());
    await room.localParticipant!.publishTrack(
      track,
      new TrackPublishOptions({
        source: TrackSource.SOURCE_CAMERA,
        simulcast: false,
        videoEncoding: { maxBitrate: MAX_BITRATE, maxFramerate: FPS },
      }),
    );
    members.push({ room, source, pattern });
    return identity;
  };

  const identities: string[] = [];
  try {
    for (let start = 0; start < options.count; start += JOIN_BATCH) {
      const batch = Array.from({ length: Math.min(JOIN_BATCH, options.count - start) }, (_, i) => join(start + i));
      identities.push(...(await Promise.all(batch)));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  // Video starts once everyone is in: encoding while others still handshake would slow every join down.
  timer = setInterval(() => {
    for (const { source, pattern } of members) source.captureFrame(pattern.next());
  }, 1000 / FPS);
  timer.unref();
  return { identities, stop };
}
