/** The one way a route fails: throw an ApiError; the handler turns it into `{ error: { code, message } }`. */
import type { ApiErrorBody, ErrorCode } from '../contract/index.js';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  METHOD_NOT_ALLOWED: 405,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROOM_CLOSED: 409,
  ROOM_FULL: 409,
  HOST_REQUIRED: 202,
  WAITING_ROOM_PENDING: 202,
  DENIED: 403,
  KICKED: 403,
  RATE_LIMITED: 429,
  CONFLICT: 409,
  ORIGIN_NOT_ALLOWED: 403,
  LIVEKIT_UNAVAILABLE: 503,
  RECORDING_UNAVAILABLE: 503,
  RECORDER_UNAVAILABLE: 503,
  OVERLOADED: 503,
  NOT_READY: 503,
  INTERNAL: 500,
};

export function statusFor(code: ErrorCode): number {
  return STATUS[code];
}

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details?: unknown,
  ) {
    super(message);
    this.status = STATUS[code];
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}
