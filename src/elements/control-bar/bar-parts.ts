/** Pieces of the control bar's rendering that need none of its state. */
import { html, nothing, type TemplateResult } from 'lit';
import type { RoomSnapshot } from '../../core/snapshot.js';
import type { MessageKey } from '../../i18n/index.js';
import { CONTROL_ICONS as ICONS } from './control-icons.js';
import { HashdropPopOutToggleEvent } from './pop-out-toggle-event.js';
import type { SecondaryControl } from './secondary-controls.js';

/** The bar's Pop out toggle: pressed while the call is in a floating window; pressing it asks for the other state. */
export function popOutControl(
  bar: HTMLElement & { poppedOut: boolean },
  t: (key: MessageKey) => string,
): SecondaryControl {
  return {
    part: 'pop-out',
    icon: ICONS.popOut,
    label: t('pop-out.button'),
    pressed: bar.poppedOut,
    run: () => {
      const out = !bar.poppedOut;
      // The call view moves the call and sets `popped-out` back on the bar; a canceled request changes nothing.
      bar.dispatchEvent(new HashdropPopOutToggleEvent(out));
    },
  };
}

/** Who is sharing their screen, as the bar says it under its row ('' when nobody is). */
export function sharingStatus(
  s: RoomSnapshot,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
): string {
  const sharer = s.participants.find((p) => p.screenShare && !p.screenShare.muted);
  if (s.screenSharing || sharer?.isLocal) return t('controls.sharing.you');
  return sharer ? t('controls.sharing.other', { name: sharer.name }) : '';
}

/** A count on a button: the number drawn, and a sentence for screen readers. */
export function badge(part: string, count: number, sentence: string): TemplateResult | typeof nothing {
  return count
    ? html`<span part=${part} class="badge" aria-hidden="true">${count}</span
        ><span class="visually-hidden">${sentence}</span>`
    : nothing;
}
