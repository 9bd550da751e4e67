import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/control-bar/define.js';
import type { HashdropControlBar } from '../../src/elements/control-bar/control-bar.js';
import { defineBackgroundChoice, type HashdropBackgroundChoice } from '../../src/elements/prejoin/background-choice.js';
import { snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text, tick } from './helpers.js';

defineBackgroundChoice();

async function choice(snapshot = snapshots.preJoin(), supported?: boolean) {
  const session = sessionWith(snapshot);
  const el = await fixture<HashdropBackgroundChoice>(
    supported === undefined
      ? html`<hashdrop-background-choice .session=${session}></hashdrop-background-choice>`
      : html`<hashdrop-background-choice .session=${session} .supported=${supported}></hashdrop-background-choice>`,
  );
  return { el, session, select: part<HTMLSelectElement>(el, 'select')! };
}

describe('hashdrop-background-choice', () => {
  it('offers none, blur and our two images, labelled, with none chosen by default', async () => {
    const { el, select } = await choice();
    expect(el.supported, 'Chromium can process video').to.be.true;
    expect(select.labels[0]!.textContent).to.equal('Background');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['none', 'blur', 'dusk.svg', 'meadow.svg']);
    expect(select.value).to.equal('none');
    expect(select.disabled).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('sets the background through the session: blur, or an image by name', async () => {
    const { select, session } = await choice();
    select.value = 'blur';
    select.dispatchEvent(new Event('change'));
    select.value = 'meadow.svg';
    select.dispatchEvent(new Event('change'));
    expect(session.callsOf('setBackground')).to.deep.equal([['blur'], [{ image: 'meadow.svg' }]]);
  });

  it('shows the snapshot’s choice', async () => {
    const { el, select, session } = await choice();
    session.update({ background: { image: 'dusk.svg' } });
    await el.updateComplete;
    expect(select.value).to.equal('dusk.svg');
  });

  it('restores the choice this browser remembered, once per session', async () => {
    localStorage.setItem('hashdrop.background', JSON.stringify({ image: 'dusk.svg' }));
    try {
      const { el, session } = await choice();
      expect(session.callsOf('setBackground')).to.deep.equal([[{ image: 'dusk.svg' }]]);
      session.update({ background: 'none' });
      await el.updateComplete;
      expect(session.callsOf('setBackground'), 'choosing none afterwards sticks').to.have.length(1);
    } finally {
      localStorage.removeItem('hashdrop.background');
    }
  });

  it('where the browser cannot do it: disabled, and says why', async () => {
    const { el, select } = await choice(snapshots.preJoin(), false);
    expect(select.disabled).to.be.true;
    expect(text(part(el, 'reason'))).to.equal('This browser cannot change the camera background.');
    expect(select.getAttribute('aria-describedby')).to.equal('reason');
    await expect(el).to.be.accessible();
  });
});

describe('the camera menu’s Blur background', () => {
  async function openCameraMenu(snapshot = snapshots.inRoom(2)) {
    const session = sessionWith(snapshot);
    const el = await fixture<HashdropControlBar>(
      html`<hashdrop-control-bar .session=${session}></hashdrop-control-bar>`,
    );
    part<HTMLButtonElement>(el, 'camera-devices')!.click();
    await el.updateComplete;
    await tick();
    const item = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="camera-menu"] [role="menuitemcheckbox"]')!;
    return { el, session, item };
  }

  it('is a checkbox item of the camera menu, off by default; choosing it turns blur on and closes the menu', async () => {
    const { el, session, item } = await openCameraMenu();
    expect(text(item)).to.equal('Blur background');
    expect(item.getAttribute('aria-checked')).to.equal('false');
    await expect(el).to.be.accessible();
    item.click();
    await el.updateComplete;
    expect(session.callsOf('setBackground')).to.deep.equal([['blur']]);
    expect(part(el, 'camera-menu')).to.be.null;
  });

  it('is checked while a background is on, and turns it off', async () => {
    const { session, item } = await openCameraMenu({ ...snapshots.inRoom(2), background: 'blur' });
    expect(item.getAttribute('aria-checked')).to.equal('true');
    item.click();
    expect(session.callsOf('setBackground')).to.deep.equal([['none']]);
  });
});
