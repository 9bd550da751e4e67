/**
 * Everything the endpoint asks of LiveKit: signing participant tokens (local, no network) and RoomService calls
 * (network). It also caches the live state of each call — who is connected, whether the LiveKit room is open — fed by
 * webhooks and by RoomService refreshes, so the join route's hot path needs no LiveKit round trip: a join into an open
 * room takes a seat in the store and signs a token.
 */
import { EventEmitter } from 'node:events';
import {
  DataPacket_Kind,
  ParticipantInfo_State,
  RoomServiceClient,
  ServerError,
  TrackSource,
  type ParticipantInfo,
} from 'livekit-server-sdk';
import { ATTRIBUTES, type LiveParticipant, type Role, type RoomPolicy } from '../contract/index.js';
import { permissionsFor } from './grants.js';
import { ApiError } from './errors.js';
import { LiveKitTokenSigner } from './livekit-token.js';

export interface LiveKitOptions {
  /** The ws(s):// URL browsers connect to. */
  url: string;
  apiKey: string;
  apiSecret: string;
  /** The http(s):// URL for RoomService, when it differs from `url` with ws→http. */
  apiUrl?: string;
}

interface LiveEntry {
  sid: string;
  participant: LiveParticipant;
}

/**
 * What this instance has seen of one call: a cache of LiveKit's state, never the ground for who may do what (roles and
 * seats are the store's, see seats.ts).
 */
export class LiveRoom {
  /** Whether the LiveKit room exists (created by us or seen in a webhook / refresh). */
  opened = false;
  readonly participants = new Map<string, LiveEntry>();
  refreshedAt = 0;
  /** When the request behind the last refresh was sent: what it listed was true at least from then. */
  listedAt = 0;
  refreshing: Promise<void> | null = null;

  clear(): void {
    this.opened = false;
    this.participants.clear();
    this.refreshedAt = 0;
  }
}

export function toLiveParticipant(info: ParticipantInfo): LiveParticipant {
  const role = info.attributes[ATTRIBUTES.role];
  const hand = info.attributes[ATTRIBUTES.handRaisedAt];
  return {
    identity: info.identity,
    name: info.name,
    role: role === 'host' || role === 'speaker' || role === 'audience' ? role : 'participant',
    joinedAt: info.joinedAt ? new Date(Number(info.joinedAt) * 1000).toISOString() : null,
    handRaisedAt: hand ? hand : null,
  };
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ServerError && (error.status === 404 || error.code === 'not_found');
}

export class LiveKitGateway extends EventEmitter<{ change: [roomId: string] }> {
  readonly rooms: RoomServiceClient;
  private readonly live = new Map<string, LiveRoom>();
  private readonly tokens: LiveKitTokenSigner;

