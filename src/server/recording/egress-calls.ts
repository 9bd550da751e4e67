/**
 * One bounded call to LiveKit Egress, and how its failures read. Without an Egress service livekit-server holds a
 * start open instead of failing, so every call races a timeout; any failure becomes `RECORDING_UNAVAILABLE`, logged
 * with Egress' code and scrubbed message but never the request (it carries credentials and stream keys).
 */
import { ServerError } from 'livekit-server-sdk';
import { ApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import { scrubError } from './summary.js';

/** `RECORDING_UNAVAILABLE`, remembering what Egress said (its Twirp code), or that it did not answer (null). */
export class EgressFailure extends ApiError {
  constructor(
    readonly twirpCode: string | null,
    /** Egress' own message, URLs cut out. */
    readonly detail: string | null = null,
  ) {
    super(
      'RECORDING_UNAVAILABLE',
      twirpCode !== null
        ? 'The recording service (LiveKit Egress) refused the request.'
        : 'No recording service (LiveKit Egress) answered in time.',
    );
  }

  /**
   * A stop refused because the job is over: livekit-server answers `failed_precondition` (HTTP 412, "egress with
   * status … cannot be stopped") for a job that ended, `not_found` for one it no longer knows.
   */
  get alreadyEnded(): boolean {
    return ['failed_precondition', 'not_found', 'http_412', 'http_404'].includes(this.twirpCode ?? '');
  }
}

export async function askEgress<T>(
  logger: Logger,
  what: string,
  roomId: string,
  call: () => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer')), timeoutMs);
  });
  try {
    return await Promise.race([call(), timeout]);
  } catch (error) {
    const refused = error instanceof ServerError;
    logger.warn('recording service call failed', {
      call: what,
      roomId,
      ...(refused
        ? { status: error.status, code: error.code, reason: scrubError(error.message) }
        : { reason: 'no answer' }),
    });
    throw refused
      ? new EgressFailure(error.code ?? `http_${error.status}`, scrubError(error.message))
      : new EgressFailure(null);
  } finally {
    clearTimeout(timer);
  }
}
