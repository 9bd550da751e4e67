/**
 * Background blur or image on the camera in use: the pre-join preview's, or the call's published one. Loaded (with
 * track-processors and the segmentation) only once someone turns it on: see `LocalMedia.setBackground`.
 */
import { ProcessorWrapper } from '@livekit/track-processors';
import type { LocalVideoTrack } from 'livekit-client';
import { BACKGROUND_KEY } from '../background-choice.js';
import { canProcessBackground } from '../background-support.js';
import type { CallConnection } from '../call.js';
import { defaultStorage, type KeyValueStorage } from '../credential-store.js';
import type { PreviewMedia } from '../preview.js';
import { mediaError } from '../session-errors.js';
import type { BackgroundChoice, RoomSnapshot } from '../snapshot.js';
import type { SnapshotUpdate } from '../store.js';
import { SegmentationTransformer, type BackgroundOptions } from './segmentation-transformer.js';

/** What of the session (`LocalMedia`, session-media.ts) the background needs; its protected parts, seen from here. */
export interface BackgroundHost {
  readonly snapshot: RoomSnapshot;
  update(update: SnapshotUpdate): void;
  readonly connection: CallConnection | null;
  readonly disposed: boolean;
}

/** Sessions whose remembered choice was read: once, before the first change. */
const restored = new WeakSet<BackgroundHost>();

/** The remembered choice, or 'none' (nothing remembered, or something this version does not understand). */
export function remembered(storage: KeyValueStorage): BackgroundChoice {
  try {
    const value = JSON.parse(storage.getItem(BACKGROUND_KEY) ?? '"none"') as unknown;
    if (value === 'blur') return value;
    const image = (value as { image?: unknown } | null)?.image;
    return typeof image === 'string' ? { image } : 'none';
  } catch {
    return 'none';
  }
}

/** 'none' is remembered as nothing, so that the next visit loads none of this. */
function rememberChoice(storage: KeyValueStorage, choice: BackgroundChoice): void {
  try {
    if (choice === 'none') storage.removeItem(BACKGROUND_KEY);
    else storage.setItem(BACKGROUND_KEY, JSON.stringify(choice));
  } catch {
    // Blocked mid-session: the choice still holds for this page.
  }
}

/** Each session's changes run one after another, each with the choice of its moment: a quick None→Blur→None ends off. */
const queues = new WeakMap<BackgroundHost, Promise<void>>();

/**
 * Puts the session's background choice on the camera in use: the call's published one once in the call, else the
 * pre-join preview's. `remember` keeps the choice for the next visit. Failures land in `snapshot.error`.
 */
export function applyBackground(host: BackgroundHost, preview: PreviewMedia, remember?: boolean): Promise<void> {
  const storage = defaultStorage();
  if (remember) rememberChoice(storage, host.snapshot.background);
  else if (!restored.has(host)) host.update({ background: remembered(storage) });
  restored.add(host);
  // Where the browser cannot process video, the option is not offered; a page calling anyway changes nothing.
  if (!canProcessBackground()) return Promise.resolve();
  const next = (queues.get(host) ?? Promise.resolve())
    .then(async () => {
      if (host.disposed) return;
      const choice = host.snapshot.background;
      if (host.connection) await applyToCamera(host.connection.localCamera?.() ?? null, choice);
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
  track: MediaStreamTrack;
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
  return { source: camera, track, update: (next) => processor.updateTransformerOptions({ choice: next }), stop };
}
