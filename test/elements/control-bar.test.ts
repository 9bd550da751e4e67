import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/control-bar/define.js';
import type { HashdropControlBar } from '../../src/elements/control-bar/control-bar.js';
import type { HashdropChatToggleEvent } from '../../src/elements/shared/events.js';
import type { HashdropPeopleToggleEvent } from '../../src/elements/control-bar/people-toggle-event.js';
import { participant, snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text, tick } from './helpers.js';

async function bar(snapshot = snapshots.inRoom(2)) {
  const session = sessionWith(snapshot);
  const el = await fixture<HashdropControlBar>(html`<hashdrop-control-bar .session=${session}></hashdrop-control-bar>`);
  return { el, session };
}
const status = (el: HashdropControlBar) => text(el.shadowRoot!.querySelector('[role="status"]'));

describe('hashdrop-control-bar', () => {
  it('toggles microphone, camera and screen share through the session, with pressed states', async () => {
    const { el, session } = await bar();
    expect(part(el, 'mic-toggle')!.getAttribute('aria-pressed')).to.equal('true');
    expect(part(el, 'screen-share')!.getAttribute('aria-pressed')).to.equal('false');
    part(el, 'mic-toggle')!.click();
    part(el, 'camera-toggle')!.click();
    part(el, 'screen-share')!.click();
    part(el, 'leave')!.click();
    expect(session.callsOf('setMicrophoneEnabled')).to.deep.equal([[false]]);
    expect(session.callsOf('setCameraEnabled')).to.deep.equal([[false]]);
    expect(session.callsOf('setScreenShareEnabled')).to.deep.equal([[true]]);
    expect(session.callsOf('leave')).to.have.length(1);
    expect(part(el, 'end-for-all'), 'guests have no End for all').to.be.null;
    await expect(el).to.be.accessible();
  });

  it('announces state changes politely and shows them pressed', async () => {
    const { el, session } = await bar();
    session.update({ micEnabled: false, screenSharing: true });
    await el.updateComplete;
    await tick(80);
    expect(status(el)).to.equal('Microphone off. You started sharing your screen');
    expect(part(el, 'mic-toggle')!.getAttribute('aria-pressed')).to.equal('false');
    expect(text(part(el, 'sharing-status'))).to.equal('You are sharing your screen');
    expect(el.hasState('mic-off')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('says who else is sharing', async () => {
    const { el } = await bar(
      snapshots.inRoom(2, {
        participants: [
          participant(0),
          participant(1, { screenShare: { sid: 'TR_s', source: 'screen_share', muted: false, subscribed: true } }),
        ],
      }),
    );
    expect(text(part(el, 'sharing-status'))).to.equal('Grace is sharing their screen');
  });

  it('chooses devices from menus with the keyboard', async () => {
    const { el, session } = await bar();
    const button = part<HTMLButtonElement>(el, 'camera-devices')!;
    button.click();
    await el.updateComplete;
    await tick();
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const items = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="camera-menu"] [role="menuitemradio"]');
    expect([...items].map((i) => i.getAttribute('aria-checked'))).to.deep.equal(['true', 'false']);
    expect(el.shadowRoot!.activeElement).to.equal(items[0]);
    await expect(el).to.be.accessible();
    items[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(el.shadowRoot!.activeElement).to.equal(items[1]);
    items[1]!.click();
    await el.updateComplete;
    expect(session.callsOf('selectCamera')).to.deep.equal([['cam-2']]);
    expect(part(el, 'camera-menu')).to.be.null;
    expect(el.shadowRoot!.activeElement).to.equal(button);

    part<HTMLButtonElement>(el, 'mic-devices')!.click();
    await el.updateComplete;
    await tick();
    part(el, 'mic-menu')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await el.updateComplete;
    expect(part(el, 'mic-menu')).to.be.null;
    expect(session.callsOf('selectMicrophone')).to.have.length(0);
  });

  it('offers End for all and Raise hand only where the snapshot says the session can do them', async () => {
    const host = await bar(snapshots.host());
    expect(part(host.el, 'end-for-all'), 'a host can end for all').to.exist;
    host.session.update({ capabilities: { ...host.session.snapshot.capabilities, endForAll: false } });
    await host.el.updateComplete;
    expect(part(host.el, 'end-for-all'), 'not with a session that cannot').to.be.null;
    const guest = await bar();
    expect(part(guest.el, 'hand-toggle'), 'a guest can raise a hand').to.exist;
    guest.session.update({ capabilities: { ...guest.session.snapshot.capabilities, raiseHand: false } });
    await guest.el.updateComplete;
    expect(part(guest.el, 'hand-toggle'), 'not with a session that cannot').to.be.null;
  });

  it('asks before ending the meeting for all; Escape and Cancel cancel', async () => {
    const { el, session } = await bar(snapshots.host());
    (session as unknown as { endForAll: () => Promise<void> }).endForAll = () => {
      session.calls.push({ action: 'endForAll', args: [] });
      return Promise.resolve();
    };
    el.requestUpdate();
    await el.updateComplete;
    part(el, 'end-for-all')!.click();
    const dialog = part<HTMLDialogElement>(el, 'confirm-dialog')!;
    expect(dialog.open).to.be.true;
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'cancel-end'));
    expect(session.callsOf('endForAll')).to.have.length(0);
    await expect(el).to.be.accessible();
    part(el, 'cancel-end')!.click();
    expect(dialog.open).to.be.false;
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'end-for-all'));
    part(el, 'end-for-all')!.click();
    dialog.dispatchEvent(new Event('cancel'));
    dialog.close();
    expect(session.callsOf('endForAll')).to.have.length(0);
    part(el, 'end-for-all')!.click();
    part(el, 'confirm-end')!.click();
    expect(dialog.open).to.be.false;
    expect(session.callsOf('endForAll')).to.have.length(1);
  });

  it('toggles the mic and camera with Ctrl+D and Ctrl+E, unless turned off', async () => {
    const { el, session } = await bar();
    const press = (key: string, init: KeyboardEventInit = { ctrlKey: true }) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
      document.body.dispatchEvent(event);
      return event;
    };
    expect(press('d').defaultPrevented).to.be.true;
    press('e', { metaKey: true });
    press('d', { ctrlKey: true, shiftKey: true });
    press('x');
    expect(session.callsOf('setMicrophoneEnabled')).to.deep.equal([[false]]);
    expect(session.callsOf('setCameraEnabled')).to.deep.equal([[false]]);
    el.noShortcuts = true;
    press('d');
    expect(session.callsOf('setMicrophoneEnabled')).to.have.length(1);
    el.remove();
    el.noShortcuts = false;
    press('d');
    expect(session.callsOf('setMicrophoneEnabled')).to.have.length(1);
  });

  it('fires a cancelable chat toggle and shows the unread count', async () => {
    const { el } = await bar();
    el.unread = 3;
    await el.updateComplete;
    expect(text(part(el, 'chat-toggle'))).to.contain('3 unread');
    const events: HashdropChatToggleEvent[] = [];
    el.addEventListener('hashdrop-chat-toggle', (e) => events.push(e));
    part(el, 'chat-toggle')!.click();
    await el.updateComplete;
    expect(events.map((e) => e.open)).to.deep.equal([true]);
    expect(el.chatOpen).to.be.true;
    expect(part(el, 'chat-toggle')!.getAttribute('aria-pressed')).to.equal('true');
    expect(part(el, 'unread')).to.be.null;
    el.addEventListener('hashdrop-chat-toggle', (e) => e.preventDefault());
    part(el, 'chat-toggle')!.click();
    await el.updateComplete;
    expect(el.chatOpen).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('sends a reaction from its menu, by keyboard, and returns focus to the button', async () => {
    const { el, session } = await bar();
    const button = part<HTMLButtonElement>(el, 'reactions-button')!;
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    button.click();
    await el.updateComplete;
    await tick();
    const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="reaction-item"]')];
    expect(items.map((item) => item.getAttribute('aria-label'))).to.deep.equal([
      'thumbs up',
      'applause',
      'heart',
      'laughter',
      'surprise',
      'celebration',
    ]);
    expect(el.shadowRoot!.activeElement).to.equal(items[0]);
    await expect(el).to.be.accessible();
    items[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    expect(el.shadowRoot!.activeElement).to.equal(items[1]);
    items[1]!.click();
    await el.updateComplete;
    expect(session.callsOf('react')).to.deep.equal([['👏']]);
    expect(part(el, 'reactions-menu'), 'the menu closed').to.be.null;
    expect(el.shadowRoot!.activeElement, 'focus back on the button').to.equal(button);
  });

  it('offers no reactions where the session cannot send them', async () => {
    const { el } = await bar(
      snapshots.inRoom(2, { capabilities: { ...snapshots.inRoom(2).capabilities, react: false } }),
    );
    expect(part(el, 'reactions-button')).to.be.null;
  });

  it('offers a Captions toggle when asked to, firing a cancelable event', async () => {
    const { el } = await bar();
    expect(part(el, 'captions-toggle'), 'not until captions exist').to.be.null;
    el.captionsButton = true;
    el.captionsOn = true;
    await el.updateComplete;
    const toggle = part<HTMLButtonElement>(el, 'captions-toggle')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const asked: boolean[] = [];
    el.addEventListener('hashdrop-captions-toggle', (e) => asked.push(e.on));
    toggle.click();
    await el.updateComplete;
    expect(asked).to.deep.equal([false]);
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    el.addEventListener('hashdrop-captions-toggle', (e) => e.preventDefault());
    toggle.click();
    await el.updateComplete;
    expect(el.captionsOn, 'canceled: unchanged').to.be.false;
  });

  it('shows a microphone or camera that is off crossed out and inverted, not in red', async () => {
    const { el, session } = await bar();
    const mic = part(el, 'mic-toggle')!;
    const onIcon = mic.querySelector('svg')!.innerHTML;
    const onBackground = getComputedStyle(mic).backgroundColor;
    session.update({ micEnabled: false });
    await el.updateComplete;
    // The colours change with a short transition: read them once it is over.
    await Promise.all(mic.getAnimations().map((animation) => animation.finished));
    expect(mic.querySelector('svg')!.innerHTML, 'another icon').to.not.equal(onIcon);
    expect(getComputedStyle(mic).backgroundColor, 'another colour').to.not.equal(onBackground);
    const leave = getComputedStyle(part(el, 'leave')!).backgroundColor;
    expect(getComputedStyle(mic).backgroundColor, "not Leave's red").to.not.equal(leave);
    expect(getComputedStyle(part(el, 'screen-share')!).color, 'share is not red').to.not.equal(leave);
    await expect(el).to.be.accessible();
  });

  it('shows labels while they fit and icons only when they do not, as the width changes', async () => {
    const session = sessionWith(snapshots.host(2));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 1400px">
        <hashdrop-control-bar people-button .session=${session}></hashdrop-control-bar>
      </div>`,
    );
    const el = wrapper.querySelector<HashdropControlBar>('hashdrop-control-bar')!;
    const settle = async () => {
      for (let i = 0; i < 10; i++) {
        await tick(20);
        await el.updateComplete;
      }
    };
    const bar = () => el.shadowRoot!.querySelector<HTMLElement>('[part="bar"]')!;
    const nothingOverflows = () =>
      bar().scrollWidth <= bar().clientWidth + 1 &&
      [...bar().querySelectorAll<HTMLElement>('.label')].every((label) => {
        const button = label.closest('button')!.getBoundingClientRect();
        const box = label.getBoundingClientRect();
        return box.width <= 1 || (box.left >= button.left - 1 && box.right <= button.right + 1);
      });
    await settle();
    expect(el.hasState('icons-only'), 'room for the labels').to.be.false;
    expect(nothingOverflows()).to.be.true;
    wrapper.style.width = '1000px';
    await settle();
    expect(el.hasState('icons-only'), 'a host’s labels do not fit 1000px').to.be.true;
    expect(nothingOverflows()).to.be.true;
    wrapper.style.width = '1400px';
    await settle();
    expect(el.hasState('icons-only'), 'labels again').to.be.false;
    await expect(el).to.be.accessible();
  });

  it('keeps one row at 360px: screen share, raise hand and End for all go into a More menu', async () => {
    for (const snapshot of [snapshots.host(0), snapshots.inRoom(2)]) {
      const session = sessionWith(snapshot);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 360px"><hashdrop-control-bar .session=${session}></hashdrop-control-bar></div>`,
      );
      const el = wrapper.querySelector<HashdropControlBar>('hashdrop-control-bar')!;
      for (let i = 0; i < 50 && !el.hasState('compact'); i++) await tick(20);
      await el.updateComplete;
      expect(el.hasState('compact')).to.be.true;
      expect(part(el, 'screen-share'), 'not in the bar').to.be.null;
      const tops = [...part(el, 'bar')!.children].map((child) => (child as HTMLElement).offsetTop);
      expect(new Set(tops).size, 'one row').to.equal(1);
      const more = part<HTMLButtonElement>(el, 'more')!;
      more.click();
      await el.updateComplete;
      await tick();
      const share = el.shadowRoot!.querySelector<HTMLElement>('[part~="menu-item"][part~="screen-share"]')!;
      expect(share.getAttribute('role')).to.equal('menuitemcheckbox');
      expect(el.shadowRoot!.activeElement, 'focus in the menu').to.equal(share);
      const endForAll = el.shadowRoot!.querySelector('[part~="menu-item"][part~="end-for-all"]');
      expect(
        el.shadowRoot!.querySelectorAll('[part~="more-menu"] [part~="reaction-item"]'),
        'reactions too',
      ).to.have.length(6);
      expect(!!endForAll, 'End for all in the menu for hosts only').to.equal(snapshot.role === 'host');
      share.click();
      await el.updateComplete;
      expect(session.callsOf('setScreenShareEnabled')).to.deep.equal([[true]]);
      expect(part(el, 'more-menu'), 'the menu closed').to.be.null;
      expect(el.shadowRoot!.activeElement, 'focus back on More').to.equal(more);
      await expect(el).to.be.accessible();
    }
  });

  it('gives hosts a People button with the count waiting, a cancelable toggle, and announces knocks while closed', async () => {
    const session = sessionWith(snapshots.host(2));
    const el = await fixture<HashdropControlBar>(
      html`<hashdrop-control-bar people-button .session=${session}></hashdrop-control-bar>`,
    );
    expect(text(part(el, 'people-toggle'))).to.contain('2 waiting to join');
    expect(text(part(el, 'waiting-count'))).to.equal('2');
    const events: HashdropPeopleToggleEvent[] = [];
    el.addEventListener('hashdrop-people-toggle', (e) => events.push(e as HashdropPeopleToggleEvent));
    part(el, 'people-toggle')!.click();
    await el.updateComplete;
    expect(events.map((e) => e.open)).to.deep.equal([true]);
    expect(part(el, 'people-toggle')!.getAttribute('aria-pressed')).to.equal('true');
    part(el, 'people-toggle')!.click();
    await el.updateComplete;
    expect(el.peopleOpen).to.be.false;
    const knocks = snapshots.host(3).knocks;
    session.update({ knocks });
    await el.updateComplete;
    await tick(80);
    expect(status(el)).to.equal(`${knocks[2]!.displayName} is asking to join.`);
    await expect(el).to.be.accessible();
  });
});
