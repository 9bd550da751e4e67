import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ParticipantSnapshot } from '../../core/snapshot.js';
import { attachMedia } from '../shared/attach-media.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { SessionElement } from '../shared/session-element.js';
import { tileListStyles } from './tile-list.styles.js';

/**
 * @tagname hashdrop-tile-list
 * @summary A plain grid of everyone in the call, for pages that lay out a call themselves (the room uses
 * `<hashdrop-stage>`): each tile shows the participant's camera (attached through the session) or their initial, their
 * name, and whether they are speaking or muted; remote microphones play through hidden audio elements.
 *
 * @attr for - The id of a `<hashdrop-room>` whose call to show, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @csspart list - The grid.
 * @csspart tile - One participant (also `local`, `speaking`, `muted` as extra part names when they apply).
 * @csspart video - A participant's video.
 * @csspart name - A participant's name label.
 *
 * @cssprop [--hashdrop-tile-list-min-tile=14rem] - Smallest tile width.
 * @cssprop [--hashdrop-tile-list-gap=var(--hashdrop-space-s)] - Gap between tiles.
 * @cssprop [--hashdrop-tile-background=var(--hashdrop-color-video)] - Tile background behind video.
 * @cssprop [--hashdrop-tile-speaking-color=var(--hashdrop-color-success)] - Outline of a speaking tile.
 */
export class HashdropTileList extends SessionElement {
  static override styles = [tokenStyles, controlStyles, tileListStyles];

  readonly #attached = new Set<string>();

  /** Track sids currently attached to media elements (tests, debugging). */
  get attachedTracks(): string[] {
    return [...this.#attached];
  }

  /** Plays a track in its media element while both are rendered (see `attachMedia`). */
  #media(sid: string): ReturnType<typeof attachMedia> {
    const session = this.activeSession;
    return attachMedia(
      [session, sid],
      session &&
        ((element) => {
          const detach = session.attach(sid, element);
          this.#attached.add(sid);
          return () => {
            this.#attached.delete(sid);
            detach();
          };
        }),
    );
  }

  #tile(p: ParticipantSnapshot): TemplateResult {
    const camera = p.camera && !p.camera.muted && (p.isLocal || p.camera.subscribed) ? p.camera : null;
    const mic = !p.isLocal && p.microphone && p.microphone.subscribed ? p.microphone : null;
    const muted = !p.microphone || p.microphone.muted;
    const parts = ['tile', p.isLocal ? 'local' : '', p.isSpeaking ? 'speaking' : '', muted ? 'muted' : '']
      .filter(Boolean)
      .join(' ');
    const name = p.isLocal ? this.t('tiles.you', { name: p.name }) : p.name;
    const status = [muted ? this.t('tiles.muted') : '', p.isSpeaking ? this.t('tiles.speaking') : '']
      .filter(Boolean)
      .join(', ');
    return html`<li part=${parts} data-identity=${p.identity}>
      ${
        camera
          ? html`<video
              part="video"
              class=${p.isLocal ? 'local' : ''}
              data-sid=${camera.sid}
              autoplay
              playsinline
              .muted=${true}
              aria-hidden="true"
              ${this.#media(camera.sid)}
            ></video>`
          : html`<span class="placeholder" aria-hidden="true">${(p.name.trim()[0] ?? '?').toUpperCase()}</span>`
      }
      ${mic ? html`<audio data-sid=${mic.sid} autoplay ${this.#media(mic.sid)}></audio>` : nothing}
      <span part="name">${name}${status ? html`<span class="visually-hidden">, ${status}</span>` : nothing}</span>
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
      ${participants.length === 1 ? html`<p class="muted">${this.t('tiles.alone')}</p>` : nothing}`;
  }
}
