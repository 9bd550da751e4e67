import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/host-panel/define.js';
import '../../src/elements/room/define.js';
import type { HashdropHostPanel } from '../../src/elements/host-panel/host-panel.js';
import type { HashdropRoom } from '../../src/elements/room/room.js';
import { knock, knocks, snapshots } from '../../src/testing/fixtures.js';
import { mount, part, sessionWith, text, unmountAll } from './helpers.js';

const buttons = (el: HTMLElement, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`[part="${name}"]`),
];

describe('hashdrop-host-panel', () => {
  afterEach(unmountAll);

  for (const count of [0, 1, 3]) {
    it(`shows ${count} knock(s) accessibly`, async () => {
      const el = await fixture<HashdropHostPanel>(
        html`<hashdrop-host-panel .session=${sessionWith(snapshots.host(count))}></hashdrop-host-panel>`,
      );
      expect(el.shadowRoot!.querySelectorAll('[part="knock"]')).to.have.length(count);
      expect(!!part(el, 'admit-all')).to.equal(count > 1);
      expect(!!part(el, 'empty')).to.equal(count === 0);
      expect(el.hasState('has-knocks')).to.equal(count > 0);
      await expect(el).to.be.accessible();
    });
  }

  it('announces knocks as they arrive, without sound', async () => {
    const session = sessionWith(snapshots.host(1));
    const el = await fixture<HashdropHostPanel>(html`<hashdrop-host-panel .session=${session}></hashdrop-host-panel>`);
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(text(live)).to.equal('');
    session.update({ knocks: [...session.snapshot.knocks, knock(1)] });
    await el.updateComplete;
    expect(text(live)).to.equal('Marie is asking to join.');
    expect(el.shadowRoot!.querySelector('audio')).to.be.null;
    session.update({ knocks: [...session.snapshot.knocks, knock(2), knock(3)] });
    await el.updateComplete;
    expect(text(live)).to.equal('2 people are asking to join.');
  });

  it('admits and denies with labelled buttons and keeps focus in the list', async () => {
    const session = sessionWith(snapshots.host(3));
    const el = await fixture<HashdropHostPanel>(html`<hashdrop-host-panel .session=${session}></hashdrop-host-panel>`);
    const [firstAdmit] = buttons(el, 'admit');
    expect(firstAdmit!.getAttribute('aria-label')).to.equal('Admit Nikola');
    firstAdmit!.focus();
    firstAdmit!.click();
    await new Promise((r) => setTimeout(r, 10));
    expect(session.callsOf('admit')).to.deep.equal([['knock_0']]);
    expect(buttons(el, 'admit')).to.have.length(2);
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el, 'admit')[0]);
    buttons(el, 'deny')[1]!.click();
    await new Promise((r) => setTimeout(r, 10));
    expect(session.callsOf('deny')).to.deep.equal([['knock_2']]);
  });

  it('shows a knock again, with the reason, when admitting it fails', async () => {
    const session = sessionWith(snapshots.host(2));
    // As RoomSession does: the endpoint refused (the call is full), so the snapshot carries the error.
    session.onAction = (call, s) => {
      if (call.action === 'admit') s.update({ error: { code: 'ROOM_FULL', message: 'The room is full.' } });
    };
    const el = await fixture<HashdropHostPanel>(html`<hashdrop-host-panel .session=${session}></hashdrop-host-panel>`);
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    buttons(el, 'admit')[0]!.click();
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
    expect(session.callsOf('admit')).to.deep.equal([['knock_0']]);
    const shown = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="knock"]')].map((k) => k.dataset.knockId);
    expect(shown).to.deep.equal(['knock_0', 'knock_1']);
    const failed = el.shadowRoot!.querySelector('[data-knock-id="knock_0"] [part~="knock-error"]');
    expect(text(failed)).to.equal('This room is full. Try again later.');
    expect(text(live)).to.equal('Nikola is asking to join. This room is full. Try again later.');
    await expect(el).to.be.accessible();
    // Deciding again hides it again; a decision that goes through leaves it hidden.
    session.onAction = null;
    buttons(el, 'admit')[0]!.click();
    await new Promise((r) => setTimeout(r, 10));
    expect(el.shadowRoot!.querySelectorAll('[part="knock"]')).to.have.length(1);
    expect(part(el, 'knock-error')).to.be.null;
  });

  it('shows knocks again when the request is rejected (endpoint down)', async () => {
    const session = sessionWith(snapshots.host(3));
    session.deny = () => Promise.reject(new Error('Failed to fetch'));
    session.admitAll = () => Promise.reject(new Error('Failed to fetch'));
    const el = await fixture<HashdropHostPanel>(html`<hashdrop-host-panel .session=${session}></hashdrop-host-panel>`);
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    buttons(el, 'deny')[1]!.click();
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part="knock"]')).to.have.length(3);
    expect(text(el.shadowRoot!.querySelector('[data-knock-id="knock_1"] [part~="knock-error"]'))).to.equal(
      'Failed to fetch',
    );
    expect(text(live)).to.contain('Failed to fetch');
    part<HTMLButtonElement>(el, 'admit-all')!.click();
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part="knock"]')).to.have.length(3);
    expect(el.shadowRoot!.querySelectorAll('[part~="knock-error"]')).to.have.length(3);
    expect(text(live)).to.equal('3 people are asking to join. Failed to fetch');
  });

  it('admits all', async () => {
    const session = sessionWith(snapshots.host(4));
    const el = await fixture<HashdropHostPanel>(html`<hashdrop-host-panel .session=${session}></hashdrop-host-panel>`);
    part<HTMLButtonElement>(el, 'admit-all')!.click();
    await new Promise((r) => setTimeout(r, 10));
    expect(session.callsOf('admitAll')).to.have.length(1);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'title'));
    expect(part(el, 'empty')).to.exist;
  });

  it('tells a guest that only hosts let people in', async () => {
    const el = await fixture<HashdropHostPanel>(
      html`<hashdrop-host-panel .session=${sessionWith(snapshots.inRoom(2))}></hashdrop-host-panel>`,
    );
    expect(text(part(el, 'empty'))).to.equal('Only hosts can let people in.');
  });

  it('finds its room by for= elsewhere in the page and follows its session', async () => {
    const session = sessionWith(snapshots.host(2));
    const wrapper = await mount(
      html`<div>
        <hashdrop-host-panel for="the-room"></hashdrop-host-panel>
        <hashdrop-room id="the-room" .session=${session}></hashdrop-room>
      </div>`,
    );
    const panel = wrapper.querySelector('hashdrop-host-panel')!;
    const room = wrapper.querySelector<HashdropRoom>('hashdrop-room')!;
    await room.updateComplete;
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelectorAll('[part="knock"]').length).to.equal(2);
    session.update({ knocks: knocks(3) });
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelectorAll('[part="knock"]').length).to.equal(3);
    buttons(panel, 'admit')[0]!.click();
    expect(session.callsOf('admit')).to.deep.equal([['knock_0']]);
  });

  it('works inside hashdrop-room through context', async () => {
    const session = sessionWith(snapshots.host(2));
    const room = await fixture<HashdropRoom>(html`<hashdrop-room .session=${session}></hashdrop-room>`);
    const panel = room.shadowRoot!.querySelector('hashdrop-host-panel')!;
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelectorAll('[part="knock"]')).to.have.length(2);
  });
});