  constructor(
    readonly options: LiveKitOptions,
    /** How old live state may be before a decision that depends on it re-reads LiveKit. */
    private readonly maxAgeMs = 2000,
  ) {
    super();
    const apiUrl = options.apiUrl ?? options.url.replace(/^ws(s?):\/\//, 'http$1://');
    this.rooms = new RoomServiceClient(apiUrl, options.apiKey, options.apiSecret, { requestTimeout: 10 });
    this.tokens = new LiveKitTokenSigner(options.apiKey, options.apiSecret);
  }

  state(roomId: string): LiveRoom {
    let room = this.live.get(roomId);
    if (!room) {
      room = new LiveRoom();
      this.live.set(roomId, room);
    }
    return room;
  }

  /** Signs a short-lived token carrying only the grants of `role`. */
  mintToken(input: {
    roomId: string;
    identity: string;
    name: string;
    role: Role;
    policy: RoomPolicy;
    callGeneration: number;
    ttlSeconds: number;
  }): string {
    return this.tokens.sign({
      identity: input.identity,
      name: input.name,
      ttlSeconds: input.ttlSeconds,
      attributes: { [ATTRIBUTES.role]: input.role, [ATTRIBUTES.call]: String(input.callGeneration) },
      video: {
        roomJoin: true,
        room: input.roomId,
        ...permissionsFor(input.role, input.policy),
        // Nobody writes their own name, metadata or attributes: the role and the raised hand that every UI shows are
        // set by the endpoint alone (a hand goes up through POST …/hand), and the name is the one the join checked.
        canUpdateOwnMetadata: false,
      },
    });
  }

  /**
   * Signs a token for a pre-call check's throwaway room (`check-…`, never a real room's id): join, publish one
   * microphone track, subscribe, and nothing else — no data, no metadata, no room administration.
   */
  mintCheckToken(input: { room: string; identity: string; ttlSeconds: number }): string {
    return this.tokens.sign({
      identity: input.identity,
      name: '',
      ttlSeconds: input.ttlSeconds,
      attributes: {},
      video: {
        roomJoin: true,
        room: input.room,
        canPublish: true,
        canPublishSources: [TrackSource.MICROPHONE],
        canSubscribe: true,
        canPublishData: false,
        canUpdateOwnMetadata: false,
      },
    });
  }

  /**
   * Makes sure the LiveKit room exists with the policy's cap before someone is admitted (the first joiner opens the
   * call), and that the live state is not older than `maxAgeMs`. Cheap when both hold: no network at all.
   */
  async ensureOpen(roomId: string, maxParticipants: number): Promise<LiveRoom> {
    const room = this.state(roomId);
    if (room.opened && Date.now() - room.refreshedAt < this.maxAgeMs) return room;
    if (room.opened && room.refreshing) return room;
    const open = async () => {
      await this.call(() => this.rooms.createRoom({ name: roomId, maxParticipants, emptyTimeout: 300 }));
      room.opened = true;
      await this.refreshNow(roomId, room);
    };
    // An open room with slightly stale counts is refreshed in the background; joins do not queue behind LiveKit. It
    // starts once this task is over, so the request that noticed is answered first: begun at once, the calls' signing
    // and sockets shared its task and held its answer back by a few ms.
    if (room.opened) {
      this.dedupe(room, () => afterThisTask().then(open)).catch(() => {});
      return room;
    }
    await this.dedupe(room, open);
    return room;
  }

  /** Live state no older than `maxAgeMs` (re-read from LiveKit when older). */
  async fresh(roomId: string, maxAgeMs = this.maxAgeMs): Promise<LiveRoom> {
    const room = this.state(roomId);
    if (Date.now() - room.refreshedAt < maxAgeMs) return room;
    await this.dedupe(room, () => this.refreshNow(roomId, room));
    return room;
  }

  /** Webhook: a participant connected. */
  participantJoined(roomId: string, info: ParticipantInfo): void {
    const room = this.state(roomId);
    room.opened = true;
    room.participants.set(info.identity, { sid: info.sid, participant: toLiveParticipant(info) });
    this.emit('change', roomId);
  }

  /** Webhook: a participant left. A reconnect under the same identity has a new sid and is kept. */
  participantLeft(roomId: string, info: ParticipantInfo): void {
    const room = this.state(roomId);
    const entry = room.participants.get(info.identity);
    if (entry && (!info.sid || entry.sid === info.sid)) room.participants.delete(info.identity);
    this.emit('change', roomId);
  }

  roomStarted(roomId: string): void {
    this.state(roomId).opened = true;
  }

  roomFinished(roomId: string): void {
    this.state(roomId).clear();
    this.emit('change', roomId);
  }

  forget(roomId: string): void {
    this.live.delete(roomId);
  }

  /** Sends a reliable server data message on `topic`, to `identities` only (or to everyone when absent). */
  async sendData(roomId: string, topic: string, payload: unknown, identities?: string[]): Promise<void> {
    if (identities && identities.length === 0) return;
    const data = new TextEncoder().encode(JSON.stringify(payload));
    await this.call(() =>
      this.rooms.sendData(roomId, data, DataPacket_Kind.RELIABLE, {
        topic,
        ...(identities ? { destinationIdentities: identities } : {}),
      }),
    );
  }

  /** Runs a RoomService call, turning an unreachable LiveKit into a 503 and passing not-found through. */
  async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof ServerError) throw error;
      throw new ApiError('LIVEKIT_UNAVAILABLE', 'The media server cannot be reached right now.');
    }
  }

  private async dedupe(room: LiveRoom, work: () => Promise<void>): Promise<void> {
    if (!room.refreshing) {
      room.refreshing = work().finally(() => {
        room.refreshing = null;
      });
    }
    await room.refreshing;
  }

  private async refreshNow(roomId: string, room: LiveRoom): Promise<void> {
    let infos: ParticipantInfo[] = [];
    const listedAt = Date.now();
    try {
      infos = await this.call(() => this.rooms.listParticipants(roomId));
      // Someone is in: the room exists, though this instance may never have seen it opened (another one did). An empty
      // list proves nothing (LiveKit lists a room it does not have as empty).
      if (infos.length > 0) room.opened = true;
    } catch (error) {
      if (!isNotFound(error)) throw error;
      room.opened = false;
    }
    const hadHosts = new Set(room.participants.keys());
    room.participants.clear();
    for (const info of infos) {
      if (info.state === ParticipantInfo_State.DISCONNECTED) continue;
      room.participants.set(info.identity, { sid: info.sid, participant: toLiveParticipant(info) });
    }
    room.refreshedAt = Date.now();
    room.listedAt = listedAt;
    const changed =
      hadHosts.size !== room.participants.size || [...room.participants.keys()].some((id) => !hadHosts.has(id));
    if (changed) this.emit('change', roomId);
  }
}

/** Resolves in a later turn of the event loop, after the current task and its microtasks (a request's answer). */
function afterThisTask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
