import { css } from 'lit';
import { stageFrameStyles } from '../stage/stage-frame.styles.js';

/**
 * The recorder fills its page as the call screen fills a room: the theme's surface around the call's stage frame,
 * the stage taking the whole height but the captions' row, and reactions floating up from the bottom of the stage.
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
  ${stageFrameStyles}
  [part='stage'] {
    min-height: 0;
    background: var(--hashdrop-room-stage-background, var(--_hd-video));
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
