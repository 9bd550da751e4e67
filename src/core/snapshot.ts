import type { CallSupportProblem } from './call-support.js';
import type { ErrorCode, KnockReason, KnockSummary, Reaction, Role, RoomView } from '../contract/index.js';

/**
 * The lifecycle of a session. `reconnecting` and `error` extend the product's list: `reconnecting` while LiveKit
 * recovers a dropped connection, `error` for a failure the user can retry from (bad attribute, endpoint unreachable).
 */
export const SESSION_STATUSES = [
  'idle',
  'pre-join',
  'connecting',
  'waiting',
  'in-room',
  'reconnecting',
  'ended',
  'denied',
  'error',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export type ConnectionQualityLevel = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

/** A published track, by its LiveKit sid. Elements attach it to a media element through `RoomSessionApi.attach`. */
export interface TrackSnapshot {
  sid: string;
  source: 'camera' | 'microphone' | 'screen_share' | 'screen_share_audio';
  muted: boolean;
  /** Whether this browser is receiving it (remote) or sending it (local). */
  subscribed: boolean;
  /** Video dimensions when known. */
  width?: number;
  height?: number;
}

export interface ParticipantSnapshot {
  identity: string;
  name: string;
  isLocal: boolean;
  role: Role;
  isSpeaking: boolean;
  /** 0–1, smoothed. */
  audioLevel: number;
  connectionQuality: ConnectionQualityLevel;
  /** ISO time the hand went up, or null. */
  handRaisedAt: string | null;
  camera: TrackSnapshot | null;
  microphone: TrackSnapshot | null;
  screenShare: TrackSnapshot | null;
  /** ISO time the participant joined, when known. */
  joinedAt: string | null;
}

export interface DeviceOption {
  deviceId: string;
  label: string;
}

export type PermissionState = 'unknown' | 'prompt' | 'granted' | 'denied' | 'unavailable';

export interface DevicesSnapshot {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  speakers: DeviceOption[];
  selectedCamera: string | null;
  selectedMicrophone: string | null;
  cameraPermission: PermissionState;
  microphonePermission: PermissionState;
}

export interface LobbySnapshot {
  reason: KnockReason;
  knockId: string;
  /** How many times the wait was renewed (long-poll rounds or retries after a network error). */
  attempts: number;
  /** True while the last attempt failed and a retry is scheduled. */
  retrying: boolean;
}

export interface SessionError {
  /**
   * The endpoint's code, or one of the browser's own: INVALID_ATTRIBUTE, NETWORK (the endpoint was not reached),
   * MEDIA (camera or microphone), CLIENT, BROWSER_UNSUPPORTED (this browser cannot make calls; see `support`) and
   * CONNECTION_FAILED (the media connection could not be set up).
   */
  code: ErrorCode | 'INVALID_ATTRIBUTE' | 'NETWORK' | 'MEDIA' | 'CLIENT' | 'BROWSER_UNSUPPORTED' | 'CONNECTION_FAILED';
  message: string;
  /** For BROWSER_UNSUPPORTED: what the browser lacks. */
  support?: CallSupportProblem;
  /** For INVALID_ATTRIBUTE: which attribute. */
  attribute?: string;
  /** For VALIDATION_FAILED raised before sending: which input (e.g. `displayName`), so a view can mark that field. */
  field?: string;
}

export type EndedReason = 'left' | 'host-ended' | 'kicked' | 'disconnected' | 'room-closed' | 'room-deleted';

export interface ChatMessageSnapshot {
  id: string;
  from: { identity: string; name: string };
  isLocal: boolean;
  /** ISO time. */
  sentAt: string;
  text?: string;
  /** Why a text message from this browser could not be sent. */
  error?: string;
  file?: {
    name: string;
    size: number;
    mimeType: string;
    /** 0–1 while sending or receiving. */
    progress: number;
    /** An object URL once received or sent. */
    url?: string;
    error?: string;
  };
}

/**
 * Whether the call is being recorded (or streamed live) through LiveKit Egress, the host's start / stop in progress,
 * and whether the latest one failed by itself.
 */
export interface RecordingSnapshot {
  /**
   * Running now: for the recording, LiveKit's room recording status in the call (true while any Egress job captures
   * the room); the endpoint's word (room view, then its `egress` control events) otherwise.
   */
  active: boolean;
  /** ISO time the recording started, when known (hosts: for the elapsed time). */
  startedAt: string | null;
  /** A host's start or stop is under way. */
  pending: 'starting' | 'stopping' | null;
  /** Why the last start or stop failed (e.g. `RECORDING_UNAVAILABLE`); cleared by the next attempt. */
  error: SessionError | null;
  /**
   * The latest job ended by itself with a failure (Egress' error, aborted, its time limit), as the endpoint reports
   * it. `reason` is Egress' own words, for hosts only (null for everyone else). Cleared by the next start.
   */
  failure: { reason: string | null } | null;
}

export const NOT_RECORDING: RecordingSnapshot = Object.freeze({
  active: false,
  startedAt: null,
  pending: null,
  error: null,
  failure: null,
}) as RecordingSnapshot;

/** The live stream has the recording's shape (Egress runs both). */
export const NOT_STREAMING: RecordingSnapshot = NOT_RECORDING;

/**
 * What this session can do for the viewer, beside what the role allows: elements show an action when both say yes.
 * A plain LiveKit token endpoint has no lobby or moderation, so its host actions are off; stories and element tests
 * start with everything on ({@link ALL_CAPABILITIES}).
 */
export interface SessionCapabilities {
  /** Send chat texts and files to the call. */
  chat: boolean;
  /** Raise and lower one's own hand. */
  raiseHand: boolean;
  /** Send reactions (the endpoint relays them). */
  react: boolean;
  /** Host: kick, mute, promote, demote, lower hands (one or all). */
  moderate: boolean;
  /** Host: change the room's policy during the call (e.g. audience chat). */
  updatePolicy: boolean;
  /** Host: start and stop recording. */
  record: boolean;
  /** Host: end the meeting for everyone. */
  endForAll: boolean;
}

export const ALL_CAPABILITIES: SessionCapabilities = Object.freeze({
  chat: true,
  raiseHand: true,
  react: true,
  moderate: true,
  updatePolicy: true,
  record: true,
  endForAll: true,
});

/**
 * Everything an element needs to render, as plain immutable data. Replaced as a whole on every change, so
 * `@lit/context` consumers update by identity and a story or test can build any state by hand.
 */
export interface RoomSnapshot {
  status: SessionStatus;
  /** The room the page asked for (code or id), before and after it is resolved. */
  roomRef: string | null;
  room: RoomView | null;
  role: Role | null;
  displayName: string;
  /** This browser's identity once the endpoint has admitted it. */
  identity: string | null;
  /** The user's wishes for local media (applied on join, toggled in the call). */
  micEnabled: boolean;
  cameraEnabled: boolean;
  screenSharing: boolean;
  /**
   * What replaces the camera's background (none by default; remembered in this browser). Whether the browser can do
   * it at all is `canProcessBackground()` (background-support.ts), asked only by what offers the option.
   */
  background: BackgroundChoice;
  handRaisedAt: string | null;
  /** A host asked this person to turn their microphone on; cleared when they do or decline (`answerUnmuteRequest`). */
  unmuteRequested: boolean;
  /** Local participant first, then remote ones in join order. Empty unless in the call. */
  participants: ParticipantSnapshot[];
  /** Identity of the loudest speaker now, or null. */
  activeSpeaker: string | null;
  /** Knocks waiting for a decision (hosts only). */
  knocks: KnockSummary[];
  /** This browser's own knock: while it waits, and once let in, until the call is connected. */
  lobby: LobbySnapshot | null;
  devices: DevicesSnapshot;
  chat: ChatMessageSnapshot[];
  error: SessionError | null;
  endedReason: EndedReason | null;
  /** The secret host-link key, present only in the session that created the room. */
  hostKey: string | null;
  recording: RecordingSnapshot;
  /** Captions on screen now, oldest first (see `captions.ts`): what transcription agents said, and who spoke it. */
  captions: CaptionSnapshot[];
  /** Reactions floating over the stage now, oldest first (see `reactions.ts`). */
  reactions: ReactionSnapshot[];
  /** The live stream (RTMP) of the call's composite view. */
  stream: RecordingSnapshot;
  /** What this session can do for the viewer (whether the role allows it is `role`'s business). */
  capabilities: SessionCapabilities;
  /**
   * The pre-call connection check (`checkConnection()`); absent until one is asked for (idle). Not in the initial
   * snapshot, whose bytes every page loads up front.
   */
  connectionCheck?: ConnectionCheckSnapshot;
}

/**
 * The steps of the pre-call check, in order: a token from the endpoint, LiveKit's signal connection (WebSocket), the
 * media connection (ICE), and a short publish the server acknowledges.
 */
export type ConnectionCheckStep = 'endpoint' | 'signal' | 'media' | 'publish';

export interface ConnectionCheckSnapshot {
  status: 'idle' | 'running' | 'passed' | 'failed';
  /** The steps finished so far, in order; the check stops at the first that fails. */
  steps: ReadonlyArray<{ name: ConnectionCheckStep; ok: boolean; ms: number }>;
  /** The step that failed, when `status` is `failed`. */
  failure: ConnectionCheckStep | null;
}

/** One caption segment: the words of one stretch of speech, replaced as a transcriber refines them. */
export interface CaptionSnapshot {
  /** The transcriber's segment id (unique per sender). */
  segmentId: string;
  /** Who spoke: the owner of the transcribed microphone, or the sender when it transcribes itself. */
  speaker: string;
  text: string;
  /** The transcriber will not change this text again. */
  final: boolean;
  /** When the text last changed (ms since the epoch): captions leave the screen a few seconds after they stop. */
  updatedAt: number;
}

/** A reaction someone sent, as the endpoint relayed it. */
export interface ReactionSnapshot {
  /** Unique in this session (a key for rendering). */
  id: number;
  identity: string;
  emoji: Reaction;
  /** When it arrived (ms since the epoch). */
  at: number;
}

/**
 * The camera's background: as it is, blurred, or replaced by an image (a URL; a bare file name is one of the images
 * shipped beside the processing code, e.g. `dusk.svg`).
 */
export type BackgroundChoice = 'none' | 'blur' | { image: string };

export const EMPTY_DEVICES: DevicesSnapshot = {
  cameras: [],
  microphones: [],
  speakers: [],
  selectedCamera: null,
  selectedMicrophone: null,
  cameraPermission: 'unknown',
  microphonePermission: 'unknown',
};

export const INITIAL_SNAPSHOT: RoomSnapshot = Object.freeze({
  status: 'idle',
  roomRef: null,
  room: null,
  role: null,
  displayName: '',
  identity: null,
  micEnabled: true,
  cameraEnabled: true,
  screenSharing: false,
  background: 'none',
  handRaisedAt: null,
  unmuteRequested: false,
  participants: [],
  activeSpeaker: null,
  knocks: [],
  lobby: null,
  devices: EMPTY_DEVICES,
  chat: [],
  error: null,
  endedReason: null,
  hostKey: null,
  recording: NOT_RECORDING,
  captions: [],
  reactions: [],
  stream: NOT_STREAMING,
  capabilities: ALL_CAPABILITIES,
}) as RoomSnapshot;
