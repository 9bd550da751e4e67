import { canPublish } from '../contract/roles.js';
import type { CallConnection } from './call.js';
import { listDevices, queryPermission, stopStream } from './devices.js';
import { PreviewMedia } from './preview.js';
import { mediaError } from './session-errors.js';
import { SessionCore } from './session-core.js';
import type { BackgroundChoice, PermissionState } from './snapshot.js';

/**
 * The session's local media and devices: microphone, camera and screen share wishes, device choice, the pre-join
 * preview and its level meter, and the first publish when the call connects. Before the call it drives the preview;
 * in the call, the connection.
 * A layer of `RoomSession` (see session-core.ts).
 */
export class LocalMedia extends SessionCore {
  readonly #preview = new PreviewMedia();
  /**
   * Views that asked for a track before the connection existed: the roster can arrive while connecting, and a view
   * outside the room (`<hashdrop-stage for>`) renders it then. They are attached once the connection is set.
   */
  readonly #waiting = new Set<{ trackSid: string; element: HTMLMediaElement; detach: (() => void) | null }>();
  #screenSharePending = false;
  /** The background processing, loaded when someone first turns it on; from then on it follows the camera itself. */
  #background: Promise<typeof import('./background/background.js')> | null = null;

  /** A screen share start or stop is under way (the picker may be open): the roster does not override the wish. */
  protected get screenSharePending(): boolean {
    return this.#screenSharePending;
  }

  async setMicrophoneEnabled(enabled: boolean): Promise<void> {
    if (this.disposed) return;
    // Turning it on answers a host's request to unmute as well.
    this.update(enabled ? { micEnabled: true, unmuteRequested: false } : { micEnabled: false });
    await this.#apply('audioinput', enabled);
  }

  async answerUnmuteRequest(accept: boolean): Promise<void> {
    if (this.disposed || !this.snapshot.unmuteRequested) return;
    if (accept) await this.setMicrophoneEnabled(true);
    else this.update({ unmuteRequested: false });
  }

  async setCameraEnabled(enabled: boolean): Promise<void> {
    if (this.disposed) return;
    this.update({ cameraEnabled: enabled });
    await this.#apply('videoinput', enabled);
  }

  async setScreenShareEnabled(enabled: boolean): Promise<void> {
    const connection = this.connection;
    if (this.disposed || !connection) return;
    this.update({ screenSharing: enabled });
    this.#screenSharePending = true;
    try {
      const sharing = await connection.setScreenShareEnabled(enabled);
      this.#screenSharePending = false;
      if (this.connection === connection) this.update({ screenSharing: sharing });
    } catch (error) {
      this.#screenSharePending = false;
      // A cancelled picker rejects too (NotAllowedError): that is a choice, not an error to show.
      const cancelled = error instanceof Error && error.name === 'NotAllowedError';
      this.update(cancelled ? { screenSharing: false } : { screenSharing: false, error: mediaError(error) });
    }
  }

