/**
 * The endpoint's routes: every operation (src/contract/operations.ts) by its id, and the one way to fill in a path.
 * The browser client and the server's router both take their paths from there, so they cannot drift.
 */
import * as ROUTES from './operations.js';
import {
  askToUnmute,
  demoteParticipant,
  kickParticipant,
  lowerHand,
  muteParticipant,
  promoteParticipant,
} from './operations.js';

export { ROUTES };
export type OperationId = keyof typeof ROUTES;
export type HttpMethod = (typeof ROUTES)[OperationId][0];
/** One operation: its method and its path template. */
export type Route = readonly [HttpMethod, string];

/** The path of an operation with its `{…}` parameters filled in order, each percent-encoded. */
export function pathOf(route: Route, ...params: string[]): string {
  let i = 0;
  return route[1].replace(/\{\w+\}/g, () => encodeURIComponent(params[i++] ?? ''));
}

/** What a host can do to one participant in the call, and the operation that does it. */
export const PARTICIPANT_ACTIONS = {
  kick: kickParticipant,
  mute: muteParticipant,
  'ask-to-unmute': askToUnmute,
  promote: promoteParticipant,
  demote: demoteParticipant,
  'lower-hand': lowerHand,
} as const satisfies Record<string, Route>;

export type ParticipantAction = keyof typeof PARTICIPANT_ACTIONS;

/** Long-poll: `GET knock?wait=SECONDS` holds the request up to this long until the knock is settled. */
export const KNOCK_WAIT_MAX_SECONDS = 25;
