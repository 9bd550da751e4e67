/**
 * LiveKit's webhooks, verified with the SDK's receiver (signed with our API key) and acted on once per event id. They
 * turn away whoever connects without the right to be there (a token from before a kick, an end for all, a close or
 * a delete), keep the live state and the store's seats current, release guests waiting for a host, and close a one-shot room when its last
 * participant leaves.
 */
import { WebhookReceiver, type EgressInfo, type ParticipantInfo, type WebhookEvent } from 'livekit-server-sdk';
import { OUR_ROOM_ID, refusalFor } from '../admission.js';
import type { Context, RequestInfo } from '../context.js';
import { ApiError } from '../errors.js';
import { json, readText } from '../http.js';
import { isNotFound, toLiveParticipant } from '../livekit.js';
import { seatKind } from '../seats.js';
import { releaseHostRequired } from '../lobby.js';
import type { RoomRecord, SeatHolder } from '../store/types.js';
import { announceEgress } from './recording.js';

/** How long an event id is remembered: far longer than a signed webhook stays valid (its JWT lives minutes). */
const REPLAY_MEMORY_MS = 24 * 3600 * 1000;

const receivers = new WeakMap<Context, WebhookReceiver>();

export async function webhook(ctx: Context, info: RequestInfo): Promise<Response> {
  let receiver = receivers.get(ctx);
  if (!receiver) {
    receiver = new WebhookReceiver(ctx.livekit.options.apiKey, ctx.livekit.options.apiSecret);
    receivers.set(ctx, receiver);
  }
  const body = await readText(info.request, 1024 * 1024);
  let event;
  try {
    event = await receiver.receive(body, info.request.headers.get('authorization') ?? undefined);
  } catch {
    throw new ApiError('UNAUTHENTICATED', 'The webhook signature is not valid.');
  }
  // A replay of a validly signed event (its signature lives minutes) is answered but not acted on again. An event
  // whose handling fails is forgotten, so LiveKit's own retry of it is still handled.
  const now = Date.now();
  const eventId = event.id;
  if (eventId) {
    const at = new Date(now).toISOString();
    const isNew = await ctx.store.recordWebhookEvent(eventId, at, new Date(now - REPLAY_MEMORY_MS).toISOString());
    if (!isNew) return json(200, { ok: true, duplicate: true });
  }
  try {
    return await handleEvent(ctx, event);
  } catch (error) {
    if (eventId) await ctx.store.forgetWebhookEvent(eventId).catch(() => {});
    throw error;
  }
}

async function handleEvent(ctx: Context, event: WebhookEvent): Promise<Response> {
  // Egress' events carry no `room`: the room is the job's `egressInfo.roomName`.
  if (event.egressInfo && event.event.startsWith('egress_')) {
    await egressReported(ctx, event.egressInfo);
    return json(200, { ok: true });
  }
  const roomId = event.room?.name;
  if (!roomId) return json(200, { ok: true });
  const room = await ctx.store.getRoomById(roomId);
  if (!room) {
    // A room of ours that the store no longer has was deleted; LiveKit re-creates a room for any valid token, so a
    // token signed before the delete is met by deleting the LiveKit room again.
    if (OUR_ROOM_ID.test(roomId) && (event.event === 'room_started' || event.event === 'participant_joined')) {
      await deleteLiveKitRoom(ctx, roomId);
    }
    return json(200, { ok: true });
  }

  switch (event.event) {
    case 'room_finished':
      ctx.livekit.roomFinished(roomId);
      await ctx.store.resetCall(roomId);
      break;
    case 'room_started':
      if (room.status === 'CLOSED') await deleteLiveKitRoom(ctx, roomId);
      else ctx.livekit.roomStarted(roomId);
      break;
    case 'participant_joined':
      if (event.participant && (await turnedAway(ctx, room, event.participant))) break;
      if (event.participant) {
        ctx.livekit.participantJoined(roomId, event.participant);
        await ctx.store.seatConnected(roomId, seatHolder(event.participant), Date.now());
      }
      await releaseHostRequired(ctx, room);
      break;
    case 'participant_left':
      if (event.participant) {
        ctx.livekit.participantLeft(roomId, event.participant);
        await ctx.store.seatLeft(roomId, event.participant.identity, event.participant.sid);
      }
      if (room.policy.autoCloseWhenEmpty && room.status === 'ACTIVE') {
        // Confirm with LiveKit rather than trusting our own counts, which may have missed a join.
        const live = await ctx.livekit.fresh(roomId, 0);
        if (live.participants.size === 0) {
          await ctx.store.updateRoom(roomId, { status: 'CLOSED' }, new Date().toISOString());
          await ctx.store.resetCall(roomId, { revokeTokens: true });
          ctx.logger.info('room closed when empty', { roomId });
        }
      }
      // Nobody left to record: stop (Egress would otherwise record an empty room until LiveKit closes it).
      if (
        ctx.recording &&
        (await ctx.recording.running(roomId)) &&
        (await ctx.livekit.fresh(roomId, 0)).participants.size === 0
      ) {
        await ctx.recording.stopQuietly(roomId);
      }
      break;
    case 'track_published':
      if (event.track) await ctx.recording?.trackPublished(room, event.track.sid);
      break;
    default:
      break;
  }
  return json(200, { ok: true });
}

/**
 * `egress_started`, `egress_updated`, `egress_ended`: Egress' report of a job of one of our rooms goes to the store, and
 * everyone in the call is told where the recording (or stream) now stands — a job that failed ends "recording" here.
 */
async function egressReported(ctx: Context, info: EgressInfo): Promise<void> {
  if (!ctx.recording || !OUR_ROOM_ID.test(info.roomName)) return;
  const room = await ctx.store.getRoomById(info.roomName);
  if (!room) return;
  const kind = await ctx.recording.report(info, room.id);
  await announceEgress(ctx, room, kind);
}

/**
 * Removes a participant who connected without the right to be there — with a token signed before a kick, an end for
 * all or a close, or refreshed by LiveKit while they were still in — and reports whether it did.
 */
async function turnedAway(ctx: Context, room: RoomRecord, participant: ParticipantInfo): Promise<boolean> {
  const refusal = await refusalFor(ctx, room, participant);
  if (!refusal) return false;
  ctx.logger.info('participant turned away', { roomId: room.id, identity: participant.identity, refusal });
  if (refusal === 'room-closed') {
    await deleteLiveKitRoom(ctx, room.id);
    return true;
  }
  try {
    await ctx.livekit.call(() => ctx.livekit.rooms.removeParticipant(room.id, participant.identity));
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  return true;
}

async function deleteLiveKitRoom(ctx: Context, roomId: string): Promise<void> {
  try {
    await ctx.livekit.call(() => ctx.livekit.rooms.deleteRoom(roomId));
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  ctx.livekit.roomFinished(roomId);
}

function seatHolder(participant: ParticipantInfo): SeatHolder {
  return { identity: participant.identity, sid: participant.sid, kind: seatKind(toLiveParticipant(participant).role) };
}
