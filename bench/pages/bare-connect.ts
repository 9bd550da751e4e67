/**
 * The floor for the admission benchmark: livekit-client alone, no elements, no endpoint. `bare.connect` builds a Room
 * and connects it with a token it is handed, the way any app does once it has one; the page's probe
 * (bench/admission-probe.ts) stamps the signal answer, the peer connection and the first remote frame.
 */
import { Room } from 'livekit-client';

declare global {
  interface Window {
    bare: { connect(url: string, token: string): Promise<{ startedAt: number; connectedAt: number }> };
  }
}

const now = () => performance.timeOrigin + performance.now();

window.bare = {
  async connect(url, token) {
    const room = new Room({ adaptiveStream: false, dynacast: true });
    const startedAt = now();
    await room.connect(url, token);
    return { startedAt, connectedAt: now() };
  },
};
