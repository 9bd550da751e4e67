import { css } from 'lit';

export const indicatorStyles = css`
  :host {
    display: inline-flex;
    --hashdrop-recording-color: var(--hashdrop-color-danger);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  [part='badge'] {
    display: inline-flex;
    align-items: center;
    gap: var(--hashdrop-space-xs);
    padding: 2px var(--hashdrop-space-s);
    border-radius: 999px;
    border: 1px solid var(--hashdrop-recording-color);
    color: var(--hashdrop-color-text);
    font-size: 0.875em;
    font-weight: 600;
  }
  [part='dot'] {
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
    background: var(--hashdrop-recording-color);
    animation: hashdrop-recording-pulse 1.6s ease-in-out infinite;
  }
  @keyframes hashdrop-recording-pulse {
    50% {
      opacity: 0.35;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='dot'] {
      animation: none;
    }
  }
`;

export const controlPanelStyles = css`
  :host {
    display: block;
  }
  [part='base'] {
    display: grid;
    gap: var(--hashdrop-space-s);
    margin-block-start: var(--hashdrop-space-m);
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--hashdrop-space-s);
  }
  label {
    display: grid;
    gap: var(--hashdrop-space-xs);
    font-size: 0.875em;
  }
  [part='elapsed'] {
    font-variant-numeric: tabular-nums;
  }
  [part='error'] {
    margin: 0;
    color: var(--hashdrop-color-danger);
  }
`;
