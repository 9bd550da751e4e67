import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { KnockSummary } from '../../contract/index.js';
import type { MessageKey } from '../../i18n/index.js';
import type { RoomSnapshot } from '../../core/snapshot.js';
import type { RoomSessionApi } from '../../core/session-api.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { AnnouncerController } from '../shared/announcer.js';
import { SessionElement } from '../shared/session-element.js';
import { hostPanelStyles } from './host-panel.styles.js';
import { formatClockTime } from '../shared/format.js';
import type { ParticipantAction } from '../../contract/routes.js';
import type { ParticipantSnapshot } from '../../core/snapshot.js';
import { ConfirmDialogController } from '../shared/confirm-dialog.js';
import { actionDone, kickConfirm, raisedHands } from '../shared/participant-actions.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { renderHands, renderPeople, type PeopleListContext } from './people-list.js';
import { renderRecordingControl } from '../recording/recording-control.js';
import { renderStreamControl } from '../recording/stream-control.js';

/**
 * @tagname hashdrop-host-panel
 * @summary The host's panel: people knocking appear as they arrive (announced to screen readers, no sound), each
 * with Admit and Deny, plus Admit all; then raised hands in the order they went up (Lower hand, Invite to stage,
 * Lower all hands) and everyone in the call with the host's actions (mute, promote / demote in stage mode, remove
 * after a confirmation). Every action goes through the endpoint, which refuses non-hosts. Works inside `<hashdrop-room>` or anywhere with `for="room-id"`.
 *
 * @attr for - The id of a `<hashdrop-room>` in the same document (or shadow root) whose knocks to show.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @csspart base - The panel.
 * @csspart title - The heading (with the count).
 * @csspart list - The list of knocks.
 * @csspart knock - One knock.
 * @csspart knock-name - The name of the person knocking.
 * @csspart knock-meta - When they knocked.
 * @csspart knock-error - Also on `knock-meta` when admitting or denying this knock failed: it then says why (the knock
 *   shows again, and the reason is announced).
 * @csspart admit - An Admit button.
 * @csspart deny - A Deny button.
 * @csspart admit-all - The Admit all button.
 * @csspart empty - The "nobody is waiting" text.
 * @csspart hands - The raised hands section (hosts, while in the call).
 * @csspart hand-list - Raised hands, first raised first.
 * @csspart hand - One raised hand.
 * @csspart lower-all - The Lower all hands button.
 * @csspart mute-all - The Mute all button (while someone other than a host has their microphone on).
 * @csspart people - The people section: everyone in the call (in stage mode: on stage, then the audience).
 * @csspart person-list - A list of people.
 * @csspart person - One person.
 * @csspart person-name - A person's name.
 * @csspart person-meta - A person's role, or when the hand went up.
 * @csspart action - A host action button (also `action-kick`, `action-mute`, `action-promote`, `action-demote`,
 *   `action-lower-hand`).
 * @csspart audience-chat - The "Audience can chat" switch (stage mode).
 * @csspart kick-dialog - The Remove confirmation dialog.
 * @csspart kick-confirm - The dialog's Remove button.
 * @csspart kick-cancel - The dialog's Cancel button.
 * @csspart recording - The recording control (`<hashdrop-recording-control>`).
 * @csspart stream - The live-stream control (`<hashdrop-stream-control>`).
 *
 * @cssprop [--hashdrop-host-panel-background=var(--hashdrop-color-surface)] - Panel background.
 * @cssprop [--hashdrop-host-panel-item-background=var(--hashdrop-color-surface-raised)] - Background of a knock.
 *
 * @cssstate has-knocks - Someone is asking to join.
 * @cssstate not-host - The viewer is not a host (knocks are not shown).
 */
export class HashdropHostPanel extends SessionElement {
  static override styles = [tokenStyles, controlStyles, dialogStyles, hostPanelStyles];

  readonly #announcer = new AnnouncerController(this);
  /** Knocks the host already decided on, hidden until the snapshot drops them (a quick, optimistic UI). */
  @state() private decided = new Set<string>();
  /** Why deciding on a knock failed (call full, endpoint down), by knock id; shown with the knock. */
  private failed = new Map<string, string>();

  /** The person whose removal waits for confirmation. */
  @state() private kickTarget: ParticipantSnapshot | null = null;

