import type { CreateRoomRequest, ParticipantAction, Reaction, RoomPolicy } from '../contract/index.js';
import type { RecordingLayout, RecordingMode } from '../contract/recording.js';
import type { BackgroundChoice, RoomSnapshot } from './snapshot.js';

export type SnapshotListener = (snapshot: RoomSnapshot, previous: RoomSnapshot) => void;

/**
 * What elements may do with a session. `RoomSession` implements it against a real endpoint and LiveKit; stories and
 * element tests implement it over plain snapshots. Every action exists on every session: whether the viewer is offered
 * one is the snapshot's business (`role` and `capabilities`), never a probe for a method. Actions never throw for
 * expected failures: they move the snapshot to a state that says what happened (`error`, `denied`, …). They reject
 * only for programming errors.
 */
export interface RoomSessionApi {
  readonly snapshot: RoomSnapshot;
  subscribe(listener: SnapshotListener): () => void;

  /** Resolve the room, warm the connection and show the pre-join screen. */
  prepare(roomRef: string): Promise<void>;
  /** Create a room (this browser becomes its host), then prepare it. */
  createRoom(options?: CreateRoomRequest): Promise<void>;
  /** Ask to join with a display name: straight in, or into the lobby. */
  join(displayName: string): Promise<void>;
  /** Leave the lobby without waiting for a decision. */
  cancelWaiting(): Promise<void>;
  leave(): Promise<void>;

  setMicrophoneEnabled(enabled: boolean): Promise<void>;
  setCameraEnabled(enabled: boolean): Promise<void>;
  /**
   * Share the screen (the browser asks which screen, window or tab) or stop sharing. A refused or cancelled picker
   * leaves `screenSharing` false; the browser's own "Stop sharing" also ends it.
   */
  setScreenShareEnabled(enabled: boolean): Promise<void>;
  /**
   * Blur the camera's background, replace it with an image, or show it as it is (`'none'`, the default). The choice
   * applies to the pre-join preview and the published camera, and this browser remembers it for the next visit. The
   * processing code and its model load only when first turned on, from beside the package's own files. Where the
   * browser cannot process video (`snapshot.backgroundSupported` false) it does nothing.
   */
  setBackground(choice: BackgroundChoice): Promise<void>;
  selectCamera(deviceId: string): Promise<void>;
  selectMicrophone(deviceId: string): Promise<void>;
  /** Ask for camera and microphone access and list devices (pre-join). */
  requestDevices(): Promise<void>;

  admit(knockId: string): Promise<void>;
  deny(knockId: string): Promise<void>;
  admitAll(): Promise<void>;

  /** Render a track (by sid) into a media element; returns a function that detaches it. */
  attach(trackSid: string, element: HTMLMediaElement): () => void;
  /** A local camera preview for pre-join, before any call exists. */
  attachPreview(element: HTMLVideoElement): () => void;

  /** Send a chat message to everyone in the call (LiveKit's `lk.chat` topic); it appears in `snapshot.chat`. */
  sendChatMessage(text: string): Promise<void>;
  /**
   * Send a file to everyone in the call. A file over `maxFileBytes` is refused before anything is sent: it appears in
   * `snapshot.chat` with an `error` saying why. Progress and the object URL appear there too.
   */
  sendChatFile(file: File): Promise<void>;
  /** The largest chat file this session sends or accepts, in bytes (default 15 MB). */
  maxFileBytes?: number;

  /** Host only: end the meeting for everyone (the endpoint disconnects all participants). */
  endForAll(): Promise<void>;
  /**
   * Host only: record the call through the endpoint (LiveKit Egress). `snapshot.recording` shows it starting, then
   * active; a failure (`RECORDING_UNAVAILABLE`) puts it back to not recording with the reason in `recording.error`.
   */
  startRecording(options?: { mode?: RecordingMode; layout?: RecordingLayout }): Promise<void>;
  /** Host only: stop recording. */
  stopRecording(): Promise<void>;
  /**
   * Host only: go live to an RTMP/RTMPS server (`url` with the stream key; the session keeps no copy).
   * `snapshot.stream` shows it starting, then live; a refused start lands in `stream.error`.
   */
  startStream(options: { url: string; layout?: RecordingLayout }): Promise<void>;
  /** Host only: stop the live stream. */
  stopStream(): Promise<void>;
  /**
   * Raise or lower this participant's hand. It is a LiveKit participant attribute holding the time it went up, so
   * hosts see raised hands in order; a host lowering it shows up here as `handRaisedAt: null`.
   */
  setHandRaised(raised: boolean): Promise<void>;
  /**
   * Send a reaction to everyone in the call, through the endpoint (which relays it under this participant's
   * identity, rate-limited). It shows in `snapshot.reactions` when the relay comes back, like everyone else's.
   */
  react(emoji: Reaction): Promise<void>;
  /**
   * Host only: kick, mute, promote, demote or lower the hand of one participant. The endpoint decides (and refuses
   * non-hosts); a refusal lands in `snapshot.error`.
   */
  moderate(identity: string, action: ParticipantAction): Promise<void>;
  /** Host only: lower every raised hand. */
  lowerAllHands(): Promise<void>;
  /** Host only: mute every microphone but the hosts' (each person may turn theirs on again). */
  muteAll(): Promise<void>;
  /**
   * Answer a host's request to unmute (`snapshot.unmuteRequested`): accepting turns this browser's microphone on,
   * declining only clears the request. Nobody else can turn it on.
   */
  answerUnmuteRequest(accept: boolean): Promise<void>;
  /** Host only: change part of the room's policy during the call (e.g. `audienceChat`). */
  updatePolicy(policy: Partial<RoomPolicy>): Promise<void>;
  /**
   * The pre-call check: a token for a throwaway room from the endpoint, then LiveKit's signal and media connections
   * and a short publish there, each step bounded in time; progress and verdict in `snapshot.connectionCheck`. It never
   * touches the real call. A check already running is not started again.
   */
  checkConnection(): Promise<void>;
  /** The pre-join microphone's loudness, 0–1, about 20 times a second (kept out of the snapshot to spare renders). */
  observeMicLevel?(listener: (level: number) => void): () => void;

  /** Stop everything: media, timers, connections. The session cannot be used afterwards. */
  dispose(): void;
}
