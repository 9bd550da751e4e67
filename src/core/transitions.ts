import type { SessionStatus } from './snapshot.js';

/**
 * The one lifecycle table. A status change that is not listed here is a bug in the session, not a user error.
 *
 * - idle → pre-join once the room is resolved; → error when it cannot be (bad attribute, unknown room, network).
 * - pre-join → connecting when the user presses Join (the join request is in flight).
 * - connecting → waiting (the endpoint put us in the lobby), in-room (LiveKit connected), denied (the endpoint said
 *   DENIED outright), error (room closed/full, network), ended (the user left or the host ended while connecting).
 * - waiting → connecting once admitted; → denied; → pre-join when the user (or the endpoint) cancels the knock;
 *   → error when the room closes under the lobby; → ended when the user leaves the page's call.
 * - in-room ↔ reconnecting while LiveKit recovers; in-room/reconnecting → ended (left, host ended, kicked, dropped).
 * - ended/denied/error → pre-join to try again (the endpoint still decides whether a new knock is allowed);
 *   error → idle when the page resets the room reference.
 */
export const TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = Object.freeze({
  idle: ['pre-join', 'error'],
  'pre-join': ['connecting', 'error'],
  connecting: ['waiting', 'in-room', 'denied', 'error', 'ended'],
  waiting: ['connecting', 'denied', 'pre-join', 'error', 'ended'],
  'in-room': ['reconnecting', 'ended'],
  reconnecting: ['in-room', 'ended'],
  ended: ['pre-join'],
  denied: ['pre-join'],
  error: ['pre-join', 'idle'],
});

/**
 * A join or a call is under way: from pressing Join (`connecting`), through the lobby (`waiting`), to the call
 * (`in-room`, `reconnecting`). While engaged, `leave()` applies and the room cannot be changed or prepared again; the
 * other statuses (`idle`, `pre-join`, `ended`, `denied`, `error`) are all ways of being out of the call.
 */
export function isEngaged(status: SessionStatus): boolean {
  return status === 'connecting' || status === 'waiting' || isConnected(status);
}

/**
 * Connected to the call's media (or recovering it): `in-room` and `reconnecting`. In-call controls (microphone, camera,
 * screen share, shortcuts) act only then. Every connected status is also engaged.
 */
export function isConnected(status: SessionStatus): boolean {
  return status === 'in-room' || status === 'reconnecting';
}

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

export class TransitionError extends Error {
  constructor(
    readonly from: SessionStatus,
    readonly to: SessionStatus,
  ) {
    super(`Impossible session transition: ${from} → ${to}`);
    this.name = 'TransitionError';
  }
}

declare global {
  // A page or test can force the mode; it wins over the build's own flag.
  var __HASHDROP_DEV__: boolean | undefined;
}

/**
 * Development mode, checked at call time so tests can flip it. Order: an explicit global flag; Vite's
 * `import.meta.env.DEV` (replaced at build time in apps and in our CDN build); Node's NODE_ENV (tests, SSR). With none
 * of them present (a plain browser loading the CDN file) we assume production, where users must never see a throw.
 */
export function isDevelopment(): boolean {
  const flag = globalThis.__HASHDROP_DEV__;
  if (typeof flag === 'boolean') return flag;
  const viteDev = (import.meta as { env?: { DEV?: unknown } }).env?.DEV;
  if (typeof viteDev === 'boolean') return viteDev;
  const nodeProcess = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  if (nodeProcess?.env) return nodeProcess.env['NODE_ENV'] !== 'production';
  return false;
}

/** Throws on an impossible transition in development; in production logs it and lets it happen (better a glitch than a dead call). */
export function assertTransition(from: SessionStatus, to: SessionStatus): void {
  if (canTransition(from, to)) return;
  const error = new TransitionError(from, to);
  if (isDevelopment()) throw error;
  console.error(error);
}
