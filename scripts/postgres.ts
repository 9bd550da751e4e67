/**
 * A throwaway PostgreSQL 15 for tests and benchmarks: Debian's binaries, a temp data dir, 127.0.0.1 on a free port,
 * run as the `postgres` OS user (PostgreSQL refuses to run as root), stopped with us (see processes.ts).
 * If `DATABASE_URL` is set, that database is used instead and nothing starts.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, spawnGuarded, waitFor } from './processes.js';

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresServer {
  url: string;
  external: boolean;
  stop(): Promise<void>;
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export async function startPostgres(): Promise<PostgresServer> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, external: true, stop: async () => {} };

  const dir = mkdtempSync(join(tmpdir(), 'hashdrop-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  // As root we hand the directory to the postgres user; as anyone else we run as ourselves.
  const asRoot = userInfo().uid === 0;
  const user = asRoot ? 'postgres' : undefined;
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 60_000,
    });
  run(join(POSTGRES_BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);

  const port = await freePort();
  const child = spawnGuarded(
    join(POSTGRES_BIN, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'max_connections=200'],
    { logFile, user },
  );
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitFor(
    `postgres (log: ${logFile})`,
    async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
      try {
        await client.connect();
        await client.query('select 1');
        return true;
      } finally {
        await client.end().catch(() => {});
      }
    },
    { failed: child.exited },
  );
  return {
    url,
    external: false,
    async stop() {
      await child.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database on the server, so each test suite starts from nothing. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
