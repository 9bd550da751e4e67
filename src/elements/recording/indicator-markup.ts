/**
 * The Recording and Live badges as the call screen and the host's controls show them. Markup only: the view defines
 * the tag, at once (`defineIndicator`) or once a badge has something to show (`loadCallExtra`), so a view that only
 * may show it does not carry the element. (Pre-join writes its own badge: this module would be up-front bytes.)
 */
import { html, type TemplateResult } from 'lit';

/** The "Recording" badge. */
export function recordingBadge(active: boolean, lang: string): TemplateResult {
  return html`<hashdrop-recording-indicator
    part="recording"
    lang=${lang}
    ?active=${active}
  ></hashdrop-recording-indicator>`;
}

/** The "Live" badge: shown to everyone while the call is streamed. */
export function streamBadge(active: boolean, lang: string): TemplateResult {
  return html`<hashdrop-recording-indicator
    part="stream"
    kind="stream"
    lang=${lang}
    ?active=${active}
  ></hashdrop-recording-indicator>`;
}
