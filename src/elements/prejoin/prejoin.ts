import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { parseRoomReference } from '../../contract/room-code.js';
import { DISPLAY_NAME_MAX } from '../../contract/display-name.js';
import type { RoomSessionApi } from '../../core/session-api.js';
import type { RoomSnapshot } from '../../core/snapshot.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { SessionElement } from '../shared/session-element.js';
import { prejoinStyles } from './prejoin.styles.js';
import { formatCountdown } from '../shared/countdown.js';
import { deviceNotices, type NoticeAction } from './device-notices.js';
import { nameProblem } from './name-check.js';
import { deviceSelects } from './device-selects.js';

/**
 * @tagname hashdrop-prejoin
 * @summary The screen before joining: your name, camera preview and microphone level, device pickers, microphone and
 * camera toggles, a way forward when devices are blocked or missing, a countdown to a scheduled start, and Join.
 * With no room chosen yet (status `idle`, no room reference) it also asks for the room code or invite link.
 *
 * @attr name - Initial value of the name field.
 * @attr for - The id of a `<hashdrop-room>` whose session to use, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @csspart base - The form.
 * @csspart title - The heading.
 * @csspart recording - The "Recording" badge (`<hashdrop-recording-indicator>`), when the room is being recorded.
 * @csspart countdown - The time until a scheduled meeting starts.
 * @csspart media - Preview and level meter.
 * @csspart stage-note - In a stage room, tells a guest they join the audience (no devices asked for).
 * @csspart preview-frame - The box around the camera preview.
 * @csspart preview - The camera preview `<video>`.
 * @csspart mic-level - The microphone level bar (its fill follows `--_level`).
 * @csspart notice - A permission or missing-device notice.
 * @csspart unsupported - Shown instead of the form when this browser cannot make calls (no WebRTC, no camera and
 *   microphone access, or a page not served over https), saying what to do instead.
 * @csspart toggles - The microphone and camera toggle row.
 * @csspart mic-toggle - Microphone toggle.
 * @csspart camera-toggle - Camera toggle.
 * @csspart devices - The device pickers row.
 * @csspart code-input - The room code field (only with no room chosen).
 * @csspart name-input - The name field.
 * @csspart join - The Join button.
 * @csspart check - The "Check your setup" disclosure (`<details>`) around the pre-call check
 *   (`<hashdrop-precall-check>`: speaker test sound, connection test), loaded when first opened.
 * @csspart check-button - Its `<summary>`, "Check your setup".
 *
 * @cssprop [--hashdrop-prejoin-max-width=40rem] - Width of the form.
 * @cssprop [--hashdrop-prejoin-background=var(--hashdrop-color-surface)] - Form background.
 * @cssprop [--hashdrop-prejoin-preview-radius=var(--hashdrop-radius-m)] - Corner radius of the preview.
 * @cssprop [--hashdrop-prejoin-level-color=var(--hashdrop-color-success)] - Fill of the microphone level bar.
 *
 * @cssstate camera-blocked - Camera permission was denied.
 * @cssstate mic-blocked - Microphone permission was denied.
 * @cssstate no-devices - No camera and no microphone are available.
 * @cssstate scheduled - The room starts later: a countdown shows.
 * @cssstate joining - Join was pressed and the join is under way.
 */
export class HashdropPrejoin extends SessionElement {
  static override styles = [tokenStyles, controlStyles, prejoinStyles];

  /** Initial value of the name field. */
  @property() name = '';

  @state() private nameValue: string | null = null;
  @state() private codeValue = '';
  @state() private nameError = '';
  @state() private codeError = '';
  @state() private joining = false;
  @state() private now = Date.now();

  #preview: { session: RoomSessionApi; video: HTMLVideoElement; camera: string | null; detach: () => void } | null =
    null;
  #countdownTimer: ReturnType<typeof setInterval> | null = null;
  #requestedDevices = false;
  #meter: (() => void) | null = null;

  /** Moves focus to the first field to fill in (the room calls this when the pre-join screen appears). */
  focusInitial(): void {
    const target =
      this.renderRoot.querySelector<HTMLElement>('[part="code-input"]') ??
      this.renderRoot.querySelector<HTMLElement>('[part="name-input"]');
    target?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopPreview();
    this.#meter?.();
    this.#meter = null;
    this.#stopCountdown();
  }

