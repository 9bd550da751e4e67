/** Queries compiled once (src/server/store/prepared.ts): each call binds its own values, constants stay. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { prepare } from '../../src/server/store/prepared.js';

interface Db {
  seats: { room_id: string; identity: string; connected: number };
}

let db: Kysely<Db>;

before(async () => {
  db = new Kysely<Db>({ dialect: new SqliteDialect({ database: new Sqlite(':memory:') }) });
  await db.schema
    .createTable('seats')
    .addColumn('room_id', 'text')
    .addColumn('identity', 'text')
    .addColumn('connected', 'integer')
    .execute();
  await db
    .insertInto('seats')
    .values([
      { room_id: 'r1', identity: 'ada', connected: 0 },
      { room_id: 'r1', identity: 'bob', connected: 1 },
      { room_id: 'r2', identity: 'ada', connected: 0 },
    ])
    .execute();
});

after(() => db.destroy());

const waiting = () =>
  prepare(1, (roomId: string) =>
    db.selectFrom('seats').select('identity').where('room_id', '=', roomId).where('connected', '=', 0),
  );

test('each call of a prepared query binds its own values', async () => {
  const query = waiting();
  assert.deepEqual((await query(db, 'r1')).rows, [{ identity: 'ada' }]);
  assert.deepEqual((await query(db, 'r2')).rows, [{ identity: 'ada' }]);
  assert.deepEqual((await query(db, 'r3')).rows, []);
});

test('a value written into the query itself stays what it was', async () => {
  const connected = prepare(1, (roomId: string) =>
    db.selectFrom('seats').select('identity').where('connected', '=', 1).where('room_id', '=', roomId),
  );
  assert.deepEqual((await connected(db, 'r1')).rows, [{ identity: 'bob' }]);
});

test('a value that shapes the query instead of being bound is refused when preparing', () => {
  assert.throws(
    () =>
      prepare(2, (roomId: string, _unused: string) => db.selectFrom('seats').selectAll().where('room_id', '=', roomId)),
    /binds 1 of its 2 values/,
  );
});
