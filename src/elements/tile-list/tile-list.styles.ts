import { css } from 'lit';

export const tileListStyles = css`
  :host {
    display: block;
    --hashdrop-tile-list-min-tile: 14rem;
    --hashdrop-tile-list-gap: var(--_hd-space-s);
    --hashdrop-tile-background: var(--_hd-video);
    --hashdrop-tile-speaking-color: var(--_hd-success);
  }
  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--hashdrop-tile-list-min-tile), 1fr));
    gap: var(--hashdrop-tile-list-gap);
  }
  [part~='tile'] {
    position: relative;
    aspect-ratio: 16 / 9;
    background: var(--hashdrop-tile-background);
    border-radius: var(--_hd-radius-m);
    overflow: hidden;
    color: var(--_hd-on-video);
    display: grid;
    place-items: center;
    outline: 3px solid transparent;
    outline-offset: -3px;
  }
  [part~='speaking'] {
    outline-color: var(--hashdrop-tile-speaking-color);
  }
  video {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  video.local {
    transform: scaleX(-1);
  }
  .placeholder {
    font-size: 2rem;
    font-weight: 700;
  }
  [part='name'] {
    position: absolute;
    inset-inline-start: var(--_hd-space-s);
    bottom: var(--_hd-space-s);
    padding: 2px var(--_hd-space-s);
    border-radius: var(--_hd-radius-s);
    background: var(--_hd-overlay);
    font-size: 0.875em;
  }
  audio {
    display: none;
  }
`;
