/**
 * Hosts start and stop recording the call; LiveKit Egress does the recording (see ../recording/recorder.ts). Whoever
 * is in the call is told where it stands (`CONTROL_TOPIC`, `{ type: 'egress' }`) after every change.
 */
import type { EgressKind, RecordingStateResponse } from '../../contract/recording.js';
import { CONTROL_TOPIC, type ControlEvent } from '../../contract/topics.js';
import type { Context, RequestInfo } from '../context.js';
import { isHost, requireHost } from '../guards.js';
import { findRoom } from '../room-views.js';
import { ApiError } from '../errors.js';
import { json, readBody } from '../http.js';
import { isNotFound } from '../livekit.js';
import type { Recorder } from '../recording/recorder.js';
import type { RoomRecord } from '../store/types.js';

export function recorderOf(ctx: Context): Recorder {
  if (!ctx.recording) {
    throw new ApiError('RECORDING_UNAVAILABLE', 'Recording is not set up on this endpoint (no recording destination).');
  }
  return ctx.recording;
}

/** Refuses a start while nobody is in the call: Egress would record (or stream) an empty room. */
export async function requireCallOn(ctx: Context, room: RoomRecord): Promise<void> {
  const live = await ctx.livekit.fresh(room.id, 0);
  if (!live.opened || live.participants.size === 0) {
    throw new ApiError('CONFLICT', 'Nobody is in the call yet; recording or streaming starts once the call is on.');
  }
}

/** `POST /rooms/{idOrCode}/recording` `{ mode?, layout? }` → 201 while the call is being recorded. */
export async function startRecording(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const input = await readBody(info.request, 'startRecording', ctx.maxBodyBytes);
  const recorder = recorderOf(ctx);
  await requireCallOn(ctx, room);
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
  void announceEgress(ctx, room, 'recording');
  const body: RecordingStateResponse = { recording: true, ...recording };
  return json(201, body);
}

/** `DELETE /rooms/{idOrCode}/recording` → 200 once every job of the room is stopped (also when none was running). */
export async function stopRecording(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const stopped = await recorderOf(ctx).stop(room.id, 'recording');
  void announceEgress(ctx, room, 'recording');
  const body: RecordingStateResponse = {
    recording: false,
    mode: null,
    layout: null,
    startedAt: null,
    egressIds: stopped,
  };
  return json(200, body);
}

/**
 * Tells everyone in the call where the room's recording (or stream) stands, from the store: hosts with Egress' reason
 * for a failure, everyone else without it. Best effort (a client also reads it from the room): never throws.
 */
export async function announceEgress(ctx: Context, room: RoomRecord, kind: EgressKind): Promise<void> {
  const recorder = ctx.recording;
  if (!recorder) return;
  try {
    const live = await ctx.livekit.fresh(room.id);
    const identities = [...live.participants.keys()];
    const hosts = identities.filter((identity) => isHost(room, identity));
    const others = identities.filter((identity) => !isHost(room, identity));
    for (const [forHost, to] of [
      [true, hosts],
      [false, others],
    ] as const) {
      if (to.length === 0) continue;
      const state = await recorder.state(room.id, forHost);
      const event: ControlEvent = {
        type: 'egress',
        kind,
        state: kind === 'recording' ? state.recording : state.stream,
      };
      await ctx.livekit.sendData(room.id, CONTROL_TOPIC, event, to);
    }
  } catch (error) {
    if (isNotFound(error)) return;
    ctx.logger.warn('could not tell the call about its recording', {
      roomId: room.id,
      error: (error as Error).message,
    });
  }
}
