import { css } from 'lit';

export const inviteStyles = css`
  :host {
    display: block;
    --hashdrop-invite-code-size: 2rem;
    --hashdrop-invite-qr-size: 192px;
    --hashdrop-invite-background: var(--_hd-surface);
  }
  [part='base'] {
    padding: var(--_hd-space-m);
    background: var(--hashdrop-invite-background);
    border-radius: var(--_hd-radius-l);
  }
  [part='code'] {
    display: block;
    font-size: var(--hashdrop-invite-code-size);
    font-weight: 700;
    letter-spacing: 0.06em;
    font-variant-numeric: tabular-nums;
    word-break: break-word;
    margin: 0 0 var(--_hd-space-s);
    user-select: all;
  }
  [part='link'] {
    display: block;
    font-size: 0.875em;
    color: var(--_hd-text-muted);
    word-break: break-all;
    margin-bottom: var(--_hd-space-s);
  }
  [part='qr'] {
    display: block;
    width: var(--hashdrop-invite-qr-size);
    height: var(--hashdrop-invite-qr-size);
    margin: var(--_hd-space-m) 0;
    /* Not a theme color: scanners need dark modules on white, in a dark theme too. */
    background: #fff;
    image-rendering: pixelated;
    border-radius: var(--_hd-radius-s);
  }
  [part='join-form'] {
    margin-top: var(--_hd-space-m);
    border-top: 1px solid var(--_hd-border);
    padding-top: var(--_hd-space-m);
  }
  [part='join-form'] .row input {
    flex: 1 1 12rem;
    width: auto;
  }
`;
