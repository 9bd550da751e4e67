/** The embedded default: one SQLite file (WAL mode so readers never wait for the writer). */
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { KyselyStore } from './kysely-store.js';
import type { Database } from './schema.js';
import type { Store } from './types.js';

/** More distinct statements than the store has queries (hosts lists of different lengths each make one). */
const STATEMENT_CACHE_SIZE = 256;

export async function createSqliteStore(path: string): Promise<Store> {
  const database = new Sqlite(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const connection = cachingStatements(database);
  return KyselyStore.open(new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) }), 'sqlite', {
    sqlite: connection,
  });
}

/**
 * Kysely's SQLite driver prepares every query anew, and preparing (parsing and planning the SQL) was the largest single
 * cost of a join after the socket write. The store's SQL text repeats (values are bound parameters), so prepared
 * statements are kept by their SQL, least recently used dropped first. Reuse is safe: better-sqlite3 runs a statement
 * synchronously and Kysely's driver serializes queries on its one connection; SQLite re-prepares a cached statement
 * by itself after a schema change.
 */
function cachingStatements(database: Sqlite.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql) as unknown as SqliteStatement;
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
