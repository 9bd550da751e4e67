/**
 * The endpoint's persistent state behind one interface. Two implementations share one Kysely query layer
 * (kysely-store.ts): SQLite (the embedded default) and PostgreSQL (several endpoint instances). Times are ISO strings
 * and policies JSON text so both dialects store exactly the same values.
 */
import type {
  EgressKind,
  KnockReason,
  RecordingLayout,
  RecordingMode,
  RecordingStatus,
  RoomPolicy,
  RoomStatus,
} from '../../contract/index.js';
import type { Logger } from '../logger.js';
import type { KnockNotifier } from '../notifier.js';

export interface RoomRecord {
  id: string;
  code: string;
  name: string;
  creatorId: string;
  hosts: string[];
  scheduledStartAt: string | null;
  scheduledEndAt: string | null;
  status: RoomStatus;
  policy: RoomPolicy;
  /** SHA-256 of the secret host key; the key itself is never stored. */
  hostKeyHash: string;
  /**
   * Which call of the room is current. Raised when a call is ended for all, closed or deleted; every token carries
   * the value it was signed under, so a token from an earlier call is turned away when it connects.
   */
  callGeneration: number;
  createdAt: string;
  updatedAt: string;
}

export type RoomPatch = Partial<
  Pick<RoomRecord, 'name' | 'scheduledStartAt' | 'scheduledEndAt' | 'status' | 'policy' | 'hosts'>
>;

export type KnockStatus = 'pending' | 'admitted' | 'denied' | 'cancelled';
/** Knock reasons are the contract's (one list for the API, the store and the elements). */
export type { KnockReason };

export interface KnockRecord {
  id: string;
  roomId: string;
  identity: string;
  displayName: string;
  reason: KnockReason;
  status: KnockStatus;
  createdAt: string;
  updatedAt: string;
}

/**
 * One LiveKit Egress job of a room (a recording or a live stream), as Egress last reported it — in its answer to a
 * start or stop, a webhook, or its listing.
 */
export interface EgressJobRecord {
  egressId: string;
  roomId: string;
  kind: EgressKind;
  mode: RecordingMode;
  /** Composite jobs: the stage layout asked for. */
  layout: RecordingLayout | null;
  /** Track jobs: the track recorded. */
  trackSid: string | null;
  status: RecordingStatus;
  /** Egress' reason for a failure. */
  error: string | null;
  startedAt: string | null;
  endedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Where a seat is: on the stage (hosts, speakers, everyone in a room without stage mode) or in the audience. */
export type SeatKind = 'stage' | 'audience';

/** How many seats of each kind a room has (its policy's caps). */
export type SeatCaps = Record<SeatKind, number>;

export interface SeatClaim {
  roomId: string;
  identity: string;
  kind: SeatKind;
  caps: SeatCaps;
  /** Epoch ms. */
  now: number;
  /** Epoch ms until which the seat is held even if LiveKit never reports the identity connecting. */
  holdUntil: number;
}

/**
 * What a seat claim decided: the seat is held, that kind of seat is full, or a host removed the identity from the
 * room (a ban written before the claim is seen by it, in the same transaction as the count).
 */
export type SeatClaimOutcome = 'held' | 'full' | 'banned';

/** Someone LiveKit reports in the call. */
export interface SeatHolder {
  identity: string;
  sid: string;
  kind: SeatKind;
}

/**
 * What one call decides beyond the room itself — roles given during the call, seats, rate-limit counters — so every
 * instance decides from the same state (call-state.ts implements it).
 */
export interface CallStateStore {
  /** The role given to `identity` during the current call (a promotion), or null when none was. */
  callRole(roomId: string, identity: string): Promise<'speaker' | null>;
  /** Identities promoted to speaker in the current call. */
  listSpeakers(roomId: string): Promise<string[]>;
  /** Records (speaker) or removes (null) a role given during the call. */
  setCallRole(roomId: string, identity: string, role: 'speaker' | null): Promise<void>;

  /**
   * Takes or keeps a seat of `kind` for `identity`, atomically with checking its ban and counting the others' seats
   * (the room row is locked for it). A seat the identity already holds moves to `kind`.
   */
  claimSeat(claim: SeatClaim): Promise<SeatClaimOutcome>;
  /** LiveKit reported `identity` connected at `now` (a webhook): its seat is held until it leaves. */
  seatConnected(roomId: string, holder: SeatHolder, now: number): Promise<void>;
  /** LiveKit reported the connection `sid` of `identity` left (an empty sid: whichever connection it had). */
  seatLeft(roomId: string, identity: string, sid: string): Promise<void>;
  /** Gives up the seat of `identity` at once (kicked). */
  releaseSeat(roomId: string, identity: string): Promise<void>;
  /**
   * Brings the seats in line with who LiveKit says is connected (a missed or reordered webhook), as listed by a
   * request sent at `listedAt` (epoch ms), and clears the rows of reservations that ran out before it.
   */
  syncSeats(roomId: string, connected: SeatHolder[], listedAt: number): Promise<void>;
  /** Seats held now, per kind. */
  countSeats(roomId: string, now: number): Promise<SeatCaps>;

