import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { RecordingLayout, RecordingMode } from '../../contract/recording.js';
import type { RoomSnapshot } from '../../core/snapshot.js';
import type { RoomSessionApi } from '../../core/session-api.js';
import { formatCountdown } from '../shared/countdown.js';
import { AnnouncerController } from '../shared/announcer.js';
import { defineElement } from '../shared/hashdrop-element.js';
import { SessionElement } from '../shared/session-element.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { defineIndicator } from './recording-indicator.js';
import { recordingBadge } from './indicator-markup.js';
import { controlPanelStyles } from './recording.styles.js';

/**
 * @tagname hashdrop-recording-control
 * @summary The host's recording control: choose one mixed video (spotlight or grid layout) or one file per track,
 * start and stop, the time recorded so far, why a start failed, and — when a recording failed by itself — LiveKit
 * Egress' reason. Renders nothing for someone who is not a host.
 * The endpoint records through LiveKit Egress to the operator's bucket.
 *
 * @attr for - The id of a `<hashdrop-room>` whose session to control, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @csspart base - The container.
 * @csspart mode - The output choice (one video, or one file per track).
 * @csspart layout - The layout choice for the one video.
 * @csspart start - The Start recording button.
 * @csspart stop - The Stop recording button.
 * @csspart elapsed - The time recorded so far.
 * @csspart error - Why the last start or stop failed.
 * @csspart failure - The recording failed by itself, and Egress' reason.
 * @csspart recording - The "Recording" indicator.
 *
 * @cssstate recording - The call is being recorded.
 * @cssstate pending - Starting or stopping a recording.
 * @cssstate failed - The last recording request failed, or the recording failed by itself.
 */
export class HashdropRecordingControl extends SessionElement {
  static override styles = [tokenStyles, controlStyles, controlPanelStyles];

  @state() private mode: RecordingMode = 'composite';
  @state() private layout: RecordingLayout = 'spotlight';
  @state() private now = Date.now();
  readonly #announcer = new AnnouncerController(this);
  #ticker: ReturnType<typeof setInterval> | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#tick(false);
  }

  protected override snapshotChanged(next: RoomSnapshot, previous: RoomSnapshot | null): void {
    const was = previous?.recording;
    const now = next.recording;
    if (!was) return;
    if (now.active && !was.active) this.#announcer.announce(this.t('recording.started'));
    else if (!now.active && was.active) this.#announcer.announce(this.t('recording.stopped'));
    if (now.failure && !was.failure) this.#announcer.announce(this.#failureText(now.failure.reason));
    if (now.error && now.error !== was.error) {
      this.#announcer.announce(
        this.t(was.pending === 'stopping' ? 'recording.stop-failed' : 'recording.failed', {
          reason: now.error.message,
        }),
      );
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const recording = this.snapshot.recording;
    this.setState('recording', recording.active);
    this.setState('pending', recording.pending !== null);
    this.setState('failed', recording.error !== null || recording.failure !== null);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const recording = this.snapshot.recording;
    // The elapsed time needs a tick only while something is being recorded and shown.
    this.#tick(recording.active && recording.startedAt !== null && this.isConnected);
  }

  #tick(on: boolean): void {
    if (on && !this.#ticker) {
      this.now = Date.now();
      this.#ticker = setInterval(() => (this.now = Date.now()), 1000);
    } else if (!on && this.#ticker) {
      clearInterval(this.#ticker);
      this.#ticker = null;
    }
  }

  #failureText(reason: string | null): string {
    return reason ? this.t('recording.ended-failed', { reason }) : this.t('recording.ended-failed.unknown');
  }

  #start(): void {
    void this.activeSession?.startRecording({
      mode: this.mode,
      ...(this.mode === 'composite' ? { layout: this.layout } : {}),
    });
  }

  #stop(): void {
    void this.activeSession?.stopRecording();
  }

  override render(): TemplateResult | typeof nothing {
    const s = this.snapshot;
    if (s.role !== 'host' || !this.activeSession || !s.capabilities.record) return nothing;
    const { active, pending, error, failure, startedAt } = s.recording;
    const elapsed = startedAt ? formatCountdown(this.now - Date.parse(startedAt)) : '';
    // The badge shows in this control from the start, so its element comes with it.
    defineIndicator();
    return html`<section part="base" aria-labelledby="recording-title">
      <div class="row">
        <h3 id="recording-title">${this.t('recording.title')}</h3>
        ${recordingBadge(active, this.language)}
        ${
          active && elapsed
            ? html`<span part="elapsed" role="timer" aria-label=${this.t('recording.elapsed', { time: elapsed })}
                >${elapsed}</span
              >`
            : nothing
        }
      </div>
      ${
        active
          ? html`<div class="row">
              <button part="stop" class="danger" type="button" ?disabled=${pending !== null} @click=${this.#stop}>
                ${pending === 'stopping' ? this.t('recording.stopping') : this.t('recording.stop')}
              </button>
            </div>`
          : html`<div class="row">
              <label
                >${this.t('recording.mode')}
                <select
                  part="mode"
                  .value=${this.mode}
                  ?disabled=${pending !== null}
                  @change=${(e: Event) => (this.mode = (e.target as HTMLSelectElement).value as RecordingMode)}
                >
                  <option value="composite">${this.t('recording.mode.composite')}</option>
                  <option value="tracks">${this.t('recording.mode.tracks')}</option>
                </select></label
              >
              ${
                this.mode === 'composite'
                  ? html`<label
                      >${this.t('recording.layout')}
                      <select
                        part="layout"
                        .value=${this.layout}
                        ?disabled=${pending !== null}
                        @change=${(e: Event) =>
                          (this.layout = (e.target as HTMLSelectElement).value as RecordingLayout)}
                      >
                        <option value="spotlight">${this.t('recording.layout.spotlight')}</option>
                        <option value="grid">${this.t('recording.layout.grid')}</option>
                      </select></label
                    >`
                  : nothing
              }
              <button part="start" class="primary" type="button" ?disabled=${pending !== null} @click=${this.#start}>
                ${pending === 'starting' ? this.t('recording.starting') : this.t('recording.start')}
              </button>
            </div>`
      }
      ${error ? html`<p part="error">${error.message}</p>` : nothing}
      ${failure && !active ? html`<p part="failure">${this.#failureText(failure.reason)}</p>` : nothing}
      ${this.#announcer.region()}
    </section>`;
  }
}

/**
 * The control for the host panel: defines the tag on first use and hands over the panel's session, so it works
 * wherever the panel does (inside a room, or beside it with `for`).
 */
export function renderRecordingControl(session: RoomSessionApi | null): TemplateResult {
  defineElement('hashdrop-recording-control', HashdropRecordingControl);
  return html`<hashdrop-recording-control part="recording" .session=${session}></hashdrop-recording-control>`;
}
