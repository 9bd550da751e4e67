import type { CallSupportProblem } from './call-support.js';
import { EndpointError } from './endpoint-error.js';
import type { SessionError } from './snapshot.js';

/** How a session puts a failure into `snapshot.error`: the endpoint's code when it gave one, else the browser's own. */
export function toSessionError(error: unknown): SessionError {
  if (error instanceof EndpointError) return { code: error.code, message: error.message };
  return { code: 'CLIENT', message: error instanceof Error ? error.message : String(error) };
}

export function mediaError(error: unknown): SessionError {
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'MEDIA', message: `Camera or microphone failed: ${message}` };
}

export function missingEndpoint(): SessionError {
  return {
    code: 'INVALID_ATTRIBUTE',
    attribute: 'endpoint',
    message: 'Set an endpoint (our rooms API) or a token-endpoint (a LiveKit token server).',
  };
}

const UNSUPPORTED_MESSAGES: Record<CallSupportProblem, string> = {
  'insecure-context': 'Calls need a secure page: open it with https://.',
  'no-webrtc': 'This browser cannot make video calls (it has no WebRTC).',
  'no-media-devices': 'This browser cannot use a camera or microphone here.',
};

export function unsupported(problem: CallSupportProblem): SessionError {
  return { code: 'BROWSER_UNSUPPORTED', support: problem, message: UNSUPPORTED_MESSAGES[problem] };
}
