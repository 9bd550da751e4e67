/**
 * The call itself over livekit-client: room events turned into roster snapshots and session events, media and chat
 * actions. Loaded beside the SDK (see livekit-rooms.ts), not up front: a pre-join page needs none of it.
 */
import type { BackgroundChoice } from './snapshot.js';
import type { LocalTrack, LocalVideoTrack, RemoteTrackPublication, Room, Track } from 'livekit-client';
import {
  ATTRIBUTES,
  CHAT_TOPIC,
  CONTROL_TOPIC,
  LOBBY_TOPIC,
  REACTION_TOPIC,
  readRoomMetadata,
  TRANSCRIPTION_TOPIC,
  type ReactionEvent,
} from '../contract/topics.js';
import type { ControlEvent, LobbyEvent, Role } from '../contract/index.js';
import type { CallConnection, CallEvents, PublishRequest } from './call.js';
import type { ChatEvent } from './chat.js';
import { openStreamInbox } from './stream-inbox.js';
import { applyReaction, expireReactions, nextReactionExpiry } from './reactions.js';
import { timedList, type TimedList } from './timed-list.js';
import { participantSnapshot } from './participants.js';
import { adoptPreviewTrack } from './preview-adoption.js';
import { detachMedia } from './media-detach.js';
import { sendChatFile } from './chat-send.js';
import type { CaptionSnapshot, EndedReason, ReactionSnapshot } from './snapshot.js';

/** The livekit-client module (what of it the call uses, see livekit-sdk.ts), as `livekit-call.ts` loads it. */
export type LiveKit = typeof import('./livekit-sdk.js');

/** How long a leave waits for publishes under way to be answered (see `disconnect`). */
const PUBLISH_SETTLE_MS = 1000;
/** How long a remote video nobody shows stays subscribed (paused) before it is let go. */
const UNSUBSCRIBE_AFTER_MS = 3000;
/**
 * How long a video that has just arrived may wait for a view before it is paused. The view attaches a tile's video
 * within a render of the roster that shows it (a join's first frames arrive before the call screen has drawn its
 * tiles); pausing at once and resuming then would cost a round trip to the server and a key frame from the sender.
 */
const ARRIVAL_GRACE_MS = 500;
/**
 * How many of those videos are sent meanwhile, at most. Adaptive stream would pause each until an element shows it;
 * a join into a small call gets every video flowing from the start, one into a room of fifty does not start fifty
 * decoders and streams for the grace (the rest wait for their tiles, as adaptive stream has them).
 */
const ARRIVALS_KEPT_FLOWING = 6;

