import { css } from 'lit';

export const controlBarStyles = css`
  :host {
    --hashdrop-control-bar-gap: var(--_hd-space-s);
    --hashdrop-control-bar-background: transparent;
    --hashdrop-control-bar-badge-background: var(--_hd-danger);
    --hashdrop-control-bar-badge-color: var(--_hd-on-danger);
    display: block;
    background: var(--hashdrop-control-bar-background);
  }
  [part='bar'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    align-items: center;
    gap: var(--hashdrop-control-bar-gap);
  }
  [part~='group'] {
    position: relative;
    display: inline-flex;
  }
  [part~='group'] > button:first-child {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  [part~='device-button'] {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
    border-inline-start-width: 0;
    padding: 0 var(--_hd-space-s);
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: var(--_hd-space-xs);
  }
  svg {
    width: 1.1em;
    height: 1.1em;
    fill: currentColor;
    flex: none;
  }
  /* The leave icon's arrow points out of the door: the other way in a right-to-left layout. */
  :host(:state(rtl)) [part~='leave'] svg {
    transform: scaleX(-1);
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
  [part~='menu-item'] {
    justify-content: flex-start;
    border: 0;
    background: transparent;
    text-align: start;
  }
  [part~='menu-item']:hover,
  [part~='menu-item']:focus-visible {
    background: var(--_hd-surface-raised);
  }
  [part~='menu-item'] .check {
    width: 1.2em;
  }
  [part='unread'] {
    min-width: 1.5em;
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--hashdrop-control-bar-badge-background);
    color: var(--hashdrop-control-bar-badge-color);
    font-size: 0.8em;
    font-weight: 700;
    line-height: 1.5;
  }
  [part='sharing-status'] {
    margin: var(--_hd-space-xs) 0 0;
    text-align: center;
    font-size: 0.875em;
    color: var(--_hd-text-muted);
  }
  @media (max-width: 30rem) {
    .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
`;
