/**
 * Background blur or image on the camera in use: the pre-join preview's, or the call's published one. Loaded (with
 * track-processors and the segmentation) only once someone turns it on: see `LocalMedia.setBackground`.
 */
import { ProcessorWrapper } from '@livekit/track-processors';
import type { LocalVideoTrack } from 'livekit-client';
import { rememberBackground } from '../background-choice.js';
import { canProcessBackground } from '../background-support.js';
import type { CallConnection } from '../call.js';
import type { PreviewMedia } from '../preview.js';
import { mediaError } from '../session-errors.js';
import type { BackgroundChoice, RoomSnapshot } from '../snapshot.js';
import type { SnapshotUpdate } from '../store.js';
import { SegmentationTransformer, type BackgroundOptions } from './segmentation-transformer.js';

/** What of the session (`LocalMedia`, session-media.ts) the background needs; its protected parts, seen from here. */
export interface BackgroundHost {
  readonly snapshot: RoomSnapshot;
  update(update: SnapshotUpdate): void;
  subscribe(listener: () => void): () => void;
  readonly connection: CallConnection | null;
  readonly disposed: boolean;
}

/** Each session's changes run one after another, each with the choice of its moment: a quick None→Blur→None ends off. */
const queues = new WeakMap<BackgroundHost, Promise<void>>();
/** The camera track each session's choice was last put on (the preview's, then the call's). */
const applied = new WeakMap<BackgroundHost, unknown>();

/**
 * Puts the session's (new) background choice on the camera in use and remembers it for the next visit; from the first
 * call on, follows the camera: a reopened preview (another device, camera off and on), the call's published camera,
 * one turned on later in the call. The session calls nothing else: its up-front code stays this one call. Failures
 * land in `snapshot.error`. Where the browser cannot process video the option is not offered; a page calling anyway
 * changes nothing but the snapshot.
 */
export function applyBackground(host: BackgroundHost, preview: PreviewMedia): Promise<void> {
  rememberBackground(host.snapshot.background);
  if (!canProcessBackground()) return Promise.resolve();
  if (!applied.has(host)) {
    applied.set(host, null);
    // Every change of the snapshot is a chance the camera changed (the preview reopens, the call publishes): cheap
    // to check, and nothing to hook into the session for it.
    host.subscribe(() => {
      if (!host.disposed && camera(host, preview) !== applied.get(host)) void enqueue(host, preview);
    });
  }
  return enqueue(host, preview);
}

/** The camera in use: the call's published one once in the call, else the preview's. */
function camera(host: BackgroundHost, preview: PreviewMedia): MediaStreamTrack | LocalVideoTrack | null {
  return host.connection ? (host.connection.localCamera?.() ?? null) : (preview.stream?.getVideoTracks()[0] ?? null);
}

function enqueue(host: BackgroundHost, preview: PreviewMedia): Promise<void> {
  const next = (queues.get(host) ?? Promise.resolve())
    .then(async () => {
      if (host.disposed) return;
      const choice = host.snapshot.background;
      const track = camera(host, preview);
      applied.set(host, track);
      if (host.connection) await applyToCamera(track as LocalVideoTrack | null, choice);
      else await applyToPreview(preview, choice);
    })
    .catch((error: unknown) => host.update({ error: mediaError(error) }));
  queues.set(host, next);
  return next;
}

/** The processor's name on a track, so a later choice updates ours instead of stacking another. */
const NAME = 'hashdrop-background';

type BackgroundProcessor = ProcessorWrapper<BackgroundOptions>;

function createProcessor(choice: BackgroundChoice): BackgroundProcessor {
  return new ProcessorWrapper(new SegmentationTransformer(choice), NAME);
}

/**
 * The published camera: LiveKit swaps the processed track in for the sender and keeps the processor through mutes and
 * device switches (it restarts it on the new capture). The camera itself is left as it is (no new constraints).
 */
async function applyToCamera(track: LocalVideoTrack | null, choice: BackgroundChoice): Promise<void> {
  if (!track) return;
  const current = track.getProcessor() as BackgroundProcessor | undefined;
  if (choice === 'none') {
    if (current) await track.stopProcessor();
  } else if (current?.name === NAME) {
    await current.updateTransformerOptions({ choice });
  } else {
    await track.setProcessor(createProcessor(choice));
  }
}

/** The call's adopted camera, before it is published (livekit-connection.ts): no frame leaves unprocessed. */
export async function processBeforePublish(track: LocalVideoTrack, choice: BackgroundChoice): Promise<void> {
  if (canProcessBackground()) await applyToCamera(track, choice);
}

/** A processed copy of a preview camera track, shown instead of it; `stop` ends the copy and leaves the camera live. */
export interface ProcessedPreview {
  /** The camera track it processes. */
  source: MediaStreamTrack;
  /** The processed video alone, for the preview's video elements. */
  stream: MediaStream;
  update(choice: BackgroundChoice): Promise<void>;
  stop(): Promise<void>;
}

/** The pre-join preview: a processed copy of its camera is shown; the call later takes the camera itself. */
async function applyToPreview(preview: PreviewMedia, choice: BackgroundChoice): Promise<void> {
  const camera = preview.stream?.getVideoTracks()[0];
  const shown = shownPreviews.get(preview);
  if (choice === 'none' || !camera) return show(preview, null);
  if (shown?.source === camera) return shown.update(choice);
  const processed = await processPreview(camera, choice);
  // The preview moved on while the processing started (another camera, or the call took it): this copy is late.
  if (preview.stream?.getVideoTracks()[0] === camera) show(preview, processed);
  else await processed.stop();
}

/** What each preview shows (the preview itself stops it when its stream goes; a stopped copy is never updated). */
const shownPreviews = new WeakMap<PreviewMedia, ProcessedPreview>();

function show(preview: PreviewMedia, processed: ProcessedPreview | null): void {
  if (processed) shownPreviews.set(preview, processed);
  else shownPreviews.delete(preview);
  preview.showProcessed(processed);
}

async function processPreview(camera: MediaStreamTrack, choice: BackgroundChoice): Promise<ProcessedPreview> {
  const processor = createProcessor(choice);
  // The processor reads the camera through a video element of its own (as LiveKit's setProcessor gives it one).
  const element = document.createElement('video');
  element.muted = true;
  element.playsInline = true;
  element.srcObject = new MediaStream([camera]);
  await element.play().catch(() => {});
  await processor.init({ kind: 'video' as never, track: camera, element });
  const stop = async () => {
    await processor.destroy();
    processor.processedTrack?.stop();
    element.srcObject = null;
  };
  const track = processor.processedTrack;
  if (!track) {
    await stop();
    throw new Error('The background processing produced no video.');
  }
  return {
    source: camera,
    stream: new MediaStream([track]),
    update: (next) => processor.updateTransformerOptions({ choice: next }),
    stop,
  };
}