  get #needsCode(): boolean {
    const s = this.snapshot;
    return s.status === 'idle' && !s.roomRef && !s.room;
  }

  /**
   * Join was pressed here, or the call is connecting while this screen is on show (the room keeps it until the call is
   * up). The button stays focusable, `aria-disabled`, so focus is not lost while it waits.
   */
  get #busy(): boolean {
    return this.joining || this.snapshot.status === 'connecting';
  }

  get #startsAt(): number | null {
    const at = this.snapshot.room?.scheduledStartAt;
    const time = at ? Date.parse(at) : NaN;
    return Number.isFinite(time) ? time : null;
  }

  protected override snapshotChanged(snapshot: RoomSnapshot): void {
    const d = snapshot.devices;
    this.setState('camera-blocked', d.cameraPermission === 'denied');
    this.setState('mic-blocked', d.microphonePermission === 'denied');
    this.setState('no-devices', d.cameraPermission === 'unavailable' && d.microphonePermission === 'unavailable');
    if (snapshot.status !== 'pre-join' && snapshot.status !== 'idle') this.joining = false;
    // Only a recorded room loads the badge: pages whose rooms are not recorded pay no bytes for it up front.
    if (snapshot.recording.active) {
      void import('../shared/call-extras-loader.js').then((m) => m.loadCallExtra('recording-indicator'));
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const snapshot = this.snapshot;
    const session = this.activeSession;
    // Ask once for devices when the pre-join screen first shows with permissions not yet known.
    if (
      session &&
      !this.#requestedDevices &&
      snapshot.status === 'pre-join' &&
      snapshot.devices.cameraPermission === 'unknown' &&
      snapshot.devices.microphonePermission === 'unknown' &&
      (snapshot.cameraEnabled || snapshot.micEnabled) &&
      !this.#joinsAudience
    ) {
      this.#requestedDevices = true;
      void session.requestDevices();
    }
    this.#syncPreview();
    const startsAt = this.#startsAt;
    const future = startsAt !== null && startsAt > Date.now();
    this.setState('scheduled', future);
    if (future && !this.#countdownTimer) {
      this.#countdownTimer = setInterval(() => (this.now = Date.now()), 1000);
    } else if (!future) this.#stopCountdown();
    this.setState('joining', this.#busy);
  }

  #stopCountdown(): void {
    if (this.#countdownTimer) clearInterval(this.#countdownTimer);
    this.#countdownTimer = null;
  }

  #syncPreview(): void {
    const s = this.snapshot;
    const session = this.activeSession;
    // The preview element is rendered only while the camera is on and allowed (`showPreview`): its presence decides.
    const video = this.renderRoot.querySelector<HTMLVideoElement>('video[part="preview"]');
    const p = this.#preview;
    if (p && (p.video !== video || p.session !== session || p.camera !== s.devices.selectedCamera)) this.#stopPreview();
    if (session && video && !this.#preview) {
      const detach = session.attachPreview(video);
      this.#preview = { session, video, camera: s.devices.selectedCamera, detach };
    }
    if (session && s.micEnabled && s.status === 'pre-join') this.#startMeter(session);
    else if (this.#meter) {
      this.#meter();
      this.#meter = null;
    }
  }

  #stopPreview(): void {
    this.#preview?.detach();
    this.#preview = null;
  }

  /** Drives the level bar from the session's pre-join microphone level, when the session reports one. */
  #startMeter(session: RoomSessionApi): void {
    if (this.#meter || !session.observeMicLevel) return;
    this.#meter = session.observeMicLevel((level) => {
      this.renderRoot
        .querySelector<HTMLElement>('[part="mic-level"]')
        ?.style.setProperty('--_level', String(Math.max(0, Math.min(1, level))));
    });
  }

  #onName = (e: Event) => {
    this.nameValue = (e.target as HTMLInputElement).value;
    if (this.nameError) this.nameError = '';
  };
  #onCode = (e: Event) => {
    this.codeValue = (e.target as HTMLInputElement).value;
    if (this.codeError) this.codeError = '';
  };

  #validateName(value: string): string {
    const problem = nameProblem(value);
    return problem ? this.t(problem, { max: DISPLAY_NAME_MAX }) : '';
  }

  #submit = async (e: Event) => {
    e.preventDefault();
    const session = this.activeSession;
    if (!session || this.#busy) return;
    let code: string | null = null;
    if (this.#needsCode) {
      code = parseRoomReference(this.codeValue);
      this.codeError = code ? '' : this.t('prejoin.code.invalid');
    }
    const name = this.#currentName();
    this.nameError = this.#validateName(name);
    await this.updateComplete;
    if (this.codeError) return this.renderRoot.querySelector<HTMLElement>('[part="code-input"]')?.focus();
    if (this.nameError) return this.renderRoot.querySelector<HTMLElement>('[part="name-input"]')?.focus();
    this.joining = true;
    try {
      if (code) await session.prepare(code);
      await session.join(name.trim());
    } finally {
      // The snapshot moves on to connecting/waiting; if it did not (an error state), allow another try.
      if (this.isConnected && (this.snapshot.status === 'pre-join' || this.snapshot.status === 'idle')) {
        this.joining = false;
      }
    }
  };

  #currentName(): string {
    return this.nameValue ?? (this.snapshot.displayName || this.name || '');
  }

  #toggleMic = () => void this.activeSession?.setMicrophoneEnabled(!this.snapshot.micEnabled);
  #toggleCamera = () => void this.activeSession?.setCameraEnabled(!this.snapshot.cameraEnabled);
  #withoutCamera = () => void this.activeSession?.setCameraEnabled(false);
  #withoutMic = () => void this.activeSession?.setMicrophoneEnabled(false);
  #requestDevices = () => void this.activeSession?.requestDevices();
  // The check's element (and all it needs) is fetched when first opened: pre-join pays only for the disclosure.
  #loadCheck = () => void import('../precall-check/define.js');
  #pickCamera = (e: Event) => void this.activeSession?.selectCamera((e.target as HTMLSelectElement).value);
  #pickMic = (e: Event) => void this.activeSession?.selectMicrophone((e.target as HTMLSelectElement).value);

  /** Allow and Check again both ask for the devices; the others switch one device off. */
  #onNoticeAction(action: NoticeAction): () => void {
    if (action === 'prejoin.without-camera') return this.#withoutCamera;
    return action === 'prejoin.without-mic' ? this.#withoutMic : this.#requestDevices;
  }

  #notices(s: RoomSnapshot): TemplateResult[] {
    return deviceNotices(s).map(([message, ...actions]) => {
      // The bare prompt (no message) is the screen's next step, so its button is the primary one.
      const buttons = actions.map(
        (action) =>
          html`<button type="button" class=${message ? '' : 'primary'} @click=${this.#onNoticeAction(action)}>
            ${this.t(action)}
          </button>`,
      );
      return message
        ? html`<div part="notice" class="notice">
            <p>${this.t(message)}</p>
            <div class="row">${buttons}</div>
          </div>`
        : html`<div class="row" part="notice">${buttons}</div>`;
    });
  }

  #devicesSection(s: RoomSnapshot, showPreview: boolean, audioOnly: boolean): TemplateResult {
    return html`<div part="media">
        ${
          audioOnly
            ? nothing
            : html`<div part="preview-frame">
                ${
                  showPreview
                    ? html`<video
                        part="preview"
                        aria-label=${this.t('prejoin.preview')}
                        muted
                        playsinline
                        autoplay
                      ></video>`
                    : html`<span>${this.t('prejoin.preview.off')}</span>`
                }
              </div>`
        }
        ${s.micEnabled ? html`<div part="mic-level" aria-hidden="true"></div>` : nothing}
      </div>
      ${this.#notices(s)}
      <div part="toggles" class="row">
        <button
          part="mic-toggle"
          type="button"
          aria-pressed=${s.micEnabled ? 'true' : 'false'}
          @click=${this.#toggleMic}
        >
          ${s.micEnabled ? this.t('prejoin.mic.on') : this.t('prejoin.mic.off')}
        </button>
        ${
          audioOnly
            ? nothing
            : html`<button
                part="camera-toggle"
                type="button"
                aria-pressed=${s.cameraEnabled ? 'true' : 'false'}
                @click=${this.#toggleCamera}
              >
                ${s.cameraEnabled ? this.t('prejoin.camera.on') : this.t('prejoin.camera.off')}
              </button>`
        }
      </div>
      ${deviceSelects(s, audioOnly, (key) => this.t(key), { camera: this.#pickCamera, microphone: this.#pickMic }, this.activeSession)}
      <details part="check" @toggle=${this.#loadCheck}>
        <summary part="check-button">${this.t('prejoin.check')}</summary>
        <hashdrop-precall-check lang=${this.language} .session=${this.activeSession}></hashdrop-precall-check>
      </details>`;
  }

  /**
   * A guest of a stage room joins the audience, receive-only: no preview, and no camera or microphone prompt for
   * devices they cannot use (a host can invite them on stage later; they turn devices on then).
   */
  get #joinsAudience(): boolean {
    const room = this.snapshot.room;
    return !!room?.policy.stageMode && room.youAreHost === false && !this.snapshot.hostKey;
  }

  /** A browser that cannot make calls: the room's name and what to do instead, and no Join to press. */
  #renderUnsupported(s: RoomSnapshot): TemplateResult {
    const roomLabel = s.room?.name || s.room?.code || s.roomRef;
    const problem = s.error?.support ?? 'no-webrtc';
    return html`<div part="base" class="unsupported">
      <h2 part="title" id="title" tabindex="-1">
        ${roomLabel ? this.t('prejoin.title.room', { room: roomLabel }) : this.t('prejoin.title')}
      </h2>
      <p part="unsupported notice" class="notice" role="alert">${this.t(`unsupported.${problem}`)}</p>
    </div>`;
  }

  override render(): TemplateResult {
    const s = this.snapshot;
    if (s.error?.code === 'BROWSER_UNSUPPORTED') return this.#renderUnsupported(s);
    const d = s.devices;
    const audience = this.#joinsAudience;
    const audioOnly = !!s.room?.policy.audioOnly;
    const roomLabel = s.room?.name || s.room?.code || s.roomRef;
    const startsAt = this.#startsAt;
    const remaining = startsAt !== null ? startsAt - this.now : 0;
    const showPreview = s.cameraEnabled && d.cameraPermission !== 'denied' && !audioOnly;
    const needsCode = this.#needsCode;
    const nameValue = this.#currentName();
    const nameError =
      this.nameError || (s.error?.field === 'displayName' && this.nameValue === null ? s.error.message : '');
    return html`<form part="base" novalidate aria-labelledby="title" @submit=${this.#submit}>
      <h2 part="title" id="title" tabindex="-1">
        ${roomLabel ? this.t('prejoin.title.room', { room: roomLabel }) : this.t('prejoin.title')}
      </h2>
      ${
        s.recording.active
          ? html`<hashdrop-recording-indicator
              part="recording"
              lang=${this.language}
              active
            ></hashdrop-recording-indicator>`
          : nothing
      }
      ${
        remaining > 0
          ? html`<p part="countdown" role="timer" aria-label=${this.t('prejoin.countdown.label')}>
              ${this.t('prejoin.countdown', { time: formatCountdown(remaining) })}
            </p>`
          : nothing
      }
      ${
        audience
          ? html`<p part="stage-note">${this.t('prejoin.audience')}</p>`
          : this.#devicesSection(s, showPreview, audioOnly)
      }
      ${
        needsCode
          ? html`<div class="field">
              <label for="code">${this.t('prejoin.code')}</label>
              <input
                id="code"
                part="code-input"
                autocomplete="off"
                autocapitalize="characters"
                spellcheck="false"
                required
                .value=${this.codeValue}
                aria-invalid=${this.codeError ? 'true' : 'false'}
                aria-describedby=${this.codeError ? 'code-error' : 'code-hint'}
                @input=${this.#onCode}
              />
              ${
                this.codeError
                  ? html`<span class="field-error" id="code-error">${this.codeError}</span>`
                  : html`<span class="hint" id="code-hint">${this.t('prejoin.code.hint')}</span>`
              }
            </div>`
          : nothing
      }
      <div class="field">
        <label for="name">${this.t('prejoin.name')}</label>
        <input
          id="name"
          part="name-input"
          autocomplete="name"
          required
          maxlength=${DISPLAY_NAME_MAX}
          .value=${nameValue}
          aria-invalid=${nameError ? 'true' : 'false'}
          aria-describedby=${nameError ? 'name-error' : 'name-hint'}
          @input=${this.#onName}
        />
        ${
          nameError
            ? html`<span class="field-error" id="name-error">${nameError}</span>`
            : html`<span class="hint" id="name-hint">${this.t('prejoin.name.hint')}</span>`
        }
      </div>
      <button part="join" class="primary" type="submit" aria-disabled=${this.#busy ? 'true' : 'false'}>
        ${this.#busy ? this.t('prejoin.joining') : this.t('prejoin.join')}
      </button>
    </form>`;
  }
}
