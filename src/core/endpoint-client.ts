import {
  admitAllKnocks,
  admitKnock,
  cancelKnock,
  claimHost,
  connectionCheck,
  createRoom,
  denyKnock,
  endCall,
  getInfo,
  getKnock,
  getRoom,
  issueIdentity,
  joinRoom,
  listKnocks,
  lowerAllHands,
  muteAll,
  sendReaction,
  setOwnHand,
  startRecording,
  startStream,
  stopRecording,
  stopStream,
  updateRoom,
} from '../contract/operations.js';
import {
  KNOCK_WAIT_MAX_SECONDS,
  PARTICIPANT_ACTIONS,
  pathOf,
  type ParticipantAction,
  type Route,
} from '../contract/routes.js';
import type {
  ConnectionCheckResponse,
  CreateRoomRequest,
  KnockReason,
  CreateRoomResponse,
  IdentityResponse,
  InfoResponse,
  JoinRequest,
  JoinResponse,
  KnockState,
  KnockSummary,
  Reaction,
  RoomPolicy,
  RoomView,
} from '../contract/index.js';
import type {
  RecordingStateResponse,
  StartRecordingRequest,
  StartStreamRequest,
  StreamStateResponse,
} from '../contract/recording.js';
import { CredentialStore, defaultStorage, type KeyValueStorage } from './credential-store.js';
import { EndpointError, errorFromResponse, fetchOrNetworkError, isAbortError } from './endpoint-error.js';

export interface EndpointClientOptions {
  /** The `endpoint` attribute: `/api` or `https://example.com/api`. */
  endpoint: string;
  fetch?: typeof fetch;
  /** Where the anonymous credential is kept; localStorage (or memory when blocked) by default. */
  storage?: KeyValueStorage;
  /** Pauses between long-poll retries after network errors; the last one repeats. */
  retryDelaysMs?: readonly number[];
  /** Seconds the server may hold a knock long-poll. */
  waitSeconds?: number;
  /** A round that comes back pending faster than this is not a real long-poll; pause the rest before the next. */
  minPollIntervalMs?: number;
}

export interface KnockProgress {
  /** Rounds so far, including failed ones. */
  attempts: number;
  /** True after a network failure, while the retry pause runs. */
  retrying: boolean;
  /** The latest pending reason, when the server sent one. */
  code?: KnockReason;
}

export type SettledKnock = Exclude<KnockState, { status: 'pending' }>;

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Whether to send (and, if needed, first obtain) the bearer credential. */
  auth?: boolean;
}

// The seed's lobby "retries automatically every 5 seconds"; we start faster and settle there.
const DEFAULT_RETRY_DELAYS = [500, 1000, 2000, 5000];

/** The browser side of our endpoint contract: one method per route, typed errors, the anonymous identity handled here. */
export class EndpointClient {
  readonly base: string;
  readonly #fetch: typeof fetch;
  readonly #credentials: CredentialStore;
  readonly #retryDelays: readonly number[];
  readonly #waitSeconds: number;
  readonly #minPollInterval: number;
  #identity: Promise<IdentityResponse> | null = null;

  constructor(options: EndpointClientOptions) {
    const { base, key } = resolveBase(options.endpoint);
    this.base = base;
    // Bound lazily-looked-up fetch: calling window.fetch detached from window throws "Illegal invocation".
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#credentials = new CredentialStore(options.storage ?? defaultStorage(), `hashdrop:identity:${key}`);
    this.#retryDelays = options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_RETRY_DELAYS;
    this.#waitSeconds = Math.min(options.waitSeconds ?? KNOCK_WAIT_MAX_SECONDS, KNOCK_WAIT_MAX_SECONDS);
    this.#minPollInterval = options.minPollIntervalMs ?? 1000;
  }

