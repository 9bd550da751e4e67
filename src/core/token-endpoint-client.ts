import { EndpointError, errorFromResponse, fetchOrNetworkError } from './endpoint-error.js';

/**
 * The request body of livekit-client's `TokenSource.endpoint` (protobuf `TokenSourceRequest` serialized with its proto
 * field names, i.e. snake_case). Following it lets a page point us at any token server built for LiveKit's own SDKs.
 */
export interface TokenSourceRequestBody {
  room_name?: string;
  participant_name?: string;
  participant_identity?: string;
  participant_metadata?: string;
  participant_attributes?: Record<string, string>;
}

export interface TokenSourceCredentials {
  serverUrl: string;
  participantToken: string;
}

export interface TokenEndpointClientOptions {
  /** The `token-endpoint` attribute: a URL that answers the TokenSource standard format. */
  url: string;
  fetch?: typeof fetch;
}

/** The "plain token endpoint" mode: no lobby and no moderation, just credentials for one call. */
export class TokenEndpointClient {
  readonly url: string;
  readonly #fetch: typeof fetch;

  constructor(options: TokenEndpointClientOptions) {
    this.url = options.url;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  async fetchCredentials(
    request: { roomName?: string; participantName?: string; participantIdentity?: string },
    signal?: AbortSignal,
  ): Promise<TokenSourceCredentials> {
    const body: TokenSourceRequestBody = {};
    if (request.roomName) body.room_name = request.roomName;
    if (request.participantName) body.participant_name = request.participantName;
    if (request.participantIdentity) body.participant_identity = request.participantIdentity;
    const init: RequestInit = {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    };
    if (signal) init.signal = signal;
    const response = await fetchOrNetworkError(this.#fetch, this.url, init);
    if (!response.ok) throw await errorFromResponse(response);
    let json: Record<string, unknown>;
    try {
      json = (await response.json()) as Record<string, unknown>;
    } catch {
      throw new EndpointError('INTERNAL', 'The token endpoint did not answer with JSON.', response.status);
    }
    // The standard names are snake_case; livekit-client's protobuf JSON reader also takes the camelCase JSON names.
    const serverUrl = json['server_url'] ?? json['serverUrl'];
    const participantToken = json['participant_token'] ?? json['participantToken'];
    if (typeof serverUrl !== 'string' || !serverUrl || typeof participantToken !== 'string' || !participantToken) {
      throw new EndpointError(
        'INTERNAL',
        'The token endpoint answered without server_url and participant_token.',
        response.status,
      );
    }
    return { serverUrl, participantToken };
  }
}
