import { checkDisplayName } from '../contract/display-name.js';
import { canPublish } from '../contract/roles.js';
import { parseRoomReference } from '../contract/room-code.js';
import type {
  AdmittedJoin,
  ControlEvent,
  CreateRoomRequest,
  KnockSummary,
  LobbyEvent,
  ParticipantAction,
  Role,
  RoomPolicy,
  RoomView,
} from '../contract/index.js';
import type { CallConnection, CallConnector, CallEvents } from './call.js';
import type { CallSupportProblem } from './call-support.js';
import { connectFailure } from './connect-failure.js';
import type { ChatLog } from './chat.js';
import type { KeyValueStorage } from './credential-store.js';
import { listDevices, queryPermission } from './devices.js';
import { EndpointClient } from './endpoint-client.js';
import { whenIdle } from './idle.js';
import { DEFAULT_MAX_FILE_BYTES } from './limits.js';
import { EndpointError, isAbortError } from './endpoint-error.js';
import { LiveKitConnector } from './livekit-call.js';
import { PreviewMedia } from './preview.js';
import type { RoomSessionApi, SnapshotListener } from './session-api.js';
import type { RecordingLayout, RecordingMode } from '../contract/recording.js';
import {
  NOT_RECORDING,
  type ChatMessageSnapshot,
  type EndedReason,
  type PermissionState,
  type RecordingSnapshot,
  type RoomSnapshot,
  type SessionError,
} from './snapshot.js';
import { SnapshotStore, type SnapshotUpdate } from './store.js';
import { TokenEndpointClient } from './token-endpoint-client.js';
import { canTransition } from './transitions.js';

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

const IN_CALL = new Set(['connecting', 'waiting', 'in-room', 'reconnecting']);

/** The call model: endpoint + one LiveKit room behind actions, published as immutable snapshots. */
export class RoomSession implements RoomSessionApi {
  readonly #store: SnapshotStore;
  readonly #endpoint: EndpointClient | null;
  readonly #tokens: TokenEndpointClient | null;
  readonly #connector: CallConnector;
  readonly #preview = new PreviewMedia();
  readonly #hostKey: string | null;
  #connection: CallConnection | null = null;
  /** A screen share start or stop is under way (the picker may be open): the roster does not override the wish. */
  #screenSharePending = false;
  /** Aborted whenever the current flow (prepare, join, lobby wait) is superseded. */
  #work = new AbortController();
  /** Bumped with #work; async steps compare it so a late answer from an abandoned flow changes nothing. */
  #epoch = 0;
  #disposed = false;
  /** The chat history; its module is loaded with the call (it is not needed before), see `#loadChat`. */
  #chat: ChatLog | null = null;
  #chatIds = 0;
  /** The largest chat file sent or accepted, in bytes. */
  maxFileBytes: number;

  constructor(options: RoomSessionOptions = {}) {
    const fetchImpl = options.fetch;
    const endpointOptions = {
      endpoint: options.endpoint ?? '',
      ...optional({ fetch: fetchImpl, storage: options.storage, retryDelaysMs: options.retryDelaysMs }),
    };
    this.#endpoint = options.endpoint ? new EndpointClient(endpointOptions) : null;
    this.#tokens =
      !options.endpoint && options.tokenEndpoint
        ? new TokenEndpointClient({ url: options.tokenEndpoint, ...optional({ fetch: fetchImpl }) })
        : null;
    this.#connector = options.connector ?? new LiveKitConnector();
    this.#hostKey = options.hostKey ?? null;
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.#store = new SnapshotStore();
    this.#store.update({ micEnabled: options.audio ?? true, cameraEnabled: options.video ?? true });
  }

  get snapshot(): RoomSnapshot {
    return this.#store.snapshot;
  }

  subscribe(listener: SnapshotListener): () => void {
    return this.#store.subscribe(listener);
  }

  // ── Lifecycle ────────────────────────────────────────────────────────────────────────────────────────────────

