import { css } from 'lit';

/**
 * Global design tokens. A page sets any `--hashdrop-*` property (on `:root`, on the element, or on a wrapper) and every
 * element follows; nothing set → these defaults. Colors use `light-dark()`, so `theme="light|dark|auto"` (which sets
 * `color-scheme`) switches them; a brand that sets a token overrides it in both themes.
 *
 * Tokens (defaults):
 * - `--hashdrop-font-family` (inherit: the page's font), `--hashdrop-font-size` (1rem)
 * - `--hashdrop-color-surface` (#fff / #17181c), `--hashdrop-color-surface-raised` (#f4f5f7 / #23252b),
 *   `--hashdrop-color-text` (#16181d / #eceef2), `--hashdrop-color-text-muted` (#5b606b / #a3a8b3),
 *   `--hashdrop-color-border` (#d4d7dd / #3a3d45), `--hashdrop-color-accent` (#2f5bea / #7d9bff),
 *   `--hashdrop-color-accent-contrast` (#fff / #0b1230), `--hashdrop-color-danger` (#c62828 / #ff8a80),
 *   `--hashdrop-color-on-danger` (#fff / #2b0000), `--hashdrop-color-success` (#1b7f3b / #7ee2a0),
 *   `--hashdrop-color-focus` (accent), `--hashdrop-color-video` (#0d0e11)
 * - over video (always dark, so not themed): `--hashdrop-color-overlay` (rgba(0,0,0,.7)), `--hashdrop-color-on-video`
 *   (#fff), `--hashdrop-color-on-video-success` (#7ee2a0), `--hashdrop-color-on-video-warning` (#ffb74d),
 *   `--hashdrop-color-on-video-danger` (#ff8a80), `--hashdrop-color-attention` (#8a5a00, a raised hand's badge)
 * - `--hashdrop-color-backdrop` (rgba(0,0,0,.5), behind a dialog), `--hashdrop-shadow` (0 6px 24px rgba(0,0,0,.25))
 * - `--hashdrop-radius` (8px) sets all three radii at once; `--hashdrop-radius-s` (radius / 2), `--hashdrop-radius-m`
 *   (radius), `--hashdrop-radius-l` (radius × 2) set one
 * - `--hashdrop-space-xs` (4px), `--hashdrop-space-s` (8px), `--hashdrop-space-m` (16px), `--hashdrop-space-l` (24px)
 *
 * Inside shadow roots the elements read the private `--_hd-*` copies below.
 */
