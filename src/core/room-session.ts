import type { CallConnector } from './call.js';
import type { KeyValueStorage } from './credential-store.js';
import { EndpointClient } from './endpoint-client.js';
import { DEFAULT_MAX_FILE_BYTES } from './limits.js';
import { LiveKitConnector } from './livekit-call.js';
import type { RoomSessionApi } from './session-api.js';
import { SessionLifecycle, type LifecycleOptions } from './session-lifecycle.js';
import { ALL_CAPABILITIES, type SessionCapabilities } from './snapshot.js';
import type { TokenEndpointClient, TokenSourceCredentials } from './token-endpoint-client.js';

export interface RoomSessionOptions {
  /** Our endpoint contract (`endpoint` attribute): lobby, hosts, moderation. Wins over `tokenEndpoint`. */
  endpoint?: string;
  /** A plain LiveKit token endpoint (`token-endpoint` attribute): a call with no lobby. */
  tokenEndpoint?: string;
  /**
   * A LiveKit server's URL and a token for it, given by the page (the recorder page gets them from Egress): a call with
   * no lobby, like a token endpoint's, without asking anyone. Used when neither endpoint is given.
   */
  credentials?: TokenSourceCredentials;
  /** Initial microphone / camera wishes (default on). */
  audio?: boolean;
  video?: boolean;
  /** The secret host link's key (`?host=`): redeemed on prepare to become a host of the room. */
  hostKey?: string;
  fetch?: typeof fetch;
  /** Replaces the livekit-client call (tests, or a page embedding its own SDK build). */
  connector?: CallConnector;
  /** Where the endpoint's anonymous credential is kept (default localStorage, memory when blocked). */
  storage?: KeyValueStorage;
  /** Pauses between lobby retries after network errors (default 0.5 s rising to 5 s). */
  retryDelaysMs?: readonly number[];
  /** The largest chat file sent or accepted, in bytes (default 15 MB). */
  maxFileBytes?: number;
}

/** A plain token endpoint has no lobby, moderation or recording: a host's endpoint actions are off. */
const TOKEN_ENDPOINT_CAPABILITIES: SessionCapabilities = Object.freeze({
  ...ALL_CAPABILITIES,
  moderate: false,
  updatePolicy: false,
  record: false,
  endForAll: false,
  react: false,
});

/**
 * The call model: endpoint + one LiveKit room behind actions, published as immutable snapshots. Its parts are layers,
 * each in its own file: what they share (`session-core.ts`), local media and devices (`session-media.ts`), chat
 * (`session-chat.ts`), what the endpoint decides during a call (`session-host.ts`) and the lifecycle
 * (`session-lifecycle.ts`); what the call reports is applied by the pure functions of `call-events.ts`. This class
 * wires the options in: which endpoint, which call connector, the initial wishes.
 */
export class RoomSession extends SessionLifecycle implements RoomSessionApi {
  constructor(options: RoomSessionOptions = {}) {
    const fetchImpl = options.fetch;
    const endpoint = options.endpoint
      ? new EndpointClient({
          endpoint: options.endpoint,
          ...optional({ fetch: fetchImpl, storage: options.storage, retryDelaysMs: options.retryDelaysMs }),
        })
      : null;
    super({
      endpoint,
      tokens: endpoint ? null : tokensOf(options, fetchImpl),
      connector: options.connector ?? new LiveKitConnector(),
      hostKey: options.hostKey ?? null,
    });
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.update({
      micEnabled: options.audio ?? true,
      cameraEnabled: options.video ?? true,
      ...(endpoint ? {} : { capabilities: TOKEN_ENDPOINT_CAPABILITIES }),
    });
  }

  // Its code (and livekit-client's) is fetched only when someone asks for the check.
  checkConnection(): Promise<void> {
    return import('./connection-check.js').then((check) =>
      check.checkConnection(this.endpoint, (connectionCheck) => this.update({ connectionCheck })),
    );
  }
}

/** Where a call with no endpoint of ours gets its credentials: a token endpoint, or the page itself. */
function tokensOf(options: RoomSessionOptions, fetchImpl: typeof fetch | undefined): LifecycleOptions['tokens'] {
  if (options.tokenEndpoint) return lazyTokenClient(options.tokenEndpoint, fetchImpl);
  const given = options.credentials;
  return given ? { fetchCredentials: () => Promise.resolve(given) } : null;
}

/**
 * A plain token endpoint's client, loaded as the session starts (in the CDN build a small chunk of its own): pages on
 * our endpoint (most of them) carry its code neither up front nor in the call. A failed load is tried again at Join.
 */
function lazyTokenClient(url: string, fetchImpl: typeof fetch | undefined): LifecycleOptions['tokens'] {
  let client: Promise<TokenEndpointClient> | null = null;
  const load = () =>
    (client ??= import('./token-endpoint-client.js').then(
      (m) => new m.TokenEndpointClient({ url, ...optional({ fetch: fetchImpl }) }),
      (error: unknown) => {
        client = null;
        throw error;
      },
    ));
  load().catch(() => {});
  return {
    async fetchCredentials(...args: Parameters<TokenEndpointClient['fetchCredentials']>) {
      return (await load()).fetchCredentials(...args);
    },
  };
}

/** Drops undefined values so optional options stay absent rather than present-but-undefined. */
function optional<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
