import * as v from 'valibot';

/**
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
  'OVERLOADED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ApiErrorBody = v.object({
  error: v.object({
    code: v.picklist(ERROR_CODES),
    message: v.pipe(v.string(), v.description('For people: safe to show, never contains a secret.')),
    /** VALIDATION_FAILED carries `{ issues: [{ path, message }] }`. */
    details: v.optional(v.unknown()),
  }),
});
export type ApiErrorBody = v.InferOutput<typeof ApiErrorBody>;

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
