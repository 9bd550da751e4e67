/**
 * The one Store implementation, written once against Kysely; sqlite.ts and postgres.ts only choose the dialect.
 */
import { sql, type Kysely, type Selectable, type SqliteDatabase } from 'kysely';
import type { Logger } from '../logger.js';
import { LocalKnockNotifier, type KnockNotifier } from '../notifier.js';
import { DEFAULT_POLICY, type RoomPolicy, type RoomStatus } from '../../contract/schemas.js';
import { CallState, type Dialect } from './call-state.js';
import { migrate } from './migrations.js';
import type { Database, EgressJobsTable, KnocksTable, RoomsTable } from './schema.js';
import {
  CodeTakenError,
  type EgressJobRecord,
  type KnockReason,
  type KnockRecord,
  type KnockStatus,
  type RoomPatch,
  type RoomRecord,
  type Store,
} from './types.js';

export interface KyselyStoreOptions {
  /** How this store's kind wakes long-polls across instances; in-process only when absent (one instance). */
  knockNotifier?: (logger: Logger) => KnockNotifier;
  /** SQLite: the connection Kysely's dialect runs on, for the seat claim in one synchronous step (sqlite-steps.ts). */
  sqlite?: SqliteDatabase;
}

/** Rooms, knocks, bans and webhook ids here; a call's roles, seats and rate-limit counters in CallState. */
export class KyselyStore extends CallState implements Store {
  private constructor(
    db: Kysely<Database>,
    dialect: Dialect,
    private readonly options: KyselyStoreOptions,
  ) {
    super(db, dialect, options.sqlite);
  }

  /** Runs migrations, then returns the store. */
  static async open(db: Kysely<Database>, dialect: Dialect, options: KyselyStoreOptions = {}): Promise<KyselyStore> {
    await migrate(db);
    return new KyselyStore(db, dialect, options);
  }

  /** Notifiers opened on this store; closing the store closes them (a listening connection would outlive it). */
  private readonly notifiers: KnockNotifier[] = [];

