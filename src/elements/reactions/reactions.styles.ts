import { css } from 'lit';

export const reactionsStyles = css`
  :host {
    display: block;
    position: relative;
    pointer-events: none;
    min-height: 2.5rem;
    --hashdrop-reactions-size: 2.25rem;
  }
  [part='base'] {
    position: absolute;
    inset: 0;
    overflow: hidden;
  }
  [part='reaction'] {
    position: absolute;
    bottom: 0;
    inset-inline-start: var(--_x, 50%);
    display: grid;
    justify-items: center;
    gap: 0.125rem;
    animation: var(--hashdrop-reactions-animation, hashdrop-float 4s ease-out forwards);
  }
  [part='emoji'] {
    font-size: var(--hashdrop-reactions-size);
    line-height: 1;
    /* Over video in either theme (a system without colour emoji draws them in the text colour). */
    color: var(--_hd-on-video);
  }
  [part='name'] {
    padding: 0.05em 0.45em;
    border-radius: var(--_hd-radius-s);
    background: var(--_hd-overlay);
    color: var(--_hd-on-video);
    font-size: 0.75rem;
    white-space: nowrap;
    max-width: 9rem;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  @keyframes hashdrop-float {
    0% {
      transform: translateY(0) scale(0.6);
      opacity: 0;
    }
    10% {
      transform: translateY(-10%) scale(1);
      opacity: 1;
    }
    80% {
      opacity: 1;
    }
    100% {
      transform: translateY(-240%);
      opacity: 0;
    }
  }
  /* No rising and no scaling for people who asked for less motion: the reaction just shows, then goes. */
  @media (prefers-reduced-motion: reduce) {
    [part='reaction'] {
      animation: none;
    }
  }
`;
