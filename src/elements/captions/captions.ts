import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { SessionElement } from '../shared/session-element.js';
import { captionsStyles } from './captions.styles.js';
import type { RoomSnapshot } from '../../core/snapshot.js';

/**
 * @tagname hashdrop-captions
 * @summary Live captions of the call, as transcription agents (LiveKit Agents, or any participant publishing
 * `lk.transcription` text streams) send them: the speaker's name and their words, the newest at the bottom, each
 * line leaving a few seconds after it stops changing. Only the server-granted agent kind may caption someone else;
 * a participant can caption only its own speech. Hidden while there is nothing to show.
 *
 * @attr for - The id of a `<hashdrop-room>` whose call to caption, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @csspart base - The list of caption lines.
 * @csspart line - One caption (also `interim` while the transcriber may still change it).
 * @csspart speaker - Who spoke.
 * @csspart text - What they said.
 *
 * @cssprop [--hashdrop-captions-background=var(--hashdrop-color-overlay)] - Background of a line.
 * @cssprop [--hashdrop-captions-color=var(--hashdrop-color-on-video)] - Text colour.
 * @cssprop [--hashdrop-captions-font-size=1.125rem] - Text size.
 *
 * @cssstate empty - No caption is showing.
 */
export class HashdropCaptions extends SessionElement {
  static override styles = [tokenStyles, captionsStyles];

  protected override snapshotChanged(snapshot: RoomSnapshot): void {
    this.setState('empty', snapshot.captions.length === 0);
  }

  override render(): TemplateResult | typeof nothing {
    const { participants } = this.snapshot;
    const names = new Map(
      participants.map((p) => [p.identity, p.isLocal ? this.t('tiles.you', { name: p.name }) : p.name]),
    );
    // A caption of someone who has left is dropped: there is no name to put to it.
    const captions = this.snapshot.captions.filter((c) => names.has(c.speaker));
    if (captions.length === 0) return nothing;
    // Not a live region: the words are what a screen-reader user already hears; captions are for reading.
    return html`<ul part="base" aria-label=${this.t('captions.label')}>
      ${repeat(
        captions,
        (c) => `${c.speaker}\n${c.segmentId}`,
        (c) =>
          html`<li part=${c.final ? 'line' : 'line interim'}>
            <span part="speaker">${names.get(c.speaker)}</span><span part="text">${c.text}</span>
          </li>`,
      )}
    </ul>`;
  }
}
