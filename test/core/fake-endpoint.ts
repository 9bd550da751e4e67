import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  AdmittedJoin,
  CreateRoomResponse,
  ErrorCode,
  KnockState,
  KnockSummary,
  RoomView,
} from '../../src/contract/index.js';
import { DEFAULT_POLICY } from '../../src/contract/index.js';

/** The LiveKit URL the fake answers with: an admission's and, before it, a waiting knock's. */
const LIVEKIT_URL = 'ws://127.0.0.1:7880';

/**
 * A small real HTTP server speaking the endpoint contract, just enough to drive the browser client and the session
 * through every lobby path. It is deliberately dumb: tests script its answers.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

type JoinScript =
  | { kind: 'admitted'; role?: AdmittedJoin['role'] }
  | { kind: 'pending'; code?: 'WAITING_ROOM_PENDING' | 'HOST_REQUIRED' }
  | { kind: 'error'; status: number; code: ErrorCode; message: string };

interface Waiter {
  res: ServerResponse;
  timer: NodeJS.Timeout;
}

export function roomView(overrides: Partial<RoomView> = {}): RoomView {
  return {
    id: 'room_1',
    code: 'STELLAR-PHOENIX',
    name: 'Stand-up',
    creatorId: 'u_creator',
    hosts: [],
    scheduledStartAt: null,
    scheduledEndAt: null,
    status: 'ACTIVE',
    policy: DEFAULT_POLICY,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export class FakeEndpoint {
  readonly requests: RecordedRequest[] = [];
  room: RoomView = roomView();
  join: JoinScript = { kind: 'pending' };
  knocks: KnockSummary[] = [];
  /** The caller's hand as `POST …/hand` left it. */
  handRaisedAt: string | null = null;
  /** Knock state by id; `pending` until a test settles it. */
  readonly knockStates = new Map<string, KnockState>();
  /** The next N knock polls drop the connection (a network error in the client). */
  dropKnockPolls = 0;
  /** Answer knock polls at once instead of holding them (a server without long-poll). */
  noLongPoll = false;
  identitiesIssued = 0;
  readonly #credentials = new Set<string>();
  readonly #waiters = new Map<string, Waiter[]>();
  #server: Server | null = null;
  base = '';

  async start(): Promise<string> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.#server.address() as AddressInfo;
    this.base = `http://127.0.0.1:${port}/api`;
    return this.base;
  }

  async stop(): Promise<void> {
    for (const waiters of this.#waiters.values()) for (const waiter of waiters) clearTimeout(waiter.timer);
    this.#waiters.clear();
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }

  /** Forget every issued credential (as if the endpoint rotated its signing key). */
  revokeCredentials(): void {
    this.#credentials.clear();
  }

  settle(knockId: string, outcome: 'admitted' | 'denied' | 'cancelled'): void {
    const state: KnockState =
      outcome === 'admitted'
        ? { status: 'admitted', knockId, join: this.admitted('participant') }
        : { status: outcome, knockId };
    this.knockStates.set(knockId, state);
    const waiters = this.#waiters.get(knockId) ?? [];
    this.#waiters.delete(knockId);
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      send(waiter.res, 200, state);
    }
  }

  /** How many long-polls are parked on a knock right now. */
  parked(knockId: string): number {
    return this.#waiters.get(knockId)?.length ?? 0;
  }

  admitted(role: AdmittedJoin['role']): AdmittedJoin {
    return {
      outcome: 'admitted',
      token: `lk-token-${role}`,
      serverUrl: LIVEKIT_URL,
      identity: `id-${role}`,
      role,
      room: this.room,
    };
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    this.requests.push(record);
    // Any first segment is a mount point, so two "endpoints" can live on one server.
    const path = url.pathname.replace(/^\/[^/]+/, '');
    const method = record.method;

    if (method === 'POST' && path === '/identity') {
      this.identitiesIssued += 1;
      const credential = `cred-${this.identitiesIssued}`;
      this.#credentials.add(credential);
      return send(res, 200, {
        credential,
        userId: `u_${this.identitiesIssued}`,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
    }
    if (method === 'GET' && path === '/info')
      return send(res, 200, { name: 'hashdrop', version: '0.0.0', features: [] });

    const bearer = record.authorization?.replace(/^Bearer /, '');
    if (!bearer || !this.#credentials.has(bearer)) return fail(res, 401, 'UNAUTHENTICATED', 'Sign in first.');

    if (method === 'POST' && path === '/rooms') {
      const created: CreateRoomResponse = { room: this.room, hostKey: 'host-key-0123456789abcdef' };
      return send(res, 201, created);
    }
    const match = /^\/rooms\/([^/]+)(\/.*)?$/.exec(path);
    if (!match) return fail(res, 404, 'NOT_FOUND', 'No such route.');
    const ref = decodeURIComponent(match[1]!);
    const rest = match[2] ?? '';
    if (ref !== this.room.id && ref !== this.room.code) return fail(res, 404, 'NOT_FOUND', 'No room with that code.');

    if (method === 'GET' && rest === '') return send(res, 200, this.room);
    if (method === 'POST' && rest === '/join') return this.#join(res);
    if (method === 'GET' && rest === '/knocks') return send(res, 200, { knocks: this.knocks });
    if (method === 'POST' && rest === '/knocks/admit-all') return send(res, 200, { admitted: this.knocks.length });
    if (method === 'POST' && rest === '/end') return send(res, 200, { ok: true });
    if (method === 'POST' && rest === '/hand') return this.#hand(res, record.body as { raised: boolean });
    if (method === 'POST' && rest === '/claim-host')
      return send(res, 200, { room: { ...this.room, youAreHost: true } });
    const knock = /^\/knocks\/([^/]+)(\/admit|\/deny)?$/.exec(rest);
    if (knock) {
      const knockId = decodeURIComponent(knock[1]!);
      if (method === 'POST' && knock[2]) return send(res, 200, { ok: true });
      if (method === 'DELETE') {
        this.settle(knockId, 'cancelled');
        return send(res, 204, null);
      }
      if (method === 'GET') return this.#knock(req, res, knockId, Number(url.searchParams.get('wait') ?? 0));
    }
    return fail(res, 405, 'METHOD_NOT_ALLOWED', 'Not here.');
  }

  /** Like the real endpoint: raising a hand that is up keeps the time it went up. */
  #hand(res: ServerResponse, body: { raised: boolean }): void {
    this.handRaisedAt = body.raised ? (this.handRaisedAt ?? new Date().toISOString()) : null;
    send(res, 200, { identity: 'u_guest', handRaisedAt: this.handRaisedAt });
  }

  #join(res: ServerResponse): void {
    const script = this.join;
    if (script.kind === 'admitted') return send(res, 200, this.admitted(script.role ?? 'participant'));
    if (script.kind === 'error') return fail(res, script.status, script.code, script.message);
    const knockId = `knock_${this.knockStates.size + 1}`;
    const code = script.code ?? 'WAITING_ROOM_PENDING';
    this.knockStates.set(knockId, { status: 'pending', code, knockId });
    send(res, 202, { outcome: 'pending', code, knockId, serverUrl: LIVEKIT_URL, room: this.room });
  }

  #knock(req: IncomingMessage, res: ServerResponse, knockId: string, wait: number): void {
    if (this.dropKnockPolls > 0) {
      this.dropKnockPolls -= 1;
      req.socket.destroy();
      return;
    }
    const state = this.knockStates.get(knockId);
    if (!state) return fail(res, 404, 'NOT_FOUND', 'No such knock.');
    if (state.status !== 'pending' || wait <= 0 || this.noLongPoll) return send(res, 200, state);
    const timer = setTimeout(() => {
      const list = this.#waiters.get(knockId) ?? [];
      this.#waiters.set(
        knockId,
        list.filter((waiter) => waiter.res !== res),
      );
      send(res, 200, this.knockStates.get(knockId));
    }, wait * 1000);
    const list = this.#waiters.get(knockId) ?? [];
    list.push({ res, timer });
    this.#waiters.set(knockId, list);
    res.on('close', () => {
      clearTimeout(timer);
      const current = this.#waiters.get(knockId) ?? [];
      this.#waiters.set(
        knockId,
        current.filter((waiter) => waiter.res !== res),
      );
    });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  if (status === 204) {
    res.writeHead(204).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function fail(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  send(res, status, { error: { code, message } });
}

/** An in-memory Storage stand-in (Node has no localStorage). */
export function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key: string) => data.get(key) ?? null,
    key: (index: number) => [...data.keys()][index] ?? null,
    removeItem: (key: string) => void data.delete(key),
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

/** Resolves when `predicate` holds, polling briefly; fails the test with `what` after a timeout. */
export async function until(predicate: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
