import type { EgressKind, EgressState } from './recording.js';
import type { Role } from './roles.js';
import type { KnockSummary, Reaction, RoomPolicy } from './schemas.js';

/**
 * Names that travel through LiveKit: data topics and participant attribute keys. Shared so the endpoint (which
 * sends server data messages and updates attributes through RoomService) and the browser agree on one spelling.
 */

/** LiveKit's own chat topic: text and file streams here are seen by LiveKit's React components and mobile SDKs too. */
export const CHAT_TOPIC = 'lk.chat';

/**
 * LiveKit's transcription topic: LiveKit Agents (and any speech-to-text participant) publish captions here as text
 * streams, one stream per segment, with the attributes below.
 */
export const TRANSCRIPTION_TOPIC = 'lk.transcription';

/** Attributes of a transcription text stream, as LiveKit's SDKs spell them. */
export const TRANSCRIPTION_ATTRIBUTES = {
  /** The segment the text belongs to: a later stream with the same id replaces its text. */
  segmentId: 'lk.segment_id',
  /** The track whose speech this is (a microphone); absent when the sender transcribes itself. */
  trackId: 'lk.transcribed_track_id',
  /** `"true"` once the segment's text will not change. */
  final: 'lk.transcription_final',
} as const;

/** Server → hosts: a guest knocked, or a knock was settled (JSON `LobbyEvent`). */
export const LOBBY_TOPIC = 'hashdrop.lobby';

/** Server → everyone: someone in the call reacted (JSON `ReactionEvent`), relayed by the endpoint (see `sendReaction`). */
export const REACTION_TOPIC = 'hashdrop.reaction';

/**
 * Server → everyone: the host ended the meeting, a participant was removed, a role or the policy changed, the
 * recording or stream changed (JSON `ControlEvent`).
 */
export const CONTROL_TOPIC = 'hashdrop.control';

/**
 * Participant attributes (string → string). Only the endpoint writes them (in the token, and through RoomService):
 * participants' tokens do not allow updating their own name, metadata or attributes, so what a UI reads here is the
 * server's word.
 */
export const ATTRIBUTES = {
  /** The participant's role, set by the endpoint in the token and updated on promote / demote. */
  role: 'hashdrop.role',
  /** ISO time the hand was raised; absent or empty when the hand is down. Set by the endpoint on `POST …/hand`. */
  handRaisedAt: 'hashdrop.hand',
  /**
   * Which call of the room the token was signed for (a counter the endpoint raises on "end for all", on close and on
   * delete): a token signed for an earlier call is removed the moment it connects.
   */
  call: 'hashdrop.call',
} as const;

/** Payload of a message on `LOBBY_TOPIC`. */
export type LobbyEvent =
  | { type: 'knock'; knock: KnockSummary }
  | { type: 'settled'; knockId: string; outcome: 'admitted' | 'denied' | 'cancelled' };

/** Payload of a message on `REACTION_TOPIC`. */
export interface ReactionEvent {
  type: 'reaction';
  identity: string;
  emoji: Reaction;
  sentAt: string;
}

/** Payload of a message on `CONTROL_TOPIC`. */
export type ControlEvent =
  | { type: 'ended'; reason: 'host-ended' }
  | { type: 'removed'; identity: string; reason: 'kicked' }
  | { type: 'role-changed'; identity: string; role: Role }
  | { type: 'policy-changed'; policy: RoomPolicy }
  /** Sent to `identity` alone: a host asks them to turn their microphone on (they may, or not). */
  | { type: 'unmute-requested'; identity: string }
  /** The room's recording or live stream changed (started, stopped, failed); `state.reason` reaches hosts only. */
  | { type: 'egress'; kind: EgressKind; state: EgressState };

/**
 * LiveKit room metadata the endpoint sets. "End for all" writes `{ "ended": "host-ended" }` before deleting the room:
 * metadata travels on the signal connection, in order with the disconnect that follows, whereas a data message can
 * arrive after it — so a client always learns why the room went away.
 */
export interface RoomMetadata {
  ended?: 'host-ended';
}

export function readRoomMetadata(metadata: string | undefined): RoomMetadata {
  if (!metadata) return {};
  try {
    const value = JSON.parse(metadata) as unknown;
    return typeof value === 'object' && value !== null ? (value as RoomMetadata) : {};
  } catch {
    return {};
  }
}
