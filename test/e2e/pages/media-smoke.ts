/**
 * Browser side of the media smoke test: joins a LiveKit room with a token, publishes the fake camera and microphone,
 * and reports what it receives from the others, read from WebRTC's own inbound-rtp statistics.
 */
import { Room, RoomEvent, Track, createLocalTracks, type RemoteTrack } from 'livekit-client';

declare global {
  interface Window {
    smoke: {
      join(url: string, token: string): Promise<void>;
      inbound(): Promise<{ kind: string; from: string; framesDecoded: number; packetsReceived: number }[]>;
      leave(): Promise<void>;
    };
  }
}

const room = new Room({ adaptiveStream: false, dynacast: true });
const remoteTracks: { track: RemoteTrack; from: string }[] = [];

room.on(RoomEvent.TrackSubscribed, (track, _publication, participant) => {
  remoteTracks.push({ track, from: participant.identity });
  // Attach so the video element consumes frames (decoding happens regardless, this mirrors real use).
  const element = track.attach();
  element.muted = true;
  document.body.append(element);
});

window.smoke = {
  async join(url, token) {
    await room.connect(url, token);
    const tracks = await createLocalTracks({ audio: true, video: { resolution: { width: 320, height: 240 } } });
    await Promise.all(tracks.map((track) => room.localParticipant.publishTrack(track)));
  },
  async inbound() {
    const results = [];
    for (const { track, from } of remoteTracks) {
      const report = await track.getRTCStatsReport();
      let framesDecoded = 0;
      let packetsReceived = 0;
      report?.forEach((stat) => {
        if (stat.type === 'inbound-rtp') {
          framesDecoded += stat.framesDecoded ?? 0;
          packetsReceived += stat.packetsReceived ?? 0;
        }
      });
      results.push({ kind: track.kind === Track.Kind.Video ? 'video' : 'audio', from, framesDecoded, packetsReceived });
    }
    return results;
  },
  async leave() {
    await room.disconnect();
  },
};
