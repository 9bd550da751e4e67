/**
 * The camera menu's "Blur background" item (a `menuitemcheckbox`): blur on or off for the published camera, the same
 * choice as the pre-join screen's. Where the browser cannot process video it stays in the menu, disabled, with the
 * reason, so people learn why there is no blur rather than miss it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { canProcessBackground } from '../../core/background-support.js';
import type { RoomSessionApi } from '../../core/session-api.js';
import type { RoomSnapshot } from '../../core/snapshot.js';
import type { MessageKey } from '../../i18n/index.js';

export function backgroundItem(
  s: RoomSnapshot,
  t: (key: MessageKey) => string,
  session: RoomSessionApi | null,
  menus: { close(): void },
): TemplateResult {
  const supported = canProcessBackground();
  const on = s.background !== 'none';
  return html`<button
    part="menu-item background-item"
    type="button"
    role="menuitemcheckbox"
    tabindex="-1"
    aria-checked=${on ? 'true' : 'false'}
    aria-disabled=${supported ? 'false' : 'true'}
    @click=${() => {
      if (!supported) return;
      void session?.setBackground(on ? 'none' : 'blur');
      menus.close();
    }}
  >
    <span class="check" aria-hidden="true">${on ? '✓' : ''}</span>${t('background.blur-menu')}${
      supported ? nothing : html` <span class="hint">(${t('background.unsupported')})</span>`
    }
  </button>`;
}
