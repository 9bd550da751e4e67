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
  /**
   * How long a stop may take (default 10000 ms). livekit-server answers a stop of a job that already ended only after
   * about 3 s (it asks Egress first), so this must be well above that.
   */
  stopTimeoutMs?: number;
  /** The composite recording's encoding; see `CompositeEncoding` (default: Egress' own, H.264 720p30 + AAC). */
  encoding?: CompositeEncoding;
  /**
   * Our own recorder page, for composite recordings and live streams that look like the call. Without it Egress
   * renders LiveKit's default template.
   */
  recorderPage?: RecorderPageOptions;
}

/**
 * The recorder page the endpoint serves at `{basePath}/recorder/` (Egress' "custom template"): Egress' headless Chrome
 * opens it with `?layout=…&url=…&token=…`, and it renders our stage, joined hidden and subscribe-only.
 */
export interface RecorderPageOptions {
  /**
   * The page's absolute http(s) address as Egress' Chrome reaches it — this endpoint's `{basePath}/recorder/`, e.g.
   * `https://rooms.example.com/api/recorder/`. When set, composite recordings and live streams pass it to Egress as
   * `customBaseUrl`, so they show our stage instead of LiveKit's default template.
   */
  url: string;
  /** The page's look (default `dark`). */
  theme?: (typeof RECORDER_THEMES)[number];
  /** The page's language, for the few words of its own, e.g. a caption's label (default `en`). */
  lang?: (typeof RECORDER_LANGS)[number];
  /** The folder of the CDN build (`hashdrop.js`, `chunks/`) the page loads (default: this package's `dist/cdn`). */
  assets?: string;
}

export const RECORDER_THEMES = ['dark', 'light'] as const;
export const RECORDER_LANGS = ['en', 'de', 'es', 'fr'] as const;

/**
 * How Egress encodes a composite recording: one of its presets, or codecs and sizes. An MP4 with AAC audio (the
 * default) needs an Egress build with an AAC encoder (GStreamer's `faac`); `audioCodec: 'opus'` makes an MP4 with
 * Opus audio, which any Egress build can write. Live streams always use H.264 + AAC (RTMP carries nothing else).
 */
export interface CompositeEncoding {
  /** An Egress preset, e.g. `H264_1080P_30`. Not with the fields below. */
  preset?: (typeof ENCODING_PRESETS)[number];
  audioCodec?: 'aac' | 'opus';
  videoCodec?: 'h264-baseline' | 'h264-main' | 'h264-high';
  width?: number;
  height?: number;
  framerate?: number;
  /** kbps */
  videoBitrate?: number;
  /** kbps */
  audioBitrate?: number;
}

/** Egress' `EncodingOptionsPreset` names (livekit_egress.proto). */
export const ENCODING_PRESETS = [
  'H264_720P_30',
  'H264_720P_60',
  'H264_1080P_30',
  'H264_1080P_60',
  'PORTRAIT_H264_720P_30',
  'PORTRAIT_H264_720P_60',
  'PORTRAIT_H264_1080P_30',
  'PORTRAIT_H264_1080P_60',
] as const;

export const DEFAULT_FILE_NAME = '{room_code}/{time}';
export const DEFAULT_START_TIMEOUT_MS = 3000;
export const DEFAULT_STOP_TIMEOUT_MS = 10_000;

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
  for (const name of ['startTimeoutMs', 'stopTimeoutMs'] as const) {
    const timeout = options[name];
    if (timeout !== undefined && !(timeout > 0 && timeout <= 30_000)) {
      throw new Error(`recording.${name} must be between 1 and 30000.`);
    }
  }
  if (options.encoding) validateEncoding(options.encoding);
  if (options.recorderPage) validateRecorderPage(options.recorderPage);
}

function validateRecorderPage(page: RecorderPageOptions): void {
  let url: URL | null = null;
  try {
    url = new URL(page.url);
  } catch {
    // Reported below: a relative or malformed URL is the same mistake.
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new Error(
      'recording.recorderPage.url must be an absolute http(s) URL that Egress reaches, e.g. ' +
        'https://rooms.example.com/api/recorder/.',
    );
  }
  if (page.theme !== undefined && !RECORDER_THEMES.includes(page.theme)) {
    throw new Error(`recording.recorderPage.theme must be one of ${RECORDER_THEMES.join(', ')}.`);
  }
  if (page.lang !== undefined && !RECORDER_LANGS.includes(page.lang)) {
    throw new Error(`recording.recorderPage.lang must be one of ${RECORDER_LANGS.join(', ')}.`);
  }
  if (page.assets !== undefined && (typeof page.assets !== 'string' || page.assets.length === 0)) {
    throw new Error('recording.recorderPage.assets must be a folder path.');
  }
}

function validateEncoding(encoding: CompositeEncoding): void {
  const { preset, ...codecs } = encoding;
  if (preset !== undefined && !ENCODING_PRESETS.includes(preset)) {
    throw new Error(`recording.encoding.preset must be one of ${ENCODING_PRESETS.join(', ')}.`);
  }
  if (preset !== undefined && Object.values(codecs).some((value) => value !== undefined)) {
    throw new Error('recording.encoding takes a preset or codecs, not both.');
  }
  if (codecs.audioCodec !== undefined && !['aac', 'opus'].includes(codecs.audioCodec)) {
    throw new Error('recording.encoding.audioCodec must be "aac" or "opus".');
  }
  if (codecs.videoCodec !== undefined && !['h264-baseline', 'h264-main', 'h264-high'].includes(codecs.videoCodec)) {
    throw new Error('recording.encoding.videoCodec must be "h264-baseline", "h264-main" or "h264-high".');
  }
  for (const name of ['width', 'height', 'framerate', 'videoBitrate', 'audioBitrate'] as const) {
    const value = codecs[name];
    if (value !== undefined && !(Number.isInteger(value) && value > 0 && value <= 100_000)) {
      throw new Error(`recording.encoding.${name} must be a positive whole number.`);
    }
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
  const preset = env.HASHDROP_RECORDING_PRESET;
  const audioCodec = env.HASHDROP_RECORDING_AUDIO_CODEC;
  if (preset || audioCodec) {
    options.encoding = {
      ...(preset ? { preset: preset as CompositeEncoding['preset'] } : {}),
      ...(audioCodec ? { audioCodec: audioCodec as CompositeEncoding['audioCodec'] } : {}),
    };
  }
  const recorderPage = env.HASHDROP_RECORDER_PAGE_URL;
  if (!recorderPage && (env.HASHDROP_RECORDER_THEME || env.HASHDROP_RECORDER_LANG)) {
    throw new Error('HASHDROP_RECORDER_THEME and HASHDROP_RECORDER_LANG need HASHDROP_RECORDER_PAGE_URL.');
  }
  if (recorderPage) {
    options.recorderPage = {
      url: recorderPage,
      ...(env.HASHDROP_RECORDER_THEME ? { theme: env.HASHDROP_RECORDER_THEME as RecorderPageOptions['theme'] } : {}),
      ...(env.HASHDROP_RECORDER_LANG ? { lang: env.HASHDROP_RECORDER_LANG as RecorderPageOptions['lang'] } : {}),
    };
  }
  validateRecordingOptions(options);
  return options;
}