  /**
   * Counts one hit on `key` in a fixed window of `windowMs`, atomically: returns the count in the current window and
   * when that window started (epoch ms).
   */
  hitCounter(key: string, windowMs: number, now: number): Promise<{ count: number; windowStart: number }>;
  /** Drops counters whose window started before `before` (epoch ms). */
  sweepCounters(before: number): Promise<void>;
  /** Drops one counter now (a claim made with `hitCounter` given back before its window ends). */
  dropCounter(key: string): Promise<void>;
}

export interface Store extends CallStateStore {
  /** Inserts a room; throws `CodeTakenError` when the code is already used (the caller retries with a new code). */
  createRoom(room: RoomRecord): Promise<void>;
  getRoomById(id: string): Promise<RoomRecord | null>;
  getRoomByCode(code: string): Promise<RoomRecord | null>;
  /** Rooms the user created or hosts, newest first. */
  listRoomsFor(userId: string): Promise<RoomRecord[]>;
  updateRoom(id: string, patch: RoomPatch, now: string): Promise<RoomRecord | null>;
  /** Deletes a room with its hosts, knocks and bans. Returns false when it did not exist. */
  deleteRoom(id: string): Promise<boolean>;

  createKnock(knock: KnockRecord): Promise<void>;
  getKnock(id: string): Promise<KnockRecord | null>;
  /** Moves a knock from one status to another only if it is still in `from` (compare-and-set across instances). */
  settleKnock(id: string, from: KnockStatus, to: KnockStatus, now: string): Promise<boolean>;
  /** Changes why a pending knock waits (a host arrived, so HOST_REQUIRED becomes WAITING_ROOM_PENDING). */
  setKnockReason(id: string, reason: KnockReason, now: string): Promise<void>;
  listKnocks(roomId: string, status: KnockStatus): Promise<KnockRecord[]>;
  /** The newest knock of one identity into one room, whatever its status. */
  latestKnock(roomId: string, identity: string): Promise<KnockRecord | null>;

  /** Bars an identity from joining or knocking into the room's current call (a kick). */
  addBan(roomId: string, identity: string, now: string): Promise<void>;
  isBanned(roomId: string, identity: string): Promise<boolean>;
  /**
   * The call ended: forget its bans, roles, seats and settled knocks and cancel pending ones, so the next call starts
   * clean. With `revokeTokens` (end for all, close, delete) the room's call generation is raised too, so no token
   * signed for the ended call gets back in.
   */
  resetCall(roomId: string, options?: { revokeTokens?: boolean }): Promise<void>;

  /**
   * Records a LiveKit webhook event id; false when it was recorded before (a replay). Ids older than `forgetBefore`
   * are dropped, since a signed webhook expires long before that.
   */
  recordWebhookEvent(id: string, now: string, forgetBefore: string): Promise<boolean>;
  /** Forgets a recorded event id (its handling failed, so LiveKit's retry must be handled). */
  forgetWebhookEvent(id: string): Promise<void>;

  /**
   * How a settled knock wakes long-polls on every instance that shares this store (PostgreSQL: LISTEN/NOTIFY). A store
   * without it serves one instance, and the handler wakes its long-polls in-process.
   */
  openKnockNotifier?(logger: Logger): KnockNotifier;
  /** Answers when the store can be reached (readiness); throws when it cannot. */
  ping?(): Promise<void>;

  /**
   * Records what Egress reported about a job. Reports arrive out of order (a start's answer after its own webhook, a
   * retried webhook late), so a report never takes a job back: starting → active → ending → ended, and the first
   * ended status (with its error) stays. Times and errors already known are kept when a report leaves them out.
   */
  saveEgressJob(job: EgressJobRecord): Promise<void>;
  /** The room's jobs, newest first (at most 100), of one kind when given. */
  listEgressJobs(roomId: string, kind?: EgressKind): Promise<EgressJobRecord[]>;

  close(): Promise<void>;
}

export class CodeTakenError extends Error {
  constructor(code: string) {
    super(`Room code ${code} is taken.`);
  }
}
