/**
 * LiveKit's webhooks, verified with the SDK's receiver (signed with our API key). They keep the live state current,
 * release guests waiting for a host, and close a one-shot room when its last participant leaves.
 */
import { WebhookReceiver } from 'livekit-server-sdk';
import type { Context, RequestInfo } from '../context.js';
import { ApiError } from '../errors.js';
import { json, readText } from '../http.js';
import { releaseHostRequired } from '../lobby.js';

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
  const roomId = event.room?.name;
  if (!roomId) return json(200, { ok: true });
  const room = await ctx.store.getRoomById(roomId);
  if (!room) return json(200, { ok: true });

  switch (event.event) {
    case 'room_started':
      ctx.livekit.roomStarted(roomId);
      break;
    case 'room_finished':
      ctx.recording?.forget(roomId);
      ctx.livekit.roomFinished(roomId);
      await ctx.store.resetCall(roomId);
      break;
    case 'participant_joined':
      if (event.participant) ctx.livekit.participantJoined(roomId, event.participant);
      await releaseHostRequired(ctx, room);
      break;
    case 'participant_left':
      if (event.participant) ctx.livekit.participantLeft(roomId, event.participant);
      if (room.policy.autoCloseWhenEmpty && room.status === 'ACTIVE') {
        // Confirm with LiveKit rather than trusting our own counts, which may have missed a join.
        const live = await ctx.livekit.fresh(roomId, 0);
        if (live.participants.size === 0) {
          await ctx.store.updateRoom(roomId, { status: 'CLOSED' }, new Date().toISOString());
          ctx.logger.info('room closed when empty', { roomId });
        }
      }
      // Nobody left to record: stop (Egress would otherwise record an empty room until LiveKit closes it).
      if (ctx.recording?.current(roomId) && (await ctx.livekit.fresh(roomId, 0)).participants.size === 0) {
        await ctx.recording.stopQuietly(roomId);
      }
      break;
    case 'track_published':
      if (event.track) await ctx.recording?.trackPublished(room, event.track.sid);
      break;
    case 'egress_ended':
      if (event.egressInfo) ctx.recording?.egressEnded(roomId, event.egressInfo.egressId);
      break;
    default:
      break;
  }
  return json(200, { ok: true });
}
