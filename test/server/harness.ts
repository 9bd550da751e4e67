/**
 * One real stack per test file: a livekit-server whose webhooks point at our endpoint, the endpoint on a loopback
 * http server, and a store (a temp SQLite file, or a fresh database on a throwaway PostgreSQL). Plus a tiny API client.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Room, RoomEvent } from '@livekit/rtc-node';
import { startLiveKit, type LiveKitServer } from '../../scripts/livekit.js';
import { createDatabase, startPostgres, type PostgresServer } from '../../scripts/postgres.js';
import { freePort } from '../../scripts/processes.js';
import {
  createHashdropHandler,
  openStore,
  silentLogger,
  toNodeListener,
  type HashdropHandler,
  type HashdropHandlerOptions,
  type Store,
} from '../../src/server/index.js';
import { DEFAULT_POLICY, type IdentityResponse } from '../../src/contract/index.js';
import type { RoomRecord } from '../../src/server/store/types.js';

export type StoreKind = 'sqlite' | 'postgres';

/** A room as the store keeps it, for tests that write to a store directly: an active room with the default policy. */
export function roomRecord(patch: Partial<RoomRecord> = {}): RoomRecord {
  const createdAt = patch.createdAt ?? '2030-01-01T00:00:00.000Z';
  return {
    id: 'r0123456789abcdef01234567',
    code: 'BRAVE-OTTER',
    name: 'Room',
    creatorId: 'alice',
    hosts: [],
    scheduledStartAt: null,
    scheduledEndAt: null,
    status: 'ACTIVE',
    policy: DEFAULT_POLICY,
    hostKeyHash: 'ab'.repeat(32),
    callGeneration: 0,
    createdAt,
    updatedAt: createdAt,
    ...patch,
  };
}
export const STORE_KINDS: StoreKind[] = ['sqlite', 'postgres'];

let postgres: Promise<PostgresServer> | null = null;
const livekitServer: Promise<LiveKitServer> | null = null;

/** One PostgreSQL per test process, each stack gets its own database. */
export async function openTestStore(kind: StoreKind): Promise<Store> {
  return openStore(await testStoreLocation(kind));
}

/** A new, empty store location: a temp SQLite file, or a fresh database on the test process's PostgreSQL. */
export async function testStoreLocation(kind: StoreKind): Promise<string> {
  if (kind === 'sqlite') return join(mkdtempSync(join(tmpdir(), 'hashdrop-test-')), 'test.db');
  postgres ??= startPostgres();
  const server = await postgres;
  return createDatabase(server.url, `t_${randomBytes(6).toString('hex')}`);
}

export interface Stack {
  kind: StoreKind;
  base: string;
  store: Store;
  livekit: LiveKitServer;
  handler: HashdropHandler;
  api: Api;
  stop(): Promise<void>;
}

/**
 * The endpoint's port is taken first so livekit-server can be told where to send webhooks; the listener forwards to
 * the handler once it exists. One livekit-server serves a test process (its webhook goes to the first stack's port,
 * and later stacks re-use that port).
 */
export async function startStack(kind: StoreKind, overrides: Partial<HashdropHandlerOptions> = {}): Promise<Stack> {
  const port = await freePort();
  let handler: HashdropHandler | null = null;
  const server: Server = createServer((req, res) => {
    if (!handler) {
      res.writeHead(503).end();
      return;
    }
    toNodeListener(handler)(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const livekit = await startLiveKit({ webhookUrl: `http://127.0.0.1:${port}/api/livekit/webhook` });
  const store = overrides.store ?? (await openTestStore(kind));
  handler = createHashdropHandler(instanceOptions(livekit, store, overrides));
  const base = `http://127.0.0.1:${port}/api`;
  return {
    kind,
    base,
    store,
    livekit,
    handler,
    api: new Api(base),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await livekit.stop();
      await store.close();
    },
  };
}

function instanceOptions(
  livekit: LiveKitServer,
  store: Store,
  overrides: Partial<HashdropHandlerOptions>,
): HashdropHandlerOptions {
  return {
    livekit: { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret },
    secret: 'test-secret-0123456789abcdef',
    rateLimit: false,
    logger: silentLogger,
    ...overrides,
    store,
  };
}

/** Another endpoint instance beside a stack: same LiveKit and secret, its own memory and listener, the given store. */
export interface Instance {
  base: string;
  api: Api;
  handler: HashdropHandler;
  stop(): Promise<void>;
}

export async function startInstance(
  stack: Stack,
  store: Store,
  overrides: Partial<HashdropHandlerOptions> = {},
): Promise<Instance> {
  const handler = createHashdropHandler(instanceOptions(stack.livekit, store, overrides));
  const server: Server = createServer(toNodeListener(handler));
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${port}/api`;
  return {
    base,
    api: new Api(base),
    handler,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

export async function stopShared(): Promise<void> {
  if (postgres) await (await postgres).stop();
  postgres = null;
  void livekitServer;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A person using the API: holds a credential once `identify()` was called. */
export class Api {
  credential: string | null = null;
  userId: string | null = null;

  constructor(readonly base: string) {}

  async identify(): Promise<this> {
    const reply = await this.request<IdentityResponse>('POST', '/identity');
    this.credential = reply.body.credential;
    this.userId = reply.body.userId;
    return this;
  }

  /** A new person (fresh anonymous identity) talking to the same endpoint. */
  async person(): Promise<Api> {
    return new Api(this.base).identify();
  }

  /** The same person talking to another instance (identities are signed with the secret all instances share). */
  through(base: string): Api {
    const other = new Api(base);
    other.credential = this.credential;
    other.userId = this.userId;
    return other;
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (this.credential) (init.headers as Record<string, string>).authorization = `Bearer ${this.credential}`;
    if (body !== undefined) {
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(`${this.base}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    let parsed: any = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }
}

/** A real LiveKit client (rtc-node) connected with a token from the endpoint. */
export async function connect(url: string, token: string): Promise<Room> {
  const room = new Room();
  await room.connect(url, token, { autoSubscribe: false, dynacast: false });
  return room;
}

/**
 * Waits until `client` receives server-sent data. Its data channel opens a moment after `connect()` resolves, and a
 * message the server sends before that is lost — so a test that waits for one must first see this ping arrive.
 */
export async function serverDataReaches(stack: Stack, roomId: string, client: Room): Promise<void> {
  const topic = 'hashdrop.test-ping';
  let arrived = false;
  const listener = (_payload: Uint8Array, _participant: unknown, _kind: unknown, received?: string) => {
    if (received === topic) arrived = true;
  };
  client.on(RoomEvent.DataReceived, listener);
  try {
    await eventually('server data reaching the client', async () => {
      await stack.handler.livekit.sendData(roomId, topic, {}, [client.localParticipant!.identity]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return arrived;
    });
  } finally {
    client.off(RoomEvent.DataReceived, listener);
  }
}

/** Waits until `check` passes, bounded. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false | null> | T | undefined | false | null,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function onceEvent(room: Room, event: RoomEvent, timeoutMs = 10_000): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    room.once(event as any, (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}
