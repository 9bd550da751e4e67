/**
 * What a host may do to someone in the call, decided once for the host panel's people list and the tiles' menus so
 * both always offer the same actions. The endpoint is the authority (it refuses non-hosts); this only decides what
 * to show.
 */
import { html, type TemplateResult } from 'lit';
import type { ParticipantAction } from '../../contract/routes.js';
import type { ParticipantSnapshot, RoomSnapshot } from '../../core/snapshot.js';
import type { MessageKey } from '../../i18n/index.js';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** One empty list for everyone who is offered nothing, so a tile given it again sees no change. */
const NONE: readonly ParticipantAction[] = Object.freeze([]);

/** The actions the viewer of `snapshot` can take on `target`, in the order they are offered. */
export function actionsFor(snapshot: RoomSnapshot, target: ParticipantSnapshot): readonly ParticipantAction[] {
  if (snapshot.role !== 'host' || !snapshot.capabilities.moderate || target.isLocal || target.role === 'host')
    return NONE;
  const stage = snapshot.room?.policy.stageMode ?? false;
  const actions: ParticipantAction[] = [];
  if (target.handRaisedAt) actions.push('lower-hand');
  if (stage && target.role === 'audience') actions.push('promote');
  if (stage && target.role === 'speaker') actions.push('demote');
  if (target.microphone && !target.microphone.muted) actions.push('mute');
  actions.push('kick');
  return actions;
}

/** Raised hands, first raised first. */
export function raisedHands(participants: readonly ParticipantSnapshot[]): ParticipantSnapshot[] {
  return participants
    .filter((p) => p.handRaisedAt)
    .sort((a, b) => Date.parse(a.handRaisedAt!) - Date.parse(b.handRaisedAt!));
}

export const actionLabel = (action: ParticipantAction): MessageKey => `people.action.${action}`;
export const actionDone = (action: ParticipantAction): MessageKey => `people.done.${action}`;

/**
 * The kick confirmation: a modal `<dialog>` the owner opens with `showModal()` after setting who it is for. Cancel
 * (or Escape) closes it; the owner returns focus to where the request came from.
 */
export function kickDialog(t: Translate, name: string, onConfirm: () => void, onCancel: () => void): TemplateResult {
  return html`<dialog part="kick-dialog" aria-labelledby="kick-title" aria-describedby="kick-body" @cancel=${onCancel}>
    <h2 id="kick-title">${t('people.kick.title', { name })}</h2>
    <p id="kick-body">${t('people.kick.body')}</p>
    <div class="row">
      <button part="kick-cancel" type="button" @click=${onCancel}>${t('people.kick.cancel')}</button>
      <button part="kick-confirm" class="danger" type="button" @click=${onConfirm}>${t('people.kick.confirm')}</button>
    </div>
  </dialog>`;
}
