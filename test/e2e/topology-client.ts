/**
 * One person talking to a multi-instance topology (scripts/topology.ts): an anonymous identity issued by any instance
 * is good on every one (they share the secret), so each request names the instance — or the proxy — it goes to.
 * Shared by test/e2e/topology.test.ts and bench/cross-instance.ts.
 */
import type { IdentityResponse } from '../../src/contract/index.js';
import type { Topology } from '../../scripts/topology.js';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class Person {
  private constructor(
    readonly credential: string,
    readonly userId: string,
  ) {}

  static async identify(base: string): Promise<Person> {
    const response = await fetch(`${base}/identity`, { method: 'POST' });
    const issued = (await response.json()) as IdentityResponse;
    return new Person(issued.credential, issued.userId);
  }

  async request<T = any>(base: string, method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.credential}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(40_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }
}

/** The value of one sample in an instance's /metrics, or null when absent. */
export async function metric(base: string, name: string, labels = ''): Promise<number | null> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
}

/** Polls `check` every 50 ms until it returns a truthy value; throws after `timeoutMs`. */
export async function until<T>(what: string, check: () => Promise<T> | T, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A waiting-room room and its host (the creator). */
export interface Lobby {
  roomId: string;
  host: Person;
}

export async function openLobby(topology: Topology): Promise<Lobby> {
  const host = await Person.identify(topology.base);
  const created = await host.request(topology.base, 'POST', '/rooms', { policy: { waitingRoom: true } });
  return { roomId: created.body.room.id as string, host };
}

/**
 * One admission decided on `decideOn` while a new guest long-polls `waitOn`: the time from sending the decision to the
 * guest's long-poll answer, in ms, and the answer. The long-poll is held (counted in the waiting instance's metrics)
 * before the decision is sent, so the answer can only come from a wake-up.
 */
export async function admitAcross(
  topology: Topology,
  waitOn: 'A' | 'B',
  decideOn: 'A' | 'B',
  lobby?: Lobby,
): Promise<{ ms: number; state: any }> {
  const waitBase = topology.endpoints[waitOn].base;
  const decideBase = topology.endpoints[decideOn].base;
  const { roomId, host } = lobby ?? (await openLobby(topology));
  const guest = await Person.identify(waitBase);
  const pending = await guest.request(waitBase, 'POST', `/rooms/${roomId}/join`, { displayName: 'Guest' });
  if (pending.status !== 202) throw new Error(`join → ${pending.status} ${JSON.stringify(pending.body)}`);
  const knockId = pending.body.knockId as string;
  const held = await metric(waitBase, 'hashdrop_knocks_waiting');
  const poll = guest.request(waitBase, 'GET', `/rooms/${roomId}/knocks/${knockId}?wait=25`);
  await until('the long-poll to be held', async () => (await metric(waitBase, 'hashdrop_knocks_waiting'))! > held!);
  const started = performance.now();
  const [answer] = await Promise.all([
    poll.then((reply) => ({ reply, at: performance.now() })),
    host.request(decideBase, 'POST', `/rooms/${roomId}/knocks/${knockId}/admit`),
  ]);
  return { ms: answer.at - started, state: answer.reply.body };
}
