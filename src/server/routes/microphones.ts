/**
 * Hosts and other people's microphones: a host may mute them (all at once here; one by one in moderation.ts) and ask
 * one person to unmute, but never turns a microphone on. The request is only a message to that person; their own
 * browser turns it on if they accept.
 */
import { TrackSource, type ParticipantInfo } from 'livekit-server-sdk';
import { CONTROL_TOPIC, type ControlEvent } from '../../contract/index.js';
import type { Context, RequestInfo } from '../context.js';
import { isHost, rateLimit, requireHost } from '../guards.js';
import { findRoom } from '../room-views.js';
import { ApiError } from '../errors.js';
import { json } from '../http.js';
import { isNotFound } from '../livekit.js';
import { target } from './moderation.js';

const liveMicrophones = (participant: ParticipantInfo) =>
  participant.tracks.filter((track) => track.source === TrackSource.MICROPHONE && !track.muted);

/** Mutes every microphone that is on, but the hosts'; answers the identities muted. */
export async function muteAll(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  let participants: ParticipantInfo[] = [];
  try {
    participants = await ctx.livekit.call(() => ctx.livekit.rooms.listParticipants(room.id));
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const muting = participants
    .filter((participant) => !isHost(room, participant.identity) && liveMicrophones(participant).length > 0)
    .map(async (participant) => {
      for (const track of liveMicrophones(participant)) {
        try {
          await ctx.livekit.call(() =>
            ctx.livekit.rooms.mutePublishedTrack(room.id, participant.identity, track.sid, true),
          );
        } catch (error) {
          // Left, or unpublished it, meanwhile: nothing to mute.
          if (isNotFound(error)) return null;
          throw error;
        }
      }
      return participant.identity;
    });
  const muted = (await Promise.all(muting)).filter((identity): identity is string => identity !== null);
  return json(200, { muted });
}

export async function askToUnmute(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  const host = requireHost(room, info);
  // Limited like other attempts: a host cannot flood someone's screen with requests.
  await rateLimit(ctx, info, host);
  const participant = await target(ctx, room, info.params[1]!);
  const mayPublish = participant.permission?.canPublish ?? true;
  const sources = participant.permission?.canPublishSources ?? [];
  if (!mayPublish || (sources.length > 0 && !sources.includes(TrackSource.MICROPHONE))) {
    throw new ApiError('CONFLICT', 'They may not speak in this call; make them a speaker first.');
  }
  if (liveMicrophones(participant).length > 0) throw new ApiError('CONFLICT', 'Their microphone is already on.');
  const event: ControlEvent = { type: 'unmute-requested', identity: participant.identity };
  await ctx.livekit.sendData(room.id, CONTROL_TOPIC, event, [participant.identity]);
  return json(200, { identity: participant.identity, asked: true });
}
