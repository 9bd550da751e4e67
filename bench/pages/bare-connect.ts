/**
 * The floor for the join and admission benchmarks: livekit-client alone, no elements, no endpoint. `bare.connect`
 * connects a Room with a token it is handed, the way any app does once it has one. The token grants what a
 * participant's does (publishing, data), so livekit-client sets up the same publisher connection before it opens the
 * socket; it publishes nothing; the page's probe
 * (bench/admission-probe.ts) stamps the signal answer, the peer connection and the first remote frame.
 * Cold, `connect` makes its Room at that moment. Warm, `prepare` has made it before and warmed the server's address
 * with livekit-client's own `prepareConnection`: the most a page can do before it holds a token, so the least any
 * app built on livekit-client can take from there.
 * Adaptive (`adaptive` true), the Room sizes remote video to where it plays, as both apps' Rooms do, and each remote
 * video is shown at once in a visible <video>: what adaptive stream costs by itself before a first frame.
 */
import { Room, RoomEvent, Track } from 'livekit-client';

declare global {
  interface Window {
    bare: {
      prepare(url: string, adaptive?: boolean): Promise<void>;
      connect(url: string, token: string, adaptive?: boolean): Promise<{ startedAt: number; connectedAt: number }>;
    };
  }
}

const now = () => performance.timeOrigin + performance.now();
function newRoom(adaptive = false): Room {
  const room = new Room({ adaptiveStream: adaptive, dynacast: true });
  if (adaptive) {
    room.on(RoomEvent.TrackSubscribed, (track) => {
      if (track.kind !== Track.Kind.Video) return;
      const video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.style.cssText = 'width: 640px; height: 360px; display: block';
      document.body.append(video);
      track.attach(video);
    });
  }
  return room;
}
let prepared: Room | null = null;

window.bare = {
  async prepare(url, adaptive) {
    prepared = newRoom(adaptive);
    await prepared.prepareConnection(url);
  },
  async connect(url, token, adaptive) {
    const room = prepared ?? newRoom(adaptive);
    prepared = null;
    const startedAt = now();
    await room.connect(url, token);
    return { startedAt, connectedAt: now() };
  },
};
