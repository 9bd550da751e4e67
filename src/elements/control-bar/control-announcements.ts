/**
 * What the control bar reads out when the call's state changes under it: the person's own toggles, a hand a host
 * lowered, a role change, and (for a host whose panel is closed) new knocks. A pure function of two snapshots, so the
 * bar's element only announces what this returns.
 */
import type { RoomSnapshot } from '../../core/snapshot.js';
import type { MessageKey } from '../../i18n/index.js';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface AnnouncementContext {
  t: Translate;
  /** The hand changed because of the bar's own button (so a lowered hand was not a host's doing). */
  handToggled: boolean;
  /** The bar speaks for a closed host panel: new knocks are read out here. */
  speaksForHostPanel: boolean;
}

export function controlChanges(s: RoomSnapshot, previous: RoomSnapshot, ctx: AnnouncementContext): string[] {
  const { t } = ctx;
  const changes: string[] = [];
  if (s.micEnabled !== previous.micEnabled) changes.push(t(s.micEnabled ? 'controls.mic.on' : 'controls.mic.off'));
  if (s.cameraEnabled !== previous.cameraEnabled) {
    changes.push(t(s.cameraEnabled ? 'controls.camera.on' : 'controls.camera.off'));
  }
  if (s.screenSharing !== previous.screenSharing) {
    changes.push(t(s.screenSharing ? 'controls.share.on' : 'controls.share.off'));
  }
  if (!!s.handRaisedAt !== !!previous.handRaisedAt) {
    const byHost = !s.handRaisedAt && !ctx.handToggled;
    changes.push(
      t(s.handRaisedAt ? 'controls.hand.raised' : byHost ? 'controls.hand.lowered-by-host' : 'controls.hand.lowered'),
    );
  }
  if (s.role !== previous.role && (s.role === 'speaker' || s.role === 'audience') && previous.role) {
    changes.push(t(s.role === 'speaker' ? 'controls.role.speaker' : 'controls.role.audience'));
  }
  if (ctx.speaksForHostPanel && s.role === 'host') {
    const known = new Set(previous.knocks.map((k) => k.knockId));
    const fresh = s.knocks.filter((k) => !known.has(k.knockId));
    if (fresh.length === 1) changes.push(t('host.knock', { name: fresh[0]!.displayName }));
    else if (fresh.length > 1) changes.push(t('host.knocks', { count: fresh.length }));
  }
  return changes;
}
