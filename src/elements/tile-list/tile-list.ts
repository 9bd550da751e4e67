import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ParticipantSnapshot } from '../../core/snapshot.js';
import type { HashdropParticipantTile } from '../participant-tile/participant-tile.js';
import { actionsFor } from '../shared/participant-actions.js';
import { remoteAudio } from '../shared/remote-audio.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { SessionElement } from '../shared/session-element.js';
import { tileListStyles } from './tile-list.styles.js';

/** The tile's own parts a page may style through the list, as it could before the list was built on tiles. */
const TILE_PARTS = 'base, video, avatar, footer, name, name-text, mic-muted, quality, badges, badge, hand';

/**
 * @tagname hashdrop-tile-list
 * @summary A plain grid of everyone in the call, for pages that lay out a call themselves (the room uses
 * `<hashdrop-stage>`): one `<hashdrop-participant-tile>` per person — camera or initials, name, muted microphone,
 * speaking outline, hand, connection quality, and for hosts the tile's menu of actions — and remote microphones
 * played through hidden audio elements. No spotlight and no pinning: tiles are `static`.
 *
 * @attr for - The id of a `<hashdrop-room>` whose call to show, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @csspart list - The grid.
 * @csspart tile - One participant's `<hashdrop-participant-tile>` (also `local`, `speaking`, `muted` as extra part
 *   names when they apply). The tile's own parts are exported: `base`, `video`, `avatar`, `footer`, `name`,
 *   `name-text`, `mic-muted`, `quality`, `badges`, `badge`, `hand`.
 *
 * @cssprop [--hashdrop-tile-list-min-tile=14rem] - Smallest tile width.
 * @cssprop [--hashdrop-tile-list-gap=var(--hashdrop-space-s)] - Gap between tiles.
 */
export class HashdropTileList extends SessionElement {
  static override styles = [tokenStyles, controlStyles, tileListStyles];

  readonly #audio = new Set<string>();

  /** Track sids attached to media elements: the tiles' videos and the remote microphones (tests, debugging). */
  get attachedTracks(): string[] {
    const sids = [...this.#audio];
    for (const tile of this.renderRoot.querySelectorAll<HashdropParticipantTile>('hashdrop-participant-tile')) {
      if (tile.attachedTrack) sids.push(tile.attachedTrack);
    }
    return sids;
  }

  readonly #onAudio = (sid: string, attached: boolean): void => {
    if (attached) this.#audio.add(sid);
    else this.#audio.delete(sid);
  };

  #tile(p: ParticipantSnapshot): TemplateResult {
    const muted = !p.microphone || p.microphone.muted;
    const parts = ['tile', p.isLocal ? 'local' : '', p.isSpeaking ? 'speaking' : '', muted ? 'muted' : '']
      .filter(Boolean)
      .join(' ');
    return html`<li data-identity=${p.identity}>
      <hashdrop-participant-tile
        part=${parts}
        exportparts=${TILE_PARTS}
        lang=${this.language}
        static
        .participant=${p}
        .session=${this.activeSession}
        .actions=${actionsFor(this.snapshot, p)}
      ></hashdrop-participant-tile>
    </li>`;
  }

  override render(): TemplateResult {
    const participants = this.snapshot.participants;
    return html`<ul part="list" aria-label=${this.t('tiles.label')}>
        ${repeat(
          participants,
          (p) => p.identity,
          (p) => this.#tile(p),
        )}
      </ul>
      ${participants.length === 1 ? html`<p class="muted">${this.t('tiles.alone')}</p>` : nothing}
      ${remoteAudio(participants, this.activeSession, this.#onAudio)}`;
  }
}
