/**
 * Egress' own record of a job → what hosts see. Built field by field from an allow-list: an `EgressInfo` carries the
 * start request, and with it the upload credentials, so it is never passed on as is.
 */
import { EgressStatus, type EgressInfo } from 'livekit-server-sdk';
import type { RecordingDestinationKind, RecordingStatus, RecordingSummary } from '../../contract/recording.js';

const STATUS: Record<EgressStatus, RecordingStatus> = {
  [EgressStatus.EGRESS_STARTING]: 'starting',
  [EgressStatus.EGRESS_ACTIVE]: 'active',
  [EgressStatus.EGRESS_ENDING]: 'ending',
  [EgressStatus.EGRESS_COMPLETE]: 'complete',
  [EgressStatus.EGRESS_FAILED]: 'failed',
  [EgressStatus.EGRESS_ABORTED]: 'aborted',
  [EgressStatus.EGRESS_LIMIT_REACHED]: 'limit_reached',
};

export function isActive(info: EgressInfo): boolean {
  return info.status <= EgressStatus.EGRESS_ENDING;
}

/** Egress' status (an enum of livekit_egress.proto) by our name; an unknown future status counts as failed. */
export function statusOf(info: EgressInfo): RecordingStatus {
  return STATUS[info.status] ?? 'failed';
}

/**
 * Egress' error texts may quote an output URL, and a stream URL carries the stream key: any URL is cut out before the
 * text is stored, logged or shown.
 */
export function scrubError(error: string): string {
  return error.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<url>').slice(0, 500);
}

/** Egress times are Unix nanoseconds; 0 means "not yet". */
export function timeOf(nanoseconds: bigint): string | null {
  return nanoseconds > 0n ? new Date(Number(nanoseconds / 1_000_000n)).toISOString() : null;
}

type Upload = { case: string | undefined; value?: unknown };

function destinationOf(upload: Upload | undefined): RecordingSummary['destination'] {
  const value = upload?.value as { bucket?: string; containerName?: string } | undefined;
  switch (upload?.case) {
    case 's3':
      return { kind: 's3', bucket: value?.bucket ?? null };
    case 'gcp':
      return { kind: 'gcs', bucket: value?.bucket ?? null };
    case 'azure':
      return { kind: 'azure' as RecordingDestinationKind, bucket: value?.containerName ?? null };
    default:
      return { kind: null, bucket: null };
  }
}

/** The requested file output of a room-composite or track job (the only two kinds this endpoint starts). */
function requestedFile(info: EgressInfo): { filepath: string; output?: Upload } | null {
  const request = info.request;
  if (request.case === 'roomComposite') {
    const file =
      request.value.fileOutputs[0] ?? (request.value.output.case === 'file' ? request.value.output.value : null);
    return file ? { filepath: file.filepath, output: file.output } : null;
  }
  if (request.case === 'track' && request.value.output.case === 'file') {
    const file = request.value.output.value;
    return { filepath: file.filepath, output: file.output };
  }
  return null;
}

export function summarize(info: EgressInfo): RecordingSummary {
  const requested = requestedFile(info);
  const result = info.fileResults[0] ?? (info.result.case === 'file' ? info.result.value : undefined);
  return {
    egressId: info.egressId,
    mode: info.request.case === 'track' ? 'tracks' : 'composite',
    destination: destinationOf(requested?.output),
    fileName: result?.filename || requested?.filepath || '',
    location: result?.location || null,
    startedAt: timeOf(info.startedAt),
    endedAt: timeOf(info.endedAt),
    status: statusOf(info),
    error: info.error ? scrubError(info.error) : null,
  };
}
