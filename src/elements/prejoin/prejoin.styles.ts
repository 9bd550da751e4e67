import { css } from 'lit';

export const prejoinStyles = css`
  :host {
    display: block;
    --hashdrop-prejoin-max-width: 40rem;
    --hashdrop-prejoin-background: var(--_hd-surface);
    --hashdrop-prejoin-preview-radius: var(--_hd-radius-m);
    --hashdrop-prejoin-level-color: var(--_hd-success);
  }
  [part='base'] {
    max-width: var(--hashdrop-prejoin-max-width);
    margin: 0 auto;
    padding: var(--_hd-space-l);
    background: var(--hashdrop-prejoin-background);
    border-radius: var(--_hd-radius-l);
  }
  [part='media'] {
    margin-bottom: var(--_hd-space-m);
  }
  [part='preview-frame'] {
    position: relative;
    aspect-ratio: 16 / 9;
    background: var(--_hd-video);
    border-radius: var(--hashdrop-prejoin-preview-radius);
    overflow: hidden;
    display: grid;
    place-items: center;
    color: var(--_hd-on-video);
  }
  [part='preview'] {
    width: 100%;
    height: 100%;
    object-fit: cover;
    transform: scaleX(-1);
  }
  [part='mic-level'] {
    height: 6px;
    margin-top: var(--_hd-space-xs);
    border-radius: 3px;
    background: var(--_hd-border);
    overflow: hidden;
  }
  [part='mic-level']::after {
    content: '';
    display: block;
    height: 100%;
    width: calc(var(--_level, 0) * 100%);
    background: var(--hashdrop-prejoin-level-color);
    transition: width 80ms linear;
  }
  [part='toggles'],
  [part='devices'],
  [part='check'] {
    margin-bottom: var(--_hd-space-m);
  }
  [part='devices'] > .field {
    flex: 1 1 12rem;
    margin: 0;
  }
  [part='countdown'] {
    font-weight: 600;
    color: var(--_hd-accent);
  }
  [part='join'] {
    width: 100%;
  }
`;
