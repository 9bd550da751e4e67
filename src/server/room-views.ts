/** Rooms as the API shows them: found by id or code, the hosts in the call, a caller's role and view of a room. */
import { normalizeRoomCode, type Role, type RoomView } from '../contract/index.js';
import type { Context } from './context.js';
import { ApiError } from './errors.js';
import { isHost } from './guards.js';
import type { RoomRecord } from './store/types.js';

/** Finds a room by id or by code (any case, any separator); 404 otherwise. */
export async function findRoom(ctx: Context, idOrCode: string): Promise<RoomRecord> {
  const code = normalizeRoomCode(idOrCode);
  const room = (code ? await ctx.store.getRoomByCode(code) : null) ?? (await ctx.store.getRoomById(idOrCode));
  if (!room) throw new ApiError('NOT_FOUND', 'There is no room with that id or code.');
  return room;
}

/** Whether any host of the room is connected to the call right now (as far as live state knows). */
export function hostsPresent(ctx: Context, room: RoomRecord): string[] {
  const live = ctx.livekit.state(room.id);
  return [...live.participants.keys()].filter((identity) => isHost(room, identity));
}

/** The role a caller gets when admitted: a promotion during the call is the store's, so any instance knows it. */
export async function roleFor(ctx: Context, room: RoomRecord, userId: string): Promise<Role> {
  if (isHost(room, userId) || !room.policy.stageMode) return roleAmong(room, userId, []);
  return roleAmong(room, userId, (await ctx.store.callRole(room.id, userId)) === 'speaker' ? [userId] : []);
}

/** The role of `userId` given the call's promoted speakers (read once for a whole room by the caller). */
export function roleAmong(room: RoomRecord, userId: string, speakers: readonly string[]): Role {
  if (isHost(room, userId)) return 'host';
  if (!room.policy.stageMode) return 'participant';
  return speakers.includes(userId) ? 'speaker' : 'audience';
}

/** A room as the API shows it to `userId`: who runs the room (creator, hosts) only to its hosts. */
export function roomView(room: RoomRecord, userId: string | undefined): RoomView {
  const host = isHost(room, userId);
  return {
    id: room.id,
    code: room.code,
    name: room.name,
    ...(host ? { creatorId: room.creatorId, hosts: room.hosts } : {}),
    scheduledStartAt: room.scheduledStartAt,
    scheduledEndAt: room.scheduledEndAt,
    status: room.status,
    policy: room.policy,
    createdAt: room.createdAt,
    updatedAt: room.updatedAt,
    youAreHost: host,
  };
}
