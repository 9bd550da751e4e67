import { css } from 'lit';

export const hostPanelStyles = css`
  :host {
    display: block;
    --hashdrop-host-panel-background: var(--_hd-surface);
    --hashdrop-host-panel-item-background: var(--_hd-surface-raised);
  }
  [part='base'] {
    padding: var(--_hd-space-m);
    background: var(--hashdrop-host-panel-background);
    border-radius: var(--_hd-radius-l);
  }
  [part='list'],
  [part='person-list'],
  [part='hand-list'] {
    list-style: none;
    margin: 0 0 var(--_hd-space-m);
    padding: 0;
    display: grid;
    gap: var(--_hd-space-s);
  }
  [part='knock'],
  [part='person'],
  [part='hand'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_hd-space-s);
    padding: var(--_hd-space-s) var(--_hd-space-m);
    background: var(--hashdrop-host-panel-item-background);
    border-radius: var(--_hd-radius-m);
  }
  [part='knock-name'],
  [part='person-name'] {
    font-weight: 600;
    flex: 1 1 8rem;
    overflow-wrap: anywhere;
  }
  [part='knock-meta'],
  [part='person-meta'] {
    display: block;
    font-weight: 400;
    font-size: 0.875em;
    color: var(--_hd-text-muted);
  }
  .count {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.4em;
    border-radius: 1em;
    background: var(--_hd-accent);
    color: var(--_hd-on-accent);
    text-align: center;
    font-size: 0.8em;
    margin-inline-start: var(--_hd-space-xs);
  }
  h3 {
    font-size: 1em;
    margin: var(--_hd-space-m) 0 var(--_hd-space-s);
  }
  /* A section's heading with its one action (Mute all) at the end of the line. */
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_hd-space-s);
    margin: var(--_hd-space-m) 0 var(--_hd-space-s);
  }
  .section-head h3 {
    margin: 0;
  }
  [part~='action'],
  [part='mute-all'] {
    font-size: 0.875em;
  }
  [part='audience-chat'] {
    display: flex;
    gap: var(--_hd-space-s);
    align-items: center;
  }
`;
