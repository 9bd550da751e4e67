/** Room CRUD, identity, info and claim-host. */
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_POLICY,
  generateRoomCode,
  type CreateRoomResponse,
  type IdentityResponse,
  type InfoResponse,
  type RoomView,
} from '../../contract/index.js';
import type { Context, RequestInfo } from '../context.js';
import { hashHostKey, hostKeyMatches, isHost, rateLimit, requireCreator, requireHost, requireUser } from '../guards.js';
import { findRoom, roomView } from '../room-views.js';
import { ApiError } from '../errors.js';
import { json, readBody } from '../http.js';
import { isNotFound } from '../livekit.js';
import { applyPolicyToCall, endLiveCall } from './moderation.js';
import { CodeTakenError, type RoomRecord } from '../store/types.js';

export const FEATURES = ['scheduled_rooms', 'waiting_room', 'require_host', 'stage_mode', 'moderation', 'long_poll'];

export function info(ctx: Context): Response {
  // `recording` only when a destination is set up, so a client can leave out the recording control.
  const features = ctx.recording ? [...FEATURES, 'recording'] : FEATURES;
  const body: InfoResponse = { name: 'hashdrop', version: ctx.version, features };
  return json(200, body);
}

/** Issues a fresh anonymous identity. The browser keeps it and sends it back as a bearer credential. */
export async function issueIdentity(ctx: Context, info: RequestInfo): Promise<Response> {
  await rateLimit(ctx, info, null, 'create');
  const issued = ctx.signer.issue(ctx.identityTtlSeconds);
  const body: IdentityResponse = {
    credential: issued.credential,
    userId: issued.userId,
    expiresAt: issued.expiresAt.toISOString(),
  };
  return json(201, body);
}

export async function createRoom(ctx: Context, info: RequestInfo): Promise<Response> {
  const user = requireUser(info);
  await rateLimit(ctx, info, user, 'create');
  const input = await readBody(info.request, 'createRoom', ctx.maxBodyBytes);
  const hostKey = randomBytes(24).toString('base64url');
  const now = new Date().toISOString();
  // The code space is large, so a collision is rare; a few retries make it vanishingly so.
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const code = generateRoomCode();
    const room: RoomRecord = {
      id: `r${randomBytes(12).toString('hex')}`,
      code,
      name: input.name ?? code,
      creatorId: user.id,
      hosts: (input.hosts ?? []).filter((id) => id !== user.id),
      scheduledStartAt: input.scheduledStartAt ?? null,
      scheduledEndAt: input.scheduledEndAt ?? null,
      status: 'ACTIVE',
      policy: { ...DEFAULT_POLICY, ...input.policy },
      hostKeyHash: hashHostKey(hostKey),
      callGeneration: 0,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await ctx.store.createRoom(room);
    } catch (error) {
      if (error instanceof CodeTakenError) continue;
      throw error;
    }
    ctx.logger.info('room created', { roomId: room.id, code: room.code });
    const body: CreateRoomResponse = { room: roomView(room, user.id), hostKey };
    return json(201, body);
  }
  throw new ApiError('CONFLICT', 'Could not find a free room code; try again.');
}

export async function listRooms(ctx: Context, info: RequestInfo): Promise<Response> {
  const user = requireUser(info);
  const rooms = await ctx.store.listRoomsFor(user.id);
  return json(200, { rooms: rooms.map((room) => roomView(room, user.id)) });
}

/**
 * One room. Anyone with the code may read what a pre-join screen needs; hosts also see who runs it and who is in the
 * call (read from LiveKit). Lookups by non-hosts are rate-limited, found or not, since codes are guessable words.
 */
