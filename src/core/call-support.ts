/**
 * Whether this browser can make calls at all, checked before anyone presses Join: a page without WebRTC (some
 * embedded web views), without camera and microphone access, or served over plain http cannot, and saying so up front
 * beats a generic connection failure after Join.
 */
export type CallSupportProblem = 'insecure-context' | 'no-webrtc' | 'no-media-devices';

/** What stops this browser from making calls, or null when nothing does. Reads the page's globals only when called. */
export function callSupportProblem(scope: typeof globalThis = globalThis): CallSupportProblem | null {
  // Browsers expose camera and microphone only to secure pages (https, or localhost).
  if (scope.isSecureContext === false) return 'insecure-context';
  if (typeof scope.RTCPeerConnection !== 'function') return 'no-webrtc';
  if (typeof scope.navigator?.mediaDevices?.getUserMedia !== 'function') return 'no-media-devices';
  return null;
}
