/** The embedded default: one SQLite file (WAL mode so readers never wait for the writer). */
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { KyselyStore } from './kysely-store.js';
import type { Database } from './schema.js';
import type { Store } from './types.js';

export async function createSqliteStore(path: string): Promise<Store> {
  const database = new Sqlite(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return KyselyStore.open(new Kysely<Database>({ dialect: new SqliteDialect({ database }) }));
}
