import { html, svg, type TemplateResult } from 'lit';

/** Icons more than one element draws (24×24 paths), so a screen share or a raised hand looks the same everywhere. */
export const SHARED_ICONS = {
  screen: svg`<path d="M20 3H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h6v2H8v2h8v-2h-2v-2h6a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2Zm0 13H4V5h16Z"/>`,
  hand: svg`<path d="M21 7a1.5 1.5 0 0 0-3 0v5h-1V4a1.5 1.5 0 0 0-3 0v7h-1V2.5a1.5 1.5 0 0 0-3 0V12H9V5.5a1.5 1.5 0 0 0-3 0v9.3L3.8 12.6a1.4 1.4 0 0 0-2 2l5.3 5.6A6 6 0 0 0 11.5 22H15a6 6 0 0 0 6-6Z"/>`,
};

/** An icon beside a visible or screen-reader label: hidden from assistive technology, never focusable. */
export function icon(path: ReturnType<typeof svg>): TemplateResult {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${path}</svg>`;
}