  openKnockNotifier(logger: Logger): KnockNotifier {
    const notifier = this.options.knockNotifier?.(logger) ?? new LocalKnockNotifier();
    this.notifiers.push(notifier);
    return notifier;
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async createRoom(room: RoomRecord): Promise<void> {
    // A code collision is detected before the insert and, for a race between instances, by the unique index after it.
    if (await this.getRoomByCode(room.code)) throw new CodeTakenError(room.code);
    try {
      await this.db.transaction().execute(async (tx) => {
        await tx.insertInto('rooms').values(toRow(room)).execute();
        await insertHosts(tx, room.id, room.hosts);
      });
    } catch (error) {
      if (await this.getRoomByCode(room.code)) throw new CodeTakenError(room.code);
      throw error;
    }
  }

  async getRoomById(id: string): Promise<RoomRecord | null> {
    return roomWithHosts((await this.joinQueries.roomById(this.db, id)).rows);
  }

  async getRoomByCode(code: string): Promise<RoomRecord | null> {
    return roomWithHosts((await this.joinQueries.roomByCode(this.db, code)).rows);
  }

  async listRoomsFor(userId: string): Promise<RoomRecord[]> {
    const rows = await this.db
      .selectFrom('rooms')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('creator_id', '=', userId),
          eb('id', 'in', eb.selectFrom('room_hosts').select('room_id').where('user_id', '=', userId)),
        ]),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(500)
      .execute();
    return Promise.all(rows.map((row) => this.withHosts(row)));
  }

  async updateRoom(id: string, patch: RoomPatch, now: string): Promise<RoomRecord | null> {
    const values: Partial<RoomsTable> = { updated_at: now };
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.scheduledStartAt !== undefined) values.scheduled_start_at = patch.scheduledStartAt;
    if (patch.scheduledEndAt !== undefined) values.scheduled_end_at = patch.scheduledEndAt;
    if (patch.status !== undefined) values.status = patch.status;
    if (patch.policy !== undefined) values.policy = JSON.stringify(patch.policy);
    const found = await this.db.transaction().execute(async (tx) => {
      const result = await tx.updateTable('rooms').set(values).where('id', '=', id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      if (patch.hosts !== undefined) {
        await tx.deleteFrom('room_hosts').where('room_id', '=', id).execute();
        await insertHosts(tx, id, patch.hosts);
      }
      return true;
    });
    return found ? this.getRoomById(id) : null;
  }

  async deleteRoom(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('room_hosts').where('room_id', '=', id).execute();
      await tx.deleteFrom('knocks').where('room_id', '=', id).execute();
      await tx.deleteFrom('bans').where('room_id', '=', id).execute();
      await CallState.forgetCall(tx, id);
      const result = await tx.deleteFrom('rooms').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  async createKnock(knock: KnockRecord): Promise<void> {
    await this.db
      .insertInto('knocks')
      .values({
        id: knock.id,
        room_id: knock.roomId,
        identity: knock.identity,
        display_name: knock.displayName,
        reason: knock.reason,
        status: knock.status,
        created_at: knock.createdAt,
        updated_at: knock.updatedAt,
      })
      .execute();
  }

  async getKnock(id: string): Promise<KnockRecord | null> {
    const row = await this.db.selectFrom('knocks').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromKnockRow(row) : null;
  }

  async settleKnock(id: string, from: KnockStatus, to: KnockStatus, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('knocks')
      .set({ status: to, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setKnockReason(id: string, reason: KnockReason, now: string): Promise<void> {
    await this.db
      .updateTable('knocks')
      .set({ reason, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute();
  }

  async listKnocks(roomId: string, status: KnockStatus): Promise<KnockRecord[]> {
    const rows = await this.db
      .selectFrom('knocks')
      .selectAll()
      .where('room_id', '=', roomId)
      .where('status', '=', status)
      .orderBy('created_at')
      .orderBy('id')
      .limit(500)
      .execute();
    return rows.map(fromKnockRow);
  }

  async latestKnock(roomId: string, identity: string): Promise<KnockRecord | null> {
    const row = (await this.joinQueries.latestKnock(this.db, roomId, identity)).rows[0];
    return row ? fromKnockRow(row) : null;
  }

  async addBan(roomId: string, identity: string, now: string): Promise<void> {
    await this.db
      .insertInto('bans')
      .values({ room_id: roomId, identity, created_at: now })
      .onConflict((oc) => oc.columns(['room_id', 'identity']).doNothing())
      .execute();
  }

  async isBanned(roomId: string, identity: string): Promise<boolean> {
    return (await this.joinQueries.ban(this.db, roomId, identity)).rows.length > 0;
  }

  async resetCall(roomId: string, options: { revokeTokens?: boolean } = {}): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      if (options.revokeTokens) {
        await tx
          .updateTable('rooms')
          .set((eb) => ({ call_generation: eb('call_generation', '+', 1) }))
          .where('id', '=', roomId)
          .execute();
      }
      await tx.deleteFrom('bans').where('room_id', '=', roomId).execute();
      await CallState.forgetCall(tx, roomId);
      // Settled knocks belonged to the old call; pending ones become cancelled so a waiting guest reads an outcome.
      await tx
        .deleteFrom('knocks')
        .where('room_id', '=', roomId)
        .where('status', 'in', ['admitted', 'denied'])
        .execute();
      await tx
        .updateTable('knocks')
        .set({ status: 'cancelled' })
        .where('room_id', '=', roomId)
        .where('status', '=', 'pending')
        .execute();
    });
  }

  async recordWebhookEvent(id: string, now: string, forgetBefore: string): Promise<boolean> {
    await this.db.deleteFrom('webhook_events').where('received_at', '<', forgetBefore).execute();
    const result = await this.db
      .insertInto('webhook_events')
      .values({ id, received_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async forgetWebhookEvent(id: string): Promise<void> {
    await this.db.deleteFrom('webhook_events').where('id', '=', id).execute();
  }

  // --- Egress jobs (recordings and live streams) ---

  async saveEgressJob(job: EgressJobRecord): Promise<void> {
    const stage = EGRESS_STAGE[job.status];
    await this.db
      .insertInto('egress_jobs')
      .values({
        egress_id: job.egressId,
        room_id: job.roomId,
        kind: job.kind,
        mode: job.mode,
        layout: job.layout,
        track_sid: job.trackSid,
        status: job.status,
        stage,
        error: job.error,
        started_at: job.startedAt,
        ended_at: job.endedAt,
        created_at: job.createdAt,
        updated_at: job.updatedAt,
      })
      .onConflict((oc) =>
        oc
          .column('egress_id')
          .doUpdateSet((eb) => ({
            status: eb.ref('excluded.status'),
            stage: eb.ref('excluded.stage'),
            error: eb.fn.coalesce('excluded.error', 'egress_jobs.error'),
            started_at: eb.fn.coalesce('excluded.started_at', 'egress_jobs.started_at'),
            ended_at: eb.fn.coalesce('excluded.ended_at', 'egress_jobs.ended_at'),
            layout: eb.fn.coalesce('egress_jobs.layout', 'excluded.layout'),
            track_sid: eb.fn.coalesce('egress_jobs.track_sid', 'excluded.track_sid'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          // Forward only; an ended job keeps its first ended status (a late "aborted" does not hide a failure).
          .where((eb) =>
            eb.or([
              eb('egress_jobs.stage', '<', eb.ref('excluded.stage')),
              eb.and([eb('egress_jobs.stage', '=', eb.ref('excluded.stage')), eb('egress_jobs.stage', '<', ENDED)]),
            ]),
          ),
      )
      .execute();
  }

  async listEgressJobs(roomId: string, kind?: EgressJobRecord['kind']): Promise<EgressJobRecord[]> {
    let query = this.db.selectFrom('egress_jobs').selectAll().where('room_id', '=', roomId);
    if (kind) query = query.where('kind', '=', kind);
    const rows = await query.orderBy('created_at', 'desc').orderBy('egress_id', 'desc').limit(100).execute();
    return rows.map(fromEgressRow);
  }

  async close(): Promise<void> {
    await Promise.all(this.notifiers.splice(0).map((notifier) => notifier.close()));
    await this.db.destroy();
  }

  private async withHosts(row: Selectable<RoomsTable>): Promise<RoomRecord> {
    const hosts = await this.db
      .selectFrom('room_hosts')
      .select('user_id')
      .where('room_id', '=', row.id)
      .orderBy('position')
      .execute();
    return fromRoomRow(
      row,
      hosts.map((h) => h.user_id),
    );
  }
}

/** A room from the rows of a room-with-hosts query (join-queries.ts), or null when there are none. */
function roomWithHosts(rows: (Selectable<RoomsTable> & { host_id: string | null })[]): RoomRecord | null {
  if (rows.length === 0) return null;
  return fromRoomRow(
    rows[0]!,
    rows.flatMap((row) => (row.host_id === null ? [] : [row.host_id])),
  );
}

function fromRoomRow(row: Selectable<RoomsTable>, hosts: string[]): RoomRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    creatorId: row.creator_id,
    hosts,
    scheduledStartAt: row.scheduled_start_at,
    scheduledEndAt: row.scheduled_end_at,
    status: row.status as RoomStatus,
    // Rooms stored before a policy field existed get its default.
    policy: { ...DEFAULT_POLICY, ...(JSON.parse(row.policy) as Partial<RoomPolicy>) },
    hostKeyHash: row.host_key_hash,
    callGeneration: Number(row.call_generation),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(room: RoomRecord): RoomsTable {
  return {
    id: room.id,
    code: room.code,
    name: room.name,
    creator_id: room.creatorId,
    scheduled_start_at: room.scheduledStartAt,
    scheduled_end_at: room.scheduledEndAt,
    status: room.status,
    policy: JSON.stringify(room.policy),
    host_key_hash: room.hostKeyHash,
    call_generation: room.callGeneration,
    created_at: room.createdAt,
    updated_at: room.updatedAt,
  };
}

async function insertHosts(db: Kysely<Database>, roomId: string, hosts: string[]): Promise<void> {
  const unique = [...new Set(hosts)];
  if (unique.length === 0) return;
  await db
    .insertInto('room_hosts')
    .values(unique.map((user_id, position) => ({ room_id: roomId, user_id, position })))
    .execute();
}

/** Egress' job states in the order a job moves through them; every ended status is one stage. */
const ENDED = 3;
const EGRESS_STAGE: Record<EgressJobRecord['status'], number> = {
  starting: 0,
  active: 1,
  ending: 2,
  complete: ENDED,
  failed: ENDED,
  aborted: ENDED,
  limit_reached: ENDED,
};

function fromEgressRow(row: Selectable<EgressJobsTable>): EgressJobRecord {
  return {
    egressId: row.egress_id,
    roomId: row.room_id,
    kind: row.kind as EgressJobRecord['kind'],
    mode: row.mode as EgressJobRecord['mode'],
    layout: row.layout as EgressJobRecord['layout'],
    trackSid: row.track_sid,
    status: row.status as EgressJobRecord['status'],
    error: row.error,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function fromKnockRow(row: Selectable<KnocksTable>): KnockRecord {
  return {
    id: row.id,
    roomId: row.room_id,
    identity: row.identity,
    displayName: row.display_name,
    reason: row.reason as KnockReason,
    status: row.status as KnockStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
