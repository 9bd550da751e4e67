/**
 * Schema migrations, kept in code (not files on disk) so the bundled server carries them. Kysely's Migrator records
 * what ran in its own table and takes a lock, so two instances starting at once against PostgreSQL do not race.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

// Migrations run against whatever schema the database has at that step, not the current typed one, so they take an
// untyped Kysely (as Kysely itself recommends for migrations).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const migrations: Record<string, Migration> = {
  '0001_rooms_knocks_bans': {
    async up(db: AnyDb) {
      await db.schema
        .createTable('rooms')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('creator_id', 'text', (c) => c.notNull())
        .addColumn('scheduled_start_at', 'text')
        .addColumn('scheduled_end_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('policy', 'text', (c) => c.notNull())
        .addColumn('host_key_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rooms_creator').on('rooms').column('creator_id').execute();
      await db.schema
        .createTable('room_hosts')
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('room_hosts_pk', ['room_id', 'user_id'])
        .execute();
      await db.schema.createIndex('room_hosts_user').on('room_hosts').column('user_id').execute();
      await db.schema
        .createTable('knocks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
        .addColumn('identity', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('knocks_room_status').on('knocks').columns(['room_id', 'status']).execute();
      await db.schema.createIndex('knocks_room_identity').on('knocks').columns(['room_id', 'identity']).execute();
      await db.schema
        .createTable('bans')
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
        .addColumn('identity', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('bans_pk', ['room_id', 'identity'])
        .execute();
    },
  },
  '0002_call_generation_webhook_events': {
    async up(db: AnyDb) {
      // Raised when a call is ended for all, closed or deleted: tokens carry the value they were signed under.
      await db.schema
        .alterTable('rooms')
        .addColumn('call_generation', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // LiveKit webhook ids already handled, so a replayed (still validly signed) event is not acted on twice.
      await db.schema
        .createTable('webhook_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_events_received').on('webhook_events').column('received_at').execute();
    },
  },
  '0003_roles_seats_limits': {
    async up(db: AnyDb) {
      // Roles given during a call (a promotion to speaker), so a rejoin through any instance or after a restart keeps
      // them. Cleared when the call ends.
      await db.schema
        .createTable('call_roles')
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
        .addColumn('identity', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('call_roles_pk', ['room_id', 'identity'])
        .execute();
      // One row per seat held: a reservation (signed, not yet connected, until `expires_at`, epoch ms) or a
      // connection LiveKit reported (`connected` 1, with its participant sid). `kind` is the stage or the audience.
      await db.schema
        .createTable('seats')
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
        .addColumn('identity', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('connected', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sid', 'text')
        .addPrimaryKeyConstraint('seats_pk', ['room_id', 'identity'])
        .execute();
      // Fixed-window rate-limit counters shared by every instance (key: kind, scope and who; window start epoch ms).
      await db.schema
        .createTable('rate_counters')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rate_counters_window').on('rate_counters').column('window_start').execute();
    },
  },
  '0004_recordings': {
    async up(db: AnyDb) {
      // LiveKit Egress jobs (recordings and live streams) as Egress' webhooks and answers report them: the one
      // record every endpoint instance reads whether a room is being recorded or streamed, and why a job failed.
      await db.schema
        .createTable('egress_jobs')
        .addColumn('egress_id', 'text', (c) => c.primaryKey())
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('layout', 'text')
        .addColumn('track_sid', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('stage', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('started_at', 'text')
        .addColumn('ended_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('egress_jobs_room').on('egress_jobs').columns(['room_id', 'kind', 'stage']).execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database to the newest schema; throws with the failing migration's error. */
export async function migrate(db: AnyDb): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}