  /** The stored identity, or a new one from `POST identity`. Concurrent callers share one request. */
  identity(): Promise<IdentityResponse> {
    const stored = this.#credentials.read();
    if (stored) return Promise.resolve(stored);
    this.#identity ??= this.#call<IdentityResponse>(issueIdentity, [], { auth: false }).then(
      (identity) => {
        this.#credentials.write(identity);
        this.#identity = null;
        return identity;
      },
      (error: unknown) => {
        this.#identity = null;
        throw error;
      },
    );
    return this.#identity;
  }

  info(signal?: AbortSignal): Promise<InfoResponse> {
    return this.#call(getInfo, [], { auth: false, signal });
  }

  createRoom(request: CreateRoomRequest = {}, signal?: AbortSignal): Promise<CreateRoomResponse> {
    return this.#call(createRoom, [], { body: request, signal });
  }

  async getRoom(idOrCode: string, signal?: AbortSignal): Promise<RoomView> {
    return unwrapRoom(await this.#call(getRoom, [idOrCode], { signal }));
  }

  join(idOrCode: string, request: JoinRequest, signal?: AbortSignal): Promise<JoinResponse> {
    return this.#call(joinRoom, [idOrCode], { body: request, signal });
  }

  getKnock(idOrCode: string, knockId: string, waitSeconds = 0, signal?: AbortSignal): Promise<KnockState> {
    const query = waitSeconds > 0 ? `?wait=${waitSeconds}` : '';
    return this.#call(getKnock, [idOrCode, knockId], { signal }, query);
  }

  /**
   * Long-polls the knock until it is admitted, denied or cancelled. A network failure is not the end of the wait:
   * it reports `retrying` and tries again after a pause. Contract errors (room closed, not found) end it.
   */
  async waitForKnock(
    idOrCode: string,
    knockId: string,
    options: { signal?: AbortSignal; onProgress?: (progress: KnockProgress) => void } = {},
  ): Promise<SettledKnock> {
    const { signal, onProgress } = options;
    let attempts = 0;
    let failures = 0;
    for (;;) {
      signal?.throwIfAborted();
      const started = Date.now();
      attempts += 1;
      let state: KnockState;
      // A fresh signal per round: Node's fetch keeps its abort listener on the signal it was given, so reusing the
      // caller's signal for a long wait would pile up one listener per round.
      const round = new AbortController();
      const forward = () => round.abort(signal!.reason);
      signal?.addEventListener('abort', forward, { once: true });
      try {
        state = await this.getKnock(idOrCode, knockId, this.#waitSeconds, round.signal);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (!isRetryable(error)) throw error;
        const delay = this.#retryDelays[Math.min(failures, this.#retryDelays.length - 1)]!;
        failures += 1;
        onProgress?.({ attempts, retrying: true });
        await sleep(delay, signal);
        continue;
      } finally {
        signal?.removeEventListener('abort', forward);
      }
      failures = 0;
      if (state.status !== 'pending') return state;
      onProgress?.({ attempts, retrying: false, code: state.code });
      const elapsed = Date.now() - started;
      if (elapsed < this.#minPollInterval) await sleep(this.#minPollInterval - elapsed, signal);
    }
  }

  async cancelKnock(idOrCode: string, knockId: string, signal?: AbortSignal): Promise<void> {
    await this.#call(cancelKnock, [idOrCode, knockId], { signal });
  }

  async listKnocks(idOrCode: string, signal?: AbortSignal): Promise<KnockSummary[]> {
    const body = await this.#call(listKnocks, [idOrCode], { signal });
    if (Array.isArray(body)) return body as KnockSummary[];
    const knocks = (body as { knocks?: unknown } | null)?.knocks;
    return Array.isArray(knocks) ? (knocks as KnockSummary[]) : [];
  }

  async admit(idOrCode: string, knockId: string): Promise<void> {
    await this.#call(admitKnock, [idOrCode, knockId]);
  }

  async deny(idOrCode: string, knockId: string): Promise<void> {
    await this.#call(denyKnock, [idOrCode, knockId]);
  }

  async admitAll(idOrCode: string): Promise<void> {
    await this.#call(admitAllKnocks, [idOrCode]);
  }

  /** Redeems the secret host link's key; returns the room as the caller now sees it (as a host). */
  async claimHost(idOrCode: string, hostKey: string, signal?: AbortSignal): Promise<RoomView | null> {
    const body = await this.#call(claimHost, [idOrCode], { body: { hostKey }, signal });
    try {
      return unwrapRoom(body);
    } catch {
      return null;
    }
  }

  async end(idOrCode: string): Promise<void> {
    await this.#call(endCall, [idOrCode]);
  }

  startRecording(idOrCode: string, request: StartRecordingRequest): Promise<RecordingStateResponse> {
    return this.#call(startRecording, [idOrCode], { body: request });
  }

  stopRecording(idOrCode: string): Promise<RecordingStateResponse> {
    return this.#call(stopRecording, [idOrCode]);
  }

  /** The URL (with its stream key) goes in the body, to the endpoint only. */
  startStream(idOrCode: string, request: StartStreamRequest): Promise<StreamStateResponse> {
    return this.#call(startStream, [idOrCode], { body: request });
  }

  stopStream(idOrCode: string): Promise<StreamStateResponse> {
    return this.#call(stopStream, [idOrCode]);
  }

  /** A host's action on one participant; the endpoint refuses it for anyone else. */
  async moderate(idOrCode: string, identity: string, action: ParticipantAction): Promise<void> {
    await this.#call(PARTICIPANT_ACTIONS[action], [idOrCode, identity]);
  }

  /** Raises or lowers the caller's own hand; the endpoint writes it (participants cannot write their attributes). */
  async setHand(idOrCode: string, raised: boolean): Promise<string | null> {
    const body = await this.#call<{ handRaisedAt?: string | null }>(setOwnHand, [idOrCode], {
      body: { raised },
    });
    return body?.handRaisedAt ?? null;
  }

  async sendReaction(idOrCode: string, emoji: Reaction): Promise<void> {
    await this.#call(sendReaction, [idOrCode], { body: { emoji } });
  }

  async lowerAllHands(idOrCode: string): Promise<void> {
    await this.#call(lowerAllHands, [idOrCode]);
  }

  /** Mutes every microphone but the hosts' (hosts); answers the identities muted. */
  async muteAll(idOrCode: string): Promise<string[]> {
    const body = await this.#call<{ muted?: string[] }>(muteAll, [idOrCode]);
    return body?.muted ?? [];
  }

  /** A token for the pre-call check's throwaway room (never the real call's). */
  connectionCheck(): Promise<ConnectionCheckResponse> {
    return this.#call(connectionCheck, []);
  }

  /** Changes part of the room's policy (hosts); returns the room as it now is. */
  async updatePolicy(idOrCode: string, policy: Partial<RoomPolicy>): Promise<RoomView> {
    return unwrapRoom(await this.#call(updateRoom, [idOrCode], { body: { policy } }));
  }

  /** One operation of the contract's route table, its path parameters filled in order. */
  #call<T = unknown>(route: Route, params: string[], options?: RequestOptions, query = ''): Promise<T> {
    return this.#request<T>(route[0], pathOf(route, ...params) + query, options);
  }

  async #request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const auth = options.auth ?? true;
    let response = await this.#send(method, path, options, auth);
    if (auth && response.status === 401) {
      // The stored credential expired or the endpoint rotated its key: get a new identity once and retry.
      this.#credentials.clear();
      response = await this.#send(method, path, options, auth);
    }
    if (!response.ok) throw await errorFromResponse(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new EndpointError('INTERNAL', 'The endpoint answered with something that is not JSON.', response.status);
    }
  }

  async #send(method: string, path: string, options: RequestOptions, auth: boolean): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (auth) {
      // A stored credential is read without an await, so a join's request leaves in the click's own task, ahead of
      // the re-render its status change queued (benchmarked: the pre-join's teardown held it back 10 ms or more).
      const identity = this.#credentials.read() ?? (await this.identity());
      headers['authorization'] = `Bearer ${identity.credential}`;
    }
    const init: RequestInit = { method, headers };
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    if (options.signal) init.signal = options.signal;
    return fetchOrNetworkError(this.#fetch, this.base + path, init);
  }
}

