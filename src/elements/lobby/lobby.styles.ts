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
    width: 3rem;
    height: 3rem;
    margin: 0 auto var(--_hd-space-m);
    border-radius: 50%;
    border: 4px solid var(--_hd-border);
    border-top-color: var(--_hd-accent);
    animation: spin 1.2s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    [part='indicator'] {
      animation: none;
    }
  }
  [part='retrying'] {
    color: var(--_hd-text-muted);
  }
  [part='actions'] {
    justify-content: center;
    margin-top: var(--_hd-space-m);
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
