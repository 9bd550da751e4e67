import { html, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ReactionSnapshot, RoomSnapshot } from '../../core/snapshot.js';
import { AnnouncerController } from '../shared/announcer.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { SessionElement } from '../shared/session-element.js';
import { REACTION_NAMES } from './reaction-names.js';
import { reactionsStyles } from './reactions.styles.js';

/**
 * @tagname hashdrop-reactions
 * @summary Reactions floating up over the call for a few seconds, each with the sender's name, and read out politely
 * to screen readers ("Grace reacted with applause"). Reactions travel through the endpoint, which relays them under
 * the sender's own identity and limits how many one person sends. With `prefers-reduced-motion` they appear in
 * place instead of rising. Place it over the stage; it takes no pointer events.
 *
 * @attr for - The id of a `<hashdrop-room>` whose call to show, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @csspart base - The area the reactions float in.
 * @csspart reaction - One reaction.
 * @csspart emoji - Its emoji.
 * @csspart name - Who sent it.
 *
 * @cssprop [--hashdrop-reactions-size=2.25rem] - Size of the emoji.
 * @cssprop [--hashdrop-reactions-animation=hashdrop-float 4s ease-out forwards] - How a reaction moves; `none` holds
 *   it still (pictures of a page, or a page's own motion setting).
 */
export class HashdropReactions extends SessionElement {
  static override styles = [tokenStyles, controlStyles, reactionsStyles];

  readonly #announcer = new AnnouncerController(this);
  #lastAnnounced = 0;

  #name(identity: string, s: RoomSnapshot): string | null {
    const p = s.participants.find((participant) => participant.identity === identity);
    if (!p) return null;
    return p.isLocal ? this.t('tiles.you', { name: p.name }) : p.name;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const s = this.snapshot;
    const fresh = s.reactions.filter((r) => r.id > this.#lastAnnounced);
    if (fresh.length === 0) return;
    this.#lastAnnounced = fresh.at(-1)!.id;
    // One announcement for a burst: the newest, so a crowd clapping is one sentence, not twelve.
    const newest = fresh.at(-1)!;
    const name = this.#name(newest.identity, s);
    if (name) {
      const reaction = this.t(REACTION_NAMES[newest.emoji]);
      this.#announcer.announce(this.t('reactions.announce', { name, reaction }));
    }
  }

  #reaction(r: ReactionSnapshot, s: RoomSnapshot): TemplateResult {
    // Spread across the width by id, so a burst does not stack on one spot (deterministic: stories stay still).
    const x = `${10 + ((r.id * 37) % 80)}%`;
    return html`<span part="reaction" style=${styleMap({ '--_x': x })}>
      <span part="emoji">${r.emoji}</span>
      <span part="name">${this.#name(r.identity, s) ?? ''}</span>
    </span>`;
  }

  override render(): TemplateResult {
    const s = this.snapshot;
    // Drawn for the eyes only; screen readers hear the announcement instead.
    return html`<div part="base" aria-hidden="true">
        ${repeat(
          s.reactions.filter((r) => this.#name(r.identity, s) !== null),
          (r) => r.id,
          (r) => this.#reaction(r, s),
        )}
      </div>
      ${this.#announcer.region()}`;
  }
}
