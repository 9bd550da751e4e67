/**
 * The control bar's reactions: a Reactions button whose menu is the six emoji (a wide bar), or the same six as a row
 * at the end of the "More" menu (a narrow one). Each emoji is a menu item named for a screen reader ("applause"); the
 * keyboard is the bar's MenuController's. Choosing one sends it through the session and closes the menu.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Reaction } from '../../contract/index.js';
import type { MessageKey } from '../../i18n/index.js';
import { icon } from '../shared/icons.js';
import type { MenuController } from '../shared/menu.js';
import { REACTION_NAMES } from '../reactions/reaction-names.js';
import type { Menu } from './control-bar.js';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const SMILE = svg`<path d="M12 2a10 10 0 1 0 10 10A10 10 0 0 0 12 2Zm0 18a8 8 0 1 1 8-8 8 8 0 0 1-8 8Zm-3.5-9A1.5 1.5 0 1 0 7 9.5 1.5 1.5 0 0 0 8.5 11Zm7 0A1.5 1.5 0 1 0 14 9.5a1.5 1.5 0 0 0 1.5 1.5ZM12 17.5a5.5 5.5 0 0 0 5.1-3.5H6.9a5.5 5.5 0 0 0 5.1 3.5Z"/>`;

/** The six emoji as menu items, in one row. */
export function reactionItems(t: Translate, menus: MenuController<Menu>, react: (emoji: Reaction) => void) {
  return html`<div part="reaction-row" role="group" aria-label=${t('controls.reactions')}>
    ${(Object.keys(REACTION_NAMES) as Reaction[]).map(
      (emoji) =>
        html`<button
          part="menu-item reaction-item"
          type="button"
          role="menuitem"
          tabindex="-1"
          aria-label=${t(REACTION_NAMES[emoji])}
          title=${t(REACTION_NAMES[emoji])}
          @click=${() => {
            menus.close();
            react(emoji);
          }}
        >
          <span aria-hidden="true">${emoji}</span>
        </button>`,
    )}
  </div>`;
}

/** The Reactions button and, while open, its menu. */
export function reactionMenu(
  t: Translate,
  menus: MenuController<Menu>,
  react: (emoji: Reaction) => void,
): TemplateResult {
  const open = menus.open === 'reactions';
  const label = t('controls.reactions');
  return html`<div part="group reactions-group">
    <button
      part="reactions-button"
      type="button"
      title=${label}
      aria-haspopup="menu"
      aria-expanded=${open ? 'true' : 'false'}
      @click=${() => void menus.toggle('reactions')}
    >
      ${icon(SMILE)}<span class="label">${label}</span>
    </button>
    ${
      open
        ? html`<div part="menu reactions-menu" role="menu" aria-label=${label} @keydown=${menus.onKeyDown}>
            ${reactionItems(t, menus, react)}
          </div>`
        : nothing
    }
  </div>`;
}
