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

/**
 * A row of `seatStanding`: `banned` is 0 or 1 on SQLite, a boolean on PostgreSQL; `taken` a number, or a bigint's text
 * (a count is never null, though a scalar subquery's type allows it).
 */
export interface SeatStanding {
  banned: number | boolean;
  taken: number | string | null;
}

/** Why a claim with this standing is refused (`cap` seats of its kind), or null: the seat may be held. */
export function refusalOf(standing: SeatStanding, cap: number): 'banned' | 'full' | null {
  if (standing.banned) return 'banned';
  return Number(standing.taken) >= cap ? 'full' : null;
}

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
     * What a seat claim decides on, in one statement: whether the caller is banned from the room, and how many seats
     * of `kind` others hold at `now` — a connection, or a reservation until it runs out. One that ran out counts for
     * nothing; its row stays until that identity holds a seat again or `syncSeats` clears it, so no claim has to
     * delete anything first.
     */
    seatStanding: prepare(4, (roomId: string, identity: string, kind: SeatKind, now: number) =>
      db.selectNoFrom((eb) => [
        eb
          .exists(
            eb.selectFrom('bans').select('identity').where('room_id', '=', roomId).where('identity', '=', identity),
          )
          .as('banned'),
        eb
          .selectFrom('seats')
          .select((seats) => seats.fn.countAll<number | string>().as('count'))
          .where('room_id', '=', roomId)
          .where('kind', '=', kind)
          .where('identity', '<>', identity)
          .where(seatHeldAt(now))
          .as('taken'),
      ]),
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
