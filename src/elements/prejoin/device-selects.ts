/**
 * The pre-join screen's camera and microphone pickers: a template of the snapshot's device lists, the element's
 * strings and its two change handlers, so the element itself keeps to its flow.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RoomSessionApi } from '../../core/session-api.js';
import type { RoomSnapshot } from '../../core/snapshot.js';
import type { MessageKey } from '../../i18n/index.js';

export function deviceSelects(
  s: RoomSnapshot,
  audioOnly: boolean,
  t: (key: MessageKey) => string,
  pick: { camera: (e: Event) => void; microphone: (e: Event) => void },
  /** The pre-join's session, for its background choice (which a page may give the pre-join directly). */
  session: RoomSessionApi | null,
): TemplateResult | typeof nothing {
  const d = s.devices;
  if (!d.cameras.length && !d.microphones.length) return nothing;
  return html`<div part="devices" class="row">
    ${
      d.cameras.length && !audioOnly
        ? html`<div class="field">
            <label for="camera">${t('prejoin.camera')}</label>
            <select id="camera" part="camera-select" @change=${pick.camera} ?disabled=${!s.cameraEnabled}>
              ${d.cameras.map(
                (c) =>
                  html`<option value=${c.deviceId} ?selected=${c.deviceId === d.selectedCamera}>${c.label}</option>`,
              )}
            </select>
          </div>`
        : nothing
    }
    ${
      // Defined with the call's elements (background-choice.ts), so the pre-join carries none of its code up front.
      d.cameras.length && !audioOnly
        ? html`<hashdrop-background-choice .session=${session}></hashdrop-background-choice>`
        : nothing
    }
    ${
      d.microphones.length
        ? html`<div class="field">
            <label for="microphone">${t('prejoin.microphone')}</label>
            <select id="microphone" part="mic-select" @change=${pick.microphone} ?disabled=${!s.micEnabled}>
              ${d.microphones.map(
                (m) =>
                  html`<option value=${m.deviceId} ?selected=${m.deviceId === d.selectedMicrophone}>
                    ${m.label}
                  </option>`,
              )}
            </select>
          </div>`
        : nothing
    }
  </div>`;
}
