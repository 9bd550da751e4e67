import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { RoomSessionApi } from '../../core/session-api.js';
import type { ParticipantSnapshot } from '../../core/snapshot.js';
import { attachMedia } from './attach-media.js';

/**
 * One hidden `<audio>` per remote microphone the session receives, each attached while it is rendered: how a call
 * view (the stage, the tile list) makes the others heard. `onAttach` learns which sids are playing (tests, debugging).
 * Our own microphone is never played back.
 */
export function remoteAudio(
  participants: readonly ParticipantSnapshot[],
  session: RoomSessionApi | null,
  onAttach?: (sid: string, attached: boolean) => void,
): TemplateResult {
  const heard = participants.filter((p) => !p.isLocal && p.microphone?.subscribed);
  return html`<div class="media">
    ${repeat(
      heard,
      (p) => p.microphone!.sid,
      (p) => {
        const sid = p.microphone!.sid;
        return html`<audio
          data-sid=${sid}
          autoplay
          ${attachMedia(
            [session, sid],
            session &&
              ((element) => {
                const detach = session.attach(sid, element);
                onAttach?.(sid, true);
                return () => {
                  onAttach?.(sid, false);
                  detach();
                };
              }),
          )}
        ></audio>`;
      },
    )}
  </div>`;
}
