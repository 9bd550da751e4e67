/**
 * The store's share of a running call (`CallStateStore`): roles given during the call, seats, rate-limit counters.
 * Every decision here is one statement or one transaction, so two instances on one PostgreSQL can never both take the
 * last seat: a seat is claimed with the room's row locked (`SELECT … FOR UPDATE`), and on SQLite inside
 * `BEGIN IMMEDIATE` (the one writer, also across processes sharing the file).
 */
import { sql, type Kysely, type SqliteDatabase, type Transaction } from 'kysely';
import { joinQueries, refusalOf, seatHeldAt, type JoinQueries } from './join-queries.js';
import { SqliteSteps } from './sqlite-steps.js';
import type { Database } from './schema.js';
import type { CallStateStore, SeatCaps, SeatClaim, SeatClaimOutcome, SeatHolder, SeatKind } from './types.js';

export type Dialect = 'sqlite' | 'postgres';

type Db = Kysely<Database> | Transaction<Database>;

export class CallState implements CallStateStore {
  /** The queries every join runs, compiled once. */
  protected readonly joinQueries: JoinQueries;
  /** On SQLite, when the store was given the driver's connection: the seat claim in one synchronous step. */
  private readonly sqliteSteps: SqliteSteps | null;

  constructor(
    protected readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    sqlite?: SqliteDatabase,
  ) {
    this.joinQueries = joinQueries(db);
    this.sqliteSteps = dialect === 'sqlite' && sqlite ? new SqliteSteps(db, sqlite, this.joinQueries) : null;
  }

  async callRole(roomId: string, identity: string): Promise<'speaker' | null> {
    const row = await this.db
      .selectFrom('call_roles')
      .select('role')
      .where('room_id', '=', roomId)
      .where('identity', '=', identity)
      .executeTakeFirst();
    return row?.role === 'speaker' ? 'speaker' : null;
  }

  async listSpeakers(roomId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('call_roles')
      .select('identity')
      .where('room_id', '=', roomId)
      .where('role', '=', 'speaker')
      .execute();
    return rows.map((row) => row.identity);
  }

  async setCallRole(roomId: string, identity: string, role: 'speaker' | null): Promise<void> {
    if (role === null) {
      await this.db.deleteFrom('call_roles').where('room_id', '=', roomId).where('identity', '=', identity).execute();
      return;
    }
    await this.db
      .insertInto('call_roles')
      .values({ room_id: roomId, identity, role })
      .onConflict((oc) => oc.columns(['room_id', 'identity']).doUpdateSet({ role }))
      .execute();
  }

  async claimSeat(claim: SeatClaim): Promise<SeatClaimOutcome> {
    if (this.sqliteSteps) return this.sqliteSteps.claimSeat(claim);
    const { seatStanding, holdSeat } = this.joinQueries;
    return this.withRoomLocked(claim.roomId, async (tx) => {
      const standing = await seatStanding(tx, claim.roomId, claim.identity, claim.kind, claim.now);
      const refusal = refusalOf(standing.rows[0]!, claim.caps[claim.kind]);
      if (refusal) return refusal;
      await holdSeat(tx, claim.roomId, claim.identity, claim.kind, claim.holdUntil);
      return 'held';
    });
  }

  async seatConnected(roomId: string, holder: SeatHolder, now: number): Promise<void> {
    await this.markConnected(this.db, roomId, holder, now);
  }

  async seatLeft(roomId: string, identity: string, sid: string): Promise<void> {
    let update = this.db
      .updateTable('seats')
      .set({ connected: 0, sid: null })
      .where('room_id', '=', roomId)
      .where('identity', '=', identity);
    // A reconnect under the same identity has a new sid: the old connection leaving does not free the new one's seat.
    if (sid) update = update.where('sid', '=', sid);
    await update.execute();
  }

  async releaseSeat(roomId: string, identity: string): Promise<void> {
    await this.db.deleteFrom('seats').where('room_id', '=', roomId).where('identity', '=', identity).execute();
  }

