import { css } from 'lit';

/**
 * A stage framed as a call shows it, for the call screen and the recorder page alike: dark whatever the theme (as
 * video calls are), with rounded corners, and the spotlight or the grid taking the height the stage has rather than a
 * 16:9 box. Each screen adds its own minimum height and background.
 */
export const stageFrameStyles = css`
  [part='stage'] {
    flex: 1 1 auto;
    padding: var(--_hd-space-s);
    color-scheme: dark;
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
`;
