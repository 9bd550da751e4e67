/**
 * Reactions: the endpoint relays them as server messages, so whoever a reaction is shown from is the identity the
 * endpoint authenticated (a participant's own data message could claim any sender), the audience of a stage can
 * react without the right to send data, and one sender cannot flood everyone's screen (a limit of its own).
 */
import { REACTION_TOPIC, type ReactionEvent } from '../../contract/index.js';
import type { Context, RequestInfo } from '../context.js';
import { rateLimit, requireUser } from '../guards.js';
import { findRoom } from '../room-views.js';
import { ApiError } from '../errors.js';
import { json, readBody } from '../http.js';
import { isNotFound } from '../livekit.js';

export async function sendReaction(ctx: Context, info: RequestInfo): Promise<Response> {
  const user = requireUser(info);
  await rateLimit(ctx, info, user, 'reaction');
  const room = await findRoom(ctx, info.params[0]!);
  const { emoji } = await readBody(info.request, 'sendReaction', ctx.maxBodyBytes);
  // Only someone in the call reacts to it: LiveKit's word, not a cache (a kicked person is gone from it at once).
  try {
    await ctx.livekit.call(() => ctx.livekit.rooms.getParticipant(room.id, user.id));
  } catch (error) {
    if (isNotFound(error)) throw new ApiError('NOT_FOUND', 'You are not in this call.');
    throw error;
  }
  const event: ReactionEvent = { type: 'reaction', identity: user.id, emoji, sentAt: new Date().toISOString() };
  await ctx.livekit.sendData(room.id, REACTION_TOPIC, event);
  return json(200, { identity: user.id, emoji, sentAt: event.sentAt });
}
