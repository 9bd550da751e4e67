import type { CreateRoomRequest, ParticipantAction, RoomPolicy } from '../contract/index.js';
import type { RecordingLayout, RecordingMode } from '../contract/recording.js';
import type { CallConnector } from './call.js';
import type { KeyValueStorage } from './credential-store.js';
import { EndpointClient } from './endpoint-client.js';
import { DEFAULT_MAX_FILE_BYTES } from './limits.js';
import { LiveKitConnector } from './livekit-call.js';
import type { RoomSessionApi, SnapshotListener } from './session-api.js';
import { SessionChat } from './session-chat.js';
import { SessionContext } from './session-context.js';
import { HostActions } from './session-host.js';
import { SessionLifecycle } from './session-lifecycle.js';
import { LocalMedia } from './session-media.js';
import { ALL_CAPABILITIES, type RoomSnapshot, type SessionCapabilities } from './snapshot.js';
import { TokenEndpointClient } from './token-endpoint-client.js';

export interface RoomSessionOptions {
  /** Our endpoint contract (`endpoint` attribute): lobby, hosts, moderation. Wins over `tokenEndpoint`. */
  endpoint?: string;
  /** A plain LiveKit token endpoint (`token-endpoint` attribute): a call with no lobby. */
  tokenEndpoint?: string;
  /** Initial microphone / camera wishes (default on). */
  audio?: boolean;
  video?: boolean;
  /** The secret host link's key (`?host=`): redeemed on prepare to become a host of the room. */
  hostKey?: string;
  fetch?: typeof fetch;
  /** Replaces the livekit-client call (tests, or a page embedding its own SDK build). */
  connector?: CallConnector;
  /** Where the endpoint's anonymous credential is kept (default localStorage, memory when blocked). */
  storage?: KeyValueStorage;
  /** Pauses between lobby retries after network errors (default 0.5 s rising to 5 s). */
  retryDelaysMs?: readonly number[];
  /** The largest chat file sent or accepted, in bytes (default 15 MB). */
  maxFileBytes?: number;
}

/** A plain token endpoint has no lobby, moderation or recording: a host's endpoint actions are off. */
const TOKEN_ENDPOINT_CAPABILITIES: SessionCapabilities = Object.freeze({
  ...ALL_CAPABILITIES,
  moderate: false,
  updatePolicy: false,
  record: false,
  endForAll: false,
});

/**
 * The call model: endpoint + one LiveKit room behind actions, published as immutable snapshots. It wires its parts
 * together — the lifecycle (`session-lifecycle.ts`), local media and devices (`session-media.ts`), chat
 * (`session-chat.ts`) and the actions the endpoint decides (`session-host.ts`); what the call reports is applied by
 * the pure functions of `call-events.ts`.
 */
export class RoomSession implements RoomSessionApi {
  readonly #ctx: SessionContext;
  readonly #lifecycle: SessionLifecycle;
  readonly #media: LocalMedia;
  readonly #chat: SessionChat;
  readonly #host: HostActions;
  /** The largest chat file sent or accepted, in bytes. */
  maxFileBytes: number;