  async prepare(roomRef: string): Promise<void> {
    if (this.#disposed) return;
    this.#assertNotInCall('prepare');
    const { signal, epoch } = this.#restart();
    const ref = typeof roomRef === 'string' ? roomRef.trim() : '';
    if (!this.#endpoint && !this.#tokens) return this.#fail(missingEndpoint());
    if (!ref) {
      return this.#fail({ code: 'INVALID_ATTRIBUTE', attribute: 'room', message: 'Give a room code or id.' });
    }
    this.#update({ roomRef: ref, error: null });
    if (!this.#endpoint) {
      // Token-endpoint mode: the room name goes to the token server as is; nothing to resolve.
      this.#toPreJoin({ room: null });
      whenIdle(() => this.#connector.preload());
      return;
    }
    try {
      const key = parseRoomReference(ref) ?? ref;
      let room = await this.#endpoint.getRoom(key, signal);
      if (this.#hostKey)
        room =
          (await this.#endpoint.claimHost(room.id, this.#hostKey, signal)) ??
          (await this.#endpoint.getRoom(room.id, signal));
      if (epoch !== this.#epoch) return;
      if (room.status === 'CLOSED') {
        this.#update({ room });
        return this.#fail({ code: 'ROOM_CLOSED', message: 'This room is closed.' });
      }
      this.#toPreJoin({ room, recording: recordingOf(room) });
      // The user is reading the pre-join screen: fetch the SDK once it is painted, so Join does not wait for it.
      whenIdle(() => this.#connector.preload());
    } catch (error) {
      if (epoch === this.#epoch && !isAbortError(error)) this.#fail(toSessionError(error));
    }
  }

  async createRoom(options: CreateRoomRequest = {}): Promise<void> {
    if (this.#disposed) return;
    this.#assertNotInCall('createRoom');
    const { signal, epoch } = this.#restart();
    if (!this.#endpoint) {
      return this.#fail({
        code: 'INVALID_ATTRIBUTE',
        attribute: 'create',
        message: 'Creating a room needs an endpoint attribute (a token endpoint cannot create rooms).',
      });
    }
    try {
      const created = await this.#endpoint.createRoom(options, signal);
      if (epoch !== this.#epoch) return;
      // The response already carries the room, so "prepare" needs no second round trip here.
      this.#toPreJoin({ room: created.room, roomRef: created.room.code, hostKey: created.hostKey, error: null });
      this.#connector.preload();
    } catch (error) {
      if (epoch === this.#epoch && !isAbortError(error)) this.#fail(toSessionError(error));
    }
  }

  async join(displayName: string): Promise<void> {
    if (this.#disposed) return;
    const status = this.snapshot.status;
    // A second click while the first join runs is harmless; ignore it rather than start a second flow.
    if (IN_CALL.has(status)) return;
    if (status === 'idle' || !this.snapshot.roomRef)
      throw new Error('RoomSession.join() before prepare() or createRoom().');
    // Nothing to try: the view already says why this browser cannot call.
    if (this.snapshot.error?.code === 'BROWSER_UNSUPPORTED') return;
    const parsed = checkDisplayName(displayName);
    if (!parsed.ok) {
      // Stay on (or return to) pre-join with the message next to the name field: the user fixes it and retries.
      this.#toPreJoin({
        displayName: typeof displayName === 'string' ? displayName : '',
        error: { code: 'VALIDATION_FAILED', field: 'displayName', message: parsed.message },
      });
      return;
    }
    const name = parsed.value;
    const { signal, epoch } = this.#restart();
    this.#toPreJoin({});
    this.#update({
      status: 'connecting',
      displayName: name,
      error: null,
      endedReason: null,
      lobby: null,
      knocks: [],
      participants: [],
      activeSpeaker: null,
    });
    this.#chat?.clear();
    void this.#loadChat();
    this.#connector.preload();
    try {
      if (!this.#endpoint) {
        const credentials = await this.#tokens!.fetchCredentials(
          { roomName: this.snapshot.roomRef!, participantName: name },
          signal,
        );
        if (epoch !== this.#epoch) return;
        await this.#connect(credentials.serverUrl, credentials.participantToken, 'participant', epoch);
        return;
      }
      const result = await this.#endpoint.join(this.#roomKey(), { displayName: name }, signal);
      if (epoch !== this.#epoch) return;
      if (result.outcome === 'admitted') return await this.#enterCall(result, epoch);
      this.#update({
        status: 'waiting',
        room: result.room,
        lobby: { reason: result.code, knockId: result.knockId, attempts: 0, retrying: false },
      });
      await this.#waitInLobby(result.knockId, signal, epoch);
    } catch (error) {
      if (epoch !== this.#epoch || isAbortError(error)) return;
      if (error instanceof EndpointError && error.code === 'DENIED') {
        this.#update({ status: 'denied', lobby: null, error: null });
        return;
      }
      this.#fail(toSessionError(error));
    }
  }

  async cancelWaiting(): Promise<void> {
    const lobby = this.snapshot.lobby;
    if (this.#disposed || this.snapshot.status !== 'waiting' || !lobby) return;
    this.#restart();
    this.#update({ status: 'pre-join', lobby: null });
    // Best effort: the knock also expires on its own if this request is lost.
    await this.#endpoint?.cancelKnock(this.#roomKey(), lobby.knockId).catch(() => {});
  }

  async leave(): Promise<void> {
    const { status, lobby } = this.snapshot;
    if (this.#disposed || !IN_CALL.has(status)) return;
    const cancel = status === 'waiting' && lobby ? this.#endpoint?.cancelKnock(this.#roomKey(), lobby.knockId) : null;
    await Promise.all([this.#endCall('left'), cancel?.catch(() => {})]);
  }

  async endForAll(): Promise<void> {
    if (this.#disposed || !this.#endpoint || !this.snapshot.room) return;
    try {
      await this.#endpoint.end(this.#roomKey());
      await this.#endCall('host-ended');
    } catch (error) {
      this.#update({ error: toSessionError(error) });
    }
  }

  async startRecording(options: { mode?: RecordingMode; layout?: RecordingLayout } = {}): Promise<void> {
    const s = this.snapshot;
    if (this.#disposed || !this.#endpoint || !s.room || s.recording.pending || s.recording.active) return;
    this.#update({ recording: { ...s.recording, pending: 'starting', error: null } });
    try {
      const started = await this.#endpoint.startRecording(this.#roomKey(), options);
      // LiveKit's own status follows once Egress is running; the endpoint's answer already says it is on.
      this.#update({ recording: { active: true, startedAt: started.startedAt, pending: null, error: null } });
    } catch (error) {
      this.#update({ recording: { ...NOT_RECORDING, error: toSessionError(error) } });
    }
  }

  async stopRecording(): Promise<void> {
    const s = this.snapshot;
    if (this.#disposed || !this.#endpoint || !s.room || s.recording.pending) return;
    this.#update({ recording: { ...s.recording, pending: 'stopping', error: null } });
    try {
      await this.#endpoint.stopRecording(this.#roomKey());
      this.#update({ recording: NOT_RECORDING });
    } catch (error) {
      this.#update((now) => ({ recording: { ...now.recording, pending: null, error: toSessionError(error) } }));
    }
  }

  // ── Stage and moderation ──────────────────────────────────────────────────────────────────────────────────────

  async setHandRaised(raised: boolean): Promise<void> {
    const connection = this.#connection;
    const write = connection && this.#handWriter(connection);
    if (this.#disposed || !write) return;
    const previous = this.snapshot.handRaisedAt;
    const raisedAt = raised ? (previous ?? new Date().toISOString()) : null;
    this.#update({ handRaisedAt: raisedAt });
    try {
      const confirmed = await write(raisedAt);
      // The endpoint answers with the hand as it holds it (the first time it went up, if it was already up).
      if (confirmed !== undefined && this.#connection === connection) this.#update({ handRaisedAt: confirmed });
    } catch (error) {
      if (this.#connection === connection) this.#update({ handRaisedAt: previous, error: toSessionError(error) });
    }
  }

  /**
   * Who writes the hand: our endpoint, since participants may not write their own attributes; with a plain token
   * endpoint, the participant itself, where that token allows it.
   */
  #handWriter(connection: CallConnection): ((raisedAt: string | null) => Promise<string | null | void>) | null {
    const endpoint = this.#endpoint;
    const room = this.snapshot.room;
    if (endpoint && room) return (raisedAt) => endpoint.setHand(room.id, raisedAt !== null);
    return connection.setHandRaised ? (raisedAt) => connection.setHandRaised!(raisedAt) : null;
  }

  async moderate(identity: string, action: ParticipantAction): Promise<void> {
    await this.#hostAction((endpoint, room) => endpoint.moderate(room, identity, action), []);
  }

  async lowerAllHands(): Promise<void> {
    await this.#hostAction((endpoint, room) => endpoint.lowerAllHands(room), []);
  }

  async updatePolicy(policy: Partial<RoomPolicy>): Promise<void> {
    if (this.#disposed || !this.#endpoint || !this.snapshot.room) return;
    try {
      const room = await this.#endpoint.updatePolicy(this.#roomKey(), policy);
      this.#update({ room });
    } catch (error) {
      this.#update({ error: toSessionError(error) });
    }
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#restart();
    const connection = this.#connection;
    this.#connection = null;
    void connection?.disconnect().catch(() => {});
    this.#connector.dispose();
    this.#preview.dispose();
    this.#chat?.dispose();
  }

  // ── Local media ──────────────────────────────────────────────────────────────────────────────────────────────

  async setMicrophoneEnabled(enabled: boolean): Promise<void> {
    if (this.#disposed) return;
    this.#update({ micEnabled: enabled });
    await this.#applyMedia('audioinput', enabled);
  }

  async setCameraEnabled(enabled: boolean): Promise<void> {
    if (this.#disposed) return;
    this.#update({ cameraEnabled: enabled });
    await this.#applyMedia('videoinput', enabled);
  }

  async setScreenShareEnabled(enabled: boolean): Promise<void> {
    const connection = this.#connection;
    if (this.#disposed || !connection) return;
    this.#update({ screenSharing: enabled });
    this.#screenSharePending = true;
    try {
      const sharing = await connection.setScreenShareEnabled(enabled);
      this.#screenSharePending = false;
      if (this.#connection === connection) this.#update({ screenSharing: sharing });
    } catch (error) {
      this.#screenSharePending = false;
      // A cancelled picker rejects too (NotAllowedError): that is a choice, not an error to show.
      const cancelled = error instanceof Error && error.name === 'NotAllowedError';
      this.#update(cancelled ? { screenSharing: false } : { screenSharing: false, error: mediaError(error) });
    }
  }

  async selectCamera(deviceId: string): Promise<void> {
    if (this.#disposed) return;
    this.#update((s) => ({ devices: { ...s.devices, selectedCamera: deviceId } }));
    await this.#switchDevice('videoinput', deviceId);
  }

  async selectMicrophone(deviceId: string): Promise<void> {
    if (this.#disposed) return;
    this.#update((s) => ({ devices: { ...s.devices, selectedMicrophone: deviceId } }));
    await this.#switchDevice('audioinput', deviceId);
  }

  async requestDevices(): Promise<void> {
    if (this.#disposed || this.snapshot.error?.code === 'BROWSER_UNSUPPORTED') return;
    if (this.#connection) {
      // In the call LiveKit already holds the devices: refresh the lists, never open a second capture.
      const lists = await listDevices().catch(() => null);
      if (lists) this.#update((s) => ({ devices: { ...s.devices, ...lists } }));
      return;
    }
    await this.#openPreview();
  }

  attach(trackSid: string, element: HTMLMediaElement): () => void {
    return this.#connection?.attach(trackSid, element) ?? (() => {});
  }

  attachPreview(element: HTMLVideoElement): () => void {
    return this.#preview.attach(element);
  }

  observeMicLevel(listener: (level: number) => void): () => void {
    return this.#preview.observeLevel(listener);
  }

  // ── Chat ──────────────────────────────────────────────────────────────────────────────────────────────────

  async sendChatMessage(text: string): Promise<void> {
    const connection = this.#connection;
    if (this.#disposed || !this.#chat || !connection?.sendChatText || typeof text !== 'string' || !text.trim()) return;
    const id = this.#localChatMessage({ text });
    try {
      await connection.sendChatText(text);
    } catch (error) {
      this.#chat?.fail(id, error instanceof Error ? error.message : String(error));
    }
  }

  async sendChatFile(file: File): Promise<void> {
    const connection = this.#connection;
    const chat = this.#chat;
    if (this.#disposed || !chat || !connection?.sendChatFile) return;
    const meta = { name: file.name, size: file.size, mimeType: file.type || 'application/octet-stream', progress: 0 };
    if (file.size > this.maxFileBytes) {
      this.#localChatMessage({ file: { ...meta, error: chat.tooLarge(file.size, this.maxFileBytes) } });
      return;
    }
    const id = this.#localChatMessage({ file: meta });
    try {
      await connection.sendChatFile(file, (progress) => chat.progress(id, progress));
      chat.complete(id, file);
    } catch (error) {
      chat.fail(id, error instanceof Error ? error.message : String(error));
    }
  }

  #localChatMessage(content: Pick<ChatMessageSnapshot, 'text' | 'file'>): string {
    const s = this.snapshot;
    const id = `local-${++this.#chatIds}`;
    const identity = s.identity ?? '';
    this.#chat?.add({
      id,
      from: { identity, name: s.displayName || identity },
      isLocal: true,
      sentAt: new Date().toISOString(),
      ...content,
    });
    return id;
  }

  /** Loads the chat module (a small chunk, fetched beside the SDK) and creates the history once. */
  async #loadChat(): Promise<void> {
    if (this.#chat) return;
    try {
      const { ChatLog } = await import('./chat.js');
      if (!this.#disposed) this.#chat ??= new ChatLog((chat) => this.#update({ chat }));
    } catch {
      // Without the module the call works; chat stays empty and its actions do nothing.
    }
  }

  // ── Host actions ─────────────────────────────────────────────────────────────────────────────────────────────

  async admit(knockId: string): Promise<void> {
    await this.#hostAction((endpoint, room) => endpoint.admit(room, knockId), [knockId]);
  }

  async deny(knockId: string): Promise<void> {
    await this.#hostAction((endpoint, room) => endpoint.deny(room, knockId), [knockId]);
  }

  async admitAll(): Promise<void> {
    const ids = this.snapshot.knocks.map((knock) => knock.knockId);
    await this.#hostAction((endpoint, room) => endpoint.admitAll(room), ids);
  }

  // ── Internals ────────────────────────────────────────────────────────────────────────────────────────────────

  #update(update: SnapshotUpdate): void {
    if (!this.#disposed) this.#store.update(update);
  }

  /**
   * Moves to pre-join from wherever that edge exists (already there: just patches). A browser that cannot make calls
   * gets pre-join too (the room, its name), with the reason as the error, so the view says so instead of offering Join.
   */
  #toPreJoin(patch: Partial<RoomSnapshot>): void {
    const status = this.snapshot.status;
    const problem = this.#connector.support?.() ?? null;
    const withSupport: Partial<RoomSnapshot> = problem ? { ...patch, error: unsupported(problem) } : patch;
    this.#update(
      status === 'pre-join' || !canTransition(status, 'pre-join')
        ? withSupport
        : { ...withSupport, status: 'pre-join' },
    );
  }

  /** A failure the user can retry from: status `error` where the table allows it, else only the `error` field. */
  #fail(error: SessionError): void {
    const status = this.snapshot.status;
    this.#update(canTransition(status, 'error') ? { status: 'error', error } : { error });
  }

  #restart(): { signal: AbortSignal; epoch: number } {
    this.#work.abort();
    this.#work = new AbortController();
    this.#epoch += 1;
    return { signal: this.#work.signal, epoch: this.#epoch };
  }

  #assertNotInCall(action: string): void {
    if (IN_CALL.has(this.snapshot.status)) throw new Error(`RoomSession.${action}() during a call; leave() first.`);
  }

  /** The room's stable id once resolved; the page's reference before that. */
  #roomKey(): string {
    return this.snapshot.room?.id ?? this.snapshot.roomRef ?? '';
  }

  async #waitInLobby(knockId: string, signal: AbortSignal, epoch: number): Promise<void> {
    const settled = await this.#endpoint!.waitForKnock(this.#roomKey(), knockId, {
      signal,
      onProgress: (progress) => {
        if (epoch !== this.#epoch) return;
        this.#update((s) =>
          s.lobby
            ? {
                lobby: {
                  ...s.lobby,
                  attempts: progress.attempts,
                  retrying: progress.retrying,
                  reason: progress.code ?? s.lobby.reason,
                },
              }
            : {},
        );
      },
    });
    if (epoch !== this.#epoch) return;
    if (settled.status === 'admitted') {
      this.#update({ status: 'connecting', lobby: null });
      await this.#enterCall(settled.join, epoch);
    } else if (settled.status === 'denied') {
      this.#update({ status: 'denied', lobby: null });
    } else {
      // Withdrawn elsewhere (another tab, expiry): back to pre-join so the user can ask again.
      this.#update({ status: 'pre-join', lobby: null });
    }
  }

  async #enterCall(admitted: AdmittedJoin, epoch: number): Promise<void> {
    this.#update({ identity: admitted.identity, role: admitted.role, room: admitted.room });
    await this.#connect(admitted.serverUrl, admitted.token, admitted.role, epoch);
  }

  async #connect(serverUrl: string, token: string, role: Role, epoch: number): Promise<void> {
    // Warm first: DNS/TLS/signal set-up overlaps with the SDK finishing its load and the Room being built.
    this.#connector.warm(serverUrl, token);
    let connection: CallConnection;
    try {
      // The chat history must exist before chat from others can arrive (its chunk is long loaded by now).
      await this.#loadChat();
      connection = await this.#connector.connect(
        { serverUrl, token, role, maxChatFileBytes: this.maxFileBytes },
        this.#callEvents(epoch),
      );
    } catch (error) {
      if (epoch !== this.#epoch) return;
      return this.#fail(connectFailure(error));
    }
    if (epoch !== this.#epoch) {
      void connection.disconnect().catch(() => {});
      return;
    }
    this.#connection = connection;
    this.#update((s) => ({
      status: 'in-room',
      identity: connection.localIdentity || s.identity,
      role: s.role ?? role,
    }));
    void this.#publishInitial(connection, epoch);
    if (this.snapshot.role === 'host') void this.#loadKnocks(epoch);
  }

  async #publishInitial(connection: CallConnection, epoch: number): Promise<void> {
    const s = this.snapshot;
    // The call captures its own tracks; the preview's must go so the camera is not opened twice.
    this.#preview.stop();
    if (!canPublish(s.role ?? 'participant')) {
      // The audience receives only; if promoted later, they turn their devices on themselves.
      this.#update({ micEnabled: false, cameraEnabled: false });
      return;
    }
    if (s.room?.policy.audioOnly && s.cameraEnabled) this.#update({ cameraEnabled: false });
    if (!s.micEnabled && !this.snapshot.cameraEnabled) return;
    try {
      await connection.publish({
        audio: s.micEnabled,
        video: this.snapshot.cameraEnabled,
        microphoneDeviceId: s.devices.selectedMicrophone,
        cameraDeviceId: s.devices.selectedCamera,
      });
    } catch (error) {
      if (epoch === this.#epoch) this.#update({ error: mediaError(error) });
    }
  }

  async #loadKnocks(epoch: number): Promise<void> {
    try {
      const knocks = await this.#endpoint!.listKnocks(this.#roomKey(), this.#work.signal);
      if (epoch !== this.#epoch) return;
      // Live LOBBY_TOPIC events may have arrived while this request ran; keep them.
      this.#update((s) => ({ knocks: mergeKnocks(knocks, s.knocks) }));
    } catch (error) {
      if (epoch === this.#epoch && !isAbortError(error)) this.#update({ error: toSessionError(error) });
    }
  }

  #callEvents(epoch: number): CallEvents {
    const live = () => epoch === this.#epoch && !this.#disposed;
    return {
      roster: (participants, activeSpeaker) => {
        if (!live()) return;
        const local = participants.find((p) => p.isLocal);
        // The browser's own "Stop sharing" unpublishes the share: the roster is the truth once it has one.
        const sharing = local?.screenShare ? !local.screenShare.muted : undefined;
        const previousRole = this.snapshot.role;
        const microphoneBefore = this.snapshot.participants.find((p) => p.isLocal)?.microphone;
        // A host muted this microphone (the server muted the track while the wish was "on"): the toggle says so, and
        // the person can unmute themselves.
        const mutedByHost = !!microphoneBefore && !microphoneBefore.muted && !!local?.microphone?.muted;
        this.#update((s) => ({
          participants,
          activeSpeaker,
          role: local?.role ?? s.role,
          micEnabled: mutedByHost ? false : s.micEnabled,
          handRaisedAt: local ? local.handRaisedAt : s.handRaisedAt,
          screenSharing: this.#screenSharePending ? s.screenSharing : (sharing ?? (s.screenSharing && !local)),
        }));
        this.#roleChanged(previousRole);
      },
      reconnecting: () => {
        if (live() && this.snapshot.status === 'in-room') this.#update({ status: 'reconnecting' });
      },
      reconnected: () => {
        if (live() && this.snapshot.status === 'reconnecting') this.#update({ status: 'in-room' });
      },
      disconnected: (reason) => {
        if (live()) void this.#endCall(reason);
      },
      lobby: (event) => {
        if (live()) this.#onLobbyEvent(event);
      },
      control: (event) => {
        if (live()) this.#onControlEvent(event);
      },
      chat: (event) => {
        if (live()) this.#chat?.apply(event);
      },
      recording: (active) => {
        if (!live()) return;
        this.#update(({ recording }) =>
          recording.active === active
            ? {}
            : {
                recording: active
                  ? { ...recording, active, startedAt: recording.startedAt ?? new Date().toISOString() }
                  : { ...recording, active, startedAt: null },
              },
        );
      },
    };
  }

  #onLobbyEvent(event: LobbyEvent): void {
    if (this.snapshot.role !== 'host') return;
    if (event.type === 'knock') this.#update((s) => ({ knocks: mergeKnocks(s.knocks, [event.knock]) }));
    else this.#update((s) => ({ knocks: s.knocks.filter((knock) => knock.knockId !== event.knockId) }));
  }

  #onControlEvent(event: ControlEvent): void {
    const self = this.snapshot.identity;
    if (event.type === 'ended') void this.#endCall('host-ended');
    else if (event.type === 'removed' && event.identity === self) void this.#endCall('kicked');
    else if (event.type === 'role-changed' && event.identity === self) {
      const previousRole = this.snapshot.role;
      this.#update({ role: event.role });
      this.#roleChanged(previousRole);
    } else if (event.type === 'policy-changed') {
      this.#update((s) => (s.room ? { room: { ...s.room, policy: event.policy } } : {}));
    }
  }

  /**
   * Demoted to the audience: the server has already taken the right to publish, so stop the local tracks and say the
   * microphone and camera are off. Promoted: nothing turns on by itself; the person chooses.
   */
  #roleChanged(previous: Role | null): void {
    const role = this.snapshot.role;
    if (!role || role === previous || canPublish(role) || (previous !== null && !canPublish(previous))) return;
    this.#update({ micEnabled: false, cameraEnabled: false, screenSharing: false });
    void this.#connection?.stopPublishing?.().catch(() => {});
  }

  async #endCall(reason: EndedReason): Promise<void> {
    if (!IN_CALL.has(this.snapshot.status)) return;
    this.#restart();
    const connection = this.#connection;
    this.#connection = null;
    this.#preview.stop();
    // A room warmed for a join that never got connected goes too (the next join warms a new one).
    this.#connector.dispose();
    this.#update({
      status: 'ended',
      endedReason: reason,
      participants: [],
      activeSpeaker: null,
      knocks: [],
      lobby: null,
      handRaisedAt: null,
      recording: NOT_RECORDING,
    });
    await connection?.disconnect().catch(() => {});
  }

  async #hostAction(
    action: (endpoint: EndpointClient, room: string) => Promise<void>,
    settledIds: readonly string[],
  ): Promise<void> {
    if (this.#disposed || !this.#endpoint) return;
    try {
      await action(this.#endpoint, this.#roomKey());
      // The LOBBY_TOPIC "settled" event would remove them too; do not make the host wait for it.
      this.#update((s) => ({ knocks: s.knocks.filter((knock) => !settledIds.includes(knock.knockId)) }));
    } catch (error) {
      this.#update({ error: toSessionError(error) });
    }
  }

  async #applyMedia(kind: 'audioinput' | 'videoinput', enabled: boolean): Promise<void> {
    const connection = this.#connection;
    if (connection) {
      const devices = this.snapshot.devices;
      try {
        if (kind === 'audioinput') await connection.setMicrophoneEnabled(enabled, devices.selectedMicrophone);
        else await connection.setCameraEnabled(enabled, devices.selectedCamera);
      } catch (error) {
        // Put the toggle back: the snapshot must say what is really happening.
        this.#update(
          kind === 'audioinput'
            ? { micEnabled: !enabled, error: mediaError(error) }
            : { cameraEnabled: !enabled, error: mediaError(error) },
        );
      }
    } else if (this.#preview.wanted) {
      await this.#openPreview();
    }
  }

  async #switchDevice(kind: 'audioinput' | 'videoinput', deviceId: string): Promise<void> {
    const connection = this.#connection;
    try {
      if (connection) await connection.switchDevice(kind, deviceId);
      else if (this.#preview.wanted) await this.#openPreview();
    } catch (error) {
      this.#update({ error: mediaError(error) });
    }
  }

  /** (Re)opens the preview with the current wishes and devices, then refreshes permissions and device lists. */
  async #openPreview(): Promise<void> {
    const s = this.snapshot;
    const access = await this.#preview.open({
      video: s.cameraEnabled ? (s.devices.selectedCamera ?? true) : false,
      audio: s.micEnabled ? (s.devices.selectedMicrophone ?? true) : false,
    });
    if (this.#disposed) return;
    const [camera, microphone, lists] = await Promise.all([
      known(access.camera, 'camera'),
      known(access.microphone, 'microphone'),
      listDevices().catch(() => ({ cameras: [], microphones: [], speakers: [] })),
    ]);
    const stream = access.stream;
    const inUse = (kind: 'video' | 'audio') =>
      (kind === 'video' ? stream?.getVideoTracks() : stream?.getAudioTracks())?.[0]?.getSettings().deviceId ?? null;
    this.#update((current) => ({
      devices: {
        ...current.devices,
        ...lists,
        cameraPermission: camera,
        microphonePermission: microphone,
        selectedCamera: current.devices.selectedCamera ?? inUse('video') ?? lists.cameras[0]?.deviceId ?? null,
        selectedMicrophone:
          current.devices.selectedMicrophone ?? inUse('audio') ?? lists.microphones[0]?.deviceId ?? null,
      },
    }));
  }
}