/** A network failure, or the endpoint/proxy briefly unavailable: worth waiting for in the lobby. */
function isRetryable(error: unknown): boolean {
  if (isAbortError(error) || !(error instanceof EndpointError)) return false;
  return error.code === 'NETWORK' || error.code === 'RATE_LIMITED' || error.status >= 500;
}

function unwrapRoom(body: unknown): RoomView {
  const candidate = (body as { room?: unknown } | null)?.room ?? body;
  if (typeof candidate === 'object' && candidate !== null && 'id' in candidate && 'code' in candidate) {
    return candidate as RoomView;
  }
  throw new EndpointError('INTERNAL', 'The endpoint did not return a room.', 200);
}

/** Absolute base without a trailing slash, and the storage key (origin + path) that scopes the credential. */
function resolveBase(endpoint: string): { base: string; key: string } {
  const trimmed = endpoint.trim().replace(/\/+$/, '');
  const pageUrl = (globalThis as { location?: { href?: string } }).location?.href;
  try {
    const url = new URL(trimmed || '/', pageUrl);
    const path = url.pathname.replace(/\/+$/, '');
    return { base: url.origin + path, key: url.origin + path };
  } catch {
    // A relative endpoint with no page to resolve it against (SSR): keep it relative.
    return { base: trimmed, key: trimmed };
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
