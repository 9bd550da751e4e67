import { css } from 'lit';

export const chatStyles = css`
  :host {
    display: block;
    --hashdrop-chat-background: var(--_hd-surface);
    --hashdrop-chat-message-background: var(--_hd-surface-raised);
    --hashdrop-chat-local-background: var(--_hd-accent);
    --hashdrop-chat-preview-max-height: 12rem;
  }
  [part='base'] {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--_hd-space-s);
    height: 100%;
    min-height: 16rem;
    padding: var(--_hd-space-m);
    background: var(--hashdrop-chat-background);
    border-radius: var(--_hd-radius-l);
  }
  [part='messages'] {
    flex: 1 1 auto;
    min-height: 8rem;
    max-height: var(--hashdrop-chat-max-height, 28rem);
    overflow-y: auto;
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_hd-space-s);
  }
  [part='messages']:focus-visible {
    outline: 3px solid var(--_hd-focus);
    outline-offset: 2px;
  }
  [part~='message'] {
    align-self: flex-start;
    max-width: 90%;
    padding: var(--_hd-space-xs) var(--_hd-space-s);
    background: var(--hashdrop-chat-message-background);
    border-radius: var(--_hd-radius-m);
    overflow-wrap: anywhere;
  }
  [part~='message-local'] {
    align-self: flex-end;
    background: var(--hashdrop-chat-local-background);
    color: var(--_hd-on-accent);
  }
  [part~='message-local'] .muted,
  [part~='message-local'] a {
    color: inherit;
  }
  .meta {
    display: flex;
    gap: var(--_hd-space-s);
    align-items: baseline;
    font-size: 0.8125em;
  }
  [part='sender'] {
    font-weight: 600;
  }
  [part='text'] {
    margin: 0;
    white-space: pre-wrap;
  }
  [part='link'] {
    color: inherit;
    text-decoration: underline;
  }
  [part='file'] {
    display: grid;
    gap: var(--_hd-space-xs);
    margin-top: var(--_hd-space-xs);
  }
  [part='download'] {
    color: inherit;
    font-weight: 600;
  }
  .file-extension {
    white-space: nowrap;
  }
  [part='preview'] {
    max-width: 100%;
    max-height: var(--hashdrop-chat-preview-max-height);
    border-radius: var(--_hd-radius-s);
    object-fit: contain;
  }
  .progress-row {
    display: flex;
    gap: var(--_hd-space-s);
    align-items: center;
  }
  [part='progress'] {
    flex: 1;
  }
  [part='file-error'],
  [part='refusal'] {
    margin: 0;
    color: var(--_hd-danger);
    font-size: 0.875em;
  }
  [part~='message-local'] [part='file-error'] {
    color: inherit;
    font-weight: 600;
  }
  [part='composer'] {
    display: grid;
    gap: var(--_hd-space-s);
  }
  [part='composer'] .row {
    justify-content: flex-end;
  }
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_hd-surface);
    border: 1px solid var(--_hd-border);
    border-radius: var(--_hd-radius-m);
    padding: var(--_hd-space-xs) var(--_hd-space-s);
    width: 100%;
    resize: vertical;
  }
  textarea:focus-visible {
    outline: 3px solid var(--_hd-focus);
    outline-offset: 2px;
  }
  [part='drop-zone'] {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding: var(--_hd-space-m);
    text-align: center;
    font-weight: 600;
    background: color-mix(in srgb, var(--hashdrop-chat-background) 85%, transparent);
    border: 3px dashed var(--_hd-accent);
    border-radius: var(--_hd-radius-l);
    pointer-events: none;
  }
`;
