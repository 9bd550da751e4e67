import { css } from 'lit';

/**
 * A confirmation `<dialog>` (End for all, Remove someone): the same look wherever a host confirms. A module of its own:
 * only in-call elements confirm, so these rules travel with the call chunk, not in the up-front bytes.
 */
export const dialogStyles = css`
  dialog {
    max-width: min(28rem, calc(100vw - 2rem));
    border: 1px solid var(--_hd-border);
    border-radius: var(--_hd-radius-l);
    background: var(--_hd-surface);
    color: var(--_hd-text);
    padding: var(--_hd-space-l);
  }
  dialog::backdrop {
    background: var(--_hd-backdrop);
  }
  dialog .row {
    justify-content: flex-end;
    margin-top: var(--_hd-space-m);
  }
`;
