import * as v from 'valibot';

/**
 * Recording through LiveKit Egress: what a host asks for and what the endpoint reports. Browser code imports only the
 * types from here (`import type`), so valibot stays out of the browser bundle.
 */

/** `composite`: one mixed file of the whole call. `tracks`: one file per published track (camera, mic, screen). */
export const RECORDING_MODES = ['composite', 'tracks'] as const;
export type RecordingMode = (typeof RECORDING_MODES)[number];

/** The composite file's layout, named after our stage's own views: `spotlight` (active speaker large) or `grid`. */
export const RECORDING_LAYOUTS = ['spotlight', 'grid'] as const;
export type RecordingLayout = (typeof RECORDING_LAYOUTS)[number];

/** Where the operator's files go: a bucket / container kind, never its credentials. */
export const RECORDING_DESTINATIONS = ['s3', 'gcs', 'azure'] as const;
export type RecordingDestinationKind = (typeof RECORDING_DESTINATIONS)[number];

export const RECORDING_STATUSES = [
  'starting',
  'active',
  'ending',
  'complete',
  'failed',
  'aborted',
  'limit_reached',
] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

/** What an Egress job makes: a `recording` (files in the operator's bucket) or a live `stream` (RTMP/RTMPS). */
export const EGRESS_KINDS = ['recording', 'stream'] as const;
export type EgressKind = (typeof EGRESS_KINDS)[number];

export const StartRecordingRequest = v.strictObject({
  /** `composite` (default) or `tracks`. */
  mode: v.optional(v.picklist(RECORDING_MODES, 'mode is "composite" or "tracks".')),
  /** Composite only: `spotlight` (default) or `grid`. */
  layout: v.optional(v.picklist(RECORDING_LAYOUTS, 'layout is "spotlight" or "grid".')),
});
export type StartRecordingRequest = v.InferInput<typeof StartRecordingRequest>;

const Timestamp = v.pipe(v.string(), v.isoTimestamp());

/**
 * Whether the room is being recorded (or streamed) now, as the endpoint's store has it from Egress' own reports, and
 * whether the latest job failed. Everyone may know; only hosts get Egress' `reason`.
 */
export const EgressState = v.pipe(
  v.object({
    active: v.boolean(),
    /** When the running job started (null when none runs). */
    startedAt: v.nullable(Timestamp),
    /** The latest job ended by itself with a failure (Egress error, aborted, or its time limit). */
    failed: v.boolean(),
    /** Hosts only: Egress' reason for that failure; null for everyone else and when nothing failed. */
    reason: v.nullable(v.string()),
  }),
  v.description('Whether a recording or live stream runs now, and whether the latest one failed (from Egress).'),
);
export type EgressState = v.InferOutput<typeof EgressState>;

/** One Egress job of this room, as Egress itself lists it. */
export const RecordingSummary = v.pipe(
  v.object({
    egressId: v.string(),
    mode: v.picklist(RECORDING_MODES),
    /** The storage kind and bucket (or Azure container) the file goes to; null when Egress' own default is used. */
    destination: v.object({ kind: v.nullable(v.picklist(RECORDING_DESTINATIONS)), bucket: v.nullable(v.string()) }),
    /** The file name as requested (templates expanded by Egress once it writes the file). */
    fileName: v.string(),
    /** Where the finished file is, as Egress reports it; null until it is uploaded. */
    location: v.nullable(v.string()),
    startedAt: v.nullable(Timestamp),
    endedAt: v.nullable(Timestamp),
    status: v.picklist(RECORDING_STATUSES),
    /** Egress' reason for a failure, when it failed. */
    error: v.nullable(v.string()),
  }),
  v.description('One Egress job of this room, as Egress lists it.'),
);
export type RecordingSummary = v.InferOutput<typeof RecordingSummary>;

/** `room.recordings` (hosts): Egress' listing for the room. `available: false` when Egress could not be asked. */
export const RecordingListing = v.pipe(
  v.object({ available: v.boolean(), items: v.array(RecordingSummary) }),
  v.description(
    'Recordings of this room from Egress; available is false (and items empty) when Egress is unreachable.',
  ),
);
export type RecordingListing = v.InferOutput<typeof RecordingListing>;

/** `POST …/recording` (201) and `DELETE …/recording` (200): whether the room is being recorded now. */
export const RecordingStateResponse = v.object({
  recording: v.boolean(),
  mode: v.nullable(v.picklist(RECORDING_MODES)),
  layout: v.nullable(v.picklist(RECORDING_LAYOUTS)),
  /** When this recording started (null once stopped). */
  startedAt: v.nullable(Timestamp),
  /** The Egress jobs started (on start) or stopped (on stop). */
  egressIds: v.array(v.string()),
});
export type RecordingStateResponse = v.InferOutput<typeof RecordingStateResponse>;

/**
 * `POST …/stream`: go live to an RTMP or RTMPS server with the call's composite view. The URL carries the stream key,
 * so it is write-only: sent to Egress, never returned, logged or stored by the endpoint. Error messages never echo it.
 */
export const StartStreamRequest = v.pipe(
  v.strictObject({
    /** The ingest URL with the stream key, e.g. `rtmps://a.rtmps.youtube.com/live2/KEY`. Write-only. */
    url: v.pipe(
      v.string('url is the rtmp:// or rtmps:// ingest URL, stream key included.'),
      v.maxLength(2048, 'url is at most 2048 characters.'),
      v.regex(
        /^rtmps?:\/\/[^\s/?#]+(\/\S*)?$/,
        'url must be an rtmp:// or rtmps:// URL (the stream key is part of its path).',
      ),
    ),
    /** `spotlight` (default) or `grid`. */
    layout: v.optional(v.picklist(RECORDING_LAYOUTS, 'layout is "spotlight" or "grid".')),
  }),
  v.description('Where to stream: an RTMP/RTMPS URL with its key (write-only: never returned or logged).'),
);
export type StartStreamRequest = v.InferInput<typeof StartStreamRequest>;

/** `POST …/stream` (201) and `DELETE …/stream` (200): whether the call streams now. Never carries the URL. */
export const StreamStateResponse = v.object({
  streaming: v.boolean(),
  layout: v.nullable(v.picklist(RECORDING_LAYOUTS)),
  /** When this stream started (null once stopped). */
  startedAt: v.nullable(Timestamp),
  /** The Egress jobs started (on start) or stopped (on stop). */
  egressIds: v.array(v.string()),
});
export type StreamStateResponse = v.InferOutput<typeof StreamStateResponse>;
