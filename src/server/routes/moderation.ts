/** Hosts' moderation, carried out through LiveKit's RoomService. */
import { TrackSource, type ParticipantInfo } from 'livekit-server-sdk';
import { ATTRIBUTES, CONTROL_TOPIC, MuteRequest, type ControlEvent, type RoomMetadata } from '../../contract/index.js';
import { findRoom, isHost, requireHost, roleFor, type Context, type RequestInfo } from '../context.js';
import { ApiError } from '../errors.js';
import { json, readJson } from '../http.js';
import { isNotFound } from '../livekit.js';
import type { RoomRecord } from '../store/types.js';
import { permissionsFor } from '../grants.js';

/** End for all: everyone is told, then disconnected. A one-shot room closes; a persistent one stays ACTIVE. */
export async function endCall(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const event: ControlEvent = { type: 'ended', reason: 'host-ended' };
  try {
    await ctx.livekit.sendData(room.id, CONTROL_TOPIC, event);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    // The reason rides on the signal connection, ordered before the disconnect; the data message above may not be.
    const metadata: RoomMetadata = { ended: 'host-ended' };
    await ctx.livekit.call(() => ctx.livekit.rooms.updateRoomMetadata(room.id, JSON.stringify(metadata)));
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  // Stop recording first, so Egress finishes and uploads the file rather than losing the room under it.
  await ctx.recording?.stopQuietly(room.id);
  try {
    await ctx.livekit.call(() => ctx.livekit.rooms.deleteRoom(room.id));
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  ctx.livekit.roomFinished(room.id);
  const pending = await ctx.store.listKnocks(room.id, 'pending');
  await ctx.store.resetCall(room.id);
  for (const knockRecord of pending) ctx.notifier.notify(knockRecord.id);
  let status = room.status;
  if (room.policy.autoCloseWhenEmpty) {
    await ctx.store.updateRoom(room.id, { status: 'CLOSED' }, new Date().toISOString());
    status = 'CLOSED';
  }
  return json(200, { ended: true, status });
}

async function target(ctx: Context, room: RoomRecord, identity: string): Promise<ParticipantInfo> {
  try {
    return await ctx.livekit.call(() => ctx.livekit.rooms.getParticipant(room.id, identity));
  } catch (error) {
    if (isNotFound(error)) throw new ApiError('NOT_FOUND', 'That participant is not in the call.');
    throw error;
  }
}

/** Kick: removed from the call and barred from joining or knocking again until this call ends. */
export async function kick(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const identity = info.params[1]!;
  if (identity === room.creatorId) throw new ApiError('FORBIDDEN', "The room's creator cannot be removed.");
  await ctx.store.addBan(room.id, identity, new Date().toISOString());
  // A kicked guest still waiting in the lobby is turned away too.
  const waiting = await ctx.store.latestKnock(room.id, identity);
  if (waiting?.status === 'pending') {
    await ctx.store.settleKnock(waiting.id, 'pending', 'denied', new Date().toISOString());
    ctx.notifier.notify(waiting.id);
  }
  const event: ControlEvent = { type: 'removed', identity, reason: 'kicked' };
  let removed = true;
  try {
    await ctx.livekit.sendData(room.id, CONTROL_TOPIC, event, [identity]);
    await ctx.livekit.call(() => ctx.livekit.rooms.removeParticipant(room.id, identity));
  } catch (error) {
    if (!isNotFound(error)) throw error;
    removed = false;
  }
  ctx.livekit.state(room.id).participants.delete(identity);
  ctx.livekit.state(room.id).reserved.delete(identity);
  return json(200, { identity, removed, banned: true });
}

const SOURCES = {
  microphone: TrackSource.MICROPHONE,
  camera: TrackSource.CAMERA,
  screen_share: TrackSource.SCREEN_SHARE,
} as const;

export async function mute(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const input = await readJson(info.request, MuteRequest, ctx.maxBodyBytes, true);
  const source = input.source ?? 'microphone';
  const participant = await target(ctx, room, info.params[1]!);
  const tracks = participant.tracks.filter((track) => track.source === SOURCES[source]);
  if (tracks.length === 0) throw new ApiError('NOT_FOUND', `That participant has no ${source} track.`);
  for (const track of tracks) {
    await ctx.livekit.call(() => ctx.livekit.rooms.mutePublishedTrack(room.id, participant.identity, track.sid, true));
  }
  return json(200, { identity: participant.identity, source, muted: true });
}

/** Promote (speaker) / demote (audience): grants and the role attribute change live, without reconnecting. */
export async function setRole(ctx: Context, info: RequestInfo, role: 'speaker' | 'audience'): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const participant = await target(ctx, room, info.params[1]!);
  if (isHost(room, participant.identity)) throw new ApiError('CONFLICT', 'A host keeps the host role.');
  await ctx.livekit.call(() =>
    ctx.livekit.rooms.updateParticipant(room.id, participant.identity, {
      attributes: { [ATTRIBUTES.role]: role },
      permission: { ...permissionsFor(role, room.policy), canUpdateMetadata: true },
    }),
  );
  const speakers = ctx.livekit.state(room.id).speakers;
  if (role === 'speaker') speakers.add(participant.identity);
  else speakers.delete(participant.identity);
  const event: ControlEvent = { type: 'role-changed', identity: participant.identity, role };
  await ctx.livekit.sendData(room.id, CONTROL_TOPIC, event).catch(() => {});
  return json(200, { identity: participant.identity, role });
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
  for (const participant of participants) {
    const role = roleFor(ctx, room, participant.identity);
    await ctx.livekit
      .call(() =>
        ctx.livekit.rooms.updateParticipant(room.id, participant.identity, {
          permission: { ...permissionsFor(role, room.policy), canUpdateMetadata: true },
        }),
      )
      .catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
  }
  const event: ControlEvent = { type: 'policy-changed', policy: room.policy };
  await ctx.livekit.sendData(room.id, CONTROL_TOPIC, event).catch(() => {});
}