/** A permission we did not just learn from getUserMedia (the kind was off): ask the Permissions API instead. */
async function known(state: PermissionState, kind: 'camera' | 'microphone'): Promise<PermissionState> {
  return state === 'unknown' ? queryPermission(kind) : state;
}

function mergeKnocks(base: readonly KnockSummary[], extra: readonly KnockSummary[]): KnockSummary[] {
  const seen = new Set(base.map((knock) => knock.knockId));
  return [...base, ...extra.filter((knock) => !seen.has(knock.knockId))];
}

/** Before the call: the endpoint's room view says whether it is recorded (and, to hosts, since when). */
function recordingOf(room: RoomView): RecordingSnapshot {
  if (!room.recording) return NOT_RECORDING;
  const running = room.recordings?.items.filter((item) => ['starting', 'active'].includes(item.status)) ?? [];
  const startedAt =
    running
      .map((item) => item.startedAt)
      .filter((at): at is string => !!at)
      .sort()[0] ?? null;
  return { ...NOT_RECORDING, active: true, startedAt };
}

function toSessionError(error: unknown): SessionError {
  if (error instanceof EndpointError) return { code: error.code, message: error.message };
  return { code: 'CLIENT', message: error instanceof Error ? error.message : String(error) };
}

function mediaError(error: unknown): SessionError {
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'MEDIA', message: `Camera or microphone failed: ${message}` };
}

function missingEndpoint(): SessionError {
  return {
    code: 'INVALID_ATTRIBUTE',
    attribute: 'endpoint',
    message: 'Set an endpoint (our rooms API) or a token-endpoint (a LiveKit token server).',
  };
}

/** Drops undefined values so optional options stay absent rather than present-but-undefined. */
function optional<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const UNSUPPORTED_MESSAGES: Record<CallSupportProblem, string> = {
  'insecure-context': 'Calls need a secure page: open it with https://.',
  'no-webrtc': 'This browser cannot make video calls (it has no WebRTC).',
  'no-media-devices': 'This browser cannot use a camera or microphone here.',
};

function unsupported(problem: CallSupportProblem): SessionError {
  return { code: 'BROWSER_UNSUPPORTED', support: problem, message: UNSUPPORTED_MESSAGES[problem] };
}
