import { css } from 'lit';

export const lobbyStyles = css`
  :host {
    display: block;
    --hashdrop-lobby-max-width: 32rem;
    --hashdrop-lobby-background: var(--_hd-surface);
  }
  [part='base'] {
    max-width: var(--hashdrop-lobby-max-width);
    margin: 0 auto;
    padding: var(--_hd-space-l);
    background: var(--hashdrop-lobby-background);
    border-radius: var(--_hd-radius-l);
    text-align: center;
  }
  [part='indicator'] {
    --_hd-spinner-size: 3rem;
  }
  [part='retrying'] {
    color: var(--_hd-text-muted);
  }
  [part='actions'] {
    justify-content: center;
    margin-top: var(--_hd-space-m);
  }
`;
