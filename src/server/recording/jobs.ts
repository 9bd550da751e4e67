/**
 * Egress' report of a job (`EgressInfo`, livekit_egress.proto) → the store's record of it, and the store's records →
 * what people are told (`EgressState`). Pure: tests feed it Egress' own messages.
 *
 * Only allow-listed fields are read: an `EgressInfo` carries its start request, and with it the upload credentials
 * and the stream URL with its key, so nothing of the request but its kind, layout and track is kept.
 */
import type { EgressInfo } from 'livekit-server-sdk';
import type { EgressKind, EgressState, RecordingLayout } from '../../contract/recording.js';
import type { EgressJobRecord } from '../store/types.js';
import { scrubError, statusOf, timeOf } from './summary.js';

/** LiveKit's composite templates → our stage's views (the inverse of outputs.ts' `EGRESS_LAYOUTS`). */
const LAYOUT_OF_TEMPLATE: Record<string, RecordingLayout> = { speaker: 'spotlight', grid: 'grid' };

/** A job that neither ended nor is ending: it still records (or streams) the room. */
export function isRunning(job: Pick<EgressJobRecord, 'status'>): boolean {
  return job.status === 'starting' || job.status === 'active';
}

/** Ended without the host asking: Egress failed, aborted it (e.g. the start signal never came) or hit its limit. */
function endedByItself(job: EgressJobRecord): boolean {
  return job.status === 'failed' || job.status === 'aborted' || job.status === 'limit_reached';
}

/** What the request says about the job: recording or stream, composite or track, its layout or track. */
function describe(info: EgressInfo): Pick<EgressJobRecord, 'kind' | 'mode' | 'layout' | 'trackSid'> {
  const request = info.request;
  if (request.case === 'track') {
    return { kind: 'recording', mode: 'tracks', layout: null, trackSid: request.value.trackId || null };
  }
  let kind: EgressKind = info.streamResults.length > 0 || info.result.case === 'stream' ? 'stream' : 'recording';
  let layout: RecordingLayout | null = null;
  if (request.case === 'roomComposite') {
    const composite = request.value;
    if (composite.streamOutputs.length > 0 || composite.output.case === 'stream') kind = 'stream';
    layout = LAYOUT_OF_TEMPLATE[composite.layout] ?? null;
  }
  return { kind, mode: 'composite', layout, trackSid: null };
}

/**
 * The store's record of `info`. `known` (what the starting instance asked for) wins over what is read from the
 * request; `now` stamps the report.
 */
export function jobRecord(
  info: EgressInfo,
  roomId: string,
  now: string,
  known: Partial<Pick<EgressJobRecord, 'kind' | 'mode' | 'layout' | 'trackSid'>> = {},
): EgressJobRecord {
  const error = info.error ? scrubError(info.error) : null;
  return {
    egressId: info.egressId,
    roomId,
    ...describe(info),
    ...known,
    status: statusOf(info),
    error,
    startedAt: timeOf(info.startedAt),
    endedAt: timeOf(info.endedAt),
    // Kept from the first report only: a job first seen in a listing long after it ran must not pass for the latest.
    createdAt: timeOf(info.startedAt) ?? now,
    updatedAt: now,
  };
}

/**
 * Where the room's recording (or stream) stands, from its jobs (newest first): running when any job runs, failed when
 * the latest ended by itself. `forHost` decides whether Egress' reason is told.
 */
export function egressState(jobs: readonly EgressJobRecord[], forHost: boolean): EgressState {
  const running = jobs.filter(isRunning);
  const latest = jobs[0];
  const failed = running.length === 0 && latest !== undefined && endedByItself(latest);
  const starts = running.map((job) => job.startedAt ?? job.createdAt).sort();
  return {
    active: running.length > 0,
    startedAt: starts[0] ?? null,
    failed,
    reason: failed && forHost ? (latest.error ?? latest.status) : null,
  };
}
