/** What every route needs: the resolved options, the store, LiveKit, and helpers for "who is asking, about which room". */
import { createHash, timingSafeEqual } from 'node:crypto';
import { normalizeRoomCode, type Role, type RoomView } from '../contract/index.js';
import { ApiError } from './errors.js';
import type { IdentitySigner } from './identity.js';
import type { LiveKitGateway } from './livekit.js';
import type { Logger } from './logger.js';
import type { KnockNotifier } from './notifier.js';
import type { LongPollSlots } from './long-polls.js';
import type { RateLimitKind, RateLimits } from './rate-limit.js';
import type { Recorder } from './recording/recorder.js';
import type { RoomRecord, Store } from './store/types.js';

/** A user as the host site's `authenticate` returns it, or as an anonymous credential names it. */
export interface User {
  id: string;
  name?: string;
}

export interface Context {
  store: Store;
  livekit: LiveKitGateway;
  signer: IdentitySigner;
  notifier: KnockNotifier;
  logger: Logger;
  tokenTtlSeconds: number;
  identityTtlSeconds: number;
  maxBodyBytes: number;
  limits: RateLimits | null;
  longPolls: LongPollSlots;
  /** Recording through LiveKit Egress; null when the operator set no recording destination. */
  recording: Recorder | null;
  version: string;
}

/** Per request: the caller (if any) and the client address the adapter reported. */
export interface RequestInfo {
  request: Request;
  user: User | null;
  clientIp: string | null;
  params: string[];
}

export function requireUser(info: RequestInfo): User {
  if (!info.user) {
    throw new ApiError('UNAUTHENTICATED', 'Sign in, or get an anonymous identity from POST /identity first.');
  }
  return info.user;
}

/** Finds a room by id or by code (any case, any separator); 404 otherwise. */
export async function findRoom(ctx: Context, idOrCode: string): Promise<RoomRecord> {
  const code = normalizeRoomCode(idOrCode);
  const room = (code ? await ctx.store.getRoomByCode(code) : null) ?? (await ctx.store.getRoomById(idOrCode));
  if (!room) throw new ApiError('NOT_FOUND', 'There is no room with that id or code.');
  return room;
}

export function isHost(room: RoomRecord, userId: string | undefined): boolean {
  return userId !== undefined && (room.creatorId === userId || room.hosts.includes(userId));
}

export function requireHost(room: RoomRecord, info: RequestInfo): User {
  const user = requireUser(info);
  if (!isHost(room, user.id)) throw new ApiError('FORBIDDEN', 'Only a host of this room can do that.');
  return user;
}

export function requireCreator(room: RoomRecord, info: RequestInfo): User {
  const user = requireUser(info);
  if (room.creatorId !== user.id) throw new ApiError('FORBIDDEN', 'Only the creator of this room can do that.');
  return user;
}

/**
 * Counts one request of `kind` (an attempt by default: join, knock, claim-host, hand) per identity and per IP; 429 with
 * Retry-After when over either limit.
 */
export function rateLimit(ctx: Context, info: RequestInfo, user: User | null, kind: RateLimitKind = 'attempt'): void {
  if (!ctx.limits) return;
  const wait = ctx.limits.hit(kind, user?.id ?? null, info.clientIp);
  if (wait > 0) {
    throw new ApiError('RATE_LIMITED', 'Too many attempts; try again shortly.', {
      'retry-after': String(Math.ceil(wait / 1000)),
    });
  }
}

export function hashHostKey(hostKey: string): string {
  return createHash('sha256').update(hostKey).digest('hex');
}

export function hostKeyMatches(room: RoomRecord, hostKey: string): boolean {
  const given = Buffer.from(hashHostKey(hostKey), 'hex');
  const stored = Buffer.from(room.hostKeyHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** Whether any host of the room is connected to the call right now (as far as live state knows). */
export function hostsPresent(ctx: Context, room: RoomRecord): string[] {
  const live = ctx.livekit.state(room.id);
  return [...live.participants.keys()].filter((identity) => isHost(room, identity));
}

/** The role a caller gets when admitted. */
export function roleFor(ctx: Context, room: RoomRecord, userId: string): Role {
  if (isHost(room, userId)) return 'host';
  if (!room.policy.stageMode) return 'participant';
  return ctx.livekit.state(room.id).speakers.has(userId) ? 'speaker' : 'audience';
}

/** A room as the API shows it to `userId`: who runs the room (creator, hosts) only to its hosts. */
export function roomView(room: RoomRecord, userId: string | undefined): RoomView {
  const host = isHost(room, userId);
  return {
    id: room.id,
    code: room.code,
    name: room.name,
    ...(host ? { creatorId: room.creatorId, hosts: room.hosts } : {}),
    scheduledStartAt: room.scheduledStartAt,
    scheduledEndAt: room.scheduledEndAt,
    status: room.status,
    policy: room.policy,
    createdAt: room.createdAt,
    updatedAt: room.updatedAt,
    youAreHost: host,
  };
}
