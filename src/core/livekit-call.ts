import type { Room } from 'livekit-client';
import { ATTRIBUTES, CHAT_TOPIC, CONTROL_TOPIC, LOBBY_TOPIC, readRoomMetadata } from '../contract/topics.js';
import type { ControlEvent, LobbyEvent, Role } from '../contract/index.js';
import type { CallConnection, CallConnector, CallEvents, ConnectRequest, PublishRequest } from './call.js';
import type { receiveChat } from './chat.js';
import { participantSnapshot } from './participants.js';
import type { EndedReason } from './snapshot.js';

type LiveKit = typeof import('livekit-client');

let sdk: Promise<LiveKit> | null = null;

/** The only way src/core reaches livekit-client: a dynamic import, so pages that never start a call never load it. */
export function loadLiveKit(): Promise<LiveKit> {
  sdk ??= import('livekit-client').catch((error: unknown) => {
    // A failed chunk download (flaky network) should be retryable on the next attempt.
    sdk = null;
    throw error;
  });
  return sdk;
}

/** One `Room` per call; created early so `prepareConnection` can warm it while the user is still deciding. */
export class LiveKitConnector implements CallConnector {
  #room: Room | null = null;
  #warmed = new Set<string>();

  preload(): void {
    void loadLiveKit().catch(() => {});
  }

  warm(serverUrl: string, token?: string): void {
    const key = `${serverUrl} ${token ?? ''}`;
    if (this.#warmed.has(key)) return;
    this.#warmed.add(key);
    void this.#ensureRoom()
      .then((room) => room.prepareConnection(serverUrl, token))
      // Warming is an optimisation; connect() reports real failures.
      .catch(() => {});
  }

  async connect(request: ConnectRequest, events: CallEvents): Promise<CallConnection> {
    const lk = await loadLiveKit();
    const room = await this.#ensureRoom();
    // The room now belongs to this connection; a later call gets a fresh one.
    this.#room = null;
    this.#warmed.clear();
    const connection = new LiveKitConnection(lk, room, events, request.role);
    try {
      await room.connect(request.serverUrl, request.token);
    } catch (error) {
      await connection.disconnect();
      throw error;
    }
    connection.refresh();
    events.recording?.(room.isRecording);
    await connection.listenForChat(request.maxChatFileBytes);
    return connection;
  }

  dispose(): void {
    const room = this.#room;
    this.#room = null;
    this.#warmed.clear();
    void room?.disconnect().catch(() => {});
  }

  async #ensureRoom(): Promise<Room> {
    const lk = await loadLiveKit();
    // Adaptive stream sizes remote video to the element it plays in; dynacast stops layers nobody watches.
    this.#room ??= new lk.Room({ adaptiveStream: true, dynacast: true });
    return this.#room;
  }
}

class LiveKitConnection implements CallConnection {
  #closing = false;
  #rosterQueued = false;
  #stopChat: (() => void) | null = null;
  readonly #decoder = new TextDecoder();

  constructor(
    private readonly lk: LiveKit,
    private readonly room: Room,
    private readonly events: CallEvents,
    private readonly localRole: Role,
  ) {
    const { RoomEvent } = lk;
    const refresh = () => this.#queueRoster();
    for (const event of [
      RoomEvent.Connected,
      RoomEvent.ParticipantConnected,
      RoomEvent.ParticipantDisconnected,
      RoomEvent.ParticipantNameChanged,
      RoomEvent.ParticipantAttributesChanged,
      RoomEvent.TrackPublished,
      RoomEvent.TrackUnpublished,
      RoomEvent.TrackSubscribed,
      RoomEvent.TrackUnsubscribed,
      RoomEvent.TrackMuted,
      RoomEvent.TrackUnmuted,
      RoomEvent.LocalTrackPublished,
      RoomEvent.LocalTrackUnpublished,
      RoomEvent.ActiveSpeakersChanged,
      RoomEvent.ConnectionQualityChanged,
      RoomEvent.TrackStreamStateChanged,
      RoomEvent.ParticipantPermissionsChanged,
    ] as const) {
      room.on(event, refresh);
    }
    // Adaptive stream pauses a remote video once the last element it was attached to leaves the screen, but a video
    // never attached at all (its tile not rendered: further along the strip, another grid page) would stream for the
    // whole call. So a remote video starts paused and is received only while a view has it attached (see attach()).
    room.on(RoomEvent.TrackSubscribed, (track, publication) => {
      if (track.kind === lk.Track.Kind.Video && track.attachedElements.length === 0) publication.setEnabled(false);
    });
    room.on(RoomEvent.Reconnecting, () => events.reconnecting());
    room.on(RoomEvent.SignalReconnecting, () => events.reconnecting());
    // livekit-server sets the room's recording status while an Egress job runs; everyone in the call sees it.
    room.on(RoomEvent.RecordingStatusChanged, (recording) => events.recording?.(recording));
    room.on(RoomEvent.Reconnected, () => {
      events.reconnected();
      this.#queueRoster();
    });
    room.on(RoomEvent.Disconnected, (reason) => {
      if (!this.#closing) events.disconnected(this.#endedReason(reason));
    });
    room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
      // Lobby and control messages carry authority, so only server-sent ones (no sending participant) count:
      // a guest publishing `{"type":"ended"}` on the control topic must not end anyone's call.
      if (participant || (topic !== LOBBY_TOPIC && topic !== CONTROL_TOPIC)) return;
      let message: unknown;
      try {
        message = JSON.parse(this.#decoder.decode(payload));
      } catch {
        return;
      }
      if (typeof message !== 'object' || message === null || !('type' in message)) return;
      if (topic === LOBBY_TOPIC) events.lobby(message as LobbyEvent);
      else events.control(message as ControlEvent);
    });
  }