  async syncSeats(roomId: string, connected: SeatHolder[], listedAt: number): Promise<void> {
    await this.withRoomLocked(roomId, async (tx) => {
      // Reservations that ran out before the list (never a connection) count for nothing already; their rows go here.
      await tx
        .deleteFrom('seats')
        .where('room_id', '=', roomId)
        .where('connected', '=', 0)
        .where('expires_at', '<=', listedAt)
        .execute();
      // A connection reported after LiveKit's list was asked for is newer than the list: it stays.
      let stale = tx
        .updateTable('seats')
        .set({ connected: 0, sid: null })
        .where('room_id', '=', roomId)
        .where('connected', '=', 1)
        .where('expires_at', '<', listedAt);
      if (connected.length > 0) {
        stale = stale.where(
          'identity',
          'not in',
          connected.map((holder) => holder.identity),
        );
      }
      await stale.execute();
      for (const holder of connected) await this.markConnected(tx, roomId, holder, listedAt);
    });
  }

  async countSeats(roomId: string, now: number): Promise<SeatCaps> {
    const rows = await this.db
      .selectFrom('seats')
      .select(['kind', (eb) => eb.fn.countAll<number | string>().as('count')])
      .where('room_id', '=', roomId)
      .where(seatHeldAt(now))
      .groupBy('kind')
      .execute();
    const counts: SeatCaps = { stage: 0, audience: 0 };
    for (const row of rows) counts[row.kind as SeatKind] = Number(row.count);
    return counts;
  }

  async hitCounter(key: string, windowMs: number, now: number): Promise<{ count: number; windowStart: number }> {
    // One statement: a new key starts a window, an expired window restarts, a current one counts up (the SET
    // expressions all read the row as it was, in SQLite and PostgreSQL alike).
    const expired = now - windowMs;
    const result = await sql<{ count: number | string; window_start: number | string }>`
      insert into rate_counters ("key", window_start, "count") values (${key}, ${now}, 1)
      on conflict ("key") do update set
        "count" = case when rate_counters.window_start <= ${expired} then 1 else rate_counters."count" + 1 end,
        window_start = case when rate_counters.window_start <= ${expired} then ${now} else rate_counters.window_start end
      returning "count", window_start`.execute(this.db);
    const row = result.rows[0]!;
    return { count: Number(row.count), windowStart: Number(row.window_start) };
  }

  async sweepCounters(before: number): Promise<void> {
    await this.db.deleteFrom('rate_counters').where('window_start', '<', before).execute();
  }

  async dropCounter(key: string): Promise<void> {
    await this.db.deleteFrom('rate_counters').where('key', '=', key).execute();
  }

  /** Clears a call's roles and seats (inside resetCall / deleteRoom's transaction). */
  static async forgetCall(tx: Db, roomId: string): Promise<void> {
    await tx.deleteFrom('call_roles').where('room_id', '=', roomId).execute();
    await tx.deleteFrom('seats').where('room_id', '=', roomId).execute();
  }

  private async markConnected(db: Db, roomId: string, holder: SeatHolder, now: number): Promise<void> {
    await db
      .insertInto('seats')
      .values({
        room_id: roomId,
        identity: holder.identity,
        kind: holder.kind,
        expires_at: now,
        connected: 1,
        sid: holder.sid,
      })
      // The kind a reservation or a promotion set wins over the role the connecting token carried. The reservation
      // is used up: from now on the connection holds the seat, and `expires_at` says since when.
      .onConflict((oc) =>
        oc.columns(['room_id', 'identity']).doUpdateSet({ connected: 1, sid: holder.sid, expires_at: now }),
      )
      .execute();
  }

  /**
   * Runs `work` as the only writer of the room's seats. PostgreSQL: a transaction holding the room's row lock.
   * SQLite: `BEGIN IMMEDIATE` takes the database's write lock up front (a deferred transaction that reads first could
   * fail to upgrade while another connection writes); Kysely's driver already serializes one process's queries.
   */
  private async withRoomLocked<T>(roomId: string, work: (tx: Db) => Promise<T>): Promise<T> {
    if (this.dialect === 'postgres') {
      return this.db.transaction().execute(async (tx) => {
        await tx.selectFrom('rooms').select('id').where('id', '=', roomId).forUpdate().execute();
        return work(tx);
      });
    }
    return this.db.connection().execute(async (connection) => {
      await sql`begin immediate`.execute(connection);
      try {
        const result = await work(connection);
        await sql`commit`.execute(connection);
        return result;
      } catch (error) {
        await sql`rollback`.execute(connection);
        throw error;
      }
    });
  }
}
