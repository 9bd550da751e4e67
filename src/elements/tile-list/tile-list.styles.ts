import { css } from 'lit';

export const tileListStyles = css`
  :host {
    display: block;
    --hashdrop-tile-list-min-tile: 14rem;
    --hashdrop-tile-list-gap: var(--_hd-space-s);
  }
  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--hashdrop-tile-list-min-tile), 1fr));
    gap: var(--hashdrop-tile-list-gap);
  }
  hashdrop-participant-tile {
    display: block;
    aspect-ratio: 16 / 9;
  }
`;