  get localIdentity(): string {
    return this.room.localParticipant.identity;
  }

  /** Emits the roster now (after connect, the participants already in the room arrive without events). */
  refresh(): void {
    const local = this.room.localParticipant;
    const participants = [local, ...this.room.remoteParticipants.values()].map((participant) =>
      participantSnapshot(participant, participant.isLocal ? this.localRole : 'participant'),
    );
    const speaker = this.room.activeSpeakers[0]?.identity ?? null;
    this.events.roster(participants, speaker);
  }

  async publish(request: PublishRequest): Promise<void> {
    const local = this.room.localParticipant;
    // Camera and microphone start together: opening devices and negotiating both tracks overlap.
    const results = await Promise.allSettled([
      request.audio
        ? local.setMicrophoneEnabled(
            true,
            request.microphoneDeviceId ? { deviceId: request.microphoneDeviceId } : undefined,
          )
        : null,
      request.video
        ? local.setCameraEnabled(true, request.cameraDeviceId ? { deviceId: request.cameraDeviceId } : undefined)
        : null,
    ]);
    this.#queueRoster();
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }

  async setMicrophoneEnabled(enabled: boolean, deviceId: string | null): Promise<void> {
    await this.room.localParticipant.setMicrophoneEnabled(enabled, deviceId ? { deviceId } : undefined);
    this.#queueRoster();
  }

  async setCameraEnabled(enabled: boolean, deviceId: string | null): Promise<void> {
    await this.room.localParticipant.setCameraEnabled(enabled, deviceId ? { deviceId } : undefined);
    this.#queueRoster();
  }

  async setScreenShareEnabled(enabled: boolean): Promise<boolean> {
    const publication = await this.room.localParticipant.setScreenShareEnabled(enabled, { audio: false });
    this.#queueRoster();
    return enabled && publication !== undefined;
  }

  async switchDevice(kind: 'videoinput' | 'audioinput', deviceId: string): Promise<void> {
    await this.room.switchActiveDevice(kind, deviceId);
  }

  attach(trackSid: string, element: HTMLMediaElement): () => void {
    const local = this.room.localParticipant.trackPublications.get(trackSid)?.track;
    if (local) {
      local.attach(element);
      return () => void local.detach(element);
    }
    for (const participant of this.room.remoteParticipants.values()) {
      const publication = participant.trackPublications.get(trackSid);
      const track = publication?.track;
      if (!publication || !track) continue;
      track.attach(element);
      // A remote video is received while some view shows it (it starts paused, see the constructor).
      const video = track.kind === this.lk.Track.Kind.Video;
      if (video) publication.setEnabled(true);
      return () => {
        track.detach(element);
        if (video && !this.#closing && track.attachedElements.length === 0) publication.setEnabled(false);
      };
    }
    // Not subscribed yet: the view calls again when the snapshot says it is.
    return () => {};
  }

  /** Registers the `lk.chat` stream handlers (chat.ts is loaded here, with the call, not up front). */
  async listenForChat(maxFileBytes?: number): Promise<void> {
    let receive: typeof receiveChat;
    try {
      receive = (await import('./chat.js')).receiveChat;
    } catch {
      return; // The call goes on without chat.
    }
    if (this.#closing) return;
    this.#stopChat ??= receive(this.room, (event) => !this.#closing && this.events.chat(event), maxFileBytes);
  }

  async sendChatText(text: string): Promise<void> {
    await this.room.localParticipant.sendText(text, { topic: CHAT_TOPIC });
  }

  async sendChatFile(file: File, onProgress: (progress: number) => void): Promise<void> {
    await this.room.localParticipant.sendFile(file, { topic: CHAT_TOPIC, mimeType: file.type, onProgress });
  }

  async setHandRaised(raisedAt: string | null): Promise<void> {
    await this.room.localParticipant.setAttributes({ [ATTRIBUTES.handRaisedAt]: raisedAt ?? '' });
    this.#queueRoster();
  }

  async stopPublishing(): Promise<void> {
    const local = this.room.localParticipant;
    const tracks = [...local.trackPublications.values()].flatMap((publication) =>
      publication.track ? [publication.track] : [],
    );
    await Promise.allSettled(tracks.map((track) => local.unpublishTrack(track, true)));
    this.#queueRoster();
  }

  async disconnect(): Promise<void> {
    this.#closing = true;
    this.#stopChat?.();
    this.#stopChat = null;
    try {
      await this.room.disconnect();
    } finally {
      this.room.removeAllListeners();
    }
  }

  /** Many LiveKit events arrive in bursts (a join brings several); one roster per tick is enough. */
  #queueRoster(): void {
    if (this.#rosterQueued || this.#closing) return;
    this.#rosterQueued = true;
    queueMicrotask(() => {
      this.#rosterQueued = false;
      if (!this.#closing) this.refresh();
    });
  }

  #endedReason(reason: number | undefined): EndedReason {
    const { DisconnectReason } = this.lk;
    switch (reason) {
      case DisconnectReason.CLIENT_INITIATED:
        return 'left';
      case DisconnectReason.PARTICIPANT_REMOVED:
        return 'kicked';
      case DisconnectReason.ROOM_DELETED:
        // "End for all" marks the room before deleting it (see RoomMetadata).
        return readRoomMetadata(this.room.metadata).ended === 'host-ended' ? 'host-ended' : 'room-deleted';
      case DisconnectReason.ROOM_CLOSED:
        return 'room-closed';
      default:
        return 'disconnected';
    }
  }
}
