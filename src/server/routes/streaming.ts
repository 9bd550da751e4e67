/**
 * Hosts go live: the call's composite view streamed to an RTMP/RTMPS server through LiveKit Egress. The URL (with its
 * stream key) is handed to the recorder and nowhere else — no response, log line or store row holds it.
 */
import type { StreamStateResponse } from '../../contract/recording.js';
import type { Context, RequestInfo } from '../context.js';
import { requireHost } from '../guards.js';
import { findRoom } from '../room-views.js';
import { json, readBody } from '../http.js';
import { announceEgress, recorderOf, requireCallOn } from './recording.js';

/** `POST /rooms/{idOrCode}/stream` `{ url, layout? }` → 201 while the call streams. */
export async function startStream(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const input = await readBody(info.request, 'startStream', ctx.maxBodyBytes);
  const recorder = recorderOf(ctx);
  await requireCallOn(ctx, room);
  const started = await recorder.startStream(room, { url: input.url, layout: input.layout ?? 'spotlight' });
  void announceEgress(ctx, room, 'stream');
  const body: StreamStateResponse = {
    streaming: true,
    layout: started.layout,
    startedAt: started.startedAt,
    egressIds: started.egressIds,
  };
  return json(201, body);
}

/** `DELETE /rooms/{idOrCode}/stream` → 200 once the room's streams are stopped (also when none ran). */
export async function stopStream(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const stopped = await recorderOf(ctx).stop(room.id, 'stream');
  void announceEgress(ctx, room, 'stream');
  const body: StreamStateResponse = { streaming: false, layout: null, startedAt: null, egressIds: stopped };
  return json(200, body);
}
