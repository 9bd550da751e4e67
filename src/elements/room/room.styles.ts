import { css } from 'lit';

export const roomStyles = css`
  :host {
    display: block;
    --hashdrop-room-background: var(--_hd-surface);
    --hashdrop-room-padding: var(--_hd-space-m);
    --hashdrop-room-min-height: 24rem;
    --hashdrop-room-sidebar-width: 20rem;
    background: var(--hashdrop-room-background);
    color: var(--_hd-text);
    border-radius: var(--_hd-radius-l);
  }
  [part='base'] {
    position: relative;
    min-height: var(--hashdrop-room-min-height);
    padding: var(--hashdrop-room-padding);
  }
  [part='card'] {
    max-width: 32rem;
    margin: 0 auto;
    padding: var(--_hd-space-l);
    text-align: center;
  }
  [part='card'] .row {
    justify-content: center;
  }
  [part='notice'] {
    margin-bottom: var(--_hd-space-m);
  }
`;
