import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { RecordingLayout } from '../../contract/recording.js';
import type { RoomSnapshot } from '../../core/snapshot.js';
import type { RoomSessionApi } from '../../core/session-api.js';
import { AnnouncerController } from '../shared/announcer.js';
import { defineElement } from '../shared/hashdrop-element.js';
import { SessionElement } from '../shared/session-element.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { defineIndicator } from './recording-indicator.js';
import { streamBadge } from './indicator-markup.js';
import { controlPanelStyles } from './recording.styles.js';

/**
 * @tagname hashdrop-stream-control
 * @summary The host's live-stream control: the RTMP/RTMPS URL (stream key included) and layout, go live and end,
 * and why a start failed or the stream failed by itself. The URL field is masked and emptied once the stream starts:
 * the key is sent to the endpoint and kept nowhere in the page. Renders nothing for someone who is not a host.
 *
 * @attr for - The id of a `<hashdrop-room>` whose session to control, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @csspart base - The container.
 * @csspart url - The stream URL field.
 * @csspart layout - The layout choice.
 * @csspart start - The Go live button.
 * @csspart stop - The End the live stream button.
 * @csspart error - Why the last start or stop failed.
 * @csspart failure - The stream failed by itself, and Egress' reason.
 * @csspart stream - The "Live" indicator.
 *
 * @cssstate streaming - The call is streamed live.
 * @cssstate pending - Going live or ending.
 * @cssstate failed - The last request failed, or the stream failed by itself.
 */
export class HashdropStreamControl extends SessionElement {
  static override styles = [tokenStyles, controlStyles, controlPanelStyles];

  @state() private url = '';
  @state() private layout: RecordingLayout = 'spotlight';
  readonly #announcer = new AnnouncerController(this);

  protected override snapshotChanged(next: RoomSnapshot, previous: RoomSnapshot | null): void {
    const was = previous?.stream;
    const now = next.stream;
    if (!was) return;
    if (now.active && !was.active) {
      this.url = '';
      this.#announcer.announce(this.t('stream.started'));
    } else if (!now.active && was.active && !now.failure) this.#announcer.announce(this.t('stream.stopped'));
    if (now.failure && !was.failure) this.#announcer.announce(this.#failureText(now.failure.reason));
    if (now.error && now.error !== was.error) {
      this.#announcer.announce(
        this.t(was.pending === 'stopping' ? 'stream.stop-failed' : 'stream.failed', { reason: now.error.message }),
      );
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const stream = this.snapshot.stream;
    this.setState('streaming', stream.active);
    this.setState('pending', stream.pending !== null);
    this.setState('failed', stream.error !== null || stream.failure !== null);
  }

  #failureText(reason: string | null): string {
    return reason ? this.t('stream.ended-failed', { reason }) : this.t('stream.ended-failed.unknown');
  }

  #start(event: Event): void {
    event.preventDefault();
    const url = this.url.trim();
    if (!url) return;
    void this.activeSession?.startStream({ url, layout: this.layout });
  }

  override render(): TemplateResult | typeof nothing {
    const s = this.snapshot;
    if (s.role !== 'host' || !this.activeSession || !s.capabilities.record) return nothing;
    const { active, pending, error, failure } = s.stream;
    // The badge shows in this control from the start, so its element comes with it.
    defineIndicator();
    return html`<section part="base" aria-labelledby="stream-title">
      <div class="row">
        <h3 id="stream-title">${this.t('stream.title')}</h3>
        ${streamBadge(active, this.language)}
      </div>
      ${
        active
          ? html`<div class="row">
              <button
                part="stop"
                class="danger"
                type="button"
                ?disabled=${pending !== null}
                @click=${() => void this.activeSession?.stopStream()}
              >
                ${pending === 'stopping' ? this.t('stream.stopping') : this.t('stream.stop')}
              </button>
            </div>`
          : html`<form class="row" @submit=${this.#start}>
              <label
                >${this.t('stream.url')}
                <input
                  part="url"
                  type="password"
                  autocomplete="off"
                  spellcheck="false"
                  required
                  .value=${this.url}
                  ?disabled=${pending !== null}
                  @input=${(e: Event) => (this.url = (e.target as HTMLInputElement).value)}
              /></label>
              <label
                >${this.t('stream.layout')}
                <select
                  part="layout"
                  .value=${this.layout}
                  ?disabled=${pending !== null}
                  @change=${(e: Event) => (this.layout = (e.target as HTMLSelectElement).value as RecordingLayout)}
                >
                  <option value="spotlight">${this.t('recording.layout.spotlight')}</option>
                  <option value="grid">${this.t('recording.layout.grid')}</option>
                </select></label
              >
              <button part="start" class="primary" type="submit" ?disabled=${pending !== null || !this.url.trim()}>
                ${pending === 'starting' ? this.t('stream.starting') : this.t('stream.start')}
              </button>
            </form>`
      }
      ${error ? html`<p part="error">${error.message}</p>` : nothing}
      ${failure && !active ? html`<p part="failure">${this.#failureText(failure.reason)}</p>` : nothing}
      ${this.#announcer.region()}
    </section>`;
  }
}

/** The control for the host panel, like `renderRecordingControl`: defined on first use, handed the panel's session. */
export function renderStreamControl(session: RoomSessionApi | null): TemplateResult {
  defineElement('hashdrop-stream-control', HashdropStreamControl);
  return html`<hashdrop-stream-control part="stream" .session=${session}></hashdrop-stream-control>`;
}
