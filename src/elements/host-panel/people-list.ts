/**
 * The host panel's stage and moderation sections: raised hands (first raised first) and the people in the call with
 * the actions a host can take on each. Render functions only; the panel keeps the state (the kick being confirmed,
 * announcements) and carries out the actions.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ParticipantAction } from '../../contract/routes.js';
import type { ParticipantSnapshot, RoomSnapshot } from '../../core/snapshot.js';
import type { MessageKey } from '../../i18n/index.js';
import { formatClockTime } from '../shared/format.js';
import { actionLabel, actionsFor, raisedHands } from '../shared/participant-actions.js';

export interface PeopleListContext {
  snapshot: RoomSnapshot;
  language: string;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  act: (participant: ParticipantSnapshot, action: ParticipantAction) => void;
  lowerAllHands: (() => void) | null;
  /** Set when this viewer may mute everyone but the hosts. */
  muteAll: (() => void) | null;
  /** Set when this viewer may switch audience chat (hosts whose session can change the policy). */
  setAudienceChat: ((enabled: boolean) => void) | null;
}

function actionButtons(ctx: PeopleListContext, participant: ParticipantSnapshot, only?: ParticipantAction[]) {
  const actions = actionsFor(ctx.snapshot, participant).filter((action) => !only || only.includes(action));
  return actions.map(
    (action) =>
      html`<button
        part="action action-${action}"
        class=${action === 'kick' ? 'danger' : ''}
        type="button"
        aria-label=${ctx.t('people.action.label', { action: ctx.t(actionLabel(action)), name: participant.name })}
        @click=${() => ctx.act(participant, action)}
      >
        ${ctx.t(actionLabel(action))}
      </button>`,
  );
}

export function renderHands(ctx: PeopleListContext): TemplateResult {
  const hands = raisedHands(ctx.snapshot.participants);
  return html`<section part="hands" aria-labelledby="hands-title">
    <h3 id="hands-title">${ctx.t('people.hands')}</h3>
    ${
      hands.length === 0
        ? html`<p class="muted">${ctx.t('people.hands.empty')}</p>`
        : html`<ol part="hand-list">
              ${hands.map(
                (p) =>
                  html`<li part="hand" data-identity=${p.identity}>
                    <span part="person-name"
                      >${p.name} <span part="person-meta">${formatClockTime(p.handRaisedAt!, ctx.language)}</span></span
                    >
                    ${actionButtons(ctx, p, ['promote', 'lower-hand'])}
                  </li>`,
              )}
            </ol>
            ${
              hands.length > 1 && ctx.lowerAllHands
                ? html`<button part="lower-all" type="button" @click=${ctx.lowerAllHands}>
                    ${ctx.t('people.lower-all')}
                  </button>`
                : nothing
            }`
    }
  </section>`;
}

function personRow(ctx: PeopleListContext, p: ParticipantSnapshot): TemplateResult {
  const name = p.isLocal ? ctx.t('people.you', { name: p.name }) : p.name;
  return html`<li part="person" data-identity=${p.identity}>
    <span part="person-name">${name} <span part="person-meta">${ctx.t(`people.role.${p.role}`)}</span></span>
    ${actionButtons(ctx, p)}
  </li>`;
}

/** Mute all: offered while someone other than a host has their microphone on. */
function muteAllButton(ctx: PeopleListContext): TemplateResult | typeof nothing {
  const live = ctx.snapshot.participants.some((p) => p.role !== 'host' && p.microphone && !p.microphone.muted);
  return ctx.muteAll && live
    ? html`<button part="mute-all" type="button" @click=${ctx.muteAll}>${ctx.t('people.mute-all')}</button>`
    : nothing;
}

export function renderPeople(ctx: PeopleListContext): TemplateResult {
  const people = ctx.snapshot.participants;
  const stage = ctx.snapshot.room?.policy.stageMode ?? false;
  const audienceChat = ctx.snapshot.room?.policy.audienceChat ?? true;
  if (!stage) {
    return html`<section part="people" aria-labelledby="people-title">
      <div class="section-head">
        <h3 id="people-title">${ctx.t('people.title', { count: people.length })}</h3>
        ${muteAllButton(ctx)}
      </div>
      <ul part="person-list">
        ${people.map((p) => personRow(ctx, p))}
      </ul>
    </section>`;
  }
  const onStage = people.filter((p) => p.role !== 'audience');
  const audience = people.filter((p) => p.role === 'audience');
  return html`<section part="people" aria-labelledby="speakers-title">
    <div class="section-head">
      <h3 id="speakers-title">${ctx.t('people.speakers', { count: onStage.length })}</h3>
      ${muteAllButton(ctx)}
    </div>
    <ul part="person-list">
      ${onStage.map((p) => personRow(ctx, p))}
    </ul>
    <h3 id="audience-title">${ctx.t('people.audience', { count: audience.length })}</h3>
    <ul part="person-list" aria-labelledby="audience-title">
      ${audience.map((p) => personRow(ctx, p))}
    </ul>
    ${
      ctx.setAudienceChat
        ? html`<label part="audience-chat"
            ><input
              type="checkbox"
              .checked=${audienceChat}
              @change=${(event: Event) => ctx.setAudienceChat!((event.target as HTMLInputElement).checked)}
            />
            ${ctx.t('people.audience-chat')}</label
          >`
        : nothing
    }
  </section>`;
}
