import type { BackgroundChoice } from './snapshot.js';
import type { LocalVideoTrack } from 'livekit-client';
import type { CallSupportProblem } from './call-support.js';
import type { ControlEvent, LobbyEvent, Role } from '../contract/index.js';
import type { ChatEvent } from './chat.js';
import type { CaptionSnapshot, EndedReason, ParticipantSnapshot, ReactionSnapshot } from './snapshot.js';

/**
 * The seam between the session (lifecycle, endpoint, snapshot) and the media SDK. The real implementation wraps
 * livekit-client (`livekit-call.ts`, loaded on demand); unit tests inject a fake so every lifecycle path runs without
 * a browser or a LiveKit server.
 */

/** What the call reports back; the session turns each into a snapshot change. */
export interface CallEvents {
  /** The full roster, local participant first, recomputed after any change that affects it. */
  roster(participants: ParticipantSnapshot[], activeSpeaker: string | null): void;
  reconnecting(): void;
  reconnected(): void;
  /** The call ended without the session asking for it. */
  disconnected(reason: EndedReason): void;
  /** A server message on `LOBBY_TOPIC` (only server-sent messages are passed on). */
  lobby(event: LobbyEvent): void;
  /** A server message on `CONTROL_TOPIC` (only server-sent messages are passed on). */
  control(event: ControlEvent): void;
  /** Chat on `lk.chat` from another participant: a text, a file announced, its progress, its bytes, a failure. */
  chat(event: ChatEvent): void;
  /** The captions on screen changed (see captions.ts: who may caption whom, how long they stay). */
  captions?(captions: CaptionSnapshot[]): void;
  /** The reactions on screen changed (one arrived from the endpoint, or one's time was up). */
  reactions?(reactions: ReactionSnapshot[]): void;
  /** LiveKit's room recording status (an Egress job is running), on connect and on every change. */
  recording?(active: boolean): void;
}

export interface ConnectRequest {
  serverUrl: string;
  token: string;
  /** The role the endpoint granted, used for the local participant until its attributes say otherwise. */
  role: Role;
  /** Incoming chat files larger than this are refused (default 15 MB). */
  maxChatFileBytes?: number;
}

export interface PublishRequest {
  audio: boolean;
  video: boolean;
  microphoneDeviceId: string | null;
  cameraDeviceId: string | null;
  /**
   * Camera and microphone already open (the pre-join preview): what matches the wish is published as it is, the rest
   * stopped. From this call on the connection owns these tracks.
   */
  preview?: MediaStream | null;
  /** The background to put on the adopted camera before it is published (none by default). */
  background?: BackgroundChoice;
}

export interface CallConnection {
  readonly localIdentity: string;
  /** Publishes the initial tracks together (subscription to others runs meanwhile). */
  publish(request: PublishRequest): Promise<void>;
  setMicrophoneEnabled(enabled: boolean, deviceId: string | null): Promise<void>;
  /** Turning on a camera not published yet with a `background` processes it before any frame is sent. */
  setCameraEnabled(enabled: boolean, deviceId: string | null, background?: BackgroundChoice): Promise<void>;
  /** Resolves to whether a screen share is now published (false when the user cancelled the picker). */
  setScreenShareEnabled(enabled: boolean): Promise<boolean>;
  switchDevice(kind: 'videoinput' | 'audioinput', deviceId: string): Promise<void>;
  /** The published camera track, for background processing (a connector that cannot process leaves this out). */
  localCamera?(): LocalVideoTrack | null;
  attach(trackSid: string, element: HTMLMediaElement): () => void;
  /** Sends a chat text to everyone on `lk.chat` (a text stream). */
  sendChatText?(text: string): Promise<void>;
  /** Sends a file to everyone on `lk.chat` (a byte stream), reporting progress 0–1. */
  sendChatFile?(file: File, onProgress: (progress: number) => void): Promise<void>;
  /** Sets or clears this participant's raised-hand attribute (an ISO time, or null to lower it). */
  setHandRaised?(raisedAt: string | null): Promise<void>;
  /** Stops and unpublishes every local track (demoted to the audience: the server no longer allows them). */
  stopPublishing?(): Promise<void>;
  /** Leaves the call; no `disconnected` event follows. */
  disconnect(): Promise<void>;
}

export interface CallConnector {
  /** What stops this browser from making calls, or null (a connector that cannot tell leaves this out). */
  support?(): CallSupportProblem | null;
  /** Start downloading the SDK (pre-join screen is up; no network to LiveKit yet). */
  preload(): void;
  /**
   * Build what the call needs that takes no token and no network (the SDK loaded, its Room made), so that Join, or a
   * guest admitted from the lobby, only has to connect.
   */
  prepareRoom?(): void;
  /**
   * Warm the way to the LiveKit server (DNS, connection) once its URL is known before the token is: a guest waiting
   * in the lobby. Not just before a connect: the connect itself then takes the same way at the same time.
   */
  warm(serverUrl: string): void;
  connect(request: ConnectRequest, events: CallEvents): Promise<CallConnection>;
  /** Drop anything warmed but not used. */
  dispose(): void;
}
