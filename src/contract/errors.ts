/**
 * No runtime dependency: the browser's endpoint client reads error bodies with `isApiErrorBody`, and importing the
 * schema library for that would put it in every page's up-front bytes.
 *
 * Machine-readable error codes shared by the endpoint and the elements. Every 4xx/5xx body from the endpoint is
 * `{ error: { code, message } }` with one of these codes, so a page can branch on the code and show the message.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'METHOD_NOT_ALLOWED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROOM_CLOSED',
  'ROOM_FULL',
  'HOST_REQUIRED',
  'WAITING_ROOM_PENDING',
  'DENIED',
  'KICKED',
  'RATE_LIMITED',
  'CONFLICT',
  'ORIGIN_NOT_ALLOWED',
  'LIVEKIT_UNAVAILABLE',
  'RECORDING_UNAVAILABLE',
  'RECORDER_UNAVAILABLE',
  'OVERLOADED',
  'NOT_READY',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why a guest waits in the lobby: for a host's decision, or for a host to arrive. The join's 202 `code`, the knock's
 * pending `code` and a knock's `reason` as hosts see it are all one of these.
 */
export const KNOCK_REASONS = ['WAITING_ROOM_PENDING', 'HOST_REQUIRED'] as const satisfies readonly ErrorCode[];
export type KnockReason = (typeof KNOCK_REASONS)[number];

/** An error answer's body; `ApiErrorBody` in schemas.ts is its schema (for the OpenAPI document and tests). */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    /** For people: safe to show, never contains a secret. */
    message: string;
    /** VALIDATION_FAILED carries `{ issues: [{ path, message }] }`. */
    details?: unknown;
  };
}

export function isApiErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
