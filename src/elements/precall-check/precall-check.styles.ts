import { css } from 'lit';

export const precallCheckStyles = css`
  :host {
    display: block;
  }
  [part='base'] {
    display: grid;
    gap: var(--_hd-space-s);
    padding: var(--_hd-space-m);
    border: 1px solid var(--_hd-border);
    border-radius: var(--_hd-radius-m);
    background: var(--_hd-surface-raised);
    color: var(--_hd-text);
  }
  [part='title'] {
    margin: 0;
    font-size: 1.05em;
  }
  p {
    margin: 0;
  }
  .hint {
    color: var(--_hd-text-muted);
  }
  [part='steps'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_hd-space-xs);
  }
  [part~='step'] {
    display: flex;
    gap: var(--_hd-space-s);
    align-items: baseline;
  }
  .mark {
    inline-size: 1.2em;
    text-align: center;
    font-weight: 700;
  }
  [data-state='ok'] .mark {
    color: var(--_hd-success);
  }
  [data-state='failed'] .mark,
  [part~='verdict'][data-verdict='failed'] {
    color: var(--_hd-danger);
  }
  [part~='verdict'] {
    font-weight: 600;
  }
  [part~='verdict'][data-verdict='passed'] {
    color: var(--_hd-success);
  }
`;
