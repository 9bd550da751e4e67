import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RoomSession } from '../../core/room-session.js';
import type { RoomSnapshot, SessionError } from '../../core/snapshot.js';
import { HashdropCaptions } from '../captions/captions.js';
import { HashdropReactions } from '../reactions/reactions.js';
import { defineParticipantTile } from '../participant-tile/define-tile.js';
import { HashdropErrorEvent } from '../shared/events.js';
import { defineElement } from '../shared/hashdrop-element.js';
import { SessionElement } from '../shared/session-element.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { HashdropStage } from '../stage/stage.js';
import { RecorderReadyEvent, readyToRecord, stageLayoutOf } from './recorder-signals.js';
import { recorderStyles } from './recorder.styles.js';

defineParticipantTile();
defineElement('hashdrop-stage', HashdropStage);
defineElement('hashdrop-captions', HashdropCaptions);
defineElement('hashdrop-reactions', HashdropReactions);

/** The longest the recorder waits for the call's videos before it says it is ready (a camera may never send). */
const READY_WAIT_MS = 5000;

/**
 * @tagname hashdrop-recorder
 * @summary What a recording or a live stream of the call shows: the stage — everyone's video and name, the spotlight
 * on whoever speaks or shares a screen, or the grid — with captions and reactions, and no controls and no tile of its
 * own. It connects with the LiveKit URL and token it is given and sends nothing: the token decides what it may do
 * (Egress signs one that joins hidden and subscribe-only).
 *
 * With `egress` it is LiveKit Egress' custom template (the endpoint serves it at `{basePath}/recorder/`): it reads
 * `url`, `token` and `layout` from the page's address and logs `START_RECORDING` on the console once the stage shows
 * the call and `END_RECORDING` once the call is over, Egress' signals to start and stop capturing.
 *
 * @attr egress - Take `url`, `token` and `layout` from the page's address and give Egress its signals.
 * @attr server-url - The LiveKit server's URL (without `egress`; the token is the `token` property).
 * @attr layout - Egress' layout name: `grid` shows the grid, anything else (`speaker`) the spotlight.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @fires {RecorderReadyEvent} hashdrop-recorder-ready - The stage shows the call: capturing may start.
 * @fires {HashdropErrorEvent} hashdrop-error - No URL or token, or the call could not be joined.
 *
 * @csspart stage - The call's stage (`<hashdrop-stage>`).
 * @csspart captions - Captions, under the stage.
 * @csspart reactions - Reactions, floating over the stage.
 * @csspart message - Why nothing is shown: the call is over, or it could not be joined.
 *
 * @cssprop [--hashdrop-recorder-background=var(--hashdrop-color-surface)] - Around the stage.
 * @cssprop [--hashdrop-room-stage-background=var(--hashdrop-color-video)] - The stage's own background (the room's property).
 */
export class HashdropRecorder extends SessionElement {
  static override styles = [tokenStyles, recorderStyles];

  @property({ type: Boolean }) egress = false;
  @property({ attribute: 'server-url' }) serverUrl = '';
  /** The LiveKit token (a property only: a token does not belong in the page's markup). */
  @property({ attribute: false }) token = '';
  @property() layout = '';

  @state() private problem: string | null = null;

  /** The session this element made from a URL and token (it ends it); null when given one. */
  #own: RoomSession | null = null;
  #ready = false;
  #over = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.egress && typeof location !== 'undefined') this.#readPageAddress(new URLSearchParams(location.search));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#own?.dispose();
    this.#own = null;
  }

  protected override firstUpdated(): void {
    if (this.session) return;
    if (!this.serverUrl || !this.token) {
      const attribute = this.serverUrl ? 'token' : 'server-url';
      const message = `The recorder needs a LiveKit ${this.serverUrl ? 'token' : 'server URL'}.`;
      this.#fail(this.t('recorder.missing'), { code: 'INVALID_ATTRIBUTE', attribute, message });
      return;
    }
    this.#own = new RoomSession({
      credentials: { serverUrl: this.serverUrl, participantToken: this.token },
      audio: false,
      video: false,
    });
    this.session = this.#own;
    void this.#own.prepare('recording').then(() => this.#own?.join('Recorder'));
  }

  protected override snapshotChanged(snapshot: RoomSnapshot, previous: RoomSnapshot | null): void {
    if (snapshot.status === previous?.status) return;
    if (snapshot.status === 'in-room' && !this.#ready) void this.#whenReady();
    if (snapshot.status === 'error' && snapshot.error) {
      this.#fail(this.t('recorder.failed'), snapshot.error);
    }
    if ((snapshot.status === 'ended' || snapshot.status === 'error') && !this.#over) {
      this.#over = true;
      // Egress stops capturing (and uploads) on this line; the endpoint also stops the job when the call ends.
      if (this.egress) console.log('END_RECORDING');
    }
  }

  #readPageAddress(query: URLSearchParams): void {
    this.serverUrl ||= query.get('url') ?? '';
    this.token ||= query.get('token') ?? '';
    this.layout ||= query.get('layout') ?? '';
  }

  /** Says "ready" once every camera that is on has arrived (or READY_WAIT_MS passed) and the stage has painted. */
  async #whenReady(): Promise<void> {
    this.#ready = true;
    const deadline = Date.now() + READY_WAIT_MS;
    while (!readyToRecord(this.snapshot) && Date.now() < deadline && this.snapshot.status === 'in-room') {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    if (this.snapshot.status !== 'in-room') return;
    if (this.egress) console.log('START_RECORDING');
    this.emit(new RecorderReadyEvent());
  }

  #fail(shown: string, error: SessionError): void {
    this.problem = shown;
    this.emit(new HashdropErrorEvent(error));
  }

  override render(): TemplateResult {
    const status = this.snapshot.status;
    const message = this.problem ?? (status === 'ended' ? this.t('recorder.ended') : null);
    if (message) return html`<p part="message" role="status">${message}</p>`;
    // The stage only once the call is up: before that there is nobody to show, only an empty stage to record.
    if (status !== 'in-room' && status !== 'reconnecting') return html``;
    const session = this.activeSession;
    const lang = this.lang;
    return html`<hashdrop-stage
        part="stage"
        hide-self
        lang=${lang}
        layout=${stageLayoutOf(this.layout)}
        .session=${session}
      ></hashdrop-stage>
      <hashdrop-reactions part="reactions" lang=${lang} .session=${session}></hashdrop-reactions>
      <hashdrop-captions part="captions" lang=${lang} .session=${session}></hashdrop-captions>`;
  }
}
