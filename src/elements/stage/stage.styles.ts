import { css } from 'lit';

/**
 * The stage's look. The zoom controls sit at the bottom end, above the tile's name row: the top end belongs to the
 * tile's host menu ("⋯"), the top start to Unpin and the tile's badges, so nothing covers anything.
 */
export const stageStyles = css`
  :host {
    --hashdrop-stage-gap: var(--_hd-space-s);
    --hashdrop-stage-strip-tile-width: 11rem;
    --hashdrop-stage-spotlight-max-height: 60vh;
    --hashdrop-stage-background: transparent;
    display: flex;
    flex-direction: column;
    gap: var(--hashdrop-stage-gap);
    background: var(--hashdrop-stage-background);
    min-width: 0;
    position: relative;
  }
  section {
    display: flex;
    flex-direction: column;
    gap: var(--hashdrop-stage-gap);
    flex: 1 1 auto;
    min-height: 0;
  }
  :host([narrow]) {
    --hashdrop-stage-strip-tile-width: 7.5rem;
  }
  [part='spotlight'] {
    position: relative;
    width: 100%;
    aspect-ratio: 16 / 9;
    max-height: var(--hashdrop-stage-spotlight-max-height);
    overflow: hidden;
    border-radius: var(--_hd-radius-m);
    background: var(--_hd-video);
    touch-action: none;
    user-select: none;
  }
  [part='spotlight']:focus-visible {
    outline: 3px solid var(--_hd-focus);
    outline-offset: 2px;
  }
  :host(:state(zoomed)) [part='spotlight'] {
    cursor: grab;
  }
  :host(:state(zoomed)) [part='spotlight'].dragging {
    cursor: grabbing;
  }
  [part='spotlight-content'] {
    position: absolute;
    inset: 0;
    transform-origin: center center;
    will-change: transform;
  }
  [part='spotlight-content'] hashdrop-participant-tile {
    position: absolute;
    inset: 0;
  }
  [part='zoom-controls'] {
    position: absolute;
    inset-inline-end: var(--_hd-space-s);
    bottom: calc(var(--_hd-space-s) + 2rem);
    display: flex;
    gap: 2px;
    align-items: center;
    background: var(--_hd-overlay);
    color: var(--_hd-on-video);
    border-radius: var(--_hd-radius-m);
    padding: 2px;
  }
  [part='zoom-controls'] button,
  [part='unpin'] {
    min-height: 2.25em;
    min-width: 2.25em;
    padding: 0 var(--_hd-space-s);
    background: transparent;
    border: 0;
    color: var(--_hd-on-video);
    border-radius: var(--_hd-radius-s);
  }
  [part='zoom-controls'] button:hover,
  [part='unpin']:hover {
    background: color-mix(in srgb, var(--_hd-on-video) 15%, transparent);
  }
  [part='zoom-level'] {
    font-size: 0.8125em;
    min-width: 3.2em;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  [part='unpin'] {
    position: absolute;
    inset-inline-start: var(--_hd-space-s);
    top: var(--_hd-space-s);
    background: var(--_hd-overlay);
  }
  [part='strip'] {
    display: flex;
    align-items: center;
    gap: var(--_hd-space-xs);
    min-width: 0;
  }
  [part='strip-list'] {
    list-style: none;
    margin: 0;
    padding: 2px;
    display: flex;
    gap: var(--hashdrop-stage-gap);
    overflow-x: auto;
    scroll-snap-type: x mandatory;
    scrollbar-width: thin;
    /* A zero preferred width keeps the tiles (50 of them, rendered or not) out of the stage's min-content width, so
       the stage can always shrink to its container (a grid column of 1fr) instead of pushing the page wider. */
    flex: 1 1 0;
    width: 0;
    min-width: 0;
  }
  [part='strip-list'] > li {
    flex: 0 0 var(--hashdrop-stage-strip-tile-width);
    aspect-ratio: 16 / 9;
    scroll-snap-align: start;
    border-radius: var(--_hd-radius-m);
    background: var(--_hd-video);
    position: relative;
  }
  li > hashdrop-participant-tile {
    position: absolute;
    inset: 0;
  }
  [part~='page-button'] {
    flex: none;
    min-width: 2.5em;
    padding: 0;
  }
  /* The paging arrows point toward the start and the end of the strip, which swap sides right to left. The glyph is
     isolated as left to right first, so no engine's own bidi mirroring flips it a second time. */
  [part~='page-button'] span {
    display: inline-block;
    direction: ltr;
    unicode-bidi: isolate;
  }
  :host(:state(rtl)) [part~='page-button'] span {
    transform: scaleX(-1);
  }
  [part='grid'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--hashdrop-stage-gap);
    grid-template-columns: repeat(var(--_cols, 2), minmax(0, 1fr));
  }
  [part='grid'] > li {
    aspect-ratio: 16 / 9;
    position: relative;
  }
  [part='grid-pager'] {
    display: flex;
    justify-content: center;
    align-items: center;
    gap: var(--_hd-space-s);
  }
  .alone {
    margin: 0;
    padding: var(--_hd-space-s);
    text-align: center;
  }
  .media {
    display: none;
  }
  [part='audience'] {
    margin-top: var(--_hd-space-s);
    font-size: 0.875em;
  }
  [part='audience-list'] {
    list-style: none;
    margin: var(--_hd-space-xs) 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_hd-space-xs) var(--_hd-space-m);
  }
`;
