/**
 * Recording and live streaming through LiveKit Egress — Egress does the work, this class asks it to and keeps its
 * reports. It starts a room-composite job (a file, or an RTMP stream) or one track job per published track, stops
 * them, and tells where a room stands.
 *
 * What is remembered, and where: every job in the store (`egress_jobs`), written from Egress' answers, its webhooks
 * (`egress_started/updated/ended`) and its listing. Every instance, and a restart, reads the same record; process
 * memory holds only a 2-second cache of Egress' listing. When in doubt — a host reads the room, a stop, a start that
 * would conflict — the listing (`listEgress`) is asked and written back, so a lost webhook cannot leave a room
 * "recording" for good.
 */
import {
  EgressClient,
  StreamOutput,
  StreamProtocol,
  type EgressInfo,
  type EncodingOptions,
  type EncodingOptionsPreset,
} from 'livekit-server-sdk';
import {
  RECORDING_STATUSES,
  type EgressKind,
  type EgressState,
  type RecordingLayout,
  type RecordingListing,
  type RecordingMode,
} from '../../contract/recording.js';
import { ApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { EgressJobRecord, Store } from '../store/types.js';
import {
  DEFAULT_START_TIMEOUT_MS,
  DEFAULT_STOP_TIMEOUT_MS,
  validateRecordingOptions,
  withEnvCredentials,
  type RecordingDestination,
  type RecordingOptions,
} from './config.js';
import { askEgress, EgressFailure } from './egress-calls.js';
import { compositeEncoding } from './encoding.js';
import { egressState, isRunning, jobRecord } from './jobs.js';
import { compositeOutput, EGRESS_LAYOUTS, trackOutput } from './outputs.js';
import { statusOf, summarize } from './summary.js';

export interface RoomRef {
  id: string;
  code: string;
}

/** What a start answers: the jobs Egress took. */
export interface StartedEgress {
  mode: RecordingMode;
  layout: RecordingLayout | null;
  startedAt: string;
  egressIds: string[];
}

/** Where a room stands: its recording and its stream, and (for hosts) Egress' listing of its files. */
export interface EgressRoomState {
  recording: EgressState;
  stream: EgressState;
  listing: RecordingListing | null;
}

/** How long a listing is reused, so a busy host panel does not ask Egress on every read. */
const LISTING_MAX_AGE_MS = 2000;
/** How long a room read waits for Egress' listing before it goes by the store alone. */
const LIST_TIMEOUT_MS = 1500;

export class Recorder {
  readonly egress: EgressClient;
  readonly #destination: RecordingDestination;
  readonly #fileName: string | undefined;
  readonly #encoding: EncodingOptions | EncodingOptionsPreset | undefined;
  /** Our recorder page (Egress' `customBaseUrl`), or undefined for LiveKit's default template. */
  readonly #customBaseUrl: string | undefined;
  readonly #startTimeoutMs: number;
  readonly #stopTimeoutMs: number;
  /**
   * How long a start's claim lasts if it is never given back (the process died mid-start): longer than any start
   * takes (a listing, and per-track jobs each within the start timeout).
   */
  readonly #startClaimMs: number;
  readonly #listings = new Map<string, { at: number; listing: RecordingListing }>();

  constructor(
    options: RecordingOptions,
    apiUrl: string,
    credentials: { apiKey: string; apiSecret: string },
    private readonly store: Store,
    private readonly logger: Logger,
    env: Record<string, string | undefined> = process.env,
  ) {
    validateRecordingOptions(options);
    this.#destination = withEnvCredentials(options.destination, env);
    this.#fileName = options.fileName;
    this.#encoding = compositeEncoding(options.encoding);
    this.#customBaseUrl = options.recorderPage?.url;
    this.#startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    this.#stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
    this.#startClaimMs = 2 * LIST_TIMEOUT_MS + 10 * this.#startTimeoutMs;
    // The SDK's own limit must not cut a call short of ours; ours decides.
    const longest = Math.max(this.#startTimeoutMs, this.#stopTimeoutMs, LIST_TIMEOUT_MS);
    this.egress = new EgressClient(options.egressUrl ?? apiUrl, credentials.apiKey, credentials.apiSecret, {
      requestTimeout: Math.ceil(longest / 1000) + 1,
    });
  }

  /**
   * Starts recording `room`. `publishedTracks` lists the call's tracks (tracks mode). `CONFLICT` when the room is
   * being recorded already (by any instance), `RECORDING_UNAVAILABLE` when Egress does not take the job.
   */
  async start(
    room: RoomRef,
    request: { mode: RecordingMode; layout: RecordingLayout },
    publishedTracks: () => Promise<string[]>,
  ): Promise<StartedEgress> {
    return this.#exclusive(room.id, 'recording', async () => {
      const startedAt = new Date().toISOString();
      if (request.mode === 'composite') {
        const file = compositeOutput(this.#destination, this.#fileName, room);
        const info = await this.#ask('start', room.id, () =>
          this.egress.startRoomCompositeEgress(room.id, { file }, this.#compositeOptions(request.layout)),
        );
        await this.#save(info, room.id, { kind: 'recording', mode: 'composite', layout: request.layout });
        return { mode: 'composite', layout: request.layout, startedAt, egressIds: [info.egressId] };
      }
      const tracks = await publishedTracks();
      if (tracks.length === 0) {
        throw new ApiError('CONFLICT', 'Nothing is published yet; record per track once a camera or mic is on.');
      }
      const ids: string[] = [];
      try {
        for (const trackSid of tracks) ids.push(await this.#startTrack(room, trackSid));
      } catch (error) {
        await this.#stopIds(room.id, ids).catch(() => {});
        throw error;
      }
      return { mode: 'tracks', layout: null, startedAt, egressIds: ids };
    });
  }

  /** Streams the call's composite view to `url` (RTMP/RTMPS, key included). The URL is sent to Egress only. */
  async startStream(room: RoomRef, request: { url: string; layout: RecordingLayout }): Promise<StartedEgress> {
    return this.#exclusive(room.id, 'stream', async () => {
      const startedAt = new Date().toISOString();
      const stream = new StreamOutput({ protocol: StreamProtocol.RTMP, urls: [request.url] });
      // RTMP carries H.264 and AAC only, so a stream keeps Egress' default encoding whatever recordings use.
      const info = await this.#ask('start stream', room.id, () =>
        this.egress.startRoomCompositeEgress(room.id, { stream }, this.#compositeOptions(request.layout, false)),
      );
      await this.#save(info, room.id, { kind: 'stream', mode: 'composite', layout: request.layout });
      return { mode: 'composite', layout: request.layout, startedAt, egressIds: [info.egressId] };
    });
  }

  /** Tracks mode: a track published after the start gets its own job, once. Best effort; a failure is logged. */
  async trackPublished(room: RoomRef, trackSid: string): Promise<void> {
    const jobs = await this.store.listEgressJobs(room.id, 'recording');
    const recording = jobs.filter(isRunning);
    if (recording.length === 0 || recording.some((job) => job.mode !== 'tracks')) return;
    if (jobs.some((job) => job.trackSid === trackSid)) return;
    await this.#startTrack(room, trackSid).catch(() => {});
  }

  /**
   * Stops every running job of one kind: those in the store and those Egress lists. A job that had already ended is
   * stopped enough. Returns the ids stopped; `RECORDING_UNAVAILABLE` when Egress did not answer for one.
   */
  async stop(roomId: string, kind: EgressKind): Promise<string[]> {
    await this.#reconcile(roomId, LIST_TIMEOUT_MS, true).catch(() => {});
    const ids = (await this.store.listEgressJobs(roomId, kind)).filter(isRunning).map((job) => job.egressId);
    await this.#stopIds(roomId, ids);
    if (ids.length > 0) this.logger.info('egress stopped', { roomId, kind, jobs: ids.length });
    return ids;
  }

  /** Stops recording and streaming for the call's end (end for all, room empty): never throws, logs what failed. */
  async stopQuietly(roomId: string): Promise<void> {
    if (!(await this.running(roomId))) return;
    for (const kind of ['recording', 'stream'] as const) await this.stop(roomId, kind).catch(() => {});
  }

  /** Whether anything records or streams the room, as the store has it. */
  async running(roomId: string): Promise<boolean> {
    return (await this.store.listEgressJobs(roomId)).some(isRunning);
  }

  /** A webhook's `egressInfo`: kept as Egress reported it. Returns the job's kind. */
  async report(info: EgressInfo, roomId: string): Promise<EgressKind> {
    const record = await this.#save(info, roomId);
    if (record.error) this.logger.warn('egress job failed', { roomId, egressId: info.egressId, reason: record.error });
    return record.kind;
  }

  /**
   * The room's recording and stream for a host or anyone else. With `listing`, Egress' listing is asked (reused for
   * 2 s), written back to the store and returned — what a host's room read does.
   */
  async state(roomId: string, forHost: boolean, listing = false): Promise<EgressRoomState> {
    const listed = listing ? await this.#reconcile(roomId, LIST_TIMEOUT_MS, false) : null;
    const jobs = await this.store.listEgressJobs(roomId);
    return {
      recording: egressState(
        jobs.filter((job) => job.kind === 'recording'),
        forHost,
      ),
      stream: egressState(
        jobs.filter((job) => job.kind === 'stream'),
        forHost,
      ),
      listing: listed,
    };
  }

  /**
   * Runs a start unless the room already records (or streams) — by this or any instance, as the store says. Two
   * starts at once (two hosts, two instances) are one: each first claims the start in the store's atomic counters,
   * and only the first claim in the window goes on. The claim is given back when the start is over; if the process
   * dies mid-start, it lapses after the window.
   */
  async #exclusive(roomId: string, kind: EgressKind, start: () => Promise<StartedEgress>): Promise<StartedEgress> {
    const busy = new ApiError(
      'CONFLICT',
      kind === 'recording' ? 'This room is already being recorded.' : 'This room is already streaming.',
    );
    const claim = `egress-start:${roomId}:${kind}`;
    const { count } = await this.store.hitCounter(claim, this.#startClaimMs, Date.now());
    if (count > 1) throw busy;
    try {
      const runs = async () => (await this.store.listEgressJobs(roomId, kind)).some(isRunning);
      if (await runs()) {
        // The store may have missed a job's end (a lost webhook): ask Egress before refusing.
        await this.#reconcile(roomId, LIST_TIMEOUT_MS, true);
        if (await runs()) throw busy;
      }
      const started = await start();
      this.#listings.delete(roomId);
      this.logger.info('egress started', { roomId, kind, mode: started.mode, jobs: started.egressIds.length });
      return started;
    } finally {
      await this.store.dropCounter(claim).catch((error: unknown) => {
        this.logger.warn('could not give back an egress start claim; it lapses by itself', { roomId, error });
      });
    }
  }

  /** A composite's options: the layout, our page when there is one, and (files only) the encoding. */
  #compositeOptions(layout: RecordingLayout, withEncoding = true) {
    return {
      layout: EGRESS_LAYOUTS[layout],
      ...(withEncoding && this.#encoding ? { encodingOptions: this.#encoding } : {}),
      ...(this.#customBaseUrl ? { customBaseUrl: this.#customBaseUrl } : {}),
    };
  }

  async #startTrack(room: RoomRef, trackSid: string): Promise<string> {
    const output = trackOutput(this.#destination, this.#fileName, room);
    const info = await this.#ask('start', room.id, () => this.egress.startTrackEgress(room.id, output, trackSid));
    await this.#save(info, room.id, { kind: 'recording', mode: 'tracks', layout: null, trackSid });
    return info.egressId;
  }

  async #stopIds(roomId: string, ids: string[]): Promise<void> {
    let unanswered = false;
    await Promise.all(
      ids.map(async (id) => {
        try {
          const info = await this.#ask('stop', roomId, () => this.egress.stopEgress(id), this.#stopTimeoutMs);
          await this.#save(info, roomId);
        } catch (error) {
          if (error instanceof EgressFailure && error.alreadyEnded) await this.#settleEnded(roomId, id, error.detail);
          else unanswered = true;
        }
      }),
    );
    this.#listings.delete(roomId);
    if (unanswered) throw new ApiError('RECORDING_UNAVAILABLE', 'The recording service did not answer; try again.');
  }

  /**
   * A stop found the job over: keep Egress' own final word (its listing of the job: status, error), or else the
   * status its refusal names ("egress with status EGRESS_FAILED cannot be stopped"), or at least that it ended.
   */
  async #settleEnded(roomId: string, egressId: string, refusal: string | null): Promise<void> {
    const listed = await this.#ask('list', roomId, () => this.egress.listEgress({ egressId }), LIST_TIMEOUT_MS).catch(
      () => [] as EgressInfo[],
    );
    const info = listed.find((item) => item.egressId === egressId);
    if (info && !isRunning({ status: statusOf(info) })) {
      await this.#save(info, roomId);
      return;
    }
    const known = (await this.store.listEgressJobs(roomId)).find((job) => job.egressId === egressId);
    if (!known) return;
    const named = /EGRESS_([A-Z_]+)/.exec(refusal ?? '')?.[1]?.toLowerCase();
    const status = RECORDING_STATUSES.find((s) => s === named && !isRunning({ status: s })) ?? 'complete';
    const now = new Date().toISOString();
    await this.store.saveEgressJob({ ...known, status, endedAt: known.endedAt ?? now, updatedAt: now });
  }

  /**
   * Asks Egress for the room's jobs (reused for 2 s unless `fresh`) and writes them to the store; a job the store has
   * running that Egress no longer lists is over. Returns the hosts' listing (`available: false` when Egress could not
   * be asked, which is not an error: the store still answers).
   */
  async #reconcile(roomId: string, timeoutMs: number, fresh: boolean): Promise<RecordingListing> {
    const cached = this.#listings.get(roomId);
    if (cached && !fresh && Date.now() - cached.at < LISTING_MAX_AGE_MS) return cached.listing;
    let listing: RecordingListing;
    try {
      const infos = await this.#ask('list', roomId, () => this.egress.listEgress({ roomName: roomId }), timeoutMs);
      for (const info of infos) await this.#save(info, roomId);
      const listed = new Set(infos.map((info) => info.egressId));
      const now = new Date().toISOString();
      for (const job of await this.store.listEgressJobs(roomId)) {
        if (!isRunning(job) || listed.has(job.egressId)) continue;
        await this.store.saveEgressJob({
          ...job,
          status: 'aborted',
          error: job.error ?? 'LiveKit Egress no longer lists this job.',
          endedAt: now,
          updatedAt: now,
        });
      }
      listing = { available: true, items: infos.map(summarize) };
    } catch {
      listing = { available: false, items: [] };
    }
    this.#listings.set(roomId, { at: Date.now(), listing });
    return listing;
  }

  async #save(info: EgressInfo, roomId: string, known?: Parameters<typeof jobRecord>[3]): Promise<EgressJobRecord> {
    const record = jobRecord(info, roomId, new Date().toISOString(), known);
    await this.store.saveEgressJob(record);
    return record;
  }

  #ask<T>(what: string, roomId: string, call: () => Promise<T>, timeoutMs = this.#startTimeoutMs): Promise<T> {
    return askEgress(this.logger, what, roomId, call, timeoutMs);
  }
}
