/** Who is asking, and may they: a caller is required, a host or the creator of the room, within the rate limits. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, RequestInfo, User } from './context.js';
import { ApiError } from './errors.js';
import type { RateLimitKind } from './rate-limit.js';
import type { RoomRecord } from './store/types.js';

export function requireUser(info: RequestInfo): User {
  if (!info.user) {
    throw new ApiError('UNAUTHENTICATED', 'Sign in, or get an anonymous identity from POST /identity first.');
  }
  return info.user;
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
 * Counts one request of `kind` (an attempt by default: join, knock, claim-host, hand) per identity and per IP, in the
 * store's counters shared by every instance; 429 with Retry-After when over either limit.
 */
export async function rateLimit(
  ctx: Context,
  info: RequestInfo,
  user: User | null,
  kind: RateLimitKind = 'attempt',
): Promise<void> {
  if (!ctx.limits) return;
  const wait = await ctx.limits.hit(kind, user?.id ?? null, info.clientIp);
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
