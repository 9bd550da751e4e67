import { css } from 'lit';

export const unmuteRequestStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  [part='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_hd-space-s);
    padding: var(--_hd-space-s) var(--_hd-space-m);
    border-radius: var(--_hd-radius-m);
    background: var(--_hd-surface);
    border: 1px solid var(--_hd-border);
    color: var(--_hd-text);
    box-shadow: var(--_hd-shadow);
  }
  [part='text'] {
    margin: 0;
    flex: 1 1 14rem;
  }
`;