export async function getRoom(ctx: Context, info: RequestInfo): Promise<Response> {
  let room: RoomRecord | null = null;
  try {
    room = await findRoom(ctx, info.params[0]!);
  } catch (error) {
    await rateLimit(ctx, info, info.user, 'lookup');
    throw error;
  }
  const host = isHost(room, info.user?.id);
  if (!host) await rateLimit(ctx, info, info.user, 'lookup');
  const view: RoomView = roomView(room, info.user?.id);
  if (host) {
    const live = await ctx.livekit.fresh(room.id, 0);
    view.live = {
      active: live.opened && live.participants.size > 0,
      // The host role is the store's word, whatever a participant's attributes say.
      participants: [...live.participants.values()].map(({ participant }) => ({
        ...participant,
        role: isHost(room, participant.identity)
          ? 'host'
          : participant.role === 'host'
            ? 'participant'
            : participant.role,
      })),
    };
  }
  if (ctx.recording) {
    // Everyone may know the call is recorded (pre-join says so); only hosts see the files.
    const state = await ctx.recording.state(room.id, view.youAreHost === true, view.youAreHost === true);
    view.recording = state.recording.active;
    view.recordingState = state.recording;
    view.stream = state.stream;
    if (state.listing) view.recordings = state.listing;
  }
  return json(200, { room: view });
}

export async function updateRoom(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireUser(info);
  const input = await readBody(info.request, 'updateRoom', ctx.maxBodyBytes);
  // Hosts run the call, so they may change its policy (audience chat during a stage, say); the room itself — its
  // name, schedule, status and hosts — stays the creator's.
  const policyOnly = Object.keys(input).every(
    (key) => key === 'policy' || (input as Record<string, unknown>)[key] === undefined,
  );
  const user = policyOnly ? requireHost(room, info) : requireCreator(room, info);
  const start = input.scheduledStartAt !== undefined ? input.scheduledStartAt : room.scheduledStartAt;
  const end = input.scheduledEndAt !== undefined ? input.scheduledEndAt : room.scheduledEndAt;
  if (start && end && Date.parse(end) <= Date.parse(start)) {
    throw new ApiError('VALIDATION_FAILED', 'scheduledEndAt must be after scheduledStartAt.');
  }
  const updated = await ctx.store.updateRoom(
    room.id,
    {
      name: input.name,
      scheduledStartAt: input.scheduledStartAt,
      scheduledEndAt: input.scheduledEndAt,
      status: input.status,
      policy: input.policy ? { ...room.policy, ...input.policy } : undefined,
      hosts: input.hosts?.filter((id) => id !== room.creatorId),
    },
    new Date().toISOString(),
  );
  if (!updated) throw new ApiError('NOT_FOUND', 'There is no room with that id or code.');
  // Closing a room ends its call: a closed room has nobody in it, and no token signed before gets back in.
  if (input.status === 'CLOSED' && room.status !== 'CLOSED') await endLiveCall(ctx, updated);
  // Whether a call runs is LiveKit's word (this instance may never have seen it): re-read when the cache is stale.
  else if (input.policy && (await ctx.livekit.fresh(room.id)).opened) await applyPolicyToCall(ctx, updated);
  return json(200, { room: roomView(updated, user.id) });
}

export async function deleteRoom(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireCreator(room, info);
  await ctx.store.deleteRoom(room.id);
  // Whoever is still in the call is disconnected: the room they were in no longer exists. A token signed for it that
  // connects later finds no stored room, and the webhook deletes the LiveKit room LiveKit made for it.
  try {
    await ctx.livekit.call(() => ctx.livekit.rooms.deleteRoom(room.id));
  } catch (error) {
    if (!isNotFound(error)) ctx.logger.warn('could not delete LiveKit room', { roomId: room.id });
  }
  ctx.livekit.forget(room.id);
  return new Response(null, { status: 204 });
}

/** The secret host link: whoever presents the room's host key becomes one of its hosts. */
export async function claimHost(ctx: Context, info: RequestInfo): Promise<Response> {
  const user = requireUser(info);
  await rateLimit(ctx, info, user);
  const room = await findRoom(ctx, info.params[0]!);
  const input = await readBody(info.request, 'claimHost', ctx.maxBodyBytes);
  if (!hostKeyMatches(room, input.hostKey))
    throw new ApiError('FORBIDDEN', 'That host key is not valid for this room.');
  let updated = room;
  if (!isHost(room, user.id)) {
    updated =
      (await ctx.store.updateRoom(room.id, { hosts: [...room.hosts, user.id] }, new Date().toISOString())) ?? room;
  }
  return json(200, { room: roomView(updated, user.id) });
}
