/** Hosts' moderation, carried out through LiveKit's RoomService. */
import { TrackSource, type ParticipantInfo } from 'livekit-server-sdk';
import { ATTRIBUTES, CONTROL_TOPIC, type ControlEvent, type RoomMetadata } from '../../contract/index.js';
import type { Context, RequestInfo } from '../context.js';
import { isHost, rateLimit, requireHost, requireUser } from '../guards.js';
import { findRoom, roleAmong } from '../room-views.js';
import { ApiError } from '../errors.js';
import { json, readBody } from '../http.js';
import { isNotFound } from '../livekit.js';
import type { RoomRecord } from '../store/types.js';
import { permissionsFor } from '../grants.js';
import { moveSeat, seatKind } from '../seats.js';

/**
 * End for all: everyone is told, then disconnected, and every token signed for this call stops working (the call
 * generation moves on). A one-shot room closes; a persistent one stays ACTIVE for the next call.
 */
export async function endCall(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  await endLiveCall(ctx, room);
  let status = room.status;
  if (room.policy.autoCloseWhenEmpty) {
    await ctx.store.updateRoom(room.id, { status: 'CLOSED' }, new Date().toISOString());
    status = 'CLOSED';
  }
  return json(200, { ended: true, status });
}

/**
 * Ends the LiveKit side of a call and starts the store's next one: tells the people in it why, stops recording,
 * deletes the LiveKit room, forgets the call's knocks and bans and revokes its tokens. With no call running it only
 * does the last part, without asking LiveKit to reach a room that is not there (which it answers slowly).
 */
export async function endLiveCall(ctx: Context, room: RoomRecord): Promise<void> {
  const live = await ctx.livekit.fresh(room.id, 0);
  if (live.opened) {
    const event: ControlEvent = { type: 'ended', reason: 'host-ended' };
    await ignoreNotFound(ctx.livekit.sendData(room.id, CONTROL_TOPIC, event));
    // The reason rides on the signal connection, ordered before the disconnect; the data message above may not be.
    const metadata: RoomMetadata = { ended: 'host-ended' };
    await ignoreNotFound(
      ctx.livekit.call(() => ctx.livekit.rooms.updateRoomMetadata(room.id, JSON.stringify(metadata))),
    );
    // Stop recording first, so Egress finishes and uploads the file rather than losing the room under it.
    await ctx.recording?.stopQuietly(room.id);
    await ignoreNotFound(ctx.livekit.call(() => ctx.livekit.rooms.deleteRoom(room.id)));
  }
  ctx.livekit.roomFinished(room.id);
  const pending = await ctx.store.listKnocks(room.id, 'pending');
  await ctx.store.resetCall(room.id, { revokeTokens: true });
  for (const knockRecord of pending) ctx.notifier.notify(knockRecord.id);
}

