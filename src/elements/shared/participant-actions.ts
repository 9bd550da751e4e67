/**
 * What a host may do to someone in the call, decided once for the host panel's people list and the tiles' menus so
 * both always offer the same actions. The endpoint is the authority (it refuses non-hosts); this only decides what
 * to show.
 */
import type { ParticipantAction } from '../../contract/routes.js';
import type { ParticipantSnapshot, RoomSnapshot } from '../../core/snapshot.js';
import type { MessageKey } from '../../i18n/index.js';
import type { ConfirmContent } from './confirm-dialog.js';

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
  // Only someone who may speak is asked; the endpoint refuses the rest too.
  else if (!stage || target.role !== 'audience') actions.push('ask-to-unmute');
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

/** What the Remove confirmation says (shown by `ConfirmDialogController`, in the tiles and the host panel). */
export function kickConfirm(t: Translate, name: string): ConfirmContent {
  return {
    parts: { dialog: 'kick-dialog', confirm: 'kick-confirm', cancel: 'kick-cancel' },
    title: t('people.kick.title', { name }),
    body: t('people.kick.body'),
    confirm: t('people.kick.confirm'),
    cancel: t('people.kick.cancel'),
  };
}
