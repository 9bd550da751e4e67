import { css } from 'lit';
import { stageFrameStyles } from '../stage/stage-frame.styles.js';

/** Where the call's side panels become drawers over the stage (the call view's own width, see the container below). */
export const NARROW_WIDTH = 768;
/** The same as a media query: the host panel starts closed on such a screen. */
export const NARROW_QUERY = `(max-width: ${NARROW_WIDTH}px)`;

/**
 * The call screen's layout inside `<hashdrop-room>`; `<hashdrop-call-view>` adds it to the room's shadow root, so
 * `:host` here is the room. In a call the room takes its container's height (a minimum when the container has none),
 * and on a phone the whole viewport; the stage takes everything but the title row and the control bar, on a dark
 * background whatever the theme (as video calls do), while panels and controls keep the theme's colours. The spotlight
 * (or the grid) takes what the strip leaves, instead of a 16:9 box. Narrow: one column, and the panels open as sheets
 * over the stage, above the control bar. The panels' contents never make the call taller (size containment): they
 * scroll inside the height the call has. Reactions float up from the bottom of the stage, taking no row of their own.
 */
export const callViewStyles = css`
  :host(:state(in-room)),
  :host(:state(reconnecting)) {
    height: 100%;
  }
  [part='base']:has(> hashdrop-call-view:not([hidden])) {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-height: var(--hashdrop-room-call-min-height, 32rem);
    padding: var(--_hd-space-s);
  }
  @media (max-width: 40rem) {
    [part='base']:has(> hashdrop-call-view:not([hidden])) {
      min-height: 100dvh;
      padding: var(--_hd-space-xs);
    }
  }
  hashdrop-call-view[hidden] {
    display: none;
  }
  hashdrop-call-view {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-height: 0;
    container: call / inline-size;
  }
  [part='call'] {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    display: grid;
    gap: var(--_hd-space-s);
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: minmax(0, 1fr);
  }
  [part='call'].with-sidebar {
    grid-template-columns: minmax(0, 1fr) var(--hashdrop-room-sidebar-width);
  }
  [part='call'].with-chat {
    grid-template-columns: minmax(0, 1fr) var(--hashdrop-room-chat-width, 20rem);
  }
  [part='call'].with-chat.with-sidebar {
    grid-template-columns: minmax(0, 1fr) var(--hashdrop-room-chat-width, 20rem) var(--hashdrop-room-sidebar-width);
  }
  [part='call'] > section {
    display: flex;
    flex-direction: column;
    gap: var(--_hd-space-s);
    min-width: 0;
    min-height: 0;
  }
  [part='call-header'] {
    display: flex;
    align-items: center;
    gap: var(--_hd-space-s);
    min-width: 0;
    padding-inline: var(--_hd-space-xs);
  }
  [part='call-header'] h2 {
    margin: 0;
    font-size: 1em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part='call-header'] > :last-child:not(h2) {
    margin-inline-start: auto;
  }
  ${stageFrameStyles}
  [part='stage'] {
    min-height: 10rem;
    background: var(--hashdrop-room-stage-background, #16171b);
  }
  [part='stage']::part(grid) {
    overflow-y: auto;
  }
  [part='controls'] {
    flex: none;
  }
  /* A strip over the stage's foot where reactions float up. Set here, not only in the element, so that the strip holds
     while the element is not defined yet (it loads with the call's first reaction, see call-extras.ts). */
  [part='reactions'] {
    display: block;
    min-height: 2.5rem;
    margin-block-start: calc(-2.5rem - var(--_hd-space-s));
    z-index: 1;
    pointer-events: none;
  }
  /* Undefined until the call's first caption, as the element itself is when it has none: no room, no gap. */
  [part='captions']:not(:defined) {
    display: none;
  }
  [part='unmute-request'] {
    flex: none;
    margin-inline: auto;
  }
  [part='chat-panel'],
  [part='sidebar'] {
    contain: size;
  }
  [part='chat-panel'] {
    min-height: 0;
    --hashdrop-chat-max-height: none;
  }
  [part='sidebar'] {
    display: grid;
    gap: var(--_hd-space-m);
    align-content: start;
    min-height: 0;
    overflow-y: auto;
  }
  [part='sidebar'][hidden] {
    display: none;
  }
  @container call (max-width: ${NARROW_WIDTH}px) {
    [part='call'].with-chat,
    [part='call'].with-sidebar,
    [part='call'].with-chat.with-sidebar {
      grid-template-columns: minmax(0, 1fr);
    }
    [part='chat-panel'],
    [part='sidebar'] {
      position: absolute;
      z-index: 5;
      inset-inline: 0;
      top: 12%;
      bottom: calc(2.75rem + var(--_hd-space-s));
      overflow-y: auto;
      background: var(--_hd-surface);
      border: 1px solid var(--_hd-border);
      border-radius: var(--_hd-radius-l);
      box-shadow: var(--_hd-shadow);
      animation: hd-sheet-in 180ms ease-out;
    }
  }
  @keyframes hd-sheet-in {
    from {
      opacity: 0;
      transform: translateY(1rem);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='chat-panel'],
    [part='sidebar'] {
      animation: none;
    }
  }
  /* In the call's place while it is in a floating window (pop-out.ts puts it in the room's shadow root). */
  .pop-out-placeholder {
    display: grid;
    place-content: center;
    justify-items: center;
    gap: var(--_hd-space-m);
    min-height: var(--hashdrop-room-call-min-height, 32rem);
    padding: var(--_hd-space-l);
    text-align: center;
  }
  .pop-out-placeholder h2,
  .pop-out-placeholder p {
    margin: 0;
  }
`;
