/**
 * The floor for the join and admission benchmarks: livekit-client alone, no elements, no endpoint. `bare.connect`
 * connects a Room with a token it is handed, the way any app does once it has one. The token grants what a
 * participant's does (publishing, data), so livekit-client sets up the same publisher connection before it opens the
 * socket; it publishes nothing; the page's probe
 * (bench/admission-probe.ts) stamps the signal answer, the peer connection and the first remote frame.
 * Cold, `connect` makes its Room at that moment. Warm, `prepare` has made it before and warmed the server's address
 * with livekit-client's own `prepareConnection`: the most a page can do before it holds a token, so the least any
 * app built on livekit-client can take from there.
 */
import { Room } from 'livekit-client';

declare global {
  interface Window {
    bare: {
      prepare(url: string): Promise<void>;
      connect(url: string, token: string): Promise<{ startedAt: number; connectedAt: number }>;
    };
  }
}

const now = () => performance.timeOrigin + performance.now();
const newRoom = () => new Room({ adaptiveStream: false, dynacast: true });
let prepared: Room | null = null;

window.bare = {
  async prepare(url) {
    prepared = newRoom();
    await prepared.prepareConnection(url);
  },
  async connect(url, token) {
    const room = prepared ?? newRoom();
    prepared = null;
    const startedAt = now();
    await room.connect(url, token);
    return { startedAt, connectedAt: now() };
  },
};
