/**
 * The seat claim on SQLite as one synchronous step. Through Kysely each of its four statements (begin, the ban and
 * the count, hold, commit) is a chain of promises of its own, and on the join route that machinery cost more than
 * SQLite's work. Here the claim holds Kysely's one connection (so no other query can run in between, as in any
 * Kysely transaction), then runs the same compiled SQL on the driver's statements: the same transaction, the same
 * `BEGIN IMMEDIATE` lock, only without an await between its statements.
 */
import type { Kysely, SqliteDatabase } from 'kysely';
import { refusalOf, type JoinQueries, type SeatStanding } from './join-queries.js';
import type { Database } from './schema.js';
import type { SeatClaim, SeatClaimOutcome } from './types.js';

export class SqliteSteps {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite: SqliteDatabase,
    private readonly queries: JoinQueries,
  ) {}

  /** `CallState.claimSeat`, decided in the same transaction with the same statements. */
  claimSeat(claim: SeatClaim): Promise<SeatClaimOutcome> {
    return this.db.connection().execute(async () => this.inTransaction(() => this.claim(claim)));
  }

  private claim({ roomId, identity, kind, caps, now, holdUntil }: SeatClaim): SeatClaimOutcome {
    const { seatStanding, holdSeat } = this.queries;
    const [standing] = this.statement(seatStanding.sql).all(seatStanding.parameters(roomId, identity, kind, now));
    const refusal = refusalOf(standing as SeatStanding, caps[kind]);
    if (refusal) return refusal;
    this.statement(holdSeat.sql).run(holdSeat.parameters(roomId, identity, kind, holdUntil));
    return 'held';
  }

  /** `work` between `BEGIN IMMEDIATE` and `COMMIT` (the one writer, also across processes sharing the file). */
  private inTransaction<T>(work: () => T): T {
    this.statement('begin immediate').run([]);
    try {
      const result = work();
      this.statement('commit').run([]);
      return result;
    } catch (error) {
      this.statement('rollback').run([]);
      throw error;
    }
  }

  private statement(sql: string) {
    return this.sqlite.prepare(sql);
  }
}
