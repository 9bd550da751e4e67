import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/lobby/define.js';
import type { HashdropLobby } from '../../src/elements/lobby/lobby.js';
import { snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text } from './helpers.js';

describe('hashdrop-lobby', () => {
  const cases = [
    ['pending', snapshots.waiting(), 'Request sent to the host'],
    ['host-required', snapshots.hostAbsent(), 'The host hasn’t arrived yet'],
    ['admitted', snapshots.admitted(), 'You’re in'],
    ['denied', snapshots.denied(), 'You were not let in'],
    ['closed', snapshots.roomClosed(), 'This room is closed'],
    ['full', snapshots.roomFull(), 'This room is full'],
  ] as const;

  for (const [state, snapshot, title] of cases) {
    it(`shows the ${state} state accessibly`, async () => {
      const el = await fixture<HashdropLobby>(
        html`<hashdrop-lobby .session=${sessionWith(snapshot)}></hashdrop-lobby>`,
      );
      expect(text(part(el, 'title'))).to.equal(title);
      expect(el.hasState(state)).to.be.true;
      await expect(el).to.be.accessible();
    });
  }

  it('announces retrying', async () => {
    const el = await fixture<HashdropLobby>(
      html`<hashdrop-lobby .session=${sessionWith(snapshots.retrying())}></hashdrop-lobby>`,
    );
    expect(part(el, 'retrying')?.getAttribute('role')).to.equal('status');
    expect(text(part(el, 'retrying'))).to.contain('attempt 4');
    expect(el.hasState('retrying')).to.be.true;
  });

  it('cancels waiting from the keyboard', async () => {
    const session = sessionWith(snapshots.waiting());
    const el = await fixture<HashdropLobby>(html`<hashdrop-lobby .session=${session}></hashdrop-lobby>`);
    const cancel = part<HTMLButtonElement>(el, 'cancel')!;
    cancel.focus();
    cancel.click();
    expect(session.callsOf('cancelWaiting')).to.have.length(1);
  });

  it('offers no cancel once let in: the call is connecting', async () => {
    const el = await fixture<HashdropLobby>(
      html`<hashdrop-lobby .session=${sessionWith(snapshots.admitted())}></hashdrop-lobby>`,
    );
    expect(part(el, 'cancel')).to.equal(null);
    expect(part(el, 'indicator')).to.not.equal(null);
  });

  it('offers no cancel once denied, and a retry when the room is full', async () => {
    const denied = await fixture<HashdropLobby>(
      html`<hashdrop-lobby .session=${sessionWith(snapshots.denied())}></hashdrop-lobby>`,
    );
    expect(part(denied, 'cancel')).to.be.null;
    const session = sessionWith(snapshots.roomFull());
    const full = await fixture<HashdropLobby>(html`<hashdrop-lobby .session=${session}></hashdrop-lobby>`);
    part<HTMLButtonElement>(full, 'retry')!.click();
    expect(session.callsOf('prepare')).to.deep.equal([['STELLAR-PHOENIX']]);
  });

  it('follows snapshot changes and the lang attribute', async () => {
    const session = sessionWith(snapshots.waiting());
    const el = await fixture<HashdropLobby>(html`<hashdrop-lobby .session=${session}></hashdrop-lobby>`);
    session.snapshot = snapshots.hostAbsent();
    await el.updateComplete;
    expect(el.hasState('host-required')).to.be.true;
    const { registerMessages } = await import('../../src/i18n/index.js');
    registerMessages('de', { 'lobby.host-required.title': 'Der Host ist noch nicht da' });
    el.setAttribute('lang', 'de');
    await el.updateComplete;
    expect(text(part(el, 'title'))).to.equal('Der Host ist noch nicht da');
    expect(text(part(el, 'cancel'))).to.equal('Cancel');
  });
});
