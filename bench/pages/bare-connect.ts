/**
 * The floor for the join and admission benchmarks: livekit-client alone, no elements, no endpoint. `bare.connect`
 * connects a Room with a token it is handed, the way any app does once it has one. The token grants what a
 * participant's does (publishing, data), so livekit-client sets up the same publisher connection before it opens the
 * socket; it publishes nothing; the page's probe
 * (bench/admission-probe.ts) stamps the signal answer, the peer connection and the first remote frame.
 * Cold, `connect` makes its Room at that moment. Warm, `prepare` has made it before and warmed the server's address
 * with livekit-client's own `prepareConnection`: the most a page can do before it holds a token, so the least any
 * app built on livekit-client can take from there.
 * Like an app (`likeAnApp` true), it carries what both apps carry while they join: the Room sizes remote video to where
 * it plays (adaptive stream) and shows each remote video at once in a visible <video>, and the camera and microphone
 * are open, the camera shown in a preview (both apps keep them open from pre-join to publish them once connected).
 * What is left between it and an app is the app's own work.
 */
import { Room, RoomEvent, Track } from 'livekit-client';

declare global {
  interface Window {
    bare: {
      prepare(url: string, likeAnApp?: boolean): Promise<void>;
      connect(url: string, token: string, likeAnApp?: boolean): Promise<{ startedAt: number; connectedAt: number }>;
    };
  }
}

const now = () => performance.timeOrigin + performance.now();
function newRoom(likeAnApp = false): Room {
  const room = new Room({ adaptiveStream: likeAnApp, dynacast: true });
  if (likeAnApp) {
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
/** The open camera and microphone, the camera shown as a pre-join preview would show it. */
async function openDevices(): Promise<void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 }, audio: true });
  const preview = document.createElement('video');
  preview.muted = true;
  preview.playsInline = true;
  preview.autoplay = true;
  preview.style.cssText = 'width: 640px; height: 360px; display: block';
  preview.srcObject = stream;
  document.body.append(preview);
}
let prepared: Room | null = null;

window.bare = {
  async prepare(url, likeAnApp) {
    if (likeAnApp) await openDevices();
    prepared = newRoom(likeAnApp);
    await prepared.prepareConnection(url);
  },
  async connect(url, token, likeAnApp) {
    const room = prepared ?? newRoom(likeAnApp);
    prepared = null;
    const startedAt = now();
    await room.connect(url, token);
    return { startedAt, connectedAt: now() };
  },
};
