/** Hosts start and stop recording the call; LiveKit Egress does the recording (see ../recording/recorder.ts). */
import type { RecordingStateResponse } from '../../contract/recording.js';
import type { Context, RequestInfo } from '../context.js';
import { requireHost } from '../guards.js';
import { findRoom } from '../room-views.js';
import { ApiError } from '../errors.js';
import { json, readBody } from '../http.js';
import { isNotFound } from '../livekit.js';
import type { Recorder } from '../recording/recorder.js';

function recorderOf(ctx: Context): Recorder {
  if (!ctx.recording) {
    throw new ApiError('RECORDING_UNAVAILABLE', 'Recording is not set up on this endpoint (no recording destination).');
  }
  return ctx.recording;
}

/** `POST /rooms/{idOrCode}/recording` `{ mode?, layout? }` → 201 while the call is being recorded. */
export async function startRecording(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const input = await readBody(info.request, 'startRecording', ctx.maxBodyBytes);
  const recorder = recorderOf(ctx);
  const live = await ctx.livekit.fresh(room.id, 0);
  if (!live.opened || live.participants.size === 0) {
    throw new ApiError('CONFLICT', 'Nobody is in the call yet; recording starts once the call is on.');
  }
  const recording = await recorder.start(
    room,
    { mode: input.mode ?? 'composite', layout: input.layout ?? 'spotlight' },
    async () => {
      try {
        const people = await ctx.livekit.call(() => ctx.livekit.rooms.listParticipants(room.id));
        return people.flatMap((person) => person.tracks.map((track) => track.sid));
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
    },
  );
  const body: RecordingStateResponse = {
    recording: true,
    mode: recording.mode,
    layout: recording.layout,
    startedAt: recording.startedAt,
    egressIds: [...recording.egressIds],
  };
  return json(201, body);
}

/** `DELETE /rooms/{idOrCode}/recording` → 200 once every job of the room is stopped (also when none was running). */
export async function stopRecording(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const stopped = await recorderOf(ctx).stop(room.id);
  const body: RecordingStateResponse = {
    recording: false,
    mode: null,
    layout: null,
    startedAt: null,
    egressIds: stopped,
  };
  return json(200, body);
}
