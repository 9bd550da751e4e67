import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { IDLE_CHECK } from '../../core/connection-check.js';
import type { ConnectionCheckSnapshot, ConnectionCheckStep } from '../../core/snapshot.js';
import { AnnouncerController } from '../shared/announcer.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { SessionElement } from '../shared/session-element.js';
import { precallCheckStyles } from './precall-check.styles.js';
import { playTestTone } from './test-tone.js';

const STEPS: readonly ConnectionCheckStep[] = ['endpoint', 'signal', 'media', 'publish'];

type StepState = 'ok' | 'failed' | 'running' | 'pending';

/** Where one step stands in the check as the snapshot has it. */
function stepState(check: ConnectionCheckSnapshot, step: ConnectionCheckStep): StepState {
  const done = check.steps.find((s) => s.name === step);
  if (done) return done.ok ? 'ok' : 'failed';
  return check.status === 'running' && STEPS[check.steps.length] === step ? 'running' : 'pending';
}

const MARKS: Record<StepState, string> = { ok: '✓', failed: '✗', running: '…', pending: '–' };

/**
 * @tagname hashdrop-precall-check
 * @summary The pre-call check, opened from the pre-join screen's "Check your setup": a test sound for the speakers
 * and a test of the connection to the call's media server (this site's endpoint, LiveKit's signal connection, the
 * media connection, and a short publish, in a throwaway room that is not the call), each step marked passed or failed,
 * with a plain verdict and what to do when it fails, read out politely to screen readers. The camera preview and the
 * microphone level are the pre-join screen's own.
 *
 * @attr for - The id of a `<hashdrop-room>` whose session to use, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @csspart base - The check.
 * @csspart title - The heading.
 * @csspart sound-button - Play test sound.
 * @csspart run - Test connection (Test again after a verdict).
 * @csspart steps - The list of connection steps.
 * @csspart step - One step; `data-state` is `ok`, `failed`, `running` or `pending`.
 * @csspart verdict - The verdict; `data-verdict` is `passed` or `failed`.
 *
 * @cssstate running - The connection test is under way.
 * @cssstate passed - The connection test passed.
 * @cssstate failed - The connection test failed.
 */
export class HashdropPrecallCheck extends SessionElement {
  static override styles = [tokenStyles, controlStyles, precallCheckStyles];

  @state() private playing = false;

  readonly #announcer = new AnnouncerController(this);
  #announced: ConnectionCheckSnapshot['status'] | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const check = this.snapshot.connectionCheck ?? IDLE_CHECK;
    for (const status of ['running', 'passed', 'failed'] as const) this.setState(status, check.status === status);
    // Announced once per change of status, in the same update that renders it (the region is always there).
    if (check.status !== this.#announced && check.status !== 'idle') this.#announcer.announce(this.#verdict(check));
    this.#announced = check.status;
  }

  #verdict(check: ConnectionCheckSnapshot): string {
    if (check.status === 'running') return this.t('check.running');
    if (check.status === 'passed') return this.t('check.passed');
    return this.t(`check.failed.${check.failure ?? 'signal'}`);
  }

  #run = () => void this.activeSession?.checkConnection();

  #playSound = async () => {
    if (this.playing) return;
    this.playing = true;
    try {
      await playTestTone();
    } finally {
      this.playing = false;
    }
  };

  #step(check: ConnectionCheckSnapshot, step: ConnectionCheckStep): TemplateResult {
    const at = stepState(check, step);
    return html`<li part="step step-${step}" data-state=${at}>
      <span class="mark" aria-hidden="true">${MARKS[at]}</span>
      <span>${this.t(`check.step.${step}`)}</span>
      <span class="visually-hidden">${this.t(`check.state.${at}`)}</span>
    </li>`;
  }

  override render(): TemplateResult {
    const check = this.snapshot.connectionCheck ?? IDLE_CHECK;
    const running = check.status === 'running';
    const finished = check.status === 'passed' || check.status === 'failed';
    return html`<section part="base" aria-labelledby="check-title">
      <h3 part="title" id="check-title">${this.t('check.title')}</h3>
      <p class="hint">${this.t('check.devices')}</p>
      <div class="row">
        <button
          part="sound-button"
          type="button"
          aria-describedby="sound-hint"
          aria-disabled=${this.playing ? 'true' : 'false'}
          @click=${this.#playSound}
        >
          ${this.t('check.sound')}
        </button>
        <span class="hint" id="sound-hint">${this.t('check.sound.hint')}</span>
      </div>
      <ul part="steps" aria-label=${this.t('check.steps')}>
        ${STEPS.map((step) => this.#step(check, step))}
      </ul>
      ${finished ? html`<p part="verdict" data-verdict=${check.status}>${this.#verdict(check)}</p>` : nothing}
      <div class="row">
        <button
          part="run"
          class="primary"
          type="button"
          aria-disabled=${running ? 'true' : 'false'}
          @click=${this.#run}
        >
          ${running ? this.t('check.running') : finished ? this.t('check.again') : this.t('check.run')}
        </button>
      </div>
      ${this.#announcer.region()}
    </section>`;
  }
}
