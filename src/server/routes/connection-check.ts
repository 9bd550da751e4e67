/**
 * The pre-call check's token: a LiveKit room of the caller's own, new for every request, to connect to, publish one
 * short track in and leave. The room's name is random and prefixed `check-` (room ids never are), so the token can
 * never be used in a real call, whatever the caller sends; LiveKit makes the room on the first join and removes it
 * when the caller leaves.
 */
import { randomBytes } from 'node:crypto';
import type { ConnectionCheckResponse } from '../../contract/index.js';
import type { Context, RequestInfo } from '../context.js';
import { rateLimit, requireUser } from '../guards.js';
import { json } from '../http.js';

/** Long enough to connect on a slow network; the check itself takes seconds. */
export const CHECK_TOKEN_TTL_SECONDS = 60;

export async function connectionCheck(ctx: Context, info: RequestInfo): Promise<Response> {
  const user = requireUser(info);
  await rateLimit(ctx, info, user);
  const room = `check-${randomBytes(12).toString('hex')}`;
  const token = ctx.livekit.mintCheckToken({ room, identity: user.id, ttlSeconds: CHECK_TOKEN_TTL_SECONDS });
  return json(200, { serverUrl: ctx.livekit.options.url, token, room } satisfies ConnectionCheckResponse);
}
