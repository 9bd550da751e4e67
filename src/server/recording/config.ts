/**
 * The operator's recording options: where LiveKit Egress uploads the files and how they are named. Credentials are
 * read from the environment (or given in code) and only ever travel to Egress inside a start request, server to
 * server; they never appear in a response or a log line.
 */
import { readFileSync } from 'node:fs';

/** Amazon S3, or any S3-compatible store (MinIO, R2, …: set `endpoint`, usually with `forcePathStyle`). */
export interface S3Destination {
  type: 's3';
  bucket: string;
  region?: string;
  /** An S3-compatible service's URL, e.g. `https://minio.internal:9000`. */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Default: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`. Absent: Egress' own credentials. */
  accessKey?: string;
  secret?: string;
  sessionToken?: string;
}

export interface GcsDestination {
  type: 'gcs';
  bucket: string;
  /**
   * A service account's JSON key (the contents). Default: the file `GOOGLE_APPLICATION_CREDENTIALS` names.
   * Absent: Egress' own credentials (workload identity).
   */
  credentials?: string;
}

export interface AzureDestination {
  type: 'azure';
  container: string;
  /** Default: `AZURE_STORAGE_ACCOUNT`, `AZURE_STORAGE_KEY`. */
  accountName?: string;
  accountKey?: string;
}

export type RecordingDestination = S3Destination | GcsDestination | AzureDestination;

export interface RecordingOptions {
  destination: RecordingDestination;
  /**
   * The file path inside the bucket, without extension. `{room_code}` is expanded by the endpoint (Egress does not
   * know room codes); `{time}`, `{room_name}` (our room id) and, per track, `{publisher_identity}`, `{track_source}`,
   * `{track_id}` are expanded by Egress itself when it writes the file. Default `{room_code}/{time}` (composite);
   * tracks add `-{publisher_identity}-{track_source}-{track_id}`.
   */
  fileName?: string;
  /** The Egress API's URL when it is not LiveKit's own (`livekit.apiUrl`); Egress is normally reached through LiveKit. */
  egressUrl?: string;
  /** How long a start may take before it is reported as `RECORDING_UNAVAILABLE` (default 3000 ms). */
  startTimeoutMs?: number;
}

export const DEFAULT_FILE_NAME = '{room_code}/{time}';
export const DEFAULT_START_TIMEOUT_MS = 3000;

type Env = Record<string, string | undefined>;

/** Fills credentials left out of the options from the environment. */
export function withEnvCredentials(destination: RecordingDestination, env: Env = process.env): RecordingDestination {
  switch (destination.type) {
    case 's3':
      return {
        ...destination,
        accessKey: destination.accessKey ?? env.AWS_ACCESS_KEY_ID,
        secret: destination.secret ?? env.AWS_SECRET_ACCESS_KEY,
        sessionToken: destination.sessionToken ?? env.AWS_SESSION_TOKEN,
      };
    case 'gcs': {
      const file = env.GOOGLE_APPLICATION_CREDENTIALS;
      return {
        ...destination,
        credentials: destination.credentials ?? (file ? readFileSync(file, 'utf8') : undefined),
      };
    }
    case 'azure':
      return {
        ...destination,
        accountName: destination.accountName ?? env.AZURE_STORAGE_ACCOUNT,
        accountKey: destination.accountKey ?? env.AZURE_STORAGE_KEY,
      };
  }
}

/** Checks the options once, at start-up: a misconfiguration fails there, not at a host's first click. */
export function validateRecordingOptions(options: RecordingOptions): void {
  const destination = options.destination as RecordingDestination | undefined;
  if (!destination || !['s3', 'gcs', 'azure'].includes(destination.type)) {
    throw new Error('recording.destination.type must be "s3", "gcs" or "azure".');
  }
  const bucket = destination.type === 'azure' ? destination.container : destination.bucket;
  if (!bucket)
    throw new Error(`recording.destination needs a ${destination.type === 'azure' ? 'container' : 'bucket'}.`);
  if (options.fileName !== undefined && !/^[^\0]{1,512}$/.test(options.fileName)) {
    throw new Error('recording.fileName must be 1–512 characters.');
  }
  const timeout = options.startTimeoutMs;
  if (timeout !== undefined && !(timeout > 0 && timeout <= 30_000)) {
    throw new Error('recording.startTimeoutMs must be between 1 and 30000.');
  }
}

/**
 * The CLI's recording options, from `HASHDROP_RECORDING_*` variables; null when `HASHDROP_RECORDING_DESTINATION` is
 * not set (recording off).
 */
export function recordingFromEnv(env: Env = process.env): RecordingOptions | null {
  const type = env.HASHDROP_RECORDING_DESTINATION;
  if (!type) return null;
  const bucket = env.HASHDROP_RECORDING_BUCKET ?? '';
  let destination: RecordingDestination;
  if (type === 's3') {
    destination = {
      type,
      bucket,
      ...(env.HASHDROP_RECORDING_REGION ? { region: env.HASHDROP_RECORDING_REGION } : {}),
      ...(env.HASHDROP_RECORDING_ENDPOINT ? { endpoint: env.HASHDROP_RECORDING_ENDPOINT } : {}),
      forcePathStyle: env.HASHDROP_RECORDING_FORCE_PATH_STYLE === '1',
    };
  } else if (type === 'gcs') {
    destination = { type, bucket };
  } else if (type === 'azure') {
    destination = { type, container: bucket };
  } else {
    throw new Error('HASHDROP_RECORDING_DESTINATION must be s3, gcs or azure.');
  }
  const options: RecordingOptions = { destination };
  if (env.HASHDROP_RECORDING_FILE_NAME) options.fileName = env.HASHDROP_RECORDING_FILE_NAME;
  if (env.HASHDROP_EGRESS_URL) options.egressUrl = env.HASHDROP_EGRESS_URL;
  validateRecordingOptions(options);
  return options;
}
