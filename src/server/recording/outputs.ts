/**
 * Turns the operator's destination into Egress' protobuf outputs: an MP4 `EncodedFileOutput` for the composite file,
 * a `DirectFileOutput` (no transcoding) for each track. Pure: no network, so tests compare it field by field.
 */
import {
  AzureBlobUpload,
  DirectFileOutput,
  EncodedFileOutput,
  EncodedFileType,
  GCPUpload,
  S3Upload,
} from 'livekit-server-sdk';
import type { RecordingLayout } from '../../contract/recording.js';
import { DEFAULT_FILE_NAME, type RecordingDestination } from './config.js';

type Upload = EncodedFileOutput['output'];

/** Our stage's views → LiveKit's composite templates: the spotlight is LiveKit's `speaker`. */
export const EGRESS_LAYOUTS: Record<RecordingLayout, string> = { spotlight: 'speaker', grid: 'grid' };

/** Appended per track, so the files of one recording sort together and name their publisher and source. */
const TRACK_SUFFIX = '-{publisher_identity}-{track_source}-{track_id}';

export function uploadFor(destination: RecordingDestination): Upload {
  // Absent credentials are sent empty: Egress then uses the ones in its own configuration.
  switch (destination.type) {
    case 's3':
      return {
        case: 's3',
        value: new S3Upload({
          bucket: destination.bucket,
          region: destination.region ?? '',
          endpoint: destination.endpoint ?? '',
          forcePathStyle: destination.forcePathStyle ?? false,
          accessKey: destination.accessKey ?? '',
          secret: destination.secret ?? '',
          sessionToken: destination.sessionToken ?? '',
        }),
      };
    case 'gcs':
      return {
        case: 'gcp',
        value: new GCPUpload({ bucket: destination.bucket, credentials: destination.credentials ?? '' }),
      };
    case 'azure':
      return {
        case: 'azure',
        value: new AzureBlobUpload({
          containerName: destination.container,
          accountName: destination.accountName ?? '',
          accountKey: destination.accountKey ?? '',
        }),
      };
  }
}

/** Expands the endpoint's own placeholder; Egress' (`{time}`, `{room_name}`, …) are left for Egress. */
export function expandFileName(template: string | undefined, room: { code: string }): string {
  return (template ?? DEFAULT_FILE_NAME).replaceAll('{room_code}', room.code);
}

export function compositeOutput(
  destination: RecordingDestination,
  template: string | undefined,
  room: { code: string },
): EncodedFileOutput {
  return new EncodedFileOutput({
    fileType: EncodedFileType.MP4,
    filepath: `${expandFileName(template, room)}.mp4`,
    output: uploadFor(destination),
  });
}

/** No extension: Egress picks it from the track's codec (`.ogg` for Opus, `.webm`/`.mp4` for video). */
export function trackOutput(
  destination: RecordingDestination,
  template: string | undefined,
  room: { code: string },
): DirectFileOutput {
  return new DirectFileOutput({
    filepath: `${expandFileName(template, room)}${TRACK_SUFFIX}`,
    output: uploadFor(destination),
  });
}
