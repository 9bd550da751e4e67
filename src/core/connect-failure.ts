/**
 * Why connecting to the call failed, told apart so a person knows what to do: a full call, a video service that
 * cannot be reached, or a connection that could not be set up (usually a network or firewall in the way). Reads
 * livekit-client's ConnectionError by shape, so the SDK stays out of the up-front bundle.
 */
import type { SessionError } from './snapshot.js';

/** livekit-client's ConnectionErrorReason values that mean "the server was not reached". */
const UNREACHABLE = new Set([1 /* ServerUnreachable */, 6 /* WebSocket */, 7 /* ServiceNotFound */]);

export function connectFailure(error: unknown): SessionError {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    reason?: unknown;
    message?: unknown;
  };
  const detail = typeof shape.message === 'string' ? shape.message : String(error);
  // LiveKit's own cap ("room has exceeded its max participants"), reached when seats were counted elsewhere.
  if (/max(imum)? participants|room is full/i.test(detail)) {
    return { code: 'ROOM_FULL', message: 'The call is full.' };
  }
  if (shape.name === 'ConnectionError' && UNREACHABLE.has(shape.reason as number)) {
    return { code: 'LIVEKIT_UNAVAILABLE', message: `The video service cannot be reached (${detail}).` };
  }
  return { code: 'CONNECTION_FAILED', message: `Could not set up the connection to the call (${detail}).` };
}
