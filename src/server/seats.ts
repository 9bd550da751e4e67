/**
 * Seats: how many may be in a call, decided from the store so every instance counts the same seats. A room without
 * stage mode has `maxParticipants` seats; a stage has `maxParticipants` on the stage (hosts and speakers, who publish)
 * plus `maxAudience` in the audience (receive-only). The LiveKit room's own cap is their sum, a backstop the endpoint
 * never reaches by itself.
 */
import type { Role, RoomPolicy } from '../contract/index.js';
import { removedError } from './admission.js';
import type { Context } from './context.js';
import { ApiError } from './errors.js';
import type { RoomRecord, SeatCaps, SeatHolder, SeatKind } from './store/types.js';
import type { LiveRoom } from './livekit.js';

/** How long a signed-but-not-yet-connected identity holds its seat (a token is good for the first connection only). */
export const RESERVATION_MS = 15_000;

export function seatCaps(policy: Pick<RoomPolicy, 'stageMode' | 'maxParticipants' | 'maxAudience'>): SeatCaps {
  return { stage: policy.maxParticipants, audience: policy.stageMode ? policy.maxAudience : 0 };
}

/** The cap set on the LiveKit room. */
export function livekitCap(policy: Pick<RoomPolicy, 'stageMode' | 'maxParticipants' | 'maxAudience'>): number {
  const caps = seatCaps(policy);
  return caps.stage + caps.audience;
}

export function seatKind(role: Role): SeatKind {
  return role === 'audience' ? 'audience' : 'stage';
}

/** Who LiveKit says is connected, as seat holders (the role attribute the endpoint wrote says stage or audience). */
export function liveHolders(live: LiveRoom): SeatHolder[] {
  return [...live.participants.values()].map(({ sid, participant }) => ({
    identity: participant.identity,
    sid,
    kind: seatKind(participant.role),
  }));
}

function fullError(kind: SeatKind, caps: SeatCaps): ApiError {
  return kind === 'audience'
    ? new ApiError('ROOM_FULL', `The audience is full (${caps.audience} people).`)
    : new ApiError('ROOM_FULL', `The call is full (${caps.stage} people).`);
}

/**
 * Takes a seat of the kind `role` sits in for `identity`, or throws KICKED (a host removed them: checked in the same
 * transaction that takes the seat, so a ban written before it is never missed) or ROOM_FULL. `live` is the cached LiveKit state:
 * when LiveKit already holds as many as its room allows, the answer is full whatever the store says (someone refused
 * by LiveKit asks again and learns why). Before refusing on the store's count, the seats are brought in line with
 * LiveKit once, since a lost or reordered webhook could leave a seat counted for someone who left.
 */
export async function takeSeat(
  ctx: Context,
  room: RoomRecord,
  identity: string,
  role: Role,
  live: LiveRoom,
): Promise<void> {
  const kind = seatKind(role);
  const caps = seatCaps(room.policy);
  if (!live.participants.has(identity) && live.participants.size >= livekitCap(room.policy)) {
    throw fullError(kind, caps);
  }
  const claim = () => {
    const now = Date.now();
    return ctx.store.claimSeat({ roomId: room.id, identity, kind, caps, now, holdUntil: now + RESERVATION_MS });
  };
  const outcome = await claim();
  if (outcome === 'held') return;
  if (outcome === 'banned') throw removedError();
  // A list at most a second old: a flood of joins into a full room asks LiveKit about once a second per instance.
  // Rows newer than the list are left alone (see syncSeats), so an older list cannot free a seat that is taken.
  const fresh = await ctx.livekit.fresh(room.id, 1000);
  await ctx.store.syncSeats(room.id, liveHolders(fresh), fresh.listedAt);
  const again = await claim();
  if (again === 'held') return;
  throw again === 'banned' ? removedError() : fullError(kind, caps);
}

/**
 * Moves someone in the call to the stage (promotion: ROOM_FULL when the stage is full) or to the audience (demotion:
 * always allowed — the total stays the same, so LiveKit's cap still holds).
 */
export async function moveSeat(ctx: Context, room: RoomRecord, identity: string, to: SeatKind): Promise<void> {
  const caps = seatCaps(room.policy);
  const now = Date.now();
  const limits = to === 'stage' ? caps : { stage: caps.stage, audience: Number.MAX_SAFE_INTEGER };
  const moved = await ctx.store.claimSeat({ roomId: room.id, identity, kind: to, caps: limits, now, holdUntil: now });
  if (moved === 'banned') throw removedError();
  if (moved === 'full') throw new ApiError('ROOM_FULL', `The stage is full (${caps.stage} people).`);
}
