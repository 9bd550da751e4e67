/**
 * The lobby's decisions, shared by the lobby routes (routes/lobby.ts) and the webhook: signing a join for someone let
 * in (`signJoin`, after the ban, status and seat checks), storing knocks and telling hosts about them, settling them,
 * and releasing HOST_REQUIRED knocks once a host is in. A host's "admit" is `settle(…, 'admitted')`.
 */
import { randomBytes } from 'node:crypto';
import {
  LOBBY_TOPIC,
  type AdmittedJoin,
  type KnockSummary,
  type LobbyEvent,
  type PendingJoin,
} from '../contract/index.js';
import { assertOpen } from './admission.js';
import type { Context } from './context.js';
import { hostsPresent, roleFor, roomView } from './room-views.js';
import { livekitCap, takeSeat } from './seats.js';
import type { KnockReason, KnockRecord, RoomRecord } from './store/types.js';

/**
 * Signs a token for someone allowed in — the only place a token is signed. `room` must be as the store has it now:
 * the room's status is checked here, then a seat is taken in the store, in one transaction with checking the ban.
 */
export async function signJoin(ctx: Context, room: RoomRecord, identity: string, name: string): Promise<AdmittedJoin> {
  assertOpen(room);
  const live = await ctx.livekit.ensureOpen(room.id, livekitCap(room.policy));
  const role = await roleFor(ctx, room, identity);
  await takeSeat(ctx, room, identity, role, live);
  const token = ctx.livekit.mintToken({
    roomId: room.id,
    identity,
    name,
    role,
    policy: room.policy,
    callGeneration: room.callGeneration,
    ttlSeconds: ctx.tokenTtlSeconds,
  });
  return {
    outcome: 'admitted',
    token,
    serverUrl: ctx.livekit.options.url,
    identity,
    role,
    room: roomView(room, identity),
  };
}

export function knockSummary(knock: KnockRecord): KnockSummary {
  return {
    knockId: knock.id,
    displayName: knock.displayName,
    identity: knock.identity,
    createdAt: knock.createdAt,
    reason: knock.reason,
  };
}

/** Stores a knock, tells the hosts in the call, and answers 202 with the knock id. */
export async function knock(
  ctx: Context,
  room: RoomRecord,
  identity: string,
  displayName: string,
  reason: KnockReason,
): Promise<PendingJoin> {
  const now = new Date().toISOString();
  const record: KnockRecord = {
    id: `k${randomBytes(12).toString('hex')}`,
    roomId: room.id,
    identity,
    displayName,
    reason,
    status: 'pending',
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.createKnock(record);
  if (reason === 'WAITING_ROOM_PENDING') pushToHosts(ctx, room, { type: 'knock', knock: knockSummary(record) });
  return pendingJoin(ctx, room, identity, record.id, reason);
}

/** The 202 answer to a knock that waits: its id, and where an admission will connect (to warm while waiting). */
export function pendingJoin(
  ctx: Context,
  room: RoomRecord,
  identity: string,
  knockId: string,
  reason: KnockReason,
): PendingJoin {
  return {
    outcome: 'pending',
    code: reason,
    knockId,
    serverUrl: ctx.livekit.options.url,
    room: roomView(room, identity),
  };
}

/** A server data message on LOBBY_TOPIC to the hosts in the call only. Fire and forget: polling is the fallback. */
export function pushToHosts(ctx: Context, room: RoomRecord, event: LobbyEvent): void {
  const hosts = hostsPresent(ctx, room);
  if (hosts.length === 0) return;
  ctx.livekit.sendData(room.id, LOBBY_TOPIC, event, hosts).catch((error: unknown) => {
    ctx.logger.warn('could not push lobby event to hosts', { roomId: room.id, error: (error as Error).message });
  });
}

/** Settles a pending knock and wakes its long-poll. Returns false when it was already settled. */
export async function settle(
  ctx: Context,
  room: RoomRecord,
  knockRecord: KnockRecord,
  outcome: 'admitted' | 'denied' | 'cancelled',
): Promise<boolean> {
  const changed = await ctx.store.settleKnock(knockRecord.id, 'pending', outcome, new Date().toISOString());
  if (changed) {
    ctx.notifier.notify(knockRecord.id);
    pushToHosts(ctx, room, { type: 'settled', knockId: knockRecord.id, outcome });
  }
  return changed;
}

/**
 * A host is in the call: HOST_REQUIRED knocks either go in (no waiting room) or move on to wait for admission
 * (waiting room), and the hosts are told about the latter.
 */
export async function releaseHostRequired(ctx: Context, room: RoomRecord): Promise<void> {
  if (hostsPresent(ctx, room).length === 0) return;
  const pending = await ctx.store.listKnocks(room.id, 'pending');
  for (const knockRecord of pending) {
    if (knockRecord.reason !== 'HOST_REQUIRED') continue;
    if (room.policy.waitingRoom) {
      await ctx.store.setKnockReason(knockRecord.id, 'WAITING_ROOM_PENDING', new Date().toISOString());
      ctx.notifier.notify(knockRecord.id);
      pushToHosts(ctx, room, {
        type: 'knock',
        knock: knockSummary({ ...knockRecord, reason: 'WAITING_ROOM_PENDING' }),
      });
    } else {
      await settle(ctx, room, knockRecord, 'admitted');
    }
  }
}
