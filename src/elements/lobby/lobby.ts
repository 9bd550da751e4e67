import { html, nothing, type TemplateResult } from 'lit';
import type { RoomSnapshot } from '../../core/snapshot.js';
import { controlStyles, spinnerStyles, tokenStyles } from '../shared/tokens.styles.js';
import { SessionElement } from '../shared/session-element.js';
import { lobbyStyles } from './lobby.styles.js';

export type LobbyView = 'pending' | 'host-required' | 'admitted' | 'denied' | 'closed' | 'full' | 'none';

/** Which lobby screen a snapshot calls for. */
export function lobbyViewOf(snapshot: RoomSnapshot): LobbyView {
  if (snapshot.status === 'waiting') return snapshot.lobby?.reason === 'HOST_REQUIRED' ? 'host-required' : 'pending';
  // Let in from the lobby, connecting to the call: the session keeps the knock until the call is up.
  if (snapshot.status === 'connecting' && snapshot.lobby) return 'admitted';
  if (snapshot.status === 'denied') return 'denied';
  if (snapshot.status === 'error' && snapshot.error?.code === 'ROOM_CLOSED') return 'closed';
  if (snapshot.status === 'error' && snapshot.error?.code === 'ROOM_FULL') return 'full';
  if (snapshot.status === 'ended' && snapshot.endedReason === 'room-closed') return 'closed';
  return 'none';
}

/**
 * @tagname hashdrop-lobby
 * @summary The waiting screen: the join request was sent to the host, the host has not arrived, retrying after a
 * network error, let in (while the call connects), denied, or the room is closed or full.
 *
 * @attr for - The id of a `<hashdrop-room>` whose session to show, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @csspart base - The card.
 * @csspart indicator - The waiting animation (hidden for reduced motion users' benefit: it stops).
 * @csspart title - The heading.
 * @csspart message - The explanation.
 * @csspart retrying - The retry notice.
 * @csspart actions - The button row.
 * @csspart cancel - The Cancel button (while waiting).
 * @csspart retry - The Try again button (room full).
 *
 * @cssprop [--hashdrop-lobby-max-width=32rem] - Width of the card.
 * @cssprop [--hashdrop-lobby-background=var(--hashdrop-color-surface)] - Card background.
 *
 * @cssstate pending - Waiting for a host to let you in.
 * @cssstate host-required - Waiting for a host to arrive (the room needs one).
 * @cssstate retrying - Asking again after a failed attempt.
 * @cssstate admitted - A host let you in; the call is connecting.
 * @cssstate denied - A host declined the request.
 * @cssstate closed - The room is closed.
 * @cssstate full - The call is full.
 */
export class HashdropLobby extends SessionElement {
  static override styles = [tokenStyles, controlStyles, spinnerStyles, lobbyStyles];

  /** Moves focus to the heading (the room calls this when the lobby appears). */
  focusInitial(): void {
    this.renderRoot.querySelector<HTMLElement>('[part="title"]')?.focus();
  }

  protected override snapshotChanged(snapshot: RoomSnapshot): void {
    const view = lobbyViewOf(snapshot);
    for (const name of ['pending', 'host-required', 'admitted', 'denied', 'closed', 'full'] as const)
      this.setState(name, view === name);
    this.setState('retrying', !!snapshot.lobby?.retrying);
  }

  #cancel = () => void this.activeSession?.cancelWaiting();
  #retry = () => {
    const { roomRef, room } = this.snapshot;
    const ref = room?.code ?? roomRef;
    if (ref) void this.activeSession?.prepare(ref);
  };

  override render(): TemplateResult {
    const snapshot = this.snapshot;
    const view = lobbyViewOf(snapshot);
    const waiting = view === 'pending' || view === 'host-required';
    const [title, body] = {
      pending: [this.t('lobby.pending.title'), this.t('lobby.pending.body')],
      'host-required': [this.t('lobby.host-required.title'), this.t('lobby.host-required.body')],
      admitted: [this.t('lobby.admitted.title'), this.t('room.connecting.body')],
      denied: [this.t('lobby.denied.title'), this.t('lobby.denied.body')],
      closed: [this.t('lobby.closed.title'), this.t('lobby.closed.body')],
      full: [this.t('lobby.full.title'), this.t('lobby.full.body')],
      none: ['', ''],
    }[view];
    return html`<section part="base" aria-labelledby="title">
      ${waiting || view === 'admitted' ? html`<div part="indicator" class="spinner" aria-hidden="true"></div>` : nothing}
      <h2 part="title" id="title" tabindex="-1">${title}</h2>
      <p part="message">${body}</p>
      ${
        waiting && snapshot.displayName
          ? html`<p class="muted">${this.t('lobby.waiting-as', { name: snapshot.displayName })}</p>`
          : nothing
      }
      ${
        waiting && snapshot.lobby?.retrying
          ? html`<p part="retrying" role="status">
              ${this.t('lobby.retrying', { attempt: snapshot.lobby.attempts + 1 })}
            </p>`
          : nothing
      }
      <div part="actions" class="row">
        ${
          waiting
            ? html`<button part="cancel" type="button" @click=${this.#cancel}>${this.t('lobby.cancel')}</button>`
            : nothing
        }
        ${
          view === 'full'
            ? html`<button part="retry" class="primary" type="button" @click=${this.#retry}>
                ${this.t('lobby.try-again')}
              </button>`
            : nothing
        }
      </div>
    </section>`;
  }
}
