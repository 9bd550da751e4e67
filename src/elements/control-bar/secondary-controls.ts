import { html, nothing, type svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { icon } from '../shared/icons.js';
import type { MenuController } from '../shared/menu.js';
import type { Menu } from './control-bar.js';
import { CONTROL_ICONS as ICONS } from './control-icons.js';

/** A control that goes into the "More" menu when the bar is narrow. */
export interface SecondaryControl {
  part: string;
  icon: ReturnType<typeof svg>;
  label: string;
  /** Toggles only: whether it is on. */
  pressed?: boolean;
  /** Destructive (End for all): drawn in red. */
  danger?: boolean;
  run: () => void;
}

function onOff(pressed: boolean | undefined): 'true' | 'false' | undefined {
  return pressed === undefined ? undefined : pressed ? 'true' : 'false';
}

/** A secondary control: a button in a wide bar, an item of the "More" menu in a narrow one. */
export function secondaryButton(item: SecondaryControl): TemplateResult {
  return html`<button
    part=${item.part}
    class=${item.danger ? 'danger' : ''}
    type="button"
    title=${item.label}
    aria-pressed=${ifDefined(onOff(item.pressed))}
    @click=${item.run}
  >
    ${icon(item.icon)}<span class="label">${item.label}</span>
  </button>`;
}

/**
 * The "More" button and, while open, its menu (keyboard handled by the bar's MenuController): toggles as
 * `menuitemcheckbox`, End for all as a red `menuitem`. Choosing an item closes the menu (focus back on More) first.
 */
export function moreMenu(
  items: SecondaryControl[],
  label: string,
  menus: MenuController<Menu>,
  /** Shown below the items (the reactions of a narrow bar). */
  footer: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  const open = menus.open === 'more';
  return html`<div part="group more-group">
    <button
      part="more"
      type="button"
      title=${label}
      aria-haspopup="menu"
      aria-expanded=${open ? 'true' : 'false'}
      @click=${() => void menus.toggle('more')}
    >
      ${icon(ICONS.more)}<span class="label">${label}</span>
    </button>
    ${
      open
        ? html`<div part="menu more-menu" role="menu" aria-label=${label} @keydown=${menus.onKeyDown}>
            ${items.map(
              (item) =>
                html`<button
                  part="menu-item ${item.part}"
                  class=${item.danger ? 'danger-text' : ''}
                  type="button"
                  role=${item.pressed === undefined ? 'menuitem' : 'menuitemcheckbox'}
                  aria-checked=${ifDefined(onOff(item.pressed))}
                  tabindex="-1"
                  @click=${() => {
                    menus.close();
                    item.run();
                  }}
                >
                  ${icon(item.icon)}${item.label}
                </button>`,
            )}
            ${footer}
          </div>`
        : nothing
    }
  </div>`;
}
