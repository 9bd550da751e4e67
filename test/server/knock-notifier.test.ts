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

/** `waiter` watches `knockId`; `notify` must wake it (nothing else ends a ten-minute wait within the budget). */
async function wokenBy(waiter: KnockNotifier, knockId: string, notify: () => void): Promise<void> {
  const watch = waiter.watch(knockId);
  try {
    let woken: boolean | null = null;
    const waiting = watch.next(NEVER_MS).then((notified) => (woken = notified));
    notify();
    await eventually(`the wait on ${knockId} to end`, () => woken !== null, 10_000);
    await waiting;
    assert.equal(woken, true, 'ended by a notification');
  } finally {
    watch.stop();
  }
}

test('each instance keeps one listening connection', async () => {
  await eventually('both instances listening', async () => (await listeners()) === 2);
});

test('a notification from one instance wakes a wait on the other', async () => {
  await wokenBy(a, 'k-across', () => b.notify('k-across'));
  await wokenBy(b, 'k-back', () => a.notify('k-back'));
});

test('a notification wakes the watches of its own knock only; an abort ends a wait unnotified', async () => {
  const other = a.watch('k-other');
  const controller = new AbortController();
  let otherWoken: boolean | null = null;
  const waiting = other.next(NEVER_MS, controller.signal).then((notified) => (otherWoken = notified));
  await wokenBy(a, 'k-mine', () => b.notify('k-mine'));
  assert.equal(otherWoken, null);
  controller.abort();
  await waiting;
  assert.equal(otherWoken, false);
  other.stop();
});

test('a notification that comes between two waits is kept for the next one', async () => {
  // As when a decision commits while the long-poll is reading the store: the next wait returns at once.
  const watch = a.watch('k-between');
  try {
    b.notify('k-between');
    await eventually('the notification to arrive', async () => {
      return watch.next(0).then((notified) => notified);
    });
  } finally {
    watch.stop();
  }
});

test('the notifying instance wakes its own watches without the database round trip', async () => {
  const watch = a.watch('k-local');
  try {
    a.notify('k-local');
    // Already there, before any I/O: a zero-length wait takes it.
    assert.equal(await watch.next(0), true);
  } finally {
    watch.stop();
  }
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
