import { checkDisplayName } from '../contract/display-name.js';
import { parseRoomReference } from '../contract/room-code.js';
import type { AdmittedJoin, CreateRoomRequest, Role } from '../contract/index.js';
import type { CallConnection, CallConnector, CallEvents } from './call.js';
import {
  applyControlEvent,
  applyKnockProgress,
  applyLobbyEvent,
  applyRecording,
  applyRoster,
  mergeKnocks,
  recordingOf,
  streamOf,
  wasDemoted,
} from './call-events.js';
import { connectFailure } from './connect-failure.js';
import { EndpointError, isAbortError } from './endpoint-error.js';
import { nextTask, whenIdle } from './idle.js';
import type { EndpointClient } from './endpoint-client.js';
import { missingEndpoint, toSessionError, unsupported } from './session-errors.js';
import { HostActions } from './session-host.js';
import { NOT_RECORDING, type EndedReason, type RoomSnapshot, type SessionError } from './snapshot.js';
import type { SnapshotPatch } from './store.js';
import type { TokenEndpointClient } from './token-endpoint-client.js';
import { canTransition, isEngaged } from './transitions.js';

export interface LifecycleOptions {
  /** Our endpoint contract's client, or null with a plain token endpoint. */
  endpoint: EndpointClient | null;
  /** A plain LiveKit token endpoint's client (used when there is no `endpoint`); only its credentials are asked for. */
  tokens: Pick<TokenEndpointClient, 'fetchCredentials'> | null;
  connector: CallConnector;
  /** The secret host link's key, redeemed on prepare. */
  hostKey: string | null;
}

/**
 * The session's lifecycle: resolve or create the room (pre-join), join (straight in or through the lobby), connect
 * the call and apply what it reports, leave and end. Each flow runs under one abort signal and epoch, so a superseded
 * flow's late answer changes nothing.
 * A layer of `RoomSession` (see session-core.ts).
 */
export class SessionLifecycle extends HostActions {
  readonly #tokens: LifecycleOptions['tokens'];
  readonly #connector: CallConnector;
  readonly #hostKey: string | null;
  /** Aborted whenever the current flow (prepare, join, lobby wait) is superseded. */
  #work = new AbortController();
  /** Bumped with #work; async steps compare it so a late answer from an abandoned flow changes nothing. */
  #epoch = 0;

  constructor(options: LifecycleOptions) {
    super(options.endpoint);
    this.#tokens = options.tokens;
    this.#connector = options.connector;
    this.#hostKey = options.hostKey;
  }