export const tokenStyles = css`
  :host {
    --_hd-font: var(--hashdrop-font-family, inherit);
    --_hd-font-size: var(--hashdrop-font-size, 1rem);
    --_hd-surface: var(--hashdrop-color-surface, light-dark(#ffffff, #17181c));
    --_hd-surface-raised: var(--hashdrop-color-surface-raised, light-dark(#f4f5f7, #23252b));
    --_hd-text: var(--hashdrop-color-text, light-dark(#16181d, #eceef2));
    --_hd-text-muted: var(--hashdrop-color-text-muted, light-dark(#5b606b, #a3a8b3));
    --_hd-border: var(--hashdrop-color-border, light-dark(#d4d7dd, #3a3d45));
    --_hd-accent: var(--hashdrop-color-accent, light-dark(#2f5bea, #7d9bff));
    --_hd-on-accent: var(--hashdrop-color-accent-contrast, light-dark(#ffffff, #0b1230));
    --_hd-danger: var(--hashdrop-color-danger, light-dark(#c62828, #ff8a80));
    --_hd-on-danger: var(--hashdrop-color-on-danger, light-dark(#ffffff, #2b0000));
    --_hd-success: var(--hashdrop-color-success, light-dark(#1b7f3b, #7ee2a0));
    --_hd-focus: var(--hashdrop-color-focus, var(--_hd-accent));
    --_hd-video: var(--hashdrop-color-video, #0d0e11);
    /* Over video the background is always dark, whatever the theme: these do not switch with it. */
    --_hd-overlay: var(--hashdrop-color-overlay, rgba(0, 0, 0, 0.7));
    --_hd-on-video: var(--hashdrop-color-on-video, #ffffff);
    --_hd-on-video-success: var(--hashdrop-color-on-video-success, #7ee2a0);
    --_hd-on-video-warning: var(--hashdrop-color-on-video-warning, #ffb74d);
    --_hd-on-video-danger: var(--hashdrop-color-on-video-danger, #ff8a80);
    --_hd-attention: var(--hashdrop-color-attention, #8a5a00);
    --_hd-backdrop: var(--hashdrop-color-backdrop, rgba(0, 0, 0, 0.5));
    --_hd-shadow: var(--hashdrop-shadow, 0 6px 24px rgba(0, 0, 0, 0.25));
    --_hd-radius-s: var(--hashdrop-radius-s, calc(var(--hashdrop-radius, 8px) / 2));
    --_hd-radius-m: var(--hashdrop-radius-m, var(--hashdrop-radius, 8px));
    --_hd-radius-l: var(--hashdrop-radius-l, calc(var(--hashdrop-radius, 8px) * 2));
    --_hd-space-xs: var(--hashdrop-space-xs, 4px);
    --_hd-space-s: var(--hashdrop-space-s, 8px);
    --_hd-space-m: var(--hashdrop-space-m, 16px);
    --_hd-space-l: var(--hashdrop-space-l, 24px);
    font-family: var(--_hd-font);
    font-size: var(--_hd-font-size);
    color: var(--_hd-text);
    box-sizing: border-box;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* The direction HashdropElement resolved (a dir or lang above it); without custom states the page's dir inherits. */
  :host(:state(rtl)) {
    direction: rtl;
  }
  :host(:state(ltr)) {
    direction: ltr;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/** Buttons, fields, headings and helpers shared by the elements. */
export const controlStyles = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  h2,
  h3 {
    margin: 0 0 var(--_hd-space-s);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.0625em;
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  p {
    margin: 0 0 var(--_hd-space-s);
  }
  .muted {
    color: var(--_hd-text-muted);
  }
  button {
    font: inherit;
    min-height: 2.5em;
    padding: 0 var(--_hd-space-m);
    border-radius: var(--_hd-radius-m);
    border: 1px solid var(--_hd-border);
    background: var(--_hd-surface-raised);
    color: var(--_hd-text);
    cursor: pointer;
  }
  button.primary {
    background: var(--_hd-accent);
    border-color: var(--_hd-accent);
    color: var(--_hd-on-accent);
    font-weight: 600;
  }
  button.danger {
    background: var(--_hd-danger);
    border-color: var(--_hd-danger);
    color: var(--_hd-on-danger);
  }
  button[aria-pressed='false'] {
    border-color: var(--_hd-danger);
    color: var(--_hd-danger);
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_hd-focus);
    outline-offset: 2px;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--_hd-surface);
    border: 1px solid var(--_hd-border);
    border-radius: var(--_hd-radius-m);
    min-height: 2.5em;
    padding: 0 var(--_hd-space-s);
    width: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--_hd-danger);
  }
  label {
    display: block;
    font-weight: 600;
    margin-block-end: var(--_hd-space-xs);
  }
  .field {
    margin-bottom: var(--_hd-space-m);
  }
  .hint {
    display: block;
    font-size: 0.875em;
    color: var(--_hd-text-muted);
    margin-top: var(--_hd-space-xs);
  }
  .field-error {
    display: block;
    font-size: 0.875em;
    color: var(--_hd-danger);
    margin-top: var(--_hd-space-xs);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_hd-space-s);
    align-items: center;
  }
  .notice {
    border-inline-start: 4px solid var(--_hd-danger);
    background: var(--_hd-surface-raised);
    padding: var(--_hd-space-s) var(--_hd-space-m);
    border-radius: var(--_hd-radius-s);
    margin-bottom: var(--_hd-space-m);
  }
`;

/**
 * The waiting spinner (the room's connecting card, the lobby): one `.spinner` class sized by `--_hd-spinner-size`, and
 * still for people who ask for reduced motion.
 */
export const spinnerStyles = css`
  .spinner {
    width: var(--_hd-spinner-size, 2.5rem);
    height: var(--_hd-spinner-size, 2.5rem);
    margin: 0 auto var(--_hd-space-m);
    border-radius: 50%;
    border: 4px solid var(--_hd-border);
    border-top-color: var(--_hd-accent);
    animation: hd-spin 1.2s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  @keyframes hd-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
