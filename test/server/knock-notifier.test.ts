/**
 * Waking long-polls across instances on one real PostgreSQL (LISTEN/NOTIFY): two stores stand for two instances. A
 * wait here is given ten minutes, so only a notification can end it within the test's budget — the long-poll's slow
 * store re-check plays no part. The listening connection is also cut, as a database restart or failover would.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { createDatabase, startPostgres, type PostgresServer } from '../../scripts/postgres.js';
import { createPostgresStore, createSqliteStore, silentLogger, type Store } from '../../src/server/index.js';
import type { KnockNotifier } from '../../src/server/notifier.js';
import { KNOCK_CHANNEL } from '../../src/server/store/pg-notifier.js';
import { eventually } from './harness.js';

const NEVER_MS = 10 * 60_000;

let server: PostgresServer;
let url: string;
let stores: Store[];
let a: KnockNotifier;
let b: KnockNotifier;

before(async () => {
  server = await startPostgres();
  url = await createDatabase(server.url, `n_${randomBytes(6).toString('hex')}`);
  stores = [await createPostgresStore(url), await createPostgresStore(url)];
  [a, b] = stores.map((store) => store.openKnockNotifier!(silentLogger)) as [KnockNotifier, KnockNotifier];
});

after(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await Promise.all((stores ?? []).map((store) => store.close()));
  await server?.stop();
});

/** How many connections listen on the knock channel now. */
async function listeners(): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(`select count(*)::int as n from pg_stat_activity where query = $1`, [
      `listen ${KNOCK_CHANNEL}`,
    ]);
    return result.rows[0].n as number;
  } finally {
    await client.end();
  }
}

/** `waiter` waits on `knockId` until `notify` has run and woken it (the notification may race the LISTEN). */
async function wokenBy(waiter: KnockNotifier, knockId: string, notify: () => void): Promise<void> {
  let woken = false;
  const waiting = waiter.wait(knockId, NEVER_MS).then(() => (woken = true));
  notify();
  await eventually(`the wait on ${knockId} to end`, () => woken, 10_000);
  await waiting;
}

test('each instance keeps one listening connection', async () => {
  await eventually('both instances listening', async () => (await listeners()) === 2);
});

test('a notification from one instance wakes a wait on the other', async () => {
  await wokenBy(a, 'k-across', () => b.notify('k-across'));
  await wokenBy(b, 'k-back', () => a.notify('k-back'));
});

test('a notification wakes the waits on its own knock only', async () => {
  let otherWoken = false;
  const controller = new AbortController();
  const other = a.wait('k-other', NEVER_MS, controller.signal).then(() => (otherWoken = true));
  await wokenBy(a, 'k-mine', () => b.notify('k-mine'));
  assert.equal(otherWoken, false);
  controller.abort();
  await other;
});

test('the notifying instance wakes its own waits without the database round trip', async () => {
  // Synchronously: the wait has ended before notify() returns to the event loop.
  let woken = false;
  const waiting = a.wait('k-local', NEVER_MS).then(() => (woken = true));
  a.notify('k-local');
  await Promise.resolve();
  await waiting;
  assert.equal(woken, true);
});

test('a cut listening connection reconnects, and notifications reach it again', async () => {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where query = $1`, [
      `listen ${KNOCK_CHANNEL}`,
    ]);
  } finally {
    await admin.end();
  }
  await eventually('both instances listening again', async () => (await listeners()) === 2, 15_000);
  await wokenBy(a, 'k-after-cut', () => b.notify('k-after-cut'));
});

test('SQLite (one instance) wakes waits in-process', async () => {
  const sqlite = await createSqliteStore(':memory:');
  const local = sqlite.openKnockNotifier!(silentLogger);
  try {
    await wokenBy(local, 'k-sqlite', () => local.notify('k-sqlite'));
  } finally {
    await local.close();
    await sqlite.close();
  }
});
