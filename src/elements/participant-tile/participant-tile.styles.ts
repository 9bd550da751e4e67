import { css } from 'lit';

export const participantTileStyles = css`
  :host {
    --hashdrop-tile-background: var(--_hd-video);
    --hashdrop-tile-radius: var(--_hd-radius-m);
    --hashdrop-tile-speaking-color: var(--_hd-success);
    --hashdrop-tile-pinned-color: var(--_hd-accent);
    --hashdrop-tile-label-background: var(--_hd-overlay);
    --hashdrop-tile-label-color: var(--_hd-on-video);
    --hashdrop-tile-avatar-size: clamp(2.5rem, 35%, 7rem);
    display: block;
    position: relative;
    min-width: 0;
    min-height: 0;
  }
  [part~='base'] {
    position: absolute;
    inset: 0;
    background: var(--hashdrop-tile-background);
    border-radius: var(--hashdrop-tile-radius);
    overflow: hidden;
    color: var(--hashdrop-tile-label-color);
    display: grid;
    place-items: center;
    container-type: size;
  }
  [part~='base'][role='button'] {
    cursor: pointer;
  }
  [part~='base']:focus-visible {
    outline: 3px solid var(--_hd-focus);
    outline-offset: 2px;
  }
  [part~='base']::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
    pointer-events: none;
    box-shadow: inset 0 0 0 3px transparent;
    transition: box-shadow 120ms ease-out;
  }
  :host([pinned]) [part~='base']::after {
    box-shadow: inset 0 0 0 3px var(--hashdrop-tile-pinned-color);
  }
  [part~='base'].speaking::after {
    box-shadow: inset 0 0 0 3px var(--hashdrop-tile-speaking-color);
  }
  video {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  video.contain {
    object-fit: contain;
  }
  video.mirror {
    transform: scaleX(-1);
  }
  [part='avatar'] {
    width: var(--hashdrop-tile-avatar-size);
    aspect-ratio: 1;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-weight: 700;
    font-size: clamp(0.875rem, 14cqmin, 2.5rem);
    color: var(--_hd-on-video);
    user-select: none;
  }
  [part='avatar']::before {
    content: attr(data-initials);
  }
  [part='footer'] {
    position: absolute;
    inset-inline: var(--_hd-space-xs);
    bottom: var(--_hd-space-xs);
    display: flex;
    align-items: center;
    gap: var(--_hd-space-xs);
    min-width: 0;
    pointer-events: none;
  }
  [part='name'],
  [part~='badge'] {
    background: var(--hashdrop-tile-label-background);
    color: var(--hashdrop-tile-label-color);
    border-radius: var(--_hd-radius-s);
    padding: 1px 6px;
    font-size: 0.8125em;
    line-height: 1.5;
  }
  [part='name'] {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part='name-text'] {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [part='badges'] {
    position: absolute;
    inset-inline: var(--_hd-space-xs);
    top: var(--_hd-space-xs);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_hd-space-xs);
    pointer-events: none;
  }
  [part~='badge'] {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  [part~='hand'] {
    background: var(--_hd-attention);
  }
  [part~='pin-badge'] {
    background: var(--hashdrop-tile-pinned-color);
    color: var(--_hd-on-accent);
  }
  svg {
    width: 1em;
    height: 1em;
    flex: none;
    fill: currentColor;
  }
  [part='mic-muted'] {
    color: var(--_hd-on-video-danger);
  }
  [part='quality'] {
    margin-inline-start: auto;
    display: inline-flex;
    align-items: flex-end;
    gap: 1px;
    height: 0.9em;
    background: var(--hashdrop-tile-label-background);
    border-radius: var(--_hd-radius-s);
    padding: 3px 4px;
    box-sizing: content-box;
  }
  [part='quality'] i {
    width: 3px;
    background: color-mix(in srgb, var(--_hd-on-video) 35%, transparent);
    border-radius: 1px;
  }
  [part='quality'] i:nth-child(1) {
    height: 35%;
  }
  [part='quality'] i:nth-child(2) {
    height: 65%;
  }
  [part='quality'] i:nth-child(3) {
    height: 100%;
  }
  [part='quality'] i.on {
    background: var(--_hd-on-video-success);
  }
  [part='quality'].poor i.on {
    background: var(--_hd-on-video-warning);
  }
  [part='quality'].lost i.on {
    background: var(--_hd-on-video-danger);
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='base']::after {
      transition: none;
    }
  }
  [part='actions-button'] {
    position: absolute;
    inset-block-start: var(--_hd-space-xs);
    inset-inline-end: var(--_hd-space-xs);
    min-width: 2rem;
    min-height: 2rem;
    padding: 0 var(--_hd-space-s);
    background: var(--_hd-overlay);
    color: var(--_hd-on-video);
    border-radius: var(--_hd-radius-m);
  }
  [part='actions-menu'] {
    position: absolute;
    inset-block-start: 2.75rem;
    inset-inline-end: var(--_hd-space-xs);
    z-index: 2;
    display: grid;
    min-width: 10rem;
    padding: var(--_hd-space-xs);
    background: var(--_hd-surface);
    color: var(--_hd-text);
    border: 1px solid var(--_hd-border);
    border-radius: var(--_hd-radius-m);
  }
  [part~='menu-item'] {
    text-align: start;
  }
`;