export class LiveKitConnection implements CallConnection {
  #closing = false;
  /** Videos sent to us in their arrival's grace with no view yet (see ARRIVALS_KEPT_FLOWING). */
  readonly #flowingArrivals = new Set<string>();
  /** Remote videos a view wants, by track sid: the elements to play them in, and a pending unsubscription. */
  readonly #wanted = new Map<
    string,
    { elements: Set<HTMLMediaElement>; release: ReturnType<typeof setTimeout> | null }
  >();
  #rosterQueued = false;
  #stopChat: (() => void) | null = null;
  readonly #stopCaptions: () => void;
  readonly #reactions: TimedList<ReactionSnapshot>;
  #reactionIds = 0;
  readonly #decoder = new TextDecoder();
  /**
   * Every camera, microphone and screen track opened for this call, published or not yet: a leave while one is still
   * being opened or published (the SDK defers a publication it cannot send, for up to 15 s) stops it all the same.
   */
  readonly #tracks = new Set<LocalTrack>();
  /** Publishes and device changes under way (see `disconnect`). */
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly lk: LiveKit,
    private readonly room: Room,
    private readonly events: CallEvents,
    private readonly localRole: Role,
    /** Lets go of what the SDK keeps for the room outside it, once it is disconnected. */
    private readonly release: () => void = () => {},
  ) {
    const { RoomEvent } = lk;
    // The SDK opens local tracks through these two (setCameraEnabled, setMicrophoneEnabled, setScreenShareEnabled and
    // the initial publish all do): whatever they open is ours to stop.
    const local = room.localParticipant;
    const createTracks = local.createTracks.bind(local);
    const createScreenTracks = local.createScreenTracks.bind(local);
    local.createTracks = async (options) => this.#own(await createTracks(options));
    local.createScreenTracks = async (options) => this.#own(await createScreenTracks(options));
    this.#reactions = timedList(
      (list) => !this.#closing && events.reactions?.(list),
      expireReactions,
      nextReactionExpiry,
    );
    const showCaptions = (captions: CaptionSnapshot[]) => !this.#closing && events.captions?.(captions);
    this.#stopCaptions = openStreamInbox(room, TRANSCRIPTION_TOPIC, ['text'], async () =>
      (await import('./caption-stream.js')).captionReceiver(room, showCaptions),
    );
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
    // Every track is subscribed on arrival (LiveKit's auto-subscribe: the first frames of a join come sooner than if
    // each tile had to ask), but a video no view shows is paused at once and let go a few seconds later (see
    // #release), so a tile off screen (further along the strip, another grid page) costs no receiver, no decoder and
    // none of the SDK's per-track monitoring. A view attaching a video subscribes to it again (see attach()).
    room.on(RoomEvent.TrackSubscribed, (track, publication) => {
      if (track.kind !== lk.Track.Kind.Video) return;
      const wanted = this.#wanted.get(publication.trackSid);
      if (!wanted?.elements.size) {
        // Sent to us through the grace: adaptive stream alone would pause a video no element shows yet, and the tile
        // drawn a moment later would then wait for the server to resume it and for a new key frame.
        if (!wanted && this.#flowingArrivals.size < ARRIVALS_KEPT_FLOWING) {
          this.#flowingArrivals.add(publication.trackSid);
          publication.setEnabled(true);
        }
        return this.#release(publication, ARRIVAL_GRACE_MS);
      }
      for (const element of wanted.elements) track.attach(element);
      publication.setEnabled(true);
    });
    room.on(RoomEvent.TrackUnsubscribed, (track, publication) => {
      // Let go while a view came back for it (the unsubscription crossed the new attach): ask for it again.
      if (track.kind === lk.Track.Kind.Video && this.#wanted.get(publication.trackSid)?.elements.size) {
        publication.setSubscribed(true);
      }
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
      if (participant || (topic !== LOBBY_TOPIC && topic !== CONTROL_TOPIC && topic !== REACTION_TOPIC)) return;
      let message: unknown;
      try {
        message = JSON.parse(this.#decoder.decode(payload));
      } catch {
        return;
      }
      if (typeof message !== 'object' || message === null || !('type' in message)) return;
      if (topic === LOBBY_TOPIC) events.lobby(message as LobbyEvent);
      else if (topic === CONTROL_TOPIC) events.control(message as ControlEvent);
      else
        this.#reactions.set(
          applyReaction(this.#reactions.items, message as ReactionEvent, ++this.#reactionIds, Date.now()),
        );
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
    const { Source } = this.lk.Track;
    const local = this.room.localParticipant;
    const microphone = request.audio
      ? adoptPreviewTrack(this.lk, request.preview, 'audio', request.microphoneDeviceId)
      : null;
    const camera = request.video ? adoptPreviewTrack(this.lk, request.preview, 'video', request.cameraDeviceId) : null;
    for (const track of request.preview?.getTracks() ?? []) {
      if (track !== microphone?.mediaStreamTrack && track !== camera?.mediaStreamTrack) track.stop();
    }
    // Camera and microphone start together: opening devices and negotiating both tracks overlap.
    const results = await Promise.allSettled([
      request.audio
        ? this.#opening([Source.Microphone], () =>
            microphone
              ? local.publishTrack(this.#own([microphone])[0]!, { source: Source.Microphone })
              : local.setMicrophoneEnabled(
                  true,
                  request.microphoneDeviceId ? { deviceId: request.microphoneDeviceId } : undefined,
                ),
          )
        : null,
      request.video
        ? this.#opening([Source.Camera], () =>
            camera
              ? this.#publishCamera(this.#own([camera])[0]! as LocalVideoTrack, request.background)
              : this.#turnCameraOn(request.cameraDeviceId ?? null, request.background),
          )
        : null,
    ]);
    this.#queueRoster();
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }

  async setMicrophoneEnabled(enabled: boolean, deviceId: string | null): Promise<void> {
    await this.#opening([this.lk.Track.Source.Microphone], () =>
      this.room.localParticipant.setMicrophoneEnabled(enabled, deviceId ? { deviceId } : undefined),
    );
    this.#queueRoster();
  }

  /** The adopted camera, its background processed before it is published: no frame leaves as it was. */
  async #publishCamera(camera: LocalVideoTrack, background: BackgroundChoice | undefined): Promise<unknown> {
    if (background && background !== 'none') {
      await (await import('./background/background.js')).processBeforePublish(camera, background);
    }
    return this.room.localParticipant.publishTrack(camera, { source: this.lk.Track.Source.Camera });
  }

  localCamera(): LocalVideoTrack | null {
    const track = this.room.localParticipant.getTrackPublication(this.lk.Track.Source.Camera)?.track;
    return track instanceof this.lk.LocalVideoTrack ? track : null;
  }

  async setCameraEnabled(enabled: boolean, deviceId: string | null, background?: BackgroundChoice): Promise<void> {
    await this.#opening([this.lk.Track.Source.Camera], () =>
      enabled
        ? this.#turnCameraOn(deviceId, background)
        : this.room.localParticipant.setCameraEnabled(false, deviceId ? { deviceId } : undefined),
    );
    this.#queueRoster();
  }

  /**
   * With a background chosen, a camera not yet published is processed before it is (the SDK would publish the raw
   * capture first); one already published keeps its processor through mutes.
   */
  #turnCameraOn(deviceId: string | null, background: BackgroundChoice | undefined): Promise<unknown> {
    const local = this.room.localParticipant;
    if (!background || background === 'none' || local.getTrackPublication(this.lk.Track.Source.Camera)) {
      return local.setCameraEnabled(true, deviceId ? { deviceId } : undefined);
    }
    // createTracks is ours (see the constructor): the room's capture defaults, and the track stops with the call.
    return local
      .createTracks({ video: deviceId ? { deviceId } : true })
      .then(([camera]) => this.#publishCamera(camera as LocalVideoTrack, background));
  }

  async setScreenShareEnabled(enabled: boolean): Promise<boolean> {
    const { Source } = this.lk.Track;
    const publication = await this.#opening([Source.ScreenShare, Source.ScreenShareAudio], () =>
      this.room.localParticipant.setScreenShareEnabled(enabled, { audio: false }),
    );
    this.#queueRoster();
    return enabled && publication !== undefined;
  }

  async switchDevice(kind: 'videoinput' | 'audioinput', deviceId: string): Promise<void> {
    await this.room.switchActiveDevice(kind, deviceId);
  }

  /**
   * A remote video no view shows: paused now (nothing is sent), unsubscribed if nothing wants it back within
   * UNSUBSCRIBE_AFTER_MS — a tile moving between strip and spotlight re-attaches long before that. One that has just
   * arrived gets `graceMs` first (ARRIVAL_GRACE_MS), for the view to draw its tile.
   */
  #release(publication: RemoteTrackPublication, graceMs = 0): void {
    const trackSid = publication.trackSid;
    let entry = this.#wanted.get(trackSid);
    if (!entry) this.#wanted.set(trackSid, (entry = { elements: new Set(), release: null }));
    if (entry.release || entry.elements.size > 0) return;
    if (graceMs > 0) {
      // Not wanted yet: let it play on for a moment, then release it as usual unless a view took it meanwhile.
      const arrived = entry;
      arrived.release = setTimeout(() => {
        arrived.release = null;
        this.#flowingArrivals.delete(trackSid);
        if (arrived.elements.size === 0 && this.#wanted.get(trackSid) === arrived && !this.#closing)
          this.#release(publication);
      }, graceMs);
      return;
    }
    publication.setEnabled(false);
    const released = entry;
    released.release = setTimeout(() => {
      if (released.elements.size > 0 || this.#wanted.get(trackSid) !== released) return;
      this.#wanted.delete(trackSid);
      if (!this.#closing) publication.setSubscribed(false);
    }, UNSUBSCRIBE_AFTER_MS);
  }

  attach(trackSid: string, element: HTMLMediaElement): () => void {
    const local = this.room.localParticipant.trackPublications.get(trackSid)?.track;
    if (local) {
      local.attach(element);
      return () => detachMedia(local, element);
    }
    for (const participant of this.room.remoteParticipants.values()) {
      const publication = participant.trackPublications.get(trackSid);
      if (!publication) continue;
      if (publication.kind !== this.lk.Track.Kind.Video) {
        // Audio is always subscribed; play it once it is here (the view attaches again when the snapshot says so).
        const track = publication.track;
        track?.attach(element);
        return () => detachMedia(track, element);
      }
      // A video is received while some view shows it: subscribed on the first element, paused after the last and
      // unsubscribed if nothing wants it back soon (a tile moving between strip and spotlight re-attaches at once).
      let entry = this.#wanted.get(trackSid);
      if (!entry) {
        this.#wanted.set(trackSid, (entry = { elements: new Set(), release: null }));
        // Also when a track is still here: an unsubscription may be on its way (TrackUnsubscribed then asks again).
        publication.setSubscribed(true);
      }
      if (entry.release) clearTimeout(entry.release);
      entry.release = null;
      this.#flowingArrivals.delete(trackSid);
      entry.elements.add(element);
      publication.track?.attach(element);
      // Undo a pause from #release: the SDK keeps that wish across an unsubscription and a new subscription.
      publication.setEnabled(true);
      return () => {
        detachMedia(publication.track, element);
        entry.elements.delete(element);
        if (entry.elements.size === 0 && !this.#closing) this.#release(publication);
      };
    }
    // Not published (any more): nothing to show.
    return () => {};
  }

  /** Takes the call's `lk.chat` streams from now on; what reads them is fetched with the first (stream-inbox.ts). */
  listenForChat(maxFileBytes?: number): void {
    const emit = (event: ChatEvent) => !this.#closing && this.events.chat(event);
    this.#stopChat ??= openStreamInbox(this.room, CHAT_TOPIC, ['text', 'bytes'], async () =>
      (await import('./chat.js')).chatReceiver(this.room, emit, maxFileBytes),
    );
  }

  async sendChatText(text: string): Promise<void> {
    await this.room.localParticipant.sendText(text, { topic: CHAT_TOPIC });
  }

  sendChatFile(file: File, onProgress: (progress: number) => void): Promise<void> {
    return sendChatFile(this.room, file, onProgress);
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
    this.#stopCaptions();
    this.#reactions.stop();
    for (const wanted of this.#wanted.values()) if (wanted.release) clearTimeout(wanted.release);
    this.#wanted.clear();
    // First, so the camera light goes off at once; the SDK stops the published ones again as it unpublishes them.
    this.#stopTracks(() => true);
    // A publish the server has not answered yet would wait out the SDK's 10 s for an answer that a closed connection
    // never brings, holding the Room; the answer takes milliseconds, so let it come first (bounded).
    const settled = Promise.allSettled([...this.#inFlight]);
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, PUBLISH_SETTLE_MS))]);
    try {
      await this.room.disconnect();
    } finally {
      this.room.removeAllListeners();
      this.release();
    }
  }

  /** Tracks the SDK opens for this call: stopped at once if the call is already over, else kept for `disconnect`. */
  #own<T extends LocalTrack>(tracks: T[]): T[] {
    if (this.#closing) {
      for (const track of tracks) track.stop();
      throw new Error('The call ended while its camera or microphone was being opened.');
    }
    for (const track of tracks) this.#tracks.add(track);
    return tracks;
  }

  /**
   * Runs an SDK call that may open tracks of `sources`. If it fails, no track of those sources that it left
   * unpublished stays live (the SDK stops them in most paths, not in all: a publication deferred until a signal
   * connection that never comes keeps its track running until a timeout).
   */
  async #opening<T>(sources: Track.Source[], run: () => Promise<T>): Promise<T> {
    const running = run();
    this.#inFlight.add(running);
    try {
      return await running;
    } catch (error) {
      const published = new Set(
        [...this.room.localParticipant.trackPublications.values()].map((publication) => publication.track),
      );
      this.#stopTracks((track) => sources.includes(track.source) && !published.has(track));
      throw error;
    } finally {
      this.#inFlight.delete(running);
    }
  }

  #stopTracks(which: (track: LocalTrack) => boolean): void {
    for (const track of this.#tracks) {
      if (!which(track)) continue;
      this.#tracks.delete(track);
      track.stop();
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