  constructor(options: RoomSessionOptions = {}) {
    const fetchImpl = options.fetch;
    const endpoint = options.endpoint
      ? new EndpointClient({
          endpoint: options.endpoint,
          ...optional({ fetch: fetchImpl, storage: options.storage, retryDelaysMs: options.retryDelaysMs }),
        })
      : null;
    const tokens =
      !options.endpoint && options.tokenEndpoint
        ? new TokenEndpointClient({ url: options.tokenEndpoint, ...optional({ fetch: fetchImpl }) })
        : null;
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.#ctx = new SessionContext(endpoint);
    this.#media = new LocalMedia(this.#ctx);
    this.#chat = new SessionChat(this.#ctx, () => this.maxFileBytes);
    this.#host = new HostActions(this.#ctx);
    this.#lifecycle = new SessionLifecycle({
      ctx: this.#ctx,
      tokens,
      connector: options.connector ?? new LiveKitConnector(),
      hostKey: options.hostKey ?? null,
      media: this.#media,
      chat: this.#chat,
    });
    this.#ctx.update({
      micEnabled: options.audio ?? true,
      cameraEnabled: options.video ?? true,
      ...(endpoint ? {} : { capabilities: TOKEN_ENDPOINT_CAPABILITIES }),
    });
  }

  get snapshot(): RoomSnapshot {
    return this.#ctx.snapshot;
  }

  subscribe(listener: SnapshotListener): () => void {
    return this.#ctx.store.subscribe(listener);
  }

  // ── Lifecycle ────────────────────────────────────────────────────────────────────────────────────────────────

  prepare(roomRef: string): Promise<void> {
    return this.#lifecycle.prepare(roomRef);
  }
  createRoom(options?: CreateRoomRequest): Promise<void> {
    return this.#lifecycle.createRoom(options);
  }
  join(displayName: string): Promise<void> {
    return this.#lifecycle.join(displayName);
  }
  cancelWaiting(): Promise<void> {
    return this.#lifecycle.cancelWaiting();
  }
  leave(): Promise<void> {
    return this.#lifecycle.leave();
  }
  endForAll(): Promise<void> {
    return this.#lifecycle.endForAll();
  }

  dispose(): void {
    if (this.#ctx.disposed) return;
    this.#ctx.disposed = true;
    this.#lifecycle.dispose();
    this.#media.dispose();
    this.#chat.dispose();
  }

  // ── Local media and devices ──────────────────────────────────────────────────────────────────────────────────

  setMicrophoneEnabled(enabled: boolean): Promise<void> {
    return this.#media.setMicrophoneEnabled(enabled);
  }
  setCameraEnabled(enabled: boolean): Promise<void> {
    return this.#media.setCameraEnabled(enabled);
  }
  setScreenShareEnabled(enabled: boolean): Promise<void> {
    return this.#media.setScreenShareEnabled(enabled);
  }
  selectCamera(deviceId: string): Promise<void> {
    return this.#media.selectCamera(deviceId);
  }
  selectMicrophone(deviceId: string): Promise<void> {
    return this.#media.selectMicrophone(deviceId);
  }
  requestDevices(): Promise<void> {
    return this.#media.requestDevices();
  }
  attach(trackSid: string, element: HTMLMediaElement): () => void {
    return this.#media.attach(trackSid, element);
  }
  attachPreview(element: HTMLVideoElement): () => void {
    return this.#media.attachPreview(element);
  }
  observeMicLevel(listener: (level: number) => void): () => void {
    return this.#media.observeMicLevel(listener);
  }

  // ── Chat ─────────────────────────────────────────────────────────────────────────────────────────────────────

  sendChatMessage(text: string): Promise<void> {
    return this.#chat.sendMessage(text);
  }
  sendChatFile(file: File): Promise<void> {
    return this.#chat.sendFile(file);
  }

  // ── Decided by the endpoint: knocks, moderation, hands, policy, recording ─────────────────────────────────────

  admit(knockId: string): Promise<void> {
    return this.#host.admit(knockId);
  }
  deny(knockId: string): Promise<void> {
    return this.#host.deny(knockId);
  }
  admitAll(): Promise<void> {
    return this.#host.admitAll();
  }
  setHandRaised(raised: boolean): Promise<void> {
    return this.#host.setHandRaised(raised);
  }
  moderate(identity: string, action: ParticipantAction): Promise<void> {
    return this.#host.moderate(identity, action);
  }
  lowerAllHands(): Promise<void> {
    return this.#host.lowerAllHands();
  }
  updatePolicy(policy: Partial<RoomPolicy>): Promise<void> {
    return this.#host.updatePolicy(policy);
  }
  startRecording(options?: { mode?: RecordingMode; layout?: RecordingLayout }): Promise<void> {
    return this.#host.startRecording(options);
  }
  stopRecording(): Promise<void> {
    return this.#host.stopRecording();
  }
}

/** Drops undefined values so optional options stay absent rather than present-but-undefined. */
function optional<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
