import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/unmute-request/define.js';
import type { HashdropUnmuteRequest } from '../../src/elements/unmute-request/unmute-request.js';
import { snapshots } from '../../src/testing/fixtures.js';
import { sessionWith, text } from './helpers.js';

const region = (el: HashdropUnmuteRequest) => el.shadowRoot!.querySelector('[role="alert"], [aria-live]');
const part = (el: HashdropUnmuteRequest, name: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[part="${name}"]`);

describe('hashdrop-unmute-request', () => {
  it('is hidden while no host asks', async () => {
    const session = sessionWith(snapshots.inRoom(2, { micEnabled: false }));
    const el = await fixture<HashdropUnmuteRequest>(
      html`<hashdrop-unmute-request .session=${session}></hashdrop-unmute-request>`,
    );
    expect(el.hidden).to.equal(true);
    expect(part(el, 'base')).to.equal(null);
  });

  it('shows the request, reads it out at once, and Unmute answers yes', async () => {
    const session = sessionWith(snapshots.inRoom(2, { micEnabled: false }));
    const el = await fixture<HashdropUnmuteRequest>(
      html`<hashdrop-unmute-request .session=${session}></hashdrop-unmute-request>`,
    );
    session.update({ unmuteRequested: true });
    await el.updateComplete;
    expect(el.hidden).to.equal(false);
    expect(text(part(el, 'text'))).to.equal('A host asks you to turn your microphone on.');
    await waitUntil(() => text(region(el)).includes('microphone'));
    // Focus stays where the person had it: the request is announced, not focused.
    expect(el.shadowRoot!.activeElement).to.equal(null);
    await expect(el).to.be.accessible();
    part(el, 'accept')!.click();
    expect(session.callsOf('answerUnmuteRequest')).to.deep.equal([[true]]);
  });

  it('Not now answers no', async () => {
    const session = sessionWith(snapshots.inRoom(2, { micEnabled: false, unmuteRequested: true }));
    const el = await fixture<HashdropUnmuteRequest>(
      html`<hashdrop-unmute-request .session=${session}></hashdrop-unmute-request>`,
    );
    part(el, 'decline')!.click();
    expect(session.callsOf('answerUnmuteRequest')).to.deep.equal([[false]]);
  });
});
