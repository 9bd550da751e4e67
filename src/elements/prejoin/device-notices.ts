/**
 * Which device notices the pre-join screen shows, decided from the snapshot alone so a unit test can walk every
 * permission combination without a browser's permission prompts. The element only renders the answer.
 */
import type { RoomSnapshot } from '../../core/snapshot.js';

/** A way forward a notice offers, named by its button's catalog key; the element turns each into a button. */
export type NoticeAction = 'prejoin.allow' | 'prejoin.without-camera' | 'prejoin.without-mic' | 'prejoin.retry-devices';

/** Catalog key of a notice's text, or null for the bare "Allow camera and microphone" prompt. */
export type NoticeMessage =
  'prejoin.denied' | 'prejoin.camera.denied' | 'prejoin.mic.denied' | 'prejoin.camera.none' | 'prejoin.mic.none' | null;

/** One notice: its text, then the ways forward it offers (a tuple keeps the up-front bundle small). */
export type DeviceNotice = [message: NoticeMessage, ...actions: NoticeAction[]];

const askable = (permission: string) => permission === 'prompt' || permission === 'unknown';

export function deviceNotices(s: RoomSnapshot): DeviceNotice[] {
  const d = s.devices;
  const notices: DeviceNotice[] = [];
  // "Without camera" only makes sense while the camera is meant to be on; the same for the microphone.
  const withoutCamera: NoticeAction[] = s.cameraEnabled ? ['prejoin.without-camera'] : [];
  const withoutMic: NoticeAction[] = s.micEnabled ? ['prejoin.without-mic'] : [];

  const wantsDevices = s.cameraEnabled || s.micEnabled;
  if (s.status === 'pre-join' && wantsDevices && (askable(d.cameraPermission) || askable(d.microphonePermission))) {
    notices.push([null, 'prejoin.allow']);
  }

  const cameraBlocked = d.cameraPermission === 'denied';
  const micBlocked = d.microphonePermission === 'denied';
  if (cameraBlocked && micBlocked) {
    notices.push(['prejoin.denied', ...withoutCamera, ...withoutMic, 'prejoin.retry-devices']);
  } else if (cameraBlocked) {
    notices.push(['prejoin.camera.denied', ...withoutCamera, 'prejoin.retry-devices']);
  } else if (micBlocked) {
    notices.push(['prejoin.mic.denied', ...withoutMic, 'prejoin.retry-devices']);
  }

  // "Granted but no device listed" is as missing as "unavailable": the user has nothing to pick.
  const noCamera =
    !cameraBlocked && (d.cameraPermission === 'unavailable' || (d.cameraPermission === 'granted' && !d.cameras.length));
  const noMic =
    !micBlocked &&
    (d.microphonePermission === 'unavailable' || (d.microphonePermission === 'granted' && !d.microphones.length));
  if (noCamera) notices.push(['prejoin.camera.none', ...withoutCamera]);
  if (noMic) notices.push(['prejoin.mic.none', ...withoutMic]);
  return notices;
}