  #known: Set<string> | null = null;
  #knownHands: Set<string> | null = null;
  /** The Remove confirmation; Cancel returns focus to the button that asked. */
  readonly #kick = new ConfirmDialogController(this, (confirmed) => void this.#closeKick(confirmed));

  /** Moves focus to the heading (for a page that opens the panel on demand). */
  focusInitial(): void {
    this.renderRoot.querySelector<HTMLElement>('[part="title"]')?.focus();
  }

  get #knocks(): KnockSummary[] {
    return this.snapshot.knocks.filter((k) => !this.decided.has(k.knockId));
  }

  protected override snapshotChanged(snapshot: RoomSnapshot): void {
    const ids = new Set(snapshot.knocks.map((k) => k.knockId));
    // Announce the knocks that are new since the last snapshot (not the ones present when the panel appeared).
    if (this.#known) {
      const fresh = snapshot.knocks.filter((k) => !this.#known!.has(k.knockId));
      if (fresh.length === 1) this.#announcer.announce(this.t('host.knock', { name: fresh[0]!.displayName }));
      else if (fresh.length > 1) this.#announcer.announce(this.t('host.knocks', { count: fresh.length }));
    }
    this.#known = ids;
    // Raised hands are news for hosts too: announce the ones that went up since the last snapshot.
    const hands = raisedHands(snapshot.participants).filter((p) => !p.isLocal);
    if (this.#knownHands && snapshot.role === 'host') {
      const fresh = hands.filter((p) => !this.#knownHands!.has(p.identity));
      if (fresh.length === 1) this.#announcer.announce(this.t('people.hand-raised', { name: fresh[0]!.name }));
      else if (fresh.length > 1) this.#announcer.announce(this.t('people.hands-raised', { count: fresh.length }));
    }
    this.#knownHands = new Set(hands.map((p) => p.identity));
    if ([...this.decided].some((id) => !ids.has(id))) {
      this.decided = new Set([...this.decided].filter((id) => ids.has(id)));
    }
    this.setState('has-knocks', snapshot.knocks.length > 0);
    this.setState('not-host', snapshot.role !== null && snapshot.role !== 'host');
  }

  /**
   * Hides the knocks while the decision runs (a quick, optimistic UI). A failed one — the session rejects, or (as
   * `RoomSession` does) reports a new error in the snapshot — shows them again with the reason, announced: the guest
   * is still waiting, and the host must still see them.
   */
  async #decide(
    knocks: readonly KnockSummary[],
    decide: (session: RoomSessionApi) => Promise<void>,
    index = -1,
  ): Promise<void> {
    const session = this.activeSession;
    if (!session) return;
    const before = this.snapshot.error;
    const outcome = decide(session).then(
      () => (this.snapshot.error !== before ? this.snapshot.error : null),
      (error: Error) => ({ code: 'CLIENT', message: error.message }) as const,
    );
    const ids = knocks.map((k) => k.knockId);
    this.decided = new Set([...this.decided, ...ids]);
    for (const id of ids) this.failed.delete(id);
    await this.updateComplete;
    // Keep keyboard users in the list: the next knock's Admit button, else the heading.
    const buttons = this.renderRoot.querySelectorAll<HTMLElement>('[part="admit"]');
    (
      buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('[part="title"]')
    )?.focus();
    const error = await outcome;
    const back = knocks.filter((k) => error && this.snapshot.knocks.some((w) => w.knockId === k.knockId));
    if (!error || !back.length) return;
    // The reason in the element's language, by code; the endpoint's own message where we have none.
    const reason = this.t(`error.${error.code}` as MessageKey) || error.message;
    for (const k of back) {
      this.decided.delete(k.knockId);
      this.failed.set(k.knockId, reason);
    }
    this.requestUpdate();
    // Still asking to join (as when they knocked), and why the decision did not go through.
    const asking = back[1]
      ? this.t('host.knocks', { count: back.length })
      : this.t('host.knock', { name: back[0]!.displayName });
    this.#announcer.announce(`${asking} ${reason}`);
  }

  // ── Stage and moderation ────────────────────────────────────────────────────────────────────────────────────

  async #act(participant: ParticipantSnapshot, action: ParticipantAction): Promise<void> {
    const session = this.activeSession;
    if (!session || !this.snapshot.capabilities.moderate) return;
    if (action === 'kick') {
      this.kickTarget = participant;
      return this.#kick.open();
    }
    await session.moderate(participant.identity, action);
    if (!this.snapshot.error) this.#announcer.announce(this.t(actionDone(action), { name: participant.name }));
  }

  async #muteAll(): Promise<void> {
    await this.activeSession?.muteAll();
    if (!this.snapshot.error) this.#announcer.announce(this.t('people.done.mute-all'));
  }

  async #closeKick(confirmed: boolean): Promise<void> {
    const target = this.kickTarget;
    this.kickTarget = null;
    if (!confirmed || !target) return;
    this.renderRoot.querySelector<HTMLElement>('[part="title"]')?.focus();
    await this.activeSession?.moderate(target.identity, 'kick');
    if (!this.snapshot.error) this.#announcer.announce(this.t('people.done.kick', { name: target.name }));
  }

  #peopleContext(): PeopleListContext {
    const session = this.activeSession;
    const s = this.snapshot;
    return {
      snapshot: s,
      language: this.language,
      t: (key, values) => this.t(key, values),
      act: (participant, action) => void this.#act(participant, action),
      lowerAllHands: session && s.capabilities.moderate ? () => void session.lowerAllHands() : null,
      muteAll: session && s.capabilities.moderate ? () => void this.#muteAll() : null,
      setAudienceChat:
        session && s.capabilities.updatePolicy
          ? (enabled) => void session.updatePolicy({ audienceChat: enabled })
          : null,
    };
  }

  #moderation(): TemplateResult | typeof nothing {
    const s = this.snapshot;
    if (s.role !== 'host' || s.participants.length === 0) return nothing;
    const context = this.#peopleContext();
    return html`${renderHands(context)}${renderPeople(context)}
    ${this.kickTarget ? this.#kick.render(kickConfirm(context.t, this.kickTarget.name)) : nothing}`;
  }

  override render(): TemplateResult {
    const snapshot = this.snapshot;
    const knocks = this.#knocks;
    const notHost = snapshot.role !== null && snapshot.role !== 'host';
    return html`<section part="base" aria-labelledby="title">
      <h2 part="title" id="title" tabindex="-1">
        ${this.t('host.title')}${
          knocks.length
            ? html`<span class="count" aria-hidden="true">${knocks.length}</span
                ><span class="visually-hidden"> (${knocks.length})</span>`
            : nothing
        }
      </h2>
      ${this.#announcer.region()}
      ${
        notHost
          ? html`<p part="empty" class="muted">${this.t('host.not-host')}</p>`
          : knocks.length === 0
            ? html`<p part="empty" class="muted">${this.t('host.empty')}</p>`
            : html`<ul part="list">
                  ${knocks.map((knock, index) => {
                    const failure = this.failed.get(knock.knockId);
                    return html`<li part="knock" data-knock-id=${knock.knockId}>
                      <span part="knock-name"
                        >${knock.displayName}
                        <span part=${failure === undefined ? 'knock-meta' : 'knock-meta knock-error'}
                          >${
                            failure ??
                            (knock.reason === 'HOST_REQUIRED'
                              ? this.t('host.reason.host-required')
                              : this.t('host.waiting-since', {
                                  time: formatClockTime(knock.createdAt, this.language),
                                }))
                          }</span
                        ></span
                      >
                      <button
                        part="admit"
                        class="primary"
                        type="button"
                        aria-label=${this.t('host.admit.label', { name: knock.displayName })}
                        @click=${() => this.#decide([knock], (s) => s.admit(knock.knockId), index)}
                      >
                        ${this.t('host.admit')}
                      </button>
                      <button
                        part="deny"
                        type="button"
                        aria-label=${this.t('host.deny.label', { name: knock.displayName })}
                        @click=${() => this.#decide([knock], (s) => s.deny(knock.knockId), index)}
                      >
                        ${this.t('host.deny')}
                      </button>
                    </li>`;
                  })}
                </ul>
                ${
                  knocks.length > 1
                    ? html`<button
                        part="admit-all"
                        type="button"
                        @click=${() => this.#decide(knocks, (s) => s.admitAll())}
                      >
                        ${this.t('host.admit-all', { count: knocks.length })}
                      </button>`
                    : nothing
                }`
      }
      ${this.#moderation()} ${renderRecordingControl(this.activeSession)} ${renderStreamControl(this.activeSession)}
    </section>`;
  }
}
