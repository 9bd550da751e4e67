import { css } from 'lit';

/**
 * The control bar's look. The labels show while they fit in the bar's own width (measured by the element, since
 * their length depends on the language and the controls the viewer has), not the window's. Calm by default: an off toggle is not a warning (the shared red outline stays for the
 * pre-join's device toggles); a microphone or camera that is off is inverted with a crossed-out icon, unmistakable
 * but not red; red is Leave and End for all. The leave icon's arrow points out of the door, mirrored right to left.
 */
export const controlBarStyles = css`
  :host {
    --hashdrop-control-bar-gap: var(--_hd-space-s);
    --hashdrop-control-bar-background: transparent;
    --hashdrop-control-bar-badge-background: var(--_hd-accent);
    --hashdrop-control-bar-badge-color: var(--_hd-on-accent);
    display: block;
    container-type: inline-size;
    background: var(--hashdrop-control-bar-background);
  }
  [part='bar'] {
    display: flex;
    flex-wrap: nowrap;
    justify-content: center;
    align-items: center;
    gap: var(--hashdrop-control-bar-gap);
  }
  /* Nothing shrinks below its content: labels that do not fit overflow the row, and the element switches to icons. */
  [part='bar'] > *,
  [part~='group'] > button {
    flex-shrink: 0;
  }
  :host(:state(compact)) [part='bar'] {
    gap: var(--_hd-space-xs);
  }
  button {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_hd-space-xs);
    min-height: 2.75rem;
    min-width: 2.75rem;
    border-radius: 999px;
    white-space: nowrap;
    transition:
      background-color 150ms ease-out,
      border-color 150ms ease-out,
      color 150ms ease-out;
  }
  button:hover {
    border-color: var(--_hd-text-muted);
  }
  button[aria-pressed='false'] {
    border-color: var(--_hd-border);
    color: var(--_hd-text);
  }
  button[aria-pressed='true'] {
    background: color-mix(in srgb, var(--_hd-accent) 18%, var(--_hd-surface));
    border-color: var(--_hd-accent);
  }
  [part~='mic-toggle'][aria-pressed='false'],
  [part~='camera-toggle'][aria-pressed='false'] {
    background: var(--_hd-text);
    border-color: var(--_hd-text);
    color: var(--_hd-surface);
  }
  [part~='mic-toggle'][aria-pressed='true'],
  [part~='camera-toggle'][aria-pressed='true'] {
    background: var(--_hd-surface-raised);
    border-color: var(--_hd-border);
  }
  button.danger,
  button.danger:hover {
    background: var(--_hd-danger);
    border-color: var(--_hd-danger);
    color: var(--_hd-on-danger);
  }
  [part~='group'] {
    position: relative;
    display: inline-flex;
  }
  [part~='group'] > button:first-child:not(:only-of-type) {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  [part~='device-button'] {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
    border-inline-start-width: 0;
    min-width: 1.75rem;
    padding: 0 6px;
  }
  svg {
    width: 1.25rem;
    height: 1.25rem;
    fill: currentColor;
    flex: none;
  }
  [part~='device-button'] svg {
    width: 1rem;
    height: 1rem;
  }
  :host(:state(rtl)) [part~='leave'] svg {
    transform: scaleX(-1);
  }
  :host(:state(icons-only)) {
    .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    [part='bar'] > button,
    [part~='group'] > button:first-child {
      padding: 0;
      width: 2.75rem;
    }
  }
  [part~='menu'] {
    position: absolute;
    bottom: calc(100% + 4px);
    inset-inline-start: 0;
    z-index: 10;
    min-width: 14rem;
    display: grid;
    padding: var(--_hd-space-xs);
    background: var(--_hd-surface);
    border: 1px solid var(--_hd-border);
    border-radius: var(--_hd-radius-m);
    box-shadow: var(--_hd-shadow);
  }
  [part~='more-menu'] {
    inset-inline-start: auto;
    inset-inline-end: 0;
  }
  [part~='menu-item'] {
    justify-content: flex-start;
    border: 0;
    border-radius: var(--_hd-radius-s);
    background: transparent;
    text-align: start;
    gap: var(--_hd-space-s);
  }
  [part~='menu-item'][aria-checked='true'] {
    font-weight: 600;
  }
  [part~='menu-item'].danger-text {
    color: var(--_hd-danger);
  }
  [part~='menu-item']:hover,
  [part~='menu-item']:focus-visible {
    background: var(--_hd-surface-raised);
  }
  [part~='menu-item'] .check {
    width: 1.2em;
  }
  [part='reaction-row'] {
    display: flex;
    justify-content: space-between;
  }
  [part~='reaction-item'] {
    justify-content: center;
    width: 2.75rem;
    padding: 0;
    font-size: 1.375rem;
  }
  [part~='more-menu'] [part='reaction-row'] {
    border-block-start: 1px solid var(--_hd-border);
    padding-block-start: var(--_hd-space-xs);
    margin-block-start: var(--_hd-space-xs);
  }
  .badge {
    position: absolute;
    top: -4px;
    inset-inline-end: -4px;
    min-width: 1.25rem;
    padding: 0 0.3em;
    border-radius: 999px;
    background: var(--hashdrop-control-bar-badge-background);
    color: var(--hashdrop-control-bar-badge-color);
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.25rem;
  }
  [part='sharing-status'] {
    margin: var(--_hd-space-xs) 0 0;
    text-align: center;
    font-size: 0.875em;
    color: var(--_hd-text-muted);
  }
  @media (prefers-reduced-motion: reduce) {
    button {
      transition: none;
    }
  }
`;
