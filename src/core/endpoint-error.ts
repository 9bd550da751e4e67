import { isApiErrorBody } from '../contract/errors.js';
import type { ErrorCode } from '../contract/index.js';

export type EndpointErrorCode = ErrorCode | 'NETWORK';

/** A failed call to an endpoint, with the contract's machine-readable code. `status` is 0 when no response arrived. */
export class EndpointError extends Error {
  constructor(
    readonly code: EndpointErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'EndpointError';
  }
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** For endpoints that do not speak our contract (a plain token endpoint, a proxy's HTML error page). */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};

/** Reads `{ error: { code, message } }` when the body has it, and falls back to a code derived from the status. */
export async function errorFromResponse(response: Response): Promise<EndpointError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: keep the status-derived code below.
  }
  if (isApiErrorBody(body)) return new EndpointError(body.error.code, body.error.message, response.status);
  const code = CODE_BY_STATUS[response.status] ?? 'INTERNAL';
  return new EndpointError(code, `The endpoint answered HTTP ${response.status}.`, response.status);
}

/** Wraps fetch so a transport failure becomes `NETWORK` while an abort stays an abort (callers ignore those). */
export async function fetchOrNetworkError(fetchImpl: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchImpl(url, init);
  } catch (error) {
    if (isAbortError(error) || init.signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new EndpointError('NETWORK', `Could not reach the endpoint (${reason}).`, 0);
  }
}
