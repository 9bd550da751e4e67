/**
 * The queries every join runs — its room with the hosts, the caller's ban and latest knock, the seat claim — compiled
 * once per store (prepared.ts). They are the store's own queries, only not rebuilt per call; every call still reads
 * and writes the database.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { prepare } from './prepared.js';
import type { Database } from './schema.js';
import type { SeatKind } from './types.js';

export type JoinQueries = ReturnType<typeof joinQueries>;

/** A seat row holds a seat at `now`: a connection, or a reservation that has not run out. */
export const seatHeldAt = (now: number) => (eb: ExpressionBuilder<Database, 'seats'>) =>
  eb.or([eb('connected', '=', 1), eb('expires_at', '>', now)]);

export function joinQueries(db: Kysely<Database>) {
  // A room with its hosts: a row per host in their order, or one row (host_id null) for a room without hosts.
  const roomWhere = (column: 'rooms.id' | 'rooms.code') =>
    prepare(1, (value: string) =>
      db
        .selectFrom('rooms')
        .leftJoin('room_hosts', 'room_hosts.room_id', 'rooms.id')
        .selectAll('rooms')
        .select('room_hosts.user_id as host_id')
        .where(column, '=', value)
        .orderBy('room_hosts.position'),
    );
  return {
    roomById: roomWhere('rooms.id'),
    roomByCode: roomWhere('rooms.code'),
    ban: prepare(2, (roomId: string, identity: string) =>
      db.selectFrom('bans').select('identity').where('room_id', '=', roomId).where('identity', '=', identity),
    ),
    latestKnock: prepare(2, (roomId: string, identity: string) =>
      db
        .selectFrom('knocks')
        .selectAll()
        .where('room_id', '=', roomId)
        .where('identity', '=', identity)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        // Written into the SQL: a bound LIMIT made SQLite take several times longer over this query.
        .limit(sql.lit(1)),
    ),
    /**
     * Seats of a kind that others hold at `now`: a connection, or a reservation until it runs out. One that ran out
     * counts for nothing; its row stays until that identity holds a seat again or `syncSeats` clears it, so no claim
     * has to delete anything first.
     */
    seatsTakenByOthers: prepare(4, (roomId: string, kind: SeatKind, identity: string, now: number) =>
      db
        .selectFrom('seats')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('room_id', '=', roomId)
        .where('kind', '=', kind)
        .where('identity', '<>', identity)
        .where(seatHeldAt(now)),
    ),
    holdSeat: prepare(4, (roomId: string, identity: string, kind: SeatKind, holdUntil: number) =>
      db
        .insertInto('seats')
        .values({ room_id: roomId, identity, kind, expires_at: holdUntil, connected: 0, sid: null })
        .onConflict((oc) =>
          oc.columns(['room_id', 'identity']).doUpdateSet({
            kind,
            // A seat held longer already (a fresh reservation) keeps its longer hold.
            expires_at: sql`case when seats.expires_at > ${holdUntil} then seats.expires_at else ${holdUntil} end`,
          }),
        ),
    ),
  };
}
