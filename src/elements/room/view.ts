/**
 * `<hashdrop-room>`'s screens: which one it shows (a pure function of its state, unit-tested without an element) and
 * the cards it draws itself (connecting, ended, error), into the room's shadow root.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RoomSnapshot, SessionError } from '../../core/snapshot.js';
import type { MessageKey } from '../../i18n/index.js';
import { lobbyViewOf } from '../lobby/lobby.js';

export type RoomView = 'invalid' | 'prejoin' | 'connecting' | 'lobby' | 'call' | 'ended' | 'error';

/**
 * The screen for a snapshot: a bad attribute first, then the lobby's states, then by status. In a call, until the call
 * view module has arrived (normally long before: it loads from pre-join on), "connecting".
 *
 * `shown` is the screen on show now. A join started from pre-join stays there, its Join button busy, until the call is
 * up (as the lobby stays once the guest is let in): a connecting card in between is a screen change (pre-join torn
 * down, layout, focus) in the very milliseconds the page hands its token to livekit-client.
 */
export function roomViewOf(
  s: RoomSnapshot,
  invalid: boolean,
  callViewLoaded: boolean,
  shown: RoomView | null = null,
): RoomView {
  if (invalid) return 'invalid';
  if (lobbyViewOf(s) !== 'none') return 'lobby';
  switch (s.status) {
    case 'idle':
    case 'pre-join':
      return 'prejoin';
    case 'connecting':
      return shown === 'prejoin' ? 'prejoin' : 'connecting';
    case 'in-room':
    case 'reconnecting':
      return callViewLoaded ? 'call' : 'connecting';
    case 'ended':
      return 'ended';
    default:
      return 'error';
  }
}

/**
 * The error card's body and detail: ours by error code (`t` reads '' for a code without a string of ours, or in the
 * CDN build before the strings of errors have arrived), with the endpoint's or browser's own message (English, often
 * with a technical detail) below as the detail; without ours, the original message is the body.
 */
export function errorTexts(error: SessionError | null, t: (key: MessageKey) => string): [body: string, detail: string] {
  if (!error) return ['', ''];
  const ours = t(`error.${error.code}` as MessageKey);
  return ours ? [ours, error.message] : [error.message, ''];
}

/** A card: the connecting, ended and error screens. The title carries `data-focus-target` (focus moves to it). */
export function card(title: string, body: string, action?: TemplateResult, busy = false, detail = ''): TemplateResult {
  return html`<section part="card" aria-labelledby="card-title">
    ${busy ? html`<div class="spinner" aria-hidden="true"></div>` : nothing}
    <h2 id="card-title" tabindex="-1" data-focus-target>${title}</h2>
    ${body ? html`<p>${body}</p>` : nothing}
    ${detail ? html`<p part="error-detail" class="muted">${detail}</p>` : nothing}
    ${action ? html`<div class="row">${action}</div>` : nothing}
  </section>`;
}

/** The screen of an invalid attribute: what is wrong with it, and which attribute to fix. */
export function attributeErrorCard(
  error: SessionError,
  t: (key: MessageKey, values?: Record<string, string>) => string,
): TemplateResult {
  return html`<section part="card" role="alert" aria-labelledby="card-title">
    <h2 id="card-title" tabindex="-1" data-focus-target>${t('room.error.attribute.title')}</h2>
    <p>${error.message}</p>
    <p class="muted">${t('room.error.attribute.hint', { attribute: error.attribute ?? '' })}</p>
  </section>`;
}