  setBackground(choice: BackgroundChoice): Promise<void> {
    this.update({ background: choice });
    return (this.#background ??= import('./background/background.js')).then(
      (module) => module.applyBackground(this as never, this.#preview),
      (error: unknown) => {
        // The chunk did not load (offline?): the next choice tries again.
        this.#background = null;
        this.update({ error: mediaError(error) });
      },
    );
  }

  async selectCamera(deviceId: string): Promise<void> {
    if (this.disposed) return;
    this.update((s) => ({ devices: { ...s.devices, selectedCamera: deviceId } }));
    await this.#switchDevice('videoinput', deviceId);
  }

  async selectMicrophone(deviceId: string): Promise<void> {
    if (this.disposed) return;
    this.update((s) => ({ devices: { ...s.devices, selectedMicrophone: deviceId } }));
    await this.#switchDevice('audioinput', deviceId);
  }

  async requestDevices(): Promise<void> {
    if (this.disposed || this.snapshot.error?.code === 'BROWSER_UNSUPPORTED') return;
    if (this.connection) {
      // In the call LiveKit already holds the devices: refresh the lists, never open a second capture.
      const lists = await listDevices().catch(() => null);
      if (lists) this.update((s) => ({ devices: { ...s.devices, ...lists } }));
      return;
    }
    await this.#openPreview();
  }

  attach(trackSid: string, element: HTMLMediaElement): () => void {
    if (this.connection) return this.connection.attach(trackSid, element);
    const waiting = { trackSid, element, detach: null as (() => void) | null };
    this.#waiting.add(waiting);
    return () => {
      this.#waiting.delete(waiting);
      waiting.detach?.();
    };
  }

  /** Attaches what views asked for while there was no connection (call once the connection is set). */
  protected attachWaiting(connection: CallConnection): void {
    for (const waiting of this.#waiting) waiting.detach = connection.attach(waiting.trackSid, waiting.element);
    this.#waiting.clear();
  }

  attachPreview(element: HTMLVideoElement): () => void {
    return this.#preview.attach(element);
  }

  observeMicLevel(listener: (level: number) => void): () => void {
    return this.#preview.observeLevel(listener);
  }

  /** Publishes the wished tracks once connected (the audience publishes nothing); `current` says the call still is. */
  protected async publishInitial(connection: CallConnection, current: () => boolean): Promise<void> {
    const s = this.snapshot;
    // The preview's tracks go to the call (opened since pre-join, published as they are); the preview lets them go.
    const preview = this.#preview.take();
    if (!canPublish(s.role ?? 'participant')) {
      // The audience receives only; if promoted later, they turn their devices on themselves.
      stopStream(preview);
      this.update({ micEnabled: false, cameraEnabled: false });
      return;
    }
    if (s.room?.policy.audioOnly && s.cameraEnabled) this.update({ cameraEnabled: false });
    if (!s.micEnabled && !this.snapshot.cameraEnabled) return stopStream(preview);
    try {
      await connection.publish({
        audio: s.micEnabled,
        video: this.snapshot.cameraEnabled,
        microphoneDeviceId: s.devices.selectedMicrophone,
        cameraDeviceId: s.devices.selectedCamera,
        preview,
        background: s.background,
      });
    } catch (error) {
      if (current()) this.update({ error: mediaError(error) });
    }
  }

  /** Releases the preview's camera and microphone (the call took over, or it ended). */
  protected stopPreview(): void {
    this.#preview.stop();
  }

  /** Stops the preview for good (the session is being disposed). */
  dispose(): void {
    this.#preview.dispose();
  }

  async #apply(kind: 'audioinput' | 'videoinput', enabled: boolean): Promise<void> {
    const connection = this.connection;
    if (connection) {
      const devices = this.snapshot.devices;
      try {
        if (kind === 'audioinput') await connection.setMicrophoneEnabled(enabled, devices.selectedMicrophone);
        else await connection.setCameraEnabled(enabled, devices.selectedCamera, this.snapshot.background);
      } catch (error) {
        // Put the toggle back: the snapshot must say what is really happening.
        this.update(
          kind === 'audioinput'
            ? { micEnabled: !enabled, error: mediaError(error) }
            : { cameraEnabled: !enabled, error: mediaError(error) },
        );
      }
    } else if (this.#preview.wanted) {
      await this.#openPreview();
    }
  }

  async #switchDevice(kind: 'audioinput' | 'videoinput', deviceId: string): Promise<void> {
    const connection = this.connection;
    try {
      if (connection) await connection.switchDevice(kind, deviceId);
      else if (this.#preview.wanted) await this.#openPreview();
    } catch (error) {
      this.update({ error: mediaError(error) });
    }
  }

  /** (Re)opens the preview with the current wishes and devices, then refreshes permissions and device lists. */
  async #openPreview(): Promise<void> {
    const s = this.snapshot;
    const access = await this.#preview.open({
      video: s.cameraEnabled ? (s.devices.selectedCamera ?? true) : false,
      audio: s.micEnabled ? (s.devices.selectedMicrophone ?? true) : false,
    });
    if (this.disposed) return;
    const [camera, microphone, lists] = await Promise.all([
      known(access.camera, 'camera'),
      known(access.microphone, 'microphone'),
      listDevices().catch(() => ({ cameras: [], microphones: [], speakers: [] })),
    ]);
    const stream = access.stream;
    const inUse = (kind: 'video' | 'audio') =>
      (kind === 'video' ? stream?.getVideoTracks() : stream?.getAudioTracks())?.[0]?.getSettings().deviceId ?? null;
    this.update((current) => ({
      devices: {
        ...current.devices,
        ...lists,
        cameraPermission: camera,
        microphonePermission: microphone,
        selectedCamera: current.devices.selectedCamera ?? inUse('video') ?? lists.cameras[0]?.deviceId ?? null,
        selectedMicrophone:
          current.devices.selectedMicrophone ?? inUse('audio') ?? lists.microphones[0]?.deviceId ?? null,
      },
    }));
  }
}

/** A permission we did not just learn from getUserMedia (the kind was off): ask the Permissions API instead. */
async function known(state: PermissionState, kind: 'camera' | 'microphone'): Promise<PermissionState> {
  return state === 'unknown' ? queryPermission(kind) : state;
}
