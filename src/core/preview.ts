import type { ProcessedPreview } from './background/background.js';
import { meterMicrophone, requestMedia, stopStream, type MediaAccess, type MediaRequest } from './devices.js';

/**
 * The pre-join camera preview and microphone meter: one local stream shown in any number of video elements, released
 * as soon as the call publishes its own tracks or the session is disposed.
 */
export class PreviewMedia {
  #stream: MediaStream | null = null;
  readonly #elements = new Set<HTMLVideoElement>();
  readonly #levelListeners = new Set<(level: number) => void>();
  #stopMeter: (() => void) | null = null;
  /** The camera with its background processed (blur, image), shown instead of the stream's own video; or null. */
  #processed: ProcessedPreview | null = null;
  #wanted = false;
  // Bumped by every open/stop so a slow getUserMedia that resolves late cannot resurrect a stopped preview.
  #generation = 0;

  /** Whether the user asked for devices (so toggles and device changes should reopen the preview). */
  get wanted(): boolean {
    return this.#wanted;
  }

  get stream(): MediaStream | null {
    return this.#stream;
  }

  /** Shows a processed copy of the camera instead of it (or the camera again, given null), until the stream goes. */
  showProcessed(processed: ProcessedPreview | null): void {
    void this.#processed?.stop();
    this.#processed = processed;
    this.#render();
  }

  async open(request: MediaRequest): Promise<MediaAccess> {
    this.#wanted = true;
    const generation = ++this.#generation;
    stopStream(this.#detach());
    const access = await requestMedia(request);
    if (generation !== this.#generation) {
      stopStream(access.stream);
      return access;
    }
    this.#stream = access.stream;
    this.#render();
    this.#startMeter();
    return access;
  }

  /** Releases camera and microphone (the indicator light goes off). */
  stop(): void {
    stopStream(this.take());
  }

  /**
   * Hands the open stream over, its tracks still live (the call publishes them as they are: no second getUserMedia,
   * no camera light going off and on): the preview lets go of it, shows it nowhere and meters it no more.
   */
  take(): MediaStream | null {
    this.#generation += 1;
    this.#wanted = false;
    return this.#detach();
  }

  attach(element: HTMLVideoElement): () => void {
    this.#elements.add(element);
    this.#show(element);
    return () => {
      this.#elements.delete(element);
      if (this.#stream && element.srcObject === this.#stream) element.srcObject = null;
    };
  }

  observeLevel(listener: (level: number) => void): () => void {
    this.#levelListeners.add(listener);
    this.#startMeter();
    return () => {
      this.#levelListeners.delete(listener);
      if (this.#levelListeners.size === 0) this.#stopMeterNow();
    };
  }

  dispose(): void {
    this.stop();
    this.#levelListeners.clear();
    this.#elements.clear();
  }

  /** Lets go of the stream without stopping it; the caller stops it or passes it on. */
  #detach(): MediaStream | null {
    this.#stopMeterNow();
    // The processed copy ends here (the elements show the stream again, just below let go of); the camera itself stays
    // live for whoever takes it.
    this.showProcessed(null);
    const stream = this.#stream;
    this.#stream = null;
    for (const element of this.#elements) {
      if (stream && element.srcObject === stream) element.srcObject = null;
    }
    return stream;
  }

  #render(): void {
    for (const element of this.#elements) this.#show(element);
  }

  #show(element: HTMLVideoElement): void {
    if (!this.#stream) return;
    // Muted: the preview must never play the user's own microphone back to them.
    element.muted = true;
    element.playsInline = true;
    element.srcObject = this.#processed?.stream ?? this.#stream;
    void element.play?.()?.catch(() => {});
  }

  #startMeter(): void {
    if (this.#stopMeter || !this.#stream || this.#levelListeners.size === 0) return;
    this.#stopMeter = meterMicrophone(this.#stream, (level) => {
      for (const listener of this.#levelListeners) listener(level);
    });
  }

  #stopMeterNow(): void {
    this.#stopMeter?.();
    this.#stopMeter = null;
  }
}