async function ignoreNotFound(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** `identity` as LiveKit sees it in the call now; 404 when it is not in it. */
export async function target(ctx: Context, room: RoomRecord, identity: string): Promise<ParticipantInfo> {
  try {
    return await ctx.livekit.call(() => ctx.livekit.rooms.getParticipant(room.id, identity));
  } catch (error) {
    if (isNotFound(error)) throw new ApiError('NOT_FOUND', 'That participant is not in the call.');
    throw error;
  }
}

/**
 * Kick: removed from the call and barred from joining or knocking again until this call ends. A host who is kicked
 * also stops being a host of the room (the creator cannot be kicked), so their host rights go with them.
 */
export async function kick(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const identity = info.params[1]!;
  if (identity === room.creatorId) throw new ApiError('FORBIDDEN', "The room's creator cannot be removed.");
  const now = new Date().toISOString();
  await ctx.store.addBan(room.id, identity, now);
  if (room.hosts.includes(identity)) {
    await ctx.store.updateRoom(room.id, { hosts: room.hosts.filter((id) => id !== identity) }, now);
  }
  // A kicked guest still waiting in the lobby is turned away too.
  const waiting = await ctx.store.latestKnock(room.id, identity);
  if (waiting?.status === 'pending') {
    await ctx.store.settleKnock(waiting.id, 'pending', 'denied', now);
    ctx.notifier.notify(waiting.id);
  }
  const removed = await removeFromCall(ctx, room.id, identity, 'kicked');
  return json(200, { identity, removed, banned: true });
}

/**
 * Disconnects `identity` if it is in the call, telling it why first. False when it was not in the call: then LiveKit
 * is not asked at all (for a room with no call it answers only after a few seconds).
 */
export async function removeFromCall(
  ctx: Context,
  roomId: string,
  identity: string,
  reason: 'kicked',
): Promise<boolean> {
  const live = await ctx.livekit.fresh(roomId, 0);
  let removed = false;
  if (live.participants.has(identity)) {
    const event: ControlEvent = { type: 'removed', identity, reason };
    try {
      await ctx.livekit.sendData(roomId, CONTROL_TOPIC, event, [identity]);
      await ctx.livekit.call(() => ctx.livekit.rooms.removeParticipant(roomId, identity));
      removed = true;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  live.participants.delete(identity);
  await ctx.store.releaseSeat(roomId, identity);
  await ctx.store.setCallRole(roomId, identity, null);
  return removed;
}

const SOURCES = {
  microphone: TrackSource.MICROPHONE,
  camera: TrackSource.CAMERA,
  screen_share: TrackSource.SCREEN_SHARE,
} as const;

export async function mute(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const input = await readBody(info.request, 'muteParticipant', ctx.maxBodyBytes);
  const source = input.source ?? 'microphone';
  const participant = await target(ctx, room, info.params[1]!);
  const tracks = participant.tracks.filter((track) => track.source === SOURCES[source]);
  if (tracks.length === 0) throw new ApiError('NOT_FOUND', `That participant has no ${source} track.`);
  for (const track of tracks) {
    await ctx.livekit.call(() => ctx.livekit.rooms.mutePublishedTrack(room.id, participant.identity, track.sid, true));
  }
  return json(200, { identity: participant.identity, source, muted: true });
}

/**
 * Promote (speaker) / demote (audience): grants and the role attribute change live, without reconnecting. The role
 * and the seat are the store's, so a rejoin through any instance, or after a restart, keeps them; a promotion needs a
 * free seat on the stage.
 */
export async function setRole(ctx: Context, info: RequestInfo, role: 'speaker' | 'audience'): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const participant = await target(ctx, room, info.params[1]!);
  if (isHost(room, participant.identity)) throw new ApiError('CONFLICT', 'A host keeps the host role.');
  await moveSeat(ctx, room, participant.identity, seatKind(role));
  await ctx.store.setCallRole(room.id, participant.identity, role === 'speaker' ? 'speaker' : null);
  await ctx.livekit.call(() =>
    ctx.livekit.rooms.updateParticipant(room.id, participant.identity, {
      attributes: { [ATTRIBUTES.role]: role },
      permission: permissionsFor(role, room.policy),
    }),
  );
  const event: ControlEvent = { type: 'role-changed', identity: participant.identity, role };
  await ctx.livekit.sendData(room.id, CONTROL_TOPIC, event).catch(() => {});
  return json(200, { identity: participant.identity, role });
}

/**
 * A participant raises or lowers its own hand. The endpoint writes the attribute, since participants may not write
 * their own: the time the hand went up stays the first one while it is up, so the queue order is fair.
 */
export async function setOwnHand(ctx: Context, info: RequestInfo): Promise<Response> {
  const user = requireUser(info);
  await rateLimit(ctx, info, user);
  const room = await findRoom(ctx, info.params[0]!);
  const { raised } = await readBody(info.request, 'setOwnHand', ctx.maxBodyBytes);
  const participant = await target(ctx, room, user.id);
  const current = participant.attributes[ATTRIBUTES.handRaisedAt] || null;
  const handRaisedAt = raised ? (current ?? new Date().toISOString()) : null;
  if (handRaisedAt !== current) {
    await ctx.livekit.call(() =>
      ctx.livekit.rooms.updateParticipant(room.id, user.id, {
        attributes: { [ATTRIBUTES.handRaisedAt]: handRaisedAt ?? '' },
      }),
    );
  }
  return json(200, { identity: user.id, handRaisedAt });
}

export async function lowerHand(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const participant = await target(ctx, room, info.params[1]!);
  await ctx.livekit.call(() =>
    ctx.livekit.rooms.updateParticipant(room.id, participant.identity, {
      attributes: { [ATTRIBUTES.handRaisedAt]: '' },
    }),
  );
  return json(200, { identity: participant.identity, handRaised: false });
}

export async function lowerAllHands(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  let participants: ParticipantInfo[] = [];
  try {
    participants = await ctx.livekit.call(() => ctx.livekit.rooms.listParticipants(room.id));
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const lowered: string[] = [];
  for (const participant of participants) {
    if (!participant.attributes[ATTRIBUTES.handRaisedAt]) continue;
    await ctx.livekit.call(() =>
      ctx.livekit.rooms.updateParticipant(room.id, participant.identity, {
        attributes: { [ATTRIBUTES.handRaisedAt]: '' },
      }),
    );
    lowered.push(participant.identity);
  }
  return json(200, { lowered });
}

/**
 * After a policy change: the people in the call get the rights the new policy gives their role (audience chat on or
 * off takes effect at once) and every browser is told, so its UI follows without rejoining. Best effort per person:
 * someone who just left needs no update.
 */
export async function applyPolicyToCall(ctx: Context, room: RoomRecord): Promise<void> {
  let participants: ParticipantInfo[];
  try {
    participants = await ctx.livekit.call(() => ctx.livekit.rooms.listParticipants(room.id));
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  // The promotions are read from the store, not this instance's memory: after a restart, or on another instance,
  // a speaker keeps the right to publish.
  const speakers = await ctx.store.listSpeakers(room.id);
  for (const participant of participants) {
    const role = roleAmong(room, participant.identity, speakers);
    await ctx.livekit
      .call(() =>
        ctx.livekit.rooms.updateParticipant(room.id, participant.identity, {
          permission: permissionsFor(role, room.policy),
        }),
      )
      .catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
  }
  const event: ControlEvent = { type: 'policy-changed', policy: room.policy };
  await ctx.livekit.sendData(room.id, CONTROL_TOPIC, event).catch(() => {});
}
