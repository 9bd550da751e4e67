/** Joining and the lobby: join, the knock long-poll, cancel, and the hosts' list / admit / deny / admit-all. */
import { KNOCK_WAIT_MAX_SECONDS, type KnockState } from '../../contract/index.js';
import type { Context, RequestInfo } from '../context.js';
import { isHost, rateLimit, requireHost, requireUser } from '../guards.js';
import { findRoom, hostsPresent } from '../room-views.js';
import { assertMayEnter, assertOpen } from '../admission.js';
import { ApiError } from '../errors.js';
import { json, readBody } from '../http.js';
import { knock, knockSummary, pendingJoin, releaseHostRequired, settle, signJoin } from '../lobby.js';
import type { KnockWatch } from '../notifier.js';
import type { KnockRecord, RoomRecord } from '../store/types.js';

/**
 * How often a waiting long-poll re-reads the store anyway. Decisions wake it at once through the notifier (on
 * PostgreSQL from any instance); this is only the safety net for a notification lost while an instance's listening
 * connection was down, so it is slow: one store read per waiting guest every few seconds.
 */
const RECHECK_MS = 5000;

export async function join(ctx: Context, info: RequestInfo): Promise<Response> {
  const user = requireUser(info);
  await rateLimit(ctx, info, user);
  const { displayName } = await readBody(info.request, 'joinRoom', ctx.maxBodyBytes);
  const room = await findRoom(ctx, info.params[0]!);
  if (isHost(room, user.id)) {
    // A host arriving may release guests who waited for one (also done on the webhook when the host connects).
    return json(200, await signJoin(ctx, room, user.id, displayName));
  }
  assertOpen(room);
  const previous = await ctx.store.latestKnock(room.id, user.id);
  // A removed guest gets no token: signing checks the ban itself, in the seat claim's transaction. So the ban is read
  // here only on the way to any other answer, before it, so that a removed guest cannot knock or wait again either.
  const entersNow = previous ? previous.status === 'admitted' : !room.policy.requireHost && !room.policy.waitingRoom;
  if (entersNow) return json(200, await signJoin(ctx, room, user.id, displayName));
  await assertMayEnter(ctx, room, user.id);
  if (previous?.status === 'denied') throw new ApiError('DENIED', 'A host declined your request to join.');
  if (previous?.status === 'pending') {
    return json(202, pendingJoin(ctx, room, user.id, previous.id, previous.reason));
  }
  if (room.policy.requireHost) {
    await ctx.livekit.fresh(room.id);
    if (hostsPresent(ctx, room).length === 0) {
      return json(202, await knock(ctx, room, user.id, displayName, 'HOST_REQUIRED'));
    }
  }
  if (room.policy.waitingRoom) {
    await ctx.livekit.fresh(room.id);
    return json(202, await knock(ctx, room, user.id, displayName, 'WAITING_ROOM_PENDING'));
  }
  return json(200, await signJoin(ctx, room, user.id, displayName));
}

async function ownKnock(ctx: Context, info: RequestInfo): Promise<{ room: RoomRecord; knock: KnockRecord }> {
  const user = requireUser(info);
  const room = await findRoom(ctx, info.params[0]!);
  const found = await ctx.store.getKnock(info.params[1]!);
  // Someone else's knock is reported as missing, not forbidden: knock ids are not to be probed.
  if (!found || found.roomId !== room.id || found.identity !== user.id) {
    throw new ApiError('NOT_FOUND', 'There is no such knock.');
  }
  return { room, knock: found };
}

/**
 * The guest's view of its knock. With `?wait=N` (≤ 25 s) it is held until the knock is settled, woken at once by the
 * notifier (a decision on this or, with PostgreSQL, any other instance) and re-checking the store every few seconds
 * as a safety net. An instance shutting down answers held long-polls at once with the knock as it stands, and the
 * client polls again (through another instance). Only the knocker sees it, and only an admitted knock carries a token.
 */
export async function getKnock(ctx: Context, info: RequestInfo): Promise<Response> {
  // A long-poll watches its knock before reading it: a decision committed meanwhile still wakes it.
  const watch = new URL(info.request.url).searchParams.has('wait') ? ctx.notifier.watch(info.params[1]!) : null;
  try {
    const { room, knock: first } = await ownKnock(ctx, info);
    const waitSeconds = waitParameter(info.request);
    if (!watch || waitSeconds === 0) return json(200, await knockState(ctx, room, first));
    // Only a request that will be held takes a slot; a plain read is as cheap as any other.
    const release = ctx.longPolls.acquire(first.identity);
    try {
      return await holdKnock(ctx, info, room, first, waitSeconds, watch);
    } finally {
      release();
    }
  } finally {
    watch?.stop();
  }
}

