import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/recording/define.js';
import '../../src/elements/host-panel/define.js';
import type { HashdropStreamControl } from '../../src/elements/recording/stream-control.js';
import type { HashdropHostPanel } from '../../src/elements/host-panel/host-panel.js';
import { NOT_STREAMING } from '../../src/core/snapshot.js';
import { snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text } from './helpers.js';

const URL = 'rtmps://a.rtmps.example.com/live2/stream-key-4711';
const liveText = (el: Element) => text(el.shadowRoot!.querySelector<HTMLElement>('[aria-live="polite"]'));
const live = { ...NOT_STREAMING, active: true, startedAt: new Date().toISOString() };

describe('hashdrop-stream-control', () => {
  it('renders nothing for someone who is not a host', async () => {
    const el = await fixture<HashdropStreamControl>(
      html`<hashdrop-stream-control .session=${sessionWith(snapshots.inRoom(2))}></hashdrop-stream-control>`,
    );
    expect(part(el, 'base')).to.be.null;
  });

  it('goes live with the URL typed into a masked field and the layout chosen, then forgets the URL', async () => {
    const session = sessionWith(snapshots.host(0));
    const el = await fixture<HashdropStreamControl>(
      html`<hashdrop-stream-control .session=${session}></hashdrop-stream-control>`,
    );
    await expect(el).to.be.accessible();
    const url = part<HTMLInputElement>(el, 'url')!;
    expect(url.type).to.equal('password');
    expect(part<HTMLButtonElement>(el, 'start')!.disabled, 'nothing to stream to yet').to.be.true;
    url.value = URL;
    url.dispatchEvent(new Event('input'));
    const layout = part<HTMLSelectElement>(el, 'layout')!;
    layout.value = 'grid';
    layout.dispatchEvent(new Event('change'));
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'start')!.click();
    expect(session.callsOf('startStream')).to.deep.equal([[{ url: URL, layout: 'grid' }]]);

    session.update({ stream: live });
    await el.updateComplete;
    expect(el.hasState('streaming')).to.be.true;
    expect(liveText(el)).to.equal('The live stream started.');
    expect(part(el, 'url'), 'no URL field while live').to.be.null;
    part<HTMLButtonElement>(el, 'stop')!.click();
    expect(session.callsOf('stopStream')).to.have.length(1);
    session.update({ stream: NOT_STREAMING });
    await el.updateComplete;
    expect(part<HTMLInputElement>(el, 'url')!.value, 'the key is not kept in the page').to.equal('');
  });

  it("a stream that failed by itself says so, with Egress' reason", async () => {
    const session = sessionWith(snapshots.host(0, { stream: live }));
    const el = await fixture<HashdropStreamControl>(
      html`<hashdrop-stream-control .session=${session}></hashdrop-stream-control>`,
    );
    session.update({ stream: { ...NOT_STREAMING, failure: { reason: 'failed to connect to <url>' } } });
    await el.updateComplete;
    expect(el.hasState('failed')).to.be.true;
    expect(text(part(el, 'failure'))).to.equal('The live stream failed: failed to connect to <url>');
    expect(liveText(el)).to.equal('The live stream failed: failed to connect to <url>');
    await expect(el).to.be.accessible();
  });

  it('is part of the host panel', async () => {
    const el = await fixture<HashdropHostPanel>(
      html`<hashdrop-host-panel .session=${sessionWith(snapshots.host(0))}></hashdrop-host-panel>`,
    );
    expect(el.shadowRoot!.querySelector('hashdrop-stream-control')).to.exist;
  });
});
