import { css } from 'lit';

/**
 * The invite's look. The code stays on one line, never broken at its hyphen: its size shrinks with the column
 * instead (a code is at most about 20 characters). The link is shortened in the middle: its start gives way
 * (ellipsis), its end with the room code stays whole.
 */
export const inviteStyles = css`
  :host {
    display: block;
    --hashdrop-invite-code-size: 2rem;
    --hashdrop-invite-qr-size: 192px;
    --hashdrop-invite-background: var(--_hd-surface);
  }
  [part='base'] {
    container-type: inline-size;
    padding: var(--_hd-space-m);
    background: var(--hashdrop-invite-background);
    border-radius: var(--_hd-radius-l);
  }
  [part='code'] {
    display: block;
    font-size: clamp(1rem, 7.5cqi, var(--hashdrop-invite-code-size));
    font-weight: 700;
    letter-spacing: 0.06em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    overflow-x: auto;
    margin: 0 0 var(--_hd-space-s);
    user-select: all;
  }
  [part='link'] {
    font-size: 0.875em;
    color: var(--_hd-text-muted);
    display: flex;
    white-space: nowrap;
    margin-bottom: var(--_hd-space-s);
  }
  .link-start {
    overflow: hidden;
    text-overflow: ellipsis;
    min-width: 1.5em;
  }
  .link-end {
    flex: none;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [part='qr'] {
    display: block;
    width: var(--hashdrop-invite-qr-size);
    height: var(--hashdrop-invite-qr-size);
    margin: var(--_hd-space-m) 0;
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
