/** PostgreSQL, for several endpoint instances sharing one database (knock notifications by LISTEN/NOTIFY). */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { KyselyStore } from './kysely-store.js';
import { PostgresKnockNotifier } from './pg-notifier.js';
import type { Database } from './schema.js';
import type { Store } from './types.js';

export async function createPostgresStore(connectionString: string, options: { max?: number } = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle client's network error must not crash the process; the pool replaces the client.
  pool.on('error', () => {});
  return KyselyStore.open(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres', {
    knockNotifier: (logger) => new PostgresKnockNotifier(connectionString, pool, logger),
  });
}
