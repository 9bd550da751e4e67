/**
 * Who may be in a call, decided once for both moments it matters: before a token is signed (`assertMayEnter` before a
 * knock; in `signJoin`, the only place that signs one, the room's status here and the ban in the seat claim's own
 * transaction) and when LiveKit reports someone connecting (`refusalFor`, from the webhook), because a token signed earlier — or refreshed by LiveKit for a connected client — can still connect after
 * a kick, an end for all, a close or a delete.
 */
import type { ParticipantInfo } from 'livekit-server-sdk';
import { ATTRIBUTES } from '../contract/index.js';
import type { Context } from './context.js';
import { isHost } from './guards.js';
import { ApiError } from './errors.js';
import type { RoomRecord } from './store/types.js';

/** Throws the reason `identity` may not enter `room` now: the room is closed, or a host removed them. */
export async function assertMayEnter(ctx: Context, room: RoomRecord, identity: string): Promise<void> {
  assertOpen(room);
  if (await ctx.store.isBanned(room.id, identity)) throw removedError();
}

/** Throws when `room` is closed: nobody enters a closed room. */
export function assertOpen(room: RoomRecord): void {
  if (room.status === 'CLOSED') throw new ApiError('ROOM_CLOSED', 'This room is closed.');
}

/** The answer to someone a host removed from the room (a ban). */
export function removedError(): ApiError {
  return new ApiError('KICKED', 'A host removed you from this call.');
}

/** `ParticipantInfo.Kind.AGENT` in LiveKit's protocol (livekit_models.proto); the SDK does not re-export the enum. */
const AGENT_KIND = 4;

export type Refusal = 'room-deleted' | 'room-closed' | 'kicked' | 'earlier-call' | 'not-a-host';

/**
 * Why a participant LiveKit reports as connected must not stay, or null when it may. `room` is null when the store
 * has no such room (deleted). The call generation travels in the token's attributes, which participants cannot
 * write (their tokens do not allow updating their own attributes).
 */
export async function refusalFor(
  ctx: Context,
  room: RoomRecord | null,
  participant: ParticipantInfo,
): Promise<Refusal | null> {
  if (!room) return 'room-deleted';
  if (room.status === 'CLOSED') return 'room-closed';
  if (await ctx.store.isBanned(room.id, participant.identity)) return 'kicked';
  // An agent (a transcriber, say) gets its token from LiveKit's agent dispatch, not from us, so it carries no call
  // generation; only the holder of the API secret can sign the agent kind.
  const agent = participant.kind === AGENT_KIND;
  const generation = Number(participant.attributes[ATTRIBUTES.call] ?? '0');
  if (!agent && (!Number.isInteger(generation) || generation < room.callGeneration)) return 'earlier-call';
  // A host's token signed before they lost the host role (a kicked co-host is also banned; this covers one the
  // creator took off the host list).
  if (participant.attributes[ATTRIBUTES.role] === 'host' && !isHost(room, participant.identity)) return 'not-a-host';
  return null;
}

/** Room names the endpoint gives LiveKit rooms: a LiveKit room of that shape with no stored room is ours, deleted. */
export const OUR_ROOM_ID = /^r[0-9a-f]{24}$/;
