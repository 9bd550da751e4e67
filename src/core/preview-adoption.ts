/**
 * The pre-join preview's camera and microphone, handed to the call instead of opened again: no second permission
 * prompt, no second camera start, and the admission only has to publish them.
 */
import type { LocalTrack } from 'livekit-client';
import { CAMERA_CAPTURE } from './devices.js';
/** The livekit-client module, as the call loads it (see livekit-sdk.ts). */
type LiveKit = typeof import('./livekit-sdk.js');

/**
 * A preview track of `kind` made the SDK's own, as if it had opened it (so muting the camera still releases it and
 * unmuting reopens it with the same constraints), or null when there is none that is live and on the chosen device.
 */
export function adoptPreviewTrack(
  lk: LiveKit,
  preview: MediaStream | null | undefined,
  kind: 'audio' | 'video',
  deviceId: string | null,
): LocalTrack | null {
  const track = (kind === 'audio' ? preview?.getAudioTracks() : preview?.getVideoTracks())?.[0];
  if (!track || track.readyState !== 'live') return null;
  const device = track.getSettings().deviceId;
  if (deviceId && device && device !== deviceId) return null;
  const { LocalAudioTrack, LocalVideoTrack, Track } = lk;
  // What the SDK would have asked for; unmuting a released camera reopens it so.
  const constraints: MediaTrackConstraints = {
    ...track.getConstraints(),
    ...(kind === 'video' ? CAMERA_CAPTURE : {}),
    ...(device ? { deviceId: device } : {}),
  };
  const local =
    kind === 'audio' ? new LocalAudioTrack(track, constraints, false) : new LocalVideoTrack(track, constraints, false);
  local.source = kind === 'audio' ? Track.Source.Microphone : Track.Source.Camera;
  return local;
}
