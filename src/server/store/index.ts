export * from './types.js';
export { createSqliteStore } from './sqlite.js';
export { createPostgresStore } from './postgres.js';

import { createPostgresStore } from './postgres.js';
import { createSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

/** `postgres://…` / `postgresql://…` opens PostgreSQL; anything else is a SQLite file path (or `:memory:`). */
export function openStore(location: string): Promise<Store> {
  return /^postgres(ql)?:\/\//i.test(location) ? createPostgresStore(location) : createSqliteStore(location);
}
