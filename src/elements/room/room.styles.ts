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
  .spinner {
    width: 2.5rem;
    height: 2.5rem;
    margin: 0 auto var(--_hd-space-m);
    border-radius: 50%;
    border: 4px solid var(--_hd-border);
    border-top-color: var(--_hd-accent);
    animation: spin 1.2s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