/** `?wait=N`: decimal seconds (`0x3` or `1e1` are refused, not read as numbers), at most the documented maximum. */
function waitParameter(request: Request): number {
  const text = new URL(request.url).searchParams.get('wait');
  if (text === null) return 0;
  if (!/^\d{1,3}(\.\d{1,3})?$/.test(text)) {
    throw new ApiError('VALIDATION_FAILED', 'wait must be a number of seconds, such as 25.');
  }
  return Math.min(Number(text), KNOCK_WAIT_MAX_SECONDS);
}

async function holdKnock(
  ctx: Context,
  info: RequestInfo,
  room: RoomRecord,
  first: KnockRecord,
  waitSeconds: number,
  watch: KnockWatch,
): Promise<Response> {
  const deadline = Date.now() + waitSeconds * 1000;
  let current: KnockRecord | null = first;
  const initialReason = first.reason;
  // The client going away, or this instance shutting down, ends the wait.
  const stop = AbortSignal.any([info.request.signal, ctx.draining]);
  while (
    current &&
    current.status === 'pending' &&
    current.reason === initialReason &&
    Date.now() < deadline &&
    !stop.aborted
  ) {
    if (current.reason === 'HOST_REQUIRED') {
      await ctx.livekit.fresh(room.id, 1000);
      await releaseHostRequired(ctx, room);
    }
    const notified = await watch.next(Math.min(RECHECK_MS, deadline - Date.now()), stop);
    if (info.request.signal.aborted) break;
    const before: KnockRecord = current;
    current = await ctx.store.getKnock(current.id);
    if (!notified && (current?.status !== before.status || current.reason !== before.reason)) {
      ctx.metrics?.recheckFoundChange();
    }
  }
  if (!current) return json(200, { status: 'cancelled', knockId: first.id } satisfies KnockState);
  return json(200, await knockState(ctx, room, current));
}

async function knockState(ctx: Context, room: RoomRecord, record: KnockRecord): Promise<KnockState> {
  switch (record.status) {
    case 'pending':
      return { status: 'pending', code: record.reason, knockId: record.id };
    case 'admitted': {
      // Signed from the room as stored now: a close, a delete or a kick since the admission wins over it.
      const fresh = await ctx.store.getRoomById(room.id);
      if (!fresh) throw new ApiError('NOT_FOUND', 'There is no room with that id or code.');
      return {
        status: 'admitted',
        knockId: record.id,
        join: await signJoin(ctx, fresh, record.identity, record.displayName),
      };
    }
    case 'denied':
      return { status: 'denied', knockId: record.id };
    case 'cancelled':
      return { status: 'cancelled', knockId: record.id };
  }
}

export async function cancelKnock(ctx: Context, info: RequestInfo): Promise<Response> {
  const { room, knock: record } = await ownKnock(ctx, info);
  await settle(ctx, room, record, 'cancelled');
  return json(200, { status: 'cancelled', knockId: record.id } satisfies KnockState);
}

export async function listKnocks(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const pending = await ctx.store.listKnocks(room.id, 'pending');
  return json(200, { knocks: pending.map(knockSummary) });
}

async function hostKnock(ctx: Context, info: RequestInfo): Promise<{ room: RoomRecord; knock: KnockRecord }> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const found = await ctx.store.getKnock(info.params[1]!);
  if (!found || found.roomId !== room.id) throw new ApiError('NOT_FOUND', 'There is no such knock.');
  return { room, knock: found };
}

export async function decideKnock(ctx: Context, info: RequestInfo, outcome: 'admitted' | 'denied'): Promise<Response> {
  const { room, knock: record } = await hostKnock(ctx, info);
  if (!(await settle(ctx, room, record, outcome))) {
    throw new ApiError('CONFLICT', `That knock was already ${record.status}.`);
  }
  return json(200, { knockId: record.id, status: outcome });
}

export async function admitAll(ctx: Context, info: RequestInfo): Promise<Response> {
  const room = await findRoom(ctx, info.params[0]!);
  requireHost(room, info);
  const admitted: string[] = [];
  for (const record of await ctx.store.listKnocks(room.id, 'pending')) {
    if (await settle(ctx, room, record, 'admitted')) admitted.push(record.id);
  }
  return json(200, { admitted });
}
