import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../src/elements/participant-tile/define.js';
import type { HashdropParticipantTile } from '../../src/elements/participant-tile/participant-tile.js';
import { AnnouncerController } from '../../src/elements/shared/announcer.js';
import { participant, snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text } from './helpers.js';

/** The smallest host of the announcer: a region and a way to speak. */
class TestAnnouncer extends LitElement {
  readonly announcer = new AnnouncerController(this);
  override render() {
    return this.announcer.region();
  }
}
customElements.define('test-announcer', TestAnnouncer);

const key = (target: Element, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));

async function hostTile() {
  const session = sessionWith(snapshots.inRoom(2));
  const el = await fixture<HashdropParticipantTile>(
    html`<hashdrop-participant-tile
      .participant=${participant(1)}
      .session=${session}
      .actions=${['lower-hand', 'mute', 'kick']}
    ></hashdrop-participant-tile>`,
  );
  return { el, session };
}

describe('element mechanics', () => {
  it('announces new text at once and the same text again after clearing it', async () => {
    const el = await fixture<TestAnnouncer>(html`<test-announcer></test-announcer>`);
    const region = () => el.shadowRoot!.querySelector('[role="status"]');
    el.announcer.announce('Zoom 150%');
    await el.updateComplete;
    expect(text(region())).to.equal('Zoom 150%');
    el.announcer.announce('Zoom 150%');
    await el.updateComplete;
    expect(text(region()), 'emptied first, so the repeat is a change').to.equal('');
    await waitUntil(() => text(region()) === 'Zoom 150%', 'said again');
  });

  it('moves through the tile menu with arrows, Home and End; Escape returns focus to its button', async () => {
    const { el } = await hostTile();
    part(el, 'actions-button')!.click();
    await el.updateComplete;
    const focused = () => el.shadowRoot!.activeElement?.getAttribute('part');
    expect(focused()).to.equal('menu-item menu-item-lower-hand');
    key(el.shadowRoot!.activeElement!, 'End');
    expect(focused()).to.equal('menu-item menu-item-kick');
    key(el.shadowRoot!.activeElement!, 'ArrowDown');
    expect(focused(), 'wraps').to.equal('menu-item menu-item-lower-hand');
    key(el.shadowRoot!.activeElement!, 'ArrowUp');
    expect(focused()).to.equal('menu-item menu-item-kick');
    key(el.shadowRoot!.activeElement!, 'Home');
    expect(focused()).to.equal('menu-item menu-item-lower-hand');
    key(el.shadowRoot!.activeElement!, 'Escape');
    await el.updateComplete;
    expect(part(el, 'actions-menu')).to.be.null;
    expect(focused()).to.equal('actions-button');
  });

  it('opens Remove on Cancel, and Cancel returns focus to the menu button without removing', async () => {
    const { el, session } = await hostTile();
    part(el, 'actions-button')!.click();
    await el.updateComplete;
    part(el, 'menu-item-kick')!.click();
    await waitUntil(() => part<HTMLDialogElement>(el, 'kick-dialog')?.open, 'dialog opened');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'kick-cancel'));
    part(el, 'kick-cancel')!.click();
    expect(part<HTMLDialogElement>(el, 'kick-dialog')!.open).to.be.false;
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'actions-button'));
    expect(session.callsOf('moderate')).to.deep.equal([]);
  });

  it('attaches a tile’s video again when the tile is moved in the document', async () => {
    const { el, session } = await hostTile();
    const sid = participant(1).camera!.sid;
    expect(session.attached.get(sid)).to.equal(part(el, 'video'));
    const parent = el.parentElement!;
    el.remove();
    expect(session.attached.has(sid), 'detached while out of the document').to.be.false;
    expect(el.attachedTrack).to.equal(null);
    parent.append(el);
    await el.updateComplete;
    expect(session.attached.get(sid)).to.equal(part(el, 'video'));
    expect(el.attachedTrack).to.equal(sid);
  });
});
