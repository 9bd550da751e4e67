import type { DeviceOption, PermissionState } from './snapshot.js';

/**
 * Pre-join media with the platform APIs only. This module must not import livekit-client: the pre-join screen loads
 * it, and the SDK is the largest thing on the page.
 */

export interface DeviceLists {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  speakers: DeviceOption[];
}

export interface MediaAccess {
  /** The preview stream with whatever tracks could be opened, or null when none could. */
  stream: MediaStream | null;
  camera: PermissionState;
  microphone: PermissionState;
}

export interface MediaRequest {
  /** false: do not open; a string: that device; true: the default device. */
  video: boolean | string;
  audio: boolean | string;
}

function mediaDevices(): MediaDevices | undefined {
  return (globalThis as { navigator?: Navigator }).navigator?.mediaDevices;
}

/** Browser permission for a kind without prompting. Firefox cannot query camera/microphone; that reads `prompt`. */
export async function queryPermission(kind: 'camera' | 'microphone'): Promise<PermissionState> {
  const navigator = (globalThis as { navigator?: Navigator }).navigator;
  if (!navigator?.mediaDevices?.getUserMedia) return 'unavailable';
  try {
    const status = await navigator.permissions.query({ name: kind as PermissionName });
    return status.state;
  } catch {
    return 'prompt';
  }
}

export async function listDevices(): Promise<DeviceLists> {
  const devices = mediaDevices();
  if (!devices?.enumerateDevices) return { cameras: [], microphones: [], speakers: [] };
  const all = await devices.enumerateDevices();
  const pick = (kind: MediaDeviceKind, fallback: string): DeviceOption[] =>
    all
      .filter((device) => device.kind === kind && device.deviceId)
      // Labels are empty until permission is granted; number them so pickers still make sense.
      .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `${fallback} ${index + 1}` }));
  return {
    cameras: pick('videoinput', 'Camera'),
    microphones: pick('audioinput', 'Microphone'),
    speakers: pick('audiooutput', 'Speaker'),
  };
}

/**
 * The camera's capture size and rate, the call's and the preview's alike (LiveKit's own default, 720p): the call
 * publishes the preview's track as it is. Changing a live camera's size instead (`applyConstraints`) made Chromium's
 * camera stop delivering frames now and then on a busy machine — a call whose camera never reached anyone.
 * Ideal values, not exact: a camera that cannot do 720p still opens at what it can.
 */
export const CAMERA_CAPTURE = { width: 1280, height: 720, frameRate: 30 } as const;

function constraint(wish: boolean | string): boolean | MediaTrackConstraints {
  return typeof wish === 'string' ? { deviceId: { exact: wish } } : wish;
}

function cameraConstraint(wish: boolean | string): boolean | MediaTrackConstraints {
  if (wish === false) return false;
  return { ...CAMERA_CAPTURE, ...(typeof wish === 'string' ? { deviceId: { exact: wish } } : {}) };
}

function stateFromError(error: unknown): PermissionState {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  // NotFoundError, OverconstrainedError (device gone), NotReadableError (in use by another app).
  return 'unavailable';
}

/**
 * Opens camera and/or microphone. Asks for both at once (one prompt), and only when that fails asks for each alone,
 * so one missing or blocked device does not cost the user the other.
 */
export async function requestMedia(request: MediaRequest): Promise<MediaAccess> {
  const devices = mediaDevices();
  const wantVideo = request.video !== false;
  const wantAudio = request.audio !== false;
  if (!devices?.getUserMedia) {
    return { stream: null, camera: 'unavailable', microphone: 'unavailable' };
  }
  if (!wantVideo && !wantAudio) return { stream: null, camera: 'unknown', microphone: 'unknown' };
  try {
    const stream = await devices.getUserMedia({
      video: cameraConstraint(request.video),
      audio: constraint(request.audio),
    });
    return { stream, camera: wantVideo ? 'granted' : 'unknown', microphone: wantAudio ? 'granted' : 'unknown' };
  } catch (error) {
    if (!(wantVideo && wantAudio)) {
      const state = stateFromError(error);
      return { stream: null, camera: wantVideo ? state : 'unknown', microphone: wantAudio ? state : 'unknown' };
    }
  }
  const [video, audio] = await Promise.allSettled([
    devices.getUserMedia({ video: cameraConstraint(request.video) }),
    devices.getUserMedia({ audio: constraint(request.audio) }),
  ]);
  const tracks = [video, audio].flatMap((result) => (result.status === 'fulfilled' ? result.value.getTracks() : []));
  return {
    stream: tracks.length ? new MediaStream(tracks) : null,
    camera: video.status === 'fulfilled' ? 'granted' : stateFromError(video.reason),
    microphone: audio.status === 'fulfilled' ? 'granted' : stateFromError(audio.reason),
  };
}

export function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop());
}

/**
 * Calls `onLevel` with the microphone's loudness, 0–1, about 20 times a second. Returns a stop function that closes
 * the audio graph. A no-op where Web Audio is missing.
 */
export function meterMicrophone(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const AudioContextClass =
    (globalThis as { AudioContext?: typeof AudioContext }).AudioContext ??
    (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!AudioContextClass || stream.getAudioTracks().length === 0) return () => {};
  const context = new AudioContextClass();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let level = 0;
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    const rms = Math.sqrt(sum / samples.length);
    // -60 dBFS (silence) .. 0 dBFS (full scale) mapped onto 0..1; rise fast, fall slowly so the meter is readable.
    const instant = Math.max(0, Math.min(1, (20 * Math.log10(rms || 1e-6) + 60) / 60));
    level = instant > level ? instant : level * 0.85 + instant * 0.15;
    onLevel(level);
  }, 50);
  return () => {
    clearInterval(timer);
    source.disconnect();
    void context.close().catch(() => {});
  };
}
