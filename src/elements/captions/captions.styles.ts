import { css } from 'lit';

export const captionsStyles = css`
  :host {
    display: block;
    --hashdrop-captions-background: var(--_hd-overlay);
    --hashdrop-captions-color: var(--_hd-on-video);
    --hashdrop-captions-font-size: 1.125rem;
  }
  :host([hidden]),
  :host(:state(empty)) {
    display: none;
  }
  [part='base'] {
    display: grid;
    gap: var(--_hd-space-xs, 0.25rem);
    justify-items: center;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='line'] {
    max-width: min(48rem, 100%);
    padding: 0.25em 0.6em;
    border-radius: var(--_hd-radius-s);
    background: var(--hashdrop-captions-background);
    color: var(--hashdrop-captions-color);
    font-size: var(--hashdrop-captions-font-size);
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  [part='speaker'] {
    font-weight: 600;
    margin-inline-end: 0.4em;
  }
  /* Words that may still change: slanted, not faded (faded text would fail contrast). */
  [part~='interim'] [part='text'] {
    font-style: italic;
  }
`;
