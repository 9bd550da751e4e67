import { html, type TemplateResult } from 'lit';

/**
 * The invite link as shown: a long link is shortened in the middle (the start ellipsized by CSS, the room code at its
 * end always visible), never broken mid-word. Screen readers and the tooltip get the whole link, and Copy link copies
 * it whole; only the picture is shorter.
 */
export function linkView(link: string, code: string): TemplateResult {
  const at = link.lastIndexOf(encodeURIComponent(code));
  const split = at > 0 ? at : Math.max(link.lastIndexOf('/'), 0);
  return html`<span part="link" title=${link}
    ><span class="link-start">${link.slice(0, split)}</span><span class="link-end">${link.slice(split)}</span></span
  >`;
}
