/**
 * Recording through LiveKit Egress — Egress records, this class only asks it to. It starts a room-composite job or
 * one track job per published track, stops them, and lists them.
 *
 * What is remembered, and where: the jobs this instance started, per room, in memory. That is a cache, not the
 * truth: Egress' own listing (`listEgress({ roomName, active: true })`) is consulted on every stop and feeds
 * `GET /rooms/{id}`, so a restart, or a second endpoint instance, still sees and stops a running recording. No store
 * migration, and nothing to go stale when Egress ends a job on its own (room closed, limit reached).
 *
 * Every call to Egress is bounded: without an Egress service livekit-server holds a start request open instead of
 * failing, so a start that has no answer within `startTimeoutMs` is reported as `RECORDING_UNAVAILABLE`.
 */
import { EgressClient, ServerError, type EgressInfo } from 'livekit-server-sdk';
import type { RecordingLayout, RecordingListing, RecordingMode } from '../../contract/recording.js';
import { ApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import {
  DEFAULT_START_TIMEOUT_MS,
  validateRecordingOptions,
  withEnvCredentials,
  type RecordingDestination,
  type RecordingOptions,
} from './config.js';
import { compositeOutput, EGRESS_LAYOUTS, trackOutput } from './outputs.js';
import { isActive, summarize } from './summary.js';

export interface ActiveRecording {
  mode: RecordingMode;
  layout: RecordingLayout | null;
  startedAt: string;
  egressIds: Set<string>;
  /** Tracks mode: the track sids already recorded, so a repeated webhook starts nothing twice. */
  tracks: Set<string>;
}

export interface RoomRef {
  id: string;
  code: string;
}

/** How long a listing is reused, so a busy pre-join screen does not ask Egress on every read. */
const LISTING_MAX_AGE_MS = 2000;
/** How long a room read waits for Egress' listing before it reports the listing unavailable. */
const LIST_TIMEOUT_MS = 1500;

class Unreachable extends Error {}

/** `RECORDING_UNAVAILABLE`, remembering whether Egress answered at all (a refusal) or not (down, no Egress). */
class EgressFailure extends ApiError {
  constructor(
    refused: boolean,
    /** Egress answered with a 4xx (e.g. that job already ended), rather than being down or missing. */
    readonly clientError: boolean,
  ) {
    super(
      'RECORDING_UNAVAILABLE',
      refused
        ? 'The recording service (LiveKit Egress) refused the request.'
        : 'No recording service (LiveKit Egress) answered in time.',
    );
  }
}

export class Recorder {
  readonly egress: EgressClient;
  readonly #destination: RecordingDestination;
  readonly #fileName: string | undefined;
  readonly #timeoutMs: number;
  readonly #active = new Map<string, ActiveRecording>();
  readonly #starting = new Set<string>();
  readonly #listings = new Map<string, { at: number; listing: RecordingListing; infos: EgressInfo[] }>();

  constructor(
    options: RecordingOptions,
    apiUrl: string,
    credentials: { apiKey: string; apiSecret: string },
    private readonly logger: Logger,
    env: Record<string, string | undefined> = process.env,
  ) {
    validateRecordingOptions(options);
    this.#destination = withEnvCredentials(options.destination, env);
    this.#fileName = options.fileName;
    this.#timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    this.egress = new EgressClient(options.egressUrl ?? apiUrl, credentials.apiKey, credentials.apiSecret, {
      requestTimeout: Math.ceil(this.#timeoutMs / 1000),
    });
  }

  /** What this instance started and has not stopped. */
  current(roomId: string): ActiveRecording | undefined {
    return this.#active.get(roomId);
  }

  /**
   * Starts recording `room`. `publishedTracks` lists the call's tracks (tracks mode). Fails with `CONFLICT` when this
   * instance is already recording the room, `RECORDING_UNAVAILABLE` when Egress does not take the job.
   */
  async start(
    room: RoomRef,
    request: { mode: RecordingMode; layout: RecordingLayout },
    publishedTracks: () => Promise<string[]>,
  ): Promise<ActiveRecording> {
    if (this.#active.has(room.id) || this.#starting.has(room.id)) {
      throw new ApiError('CONFLICT', 'This room is already being recorded.');
    }
    this.#starting.add(room.id);
    try {
      const recording: ActiveRecording = {
        mode: request.mode,
        layout: request.mode === 'composite' ? request.layout : null,
        startedAt: new Date().toISOString(),
        egressIds: new Set(),
        tracks: new Set(),
      };
      if (request.mode === 'composite') {
        const output = compositeOutput(this.#destination, this.#fileName, room);
        const info = await this.#ask('start', room.id, () =>
          this.egress.startRoomCompositeEgress(room.id, { file: output }, { layout: EGRESS_LAYOUTS[request.layout] }),
        );
        recording.egressIds.add(info.egressId);
      } else {
        const tracks = await publishedTracks();
        // Nothing published yet: make sure Egress is there at all before promising to record what comes.
        if (tracks.length === 0) await this.#ask('probe', room.id, () => this.egress.listEgress({ roomName: room.id }));
        try {
          for (const trackSid of tracks) await this.#startTrack(room, recording, trackSid);
        } catch (error) {
          await this.#stopAll(room.id, [...recording.egressIds]).catch(() => {});
          throw error;
        }
      }
      this.#active.set(room.id, recording);
      this.#listings.delete(room.id);
      this.logger.info('recording started', { roomId: room.id, mode: recording.mode, jobs: recording.egressIds.size });
      return recording;
    } finally {
      this.#starting.delete(room.id);
    }
  }

  /** Tracks mode: a track published after the start gets its own job. Best effort; a failure is logged. */
  async trackPublished(room: RoomRef, trackSid: string): Promise<void> {
    const recording = this.#active.get(room.id);
    if (!recording || recording.mode !== 'tracks' || recording.tracks.has(trackSid)) return;
    await this.#startTrack(room, recording, trackSid).catch(() => {});
  }

  /**
   * Stops every active job of the room: the ones this instance remembers and the ones Egress lists (started before a
   * restart, or by another instance). Returns the ids stopped. `RECORDING_UNAVAILABLE` when a job could not be stopped.
   */
  async stop(roomId: string): Promise<string[]> {
    const remembered = [...(this.#active.get(roomId)?.egressIds ?? [])];
    let listed: string[] = [];
    try {
      const infos = await this.#ask('list', roomId, () => this.egress.listEgress({ roomName: roomId, active: true }));
      listed = infos.filter(isActive).map((info) => info.egressId);
    } catch {
      // Egress could not list: stop what this instance knows of.
    }
    const ids = [...new Set([...remembered, ...listed])];
    await this.#stopAll(roomId, ids);
    this.#active.delete(roomId);
    this.#listings.delete(roomId);
    if (ids.length > 0) this.logger.info('recording stopped', { roomId, jobs: ids.length });
    return ids;
  }

  /** `stop` for the call ending (end for all, room empty): never throws, logs what it could not do. */
  async stopQuietly(roomId: string): Promise<void> {
    if (!this.#active.has(roomId) && !this.#listings.get(roomId)?.infos.some(isActive)) return;
    await this.stop(roomId).catch(() => {
      this.#active.delete(roomId);
    });
  }

  /** Webhook: Egress finished a job on its own (room closed, limit, failure). */
  egressEnded(roomId: string, egressId: string): void {
    const recording = this.#active.get(roomId);
    this.#listings.delete(roomId);
    if (!recording?.egressIds.delete(egressId)) return;
    if (recording.egressIds.size === 0 && recording.mode === 'composite') this.#active.delete(roomId);
  }

  forget(roomId: string): void {
    this.#active.delete(roomId);
    this.#listings.delete(roomId);
  }

  /**
   * Egress' listing for the room (reused for up to 2 s) and whether anything is recording it now. When Egress cannot
   * be asked, the listing is empty with `available: false` — the room still reads fine.
   */
  async list(roomId: string): Promise<{ listing: RecordingListing; recording: boolean; startedAt: string | null }> {
    let cached = this.#listings.get(roomId);
    if (!cached || Date.now() - cached.at > LISTING_MAX_AGE_MS) {
      try {
        // A room read (pre-join) waits for this, so it gets less time than a host's start.
        const infos = await this.#ask(
          'list',
          roomId,
          () => this.egress.listEgress({ roomName: roomId }),
          LIST_TIMEOUT_MS,
        );
        cached = { at: Date.now(), infos, listing: { available: true, items: infos.map(summarize) } };
      } catch {
        cached = { at: Date.now(), infos: [], listing: { available: false, items: [] } };
      }
      this.#listings.set(roomId, cached);
    }
    const active = cached.infos.filter(isActive);
    const mine = this.#active.get(roomId);
    const starts = active.map((info) => summarize(info).startedAt).filter((at): at is string => at !== null);
    return {
      listing: cached.listing,
      recording: active.length > 0 || (mine !== undefined && mine.egressIds.size > 0),
      startedAt: mine?.startedAt ?? starts.sort()[0] ?? null,
    };
  }

  async #startTrack(room: RoomRef, recording: ActiveRecording, trackSid: string): Promise<void> {
    recording.tracks.add(trackSid);
    const output = trackOutput(this.#destination, this.#fileName, room);
    try {
      const info = await this.#ask('start', room.id, () => this.egress.startTrackEgress(room.id, output, trackSid));
      recording.egressIds.add(info.egressId);
    } catch (error) {
      recording.tracks.delete(trackSid);
      throw error;
    }
  }

  async #stopAll(roomId: string, ids: string[]): Promise<void> {
    let unreachable = false;
    await Promise.all(
      ids.map((id) =>
        this.#ask('stop', roomId, () => this.egress.stopEgress(id)).catch((error: unknown) => {
          // A job that already ended is stopped enough; an Egress that does not answer is not.
          if (!(error instanceof EgressFailure) || !error.clientError) unreachable = true;
        }),
      ),
    );
    if (unreachable) throw new ApiError('RECORDING_UNAVAILABLE', 'The recording service did not answer; try again.');
  }

  /** One bounded call to Egress; any failure becomes `RECORDING_UNAVAILABLE`, logged without request contents. */
  async #ask<T>(what: string, roomId: string, call: () => Promise<T>, timeoutMs = this.#timeoutMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Unreachable()), Math.min(timeoutMs, this.#timeoutMs));
    });
    try {
      return await Promise.race([call(), timeout]);
    } catch (error) {
      const refused = error instanceof ServerError;
      this.logger.warn('recording service call failed', {
        call: what,
        roomId,
        ...(refused ? { status: error.status, code: error.code, reason: error.message } : { reason: 'no answer' }),
      });
      throw new EgressFailure(refused, refused && error.status < 500);
    } finally {
      clearTimeout(timer);
    }
  }
}