  async prepare(roomRef: string): Promise<void> {
    const endpoint = this.endpoint;
    if (this.disposed) return;
    this.#assertNotEngaged('prepare');
    const { signal, epoch } = this.#restart();
    const ref = typeof roomRef === 'string' ? roomRef.trim() : '';
    if (!endpoint && !this.#tokens) return this.#fail(missingEndpoint());
    if (!ref) {
      return this.#fail({ code: 'INVALID_ATTRIBUTE', attribute: 'room', message: 'Give a room code or id.' });
    }
    this.update({ roomRef: ref, error: null });
    if (!endpoint) {
      // Token-endpoint mode: the room name goes to the token server as is; nothing to resolve.
      this.#toPreJoin({ room: null });
      this.#prepareCall();
      return;
    }
    try {
      const key = parseRoomReference(ref) ?? ref;
      let room = await endpoint.getRoom(key, signal);
      if (this.#hostKey)
        room = (await endpoint.claimHost(room.id, this.#hostKey, signal)) ?? (await endpoint.getRoom(room.id, signal));
      if (epoch !== this.#epoch) return;
      if (room.status === 'CLOSED') {
        this.update({ room });
        return this.#fail({ code: 'ROOM_CLOSED', message: 'This room is closed.' });
      }
      this.#toPreJoin({ room, recording: recordingOf(room), stream: streamOf(room) });
      this.#prepareCall();
    } catch (error) {
      if (epoch === this.#epoch && !isAbortError(error)) this.#fail(toSessionError(error));
    }
  }

  async createRoom(options: CreateRoomRequest = {}): Promise<void> {
    const endpoint = this.endpoint;
    if (this.disposed) return;
    this.#assertNotEngaged('createRoom');
    const { signal, epoch } = this.#restart();
    if (!endpoint) {
      return this.#fail({
        code: 'INVALID_ATTRIBUTE',
        attribute: 'create',
        message: 'Creating a room needs an endpoint attribute (a token endpoint cannot create rooms).',
      });
    }
    try {
      const created = await endpoint.createRoom(options, signal);
      if (epoch !== this.#epoch) return;
      // The response already carries the room, so "prepare" needs no second round trip here.
      this.#toPreJoin({ room: created.room, roomRef: created.room.code, hostKey: created.hostKey, error: null });
      this.#prepareCall();
    } catch (error) {
      if (epoch === this.#epoch && !isAbortError(error)) this.#fail(toSessionError(error));
    }
  }

  async join(displayName: string): Promise<void> {
    if (this.disposed) return;
    const status = this.snapshot.status;
    // A second click while the first join runs is harmless; ignore it rather than start a second flow.
    if (isEngaged(status)) return;
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
    this.update({
      status: 'connecting',
      displayName: name,
      error: null,
      endedReason: null,
      lobby: null,
      knocks: [],
      participants: [],
      activeSpeaker: null,
    });
    this.clearChat();
    this.#connector.preload();
    try {
      if (!this.endpoint) {
        const credentials = await this.#tokens!.fetchCredentials(
          { roomName: this.snapshot.roomRef!, participantName: name },
          signal,
        );
        if (epoch !== this.#epoch) return;
        await this.#connect(credentials.serverUrl, credentials.participantToken, 'participant', epoch);
        return;
      }
      const result = await this.endpoint.join(this.roomKey(), { displayName: name }, signal);
      if (epoch !== this.#epoch) return;
      if (result.outcome === 'admitted') return await this.#enterCall(result, epoch);
      this.update({
        status: 'waiting',
        room: result.room,
        lobby: { reason: result.code, knockId: result.knockId, attempts: 0, retrying: false },
      });
      // Everything the call needs but the token, while the host decides: the admission then only connects.
      this.#connector.prepareRoom?.();
      this.#connector.warm(result.serverUrl);
      await this.#waitInLobby(result.knockId, signal, epoch);
    } catch (error) {
      if (epoch !== this.#epoch || isAbortError(error)) return;
      if (error instanceof EndpointError && error.code === 'DENIED') {
        this.update({ status: 'denied', lobby: null, error: null });
        return;
      }
      this.#fail(toSessionError(error));
    }
  }

  async cancelWaiting(): Promise<void> {
    const lobby = this.snapshot.lobby;
    if (this.disposed || this.snapshot.status !== 'waiting' || !lobby) return;
    this.#restart();
    this.update({ status: 'pre-join', lobby: null });
    // Best effort: the knock also expires on its own if this request is lost.
    await this.endpoint?.cancelKnock(this.roomKey(), lobby.knockId).catch(() => {});
  }

  async leave(): Promise<void> {
    const { status, lobby } = this.snapshot;
    if (this.disposed || !isEngaged(status)) return;
    const cancel = status === 'waiting' && lobby ? this.endpoint?.cancelKnock(this.roomKey(), lobby.knockId) : null;
    await Promise.all([this.#endCall('left'), cancel?.catch(() => {})]);
  }

  async endForAll(): Promise<void> {
    if (this.disposed || !this.endpoint || !this.snapshot.room) return;
    try {
      await this.endpoint.end(this.roomKey());
      await this.#endCall('host-ended');
    } catch (error) {
      this.update({ error: toSessionError(error) });
    }
  }

  /** Stop everything: media, timers, connections. The session cannot be used afterwards. */
  override dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.#restart();
    const connection = this.connection;
    this.connection = null;
    void connection?.disconnect().catch(() => {});
    this.#connector.dispose();
    super.dispose();
  }

  /**
   * Moves to pre-join from wherever that edge exists (already there: just patches). A browser that cannot make calls
   * gets pre-join too (the room, its name), with the reason as the error, so the view says so instead of offering Join.
   */
  #toPreJoin(patch: Partial<RoomSnapshot>): void {
    const status = this.snapshot.status;
    const problem = this.#connector.support?.() ?? null;
    const withSupport: Partial<RoomSnapshot> = problem ? { ...patch, error: unsupported(problem) } : patch;
    this.update(
      status === 'pre-join' || !canTransition(status, 'pre-join')
        ? withSupport
        : { ...withSupport, status: 'pre-join' },
    );
  }

  /** A failure the user can retry from: status `error` where the table allows it, else only the `error` field. */
  #fail(error: SessionError): void {
    const status = this.snapshot.status;
    this.update(canTransition(status, 'error') ? { status: 'error', error } : { error });
  }

  /**
   * The user is reading the pre-join screen: once it is painted, load the SDK and the call's code and make the Room,
   * so Join only has to connect (making a Room costs the main thread 5–10 ms that a join would otherwise wait for).
   */
  #prepareCall(): void {
    whenIdle(() => {
      if (this.disposed) return;
      this.#connector.preload();
      this.#connector.prepareRoom?.();
    });
  }

  #restart(): { signal: AbortSignal; epoch: number } {
    this.#work.abort();
    this.#work = new AbortController();
    this.#epoch += 1;
    return { signal: this.#work.signal, epoch: this.#epoch };
  }

  #assertNotEngaged(action: string): void {
    if (isEngaged(this.snapshot.status)) throw new Error(`RoomSession.${action}() during a call; leave() first.`);
  }

  async #waitInLobby(knockId: string, signal: AbortSignal, epoch: number): Promise<void> {
    const settled = await this.endpoint!.waitForKnock(this.roomKey(), knockId, {
      signal,
      onProgress: (progress) => {
        if (epoch === this.#epoch) this.update((s) => applyKnockProgress(s, progress));
      },
    });
    if (epoch !== this.#epoch) return;
    if (settled.status === 'admitted') {
      // The knock stays in the snapshot until the call is up: the lobby screen says "let in" while LiveKit connects,
      // instead of swapping in a connecting card for the fraction of a second that takes (a screen change costs the
      // page layout and focus work just before the connection starts).
      this.update({ status: 'connecting' });
      await this.#enterCall(settled.join, epoch);
    } else if (settled.status === 'denied') {
      this.update({ status: 'denied', lobby: null });
    } else {
      // Withdrawn elsewhere (another tab, expiry): back to pre-join so the user can ask again.
      this.update({ status: 'pre-join', lobby: null });
    }
  }

  async #enterCall(admitted: AdmittedJoin, epoch: number): Promise<void> {
    this.update({ identity: admitted.identity, role: admitted.role, room: admitted.room });
    await this.#connect(admitted.serverUrl, admitted.token, admitted.role, epoch);
  }

  async #connect(serverUrl: string, token: string, role: Role, epoch: number): Promise<void> {
    let connection: CallConnection;
    try {
      connection = await this.#connector.connect(
        { serverUrl, token, role, maxChatFileBytes: this.maxFileBytes },
        this.#callEvents(epoch),
      );
    } catch (error) {
      if (epoch !== this.#epoch) return;
      const failure = await this.#whyNotConnected(connectFailure(error));
      if (epoch !== this.#epoch) return;
      return this.#fail(failure);
    }
    if (epoch !== this.#epoch) {
      void connection.disconnect().catch(() => {});
      return;
    }
    this.connection = connection;
    this.attachWaiting(connection);
    this.update((s) => ({
      status: 'in-room',
      lobby: null,
      identity: connection.localIdentity || s.identity,
      role: s.role ?? role,
      // With a plain token endpoint the hand is the participant's own attribute, where the connection can write it.
      capabilities: {
        ...s.capabilities,
        chat: !!connection.sendChatText,
        raiseHand: !!this.endpoint || !!connection.setHandRaised,
      },
    }));
    // Published in the next task: after the call screen this update shows has rendered, which publishing's own set-up
    // (tracks, transceivers: 5-10 ms of the main thread) would otherwise hold back.
    nextTask(() => void this.publishInitial(connection, () => epoch === this.#epoch));
    if (this.snapshot.role === 'host') void this.#loadKnocks(epoch);
  }

  /**
   * LiveKit refuses a connection past its room's cap with a bare handshake failure (no reason a browser can read), so
   * a connection that could not be set up is asked about once: the endpoint, asked to join again, answers ROOM_FULL
   * when the call filled up (it compares with LiveKit's own count). Any other answer keeps the original failure.
   */
  async #whyNotConnected(failure: SessionError): Promise<SessionError> {
    if (failure.code !== 'CONNECTION_FAILED' || !this.endpoint) return failure;
    try {
      await this.endpoint.join(this.roomKey(), { displayName: this.snapshot.displayName }, this.#work.signal);
    } catch (error) {
      if (error instanceof EndpointError && error.code === 'ROOM_FULL') return toSessionError(error);
    }
    return failure;
  }

  async #loadKnocks(epoch: number): Promise<void> {
    try {
      const knocks = await this.endpoint!.listKnocks(this.roomKey(), this.#work.signal);
      if (epoch !== this.#epoch) return;
      // Live LOBBY_TOPIC events may have arrived while this request ran; keep them.
      this.update((s) => ({ knocks: mergeKnocks(knocks, s.knocks) }));
    } catch (error) {
      if (epoch === this.#epoch && !isAbortError(error)) this.update({ error: toSessionError(error) });
    }
  }

  /** Applies a call event's patch; a demotion also stops the local tracks (the server no longer allows them). */
  #apply(patch: (s: RoomSnapshot) => SnapshotPatch): void {
    const before = this.snapshot.role;
    this.update(patch);
    if (wasDemoted(before, this.snapshot.role)) void this.connection?.stopPublishing?.().catch(() => {});
  }

  #callEvents(epoch: number): CallEvents {
    const live = () => epoch === this.#epoch && !this.disposed;
    return {
      roster: (participants, activeSpeaker) => {
        const screenSharePending = this.screenSharePending;
        if (live()) this.#apply((s) => applyRoster(s, participants, activeSpeaker, { screenSharePending }));
      },
      reconnecting: () => {
        if (live() && this.snapshot.status === 'in-room') this.update({ status: 'reconnecting' });
      },
      reconnected: () => {
        if (live() && this.snapshot.status === 'reconnecting') this.update({ status: 'in-room' });
      },
      disconnected: (reason) => {
        if (live()) void this.#endCall(reason);
      },
      lobby: (event) => {
        if (live()) this.update((s) => applyLobbyEvent(s, event));
      },
      control: (event) => {
        if (!live()) return;
        const outcome = applyControlEvent(this.snapshot, event);
        if (outcome.end) void this.#endCall(outcome.end);
        else this.#apply(() => outcome.patch);
      },
      chat: (event) => {
        if (live()) this.applyChat(event);
      },
      recording: (active) => {
        if (live()) this.update((s) => applyRecording(s, active, new Date().toISOString()));
      },
      captions: (captions) => {
        if (live()) this.update({ captions });
      },
      reactions: (reactions) => {
        if (live()) this.update({ reactions });
      },
    };
  }

  async #endCall(reason: EndedReason): Promise<void> {
    if (!isEngaged(this.snapshot.status)) return;
    this.#restart();
    const connection = this.connection;
    this.connection = null;
    this.stopPreview();
    // A room warmed for a join that never got connected goes too (the next join warms a new one).
    this.#connector.dispose();
    this.update({
      status: 'ended',
      endedReason: reason,
      participants: [],
      activeSpeaker: null,
      knocks: [],
      lobby: null,
      handRaisedAt: null,
      recording: NOT_RECORDING,
      captions: [],
      reactions: [],
      stream: NOT_RECORDING,
    });
    await connection?.disconnect().catch(() => {});
  }
}
