import type { CreateRoomRequest, ParticipantAction, Reaction, RoomPolicy } from '../contract/index.js';
import type { RecordingLayout, RecordingMode } from '../contract/recording.js';
import type { RoomSessionApi, SnapshotListener } from '../core/session-api.js';
import { INITIAL_SNAPSHOT, type BackgroundChoice, type RoomSnapshot } from '../core/snapshot.js';

export interface RecordedCall {
  action: string;
  args: unknown[];
}

/**
 * A `RoomSessionApi` over a plain snapshot that a test or story sets by hand. It performs no media or network work:
 * actions are recorded in `calls` (and passed to `onAction`, where a story may move the snapshot along), and
 * `attach`/`attachPreview` put a MediaStream from `streams` (by track sid, `'preview'` for the preview) on the element.
 * For unit tests and Storybook only; end-to-end tests use the real `RoomSession`.
 */
export class SnapshotSession implements RoomSessionApi {
  readonly calls: RecordedCall[] = [];
  /** Streams for `attach(sid)` / `attachPreview()` (key `'preview'`). */
  readonly streams = new Map<string, MediaStream>();
  /** Elements currently attached, by sid (`'preview'` for the preview). */
  readonly attached = new Map<string, HTMLMediaElement>();
  onAction: ((call: RecordedCall, session: SnapshotSession) => void) | null = null;
  disposed = false;

  #snapshot: RoomSnapshot;
  #listeners = new Set<SnapshotListener>();

  constructor(snapshot: RoomSnapshot = INITIAL_SNAPSHOT) {
    this.#snapshot = snapshot;
  }

  get snapshot(): RoomSnapshot {
    return this.#snapshot;
  }

  /** Replace the snapshot (or merge a patch into a new one) and notify subscribers. */
  set snapshot(next: RoomSnapshot) {
    const previous = this.#snapshot;
    this.#snapshot = Object.freeze({ ...next });
    for (const listener of [...this.#listeners]) listener(this.#snapshot, previous);
  }

  update(patch: Partial<RoomSnapshot>): void {
    this.snapshot = { ...this.#snapshot, ...patch };
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  subscribe(listener: SnapshotListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The recorded calls of one action. */
  callsOf(action: string): unknown[][] {
    return this.calls.filter((c) => c.action === action).map((c) => c.args);
  }

  #record(action: string, ...args: unknown[]): Promise<void> {
    const call = { action, args };
    this.calls.push(call);
    this.onAction?.(call, this);
    return Promise.resolve();
  }

  prepare(roomRef: string) {
    return this.#record('prepare', roomRef);
  }
  createRoom(options?: CreateRoomRequest) {
    return this.#record('createRoom', options);
  }
  join(displayName: string) {
    return this.#record('join', displayName);
  }
  cancelWaiting() {
    return this.#record('cancelWaiting');
  }
  leave() {
    return this.#record('leave');
  }
  setMicrophoneEnabled(enabled: boolean) {
    return this.#record('setMicrophoneEnabled', enabled);
  }
  setCameraEnabled(enabled: boolean) {
    return this.#record('setCameraEnabled', enabled);
  }
  setScreenShareEnabled(enabled: boolean) {
    return this.#record('setScreenShareEnabled', enabled);
  }
  setBackground(choice: BackgroundChoice): Promise<void> {
    return this.#record('setBackground', choice);
  }
  selectCamera(deviceId: string) {
    return this.#record('selectCamera', deviceId);
  }
  selectMicrophone(deviceId: string) {
    return this.#record('selectMicrophone', deviceId);
  }
  requestDevices() {
    return this.#record('requestDevices');
  }
  admit(knockId: string) {
    return this.#record('admit', knockId);
  }
  deny(knockId: string) {
    return this.#record('deny', knockId);
  }
  admitAll() {
    return this.#record('admitAll');
  }
  sendChatMessage(text: string) {
    return this.#record('sendChatMessage', text);
  }
  sendChatFile(file: File) {
    return this.#record('sendChatFile', file);
  }
  endForAll() {
    return this.#record('endForAll');
  }
  startRecording(options?: { mode?: RecordingMode; layout?: RecordingLayout }) {
    return this.#record('startRecording', options);
  }
  stopRecording() {
    return this.#record('stopRecording');
  }
  startStream(options: { url: string; layout?: RecordingLayout }) {
    return this.#record('startStream', options);
  }
  stopStream() {
    return this.#record('stopStream');
  }
  setHandRaised(raised: boolean) {
    return this.#record('setHandRaised', raised);
  }
  react(emoji: Reaction) {
    return this.#record('react', emoji);
  }
  moderate(identity: string, action: ParticipantAction) {
    return this.#record('moderate', identity, action);
  }
  lowerAllHands() {
    return this.#record('lowerAllHands');
  }
  muteAll() {
    return this.#record('muteAll');
  }
  answerUnmuteRequest(accept: boolean) {
    return this.#record('answerUnmuteRequest', accept);
  }
  checkConnection() {
    return this.#record('checkConnection');
  }
  updatePolicy(policy: Partial<RoomPolicy>) {
    return this.#record('updatePolicy', policy);
  }

  attach(trackSid: string, element: HTMLMediaElement): () => void {
    void this.#record('attach', trackSid, element);
    return this.#attach(trackSid, element);
  }

  attachPreview(element: HTMLVideoElement): () => void {
    void this.#record('attachPreview', element);
    return this.#attach('preview', element);
  }

  #attach(key: string, element: HTMLMediaElement): () => void {
    const stream = this.streams.get(key);
    if (stream) {
      element.srcObject = stream;
      void element.play().catch(() => undefined);
    }
    this.attached.set(key, element);
    return () => {
      if (this.attached.get(key) === element) this.attached.delete(key);
      if (element.srcObject === stream) element.srcObject = null;
      void this.#record('detach', key);
    };
  }

  dispose(): void {
    this.disposed = true;
    this.#listeners.clear();
    void this.#record('dispose');
  }
}

/** The test video streams still drawing: each one redraws 15 times a second until its track is stopped. */
const drawing = new Set<MediaStream>();

/**
 * Stops every test video stream still drawing. Storybook calls it when a story is torn down: a story's streams are not
 * stopped by the elements it rendered, and a page that shows story after story would otherwise keep drawing them all.
 */
export function stopTestVideoStreams(): void {
  for (const stream of drawing) stream.getTracks().forEach((track) => track.stop());
  drawing.clear();
}

/**
 * A live video stream drawn on a canvas (a colored card with a label and a moving bar), for stories and tests that need
 * real frames without a camera. Stop it with `stream.getTracks().forEach(t => t.stop())` or `stopTestVideoStreams()`.
 */
export function createTestVideoStream(label: string, color = '#2f5bea', width = 320, height = 180): MediaStream {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  const stream = canvas.captureStream(15);
  let frame = 0;
  const draw = () => {
    if (stream.getVideoTracks()[0]?.readyState === 'ended') {
      drawing.delete(stream);
      return;
    }
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    // The moving bar shows the video is live; screenshot comparisons (test/visual) ask for the same frame every time.
    const still = (globalThis as { hashdropStillVideo?: boolean }).hashdropStillVideo === true;
    ctx.fillRect(still ? 0 : (frame * 4) % width, height - 12, 40, 8);
    ctx.font = `bold ${Math.round(height / 6)}px sans-serif`;
    ctx.textAlign = 'center';
    ctx.fillText(label, width / 2, height / 2);
    frame++;
    setTimeout(draw, 66);
  };
  drawing.add(stream);
  draw();
  return stream;
}
