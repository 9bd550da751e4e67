import { css } from 'lit';

/**
 * The recorder fills its page as the call screen fills a room: the theme's surface around a stage that is dark
 * whatever the theme (as the call's own), the stage taking the whole height but the captions' row, and reactions
 * floating up from the bottom of the stage.
 */
export const recorderStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    height: 100%;
    padding: var(--_hd-space-s);
    gap: var(--_hd-space-s);
    background: var(--hashdrop-recorder-background, var(--_hd-surface));
    color: var(--_hd-text);
  }
  [part='stage'] {
    flex: 1 1 auto;
    min-height: 0;
    padding: var(--_hd-space-s);
    color-scheme: dark;
    background: var(--hashdrop-room-stage-background, var(--_hd-video));
    border-radius: var(--_hd-radius-l);
    --hashdrop-stage-spotlight-max-height: none;
  }
  [part='stage']::part(spotlight) {
    flex: 1 1 0;
    min-height: 6rem;
    aspect-ratio: auto;
  }
  [part='stage']::part(grid) {
    flex: 1 1 0;
    min-height: 0;
    align-content: center;
  }
  /* Nobody can press a button in a recording. */
  [part='stage']::part(zoom-controls),
  [part='stage']::part(page-button),
  [part='stage']::part(grid-pager) {
    display: none;
  }
  [part='reactions'] {
    margin-block-start: calc(-2.5rem - var(--_hd-space-s));
    z-index: 1;
  }
  [part='captions'] {
    flex: none;
  }
  [part='message'] {
    margin: auto;
    font-size: 1.25rem;
    color: var(--_hd-text-muted);
  }
`;
