/**
 * The package entry defines the pre-join path at once and the in-call elements on demand. This file needs a page of
 * its own (web-test-runner gives each file one): the entry is imported only after a standalone tag is in the page and
 * `customElements.define` is being recorded, and the tests build on each other's state in order.
 */
import { expect } from '@open-wc/testing';
import type { HashdropHostPanel } from '../../src/elements/host-panel/host-panel.js';
import type { HashdropInvite } from '../../src/elements/invite/invite.js';
import type { HashdropRoom } from '../../src/elements/room/room.js';
import { knock, snapshots } from '../../src/testing/fixtures.js';
import { SnapshotSession } from '../../src/testing/snapshot-session.js';
import { text, tick } from './helpers.js';

const LAZY = [
  'hashdrop-invite',
  'hashdrop-host-panel',
  'hashdrop-stage',
  'hashdrop-participant-tile',
  'hashdrop-control-bar',
  'hashdrop-chat',
  'hashdrop-recording-control',
  'hashdrop-recording-indicator',
  'hashdrop-stream-control',
  'hashdrop-captions',
  'hashdrop-reactions',
  'hashdrop-unmute-request',
  // The room's own call screen (internal, defined with the call view module), and the pre-join background choice
  // the call view module defines (it loads while pre-join shows).
  'hashdrop-call-view',
  'hashdrop-background-choice',
];
const EAGER = ['hashdrop-room', 'hashdrop-prejoin', 'hashdrop-lobby'];

// Every definition, in order (a second definition of a name would also throw).
const definitions: string[] = [];
const define = customElements.define.bind(customElements);
customElements.define = (name, constructor, options) => {
  definitions.push(name);
  define(name, constructor, options);
};

// A standalone invite that is in the page before the entry runs (a page with the script tag after the markup).
const early = document.createElement('hashdrop-invite');
early.setAttribute('code', 'brave otter');
early.setAttribute('no-qr', '');
document.body.append(early);

const shadow = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector);

describe('on-demand element definitions', () => {
  before(async () => {
    await import('../../src/index.js');
  });

  it('defines the pre-join path at once, and no in-call element that the page does not use', () => {
    for (const tag of EAGER) expect(customElements.get(tag), tag).to.exist;
    expect(customElements.get('hashdrop-host-panel')).to.be.undefined;
    expect(customElements.get('hashdrop-stage')).to.be.undefined;
  });

  it('defines and renders a standalone tag that was in the page at start-up', async () => {
    await customElements.whenDefined('hashdrop-invite');
    const invite = early as HashdropInvite;
    await invite.updateComplete;
    expect(text(shadow(invite, '[part="code"]'))).to.equal('BRAVE-OTTER');
    expect(text(shadow(invite, '[part="link"]'))).to.contain('room=BRAVE-OTTER');
  });

  it('defines a tag that script adds later, also deep inside added markup', async () => {
    expect(customElements.get('hashdrop-host-panel')).to.be.undefined;
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<aside><section><hashdrop-host-panel></hashdrop-host-panel></section></aside>';
    document.body.append(wrapper);
    await customElements.whenDefined('hashdrop-host-panel');
    const panel = wrapper.querySelector('hashdrop-host-panel') as HashdropHostPanel;
    panel.session = new SnapshotSession(snapshots.host(1, { knocks: [knock(0), knock(1)] }));
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelectorAll('[part="knock"]')).to.have.length(2);
    wrapper.remove();
  });

  it('starts loading the call view at pre-join, and renders the call with it', async () => {
    expect(customElements.get('hashdrop-stage')).to.be.undefined;
    const session = new SnapshotSession(snapshots.idle({ roomRef: 'STELLAR-PHOENIX' }));
    const room = document.createElement('hashdrop-room') as HashdropRoom;
    room.session = session;
    document.body.append(room);
    try {
      await room.updateComplete;
      await tick(20);
      expect(customElements.get('hashdrop-stage'), 'not before pre-join').to.be.undefined;

      session.snapshot = snapshots.preJoin();
      // Loaded while the pre-join screen is up, before anyone presses Join.
      await customElements.whenDefined('hashdrop-stage');
      expect(room.status).to.equal('pre-join');
      expect(shadow(room, 'hashdrop-prejoin')).to.exist;

      session.snapshot = snapshots.host(2);
      await room.updateComplete;
      expect(shadow(room, '#call-title')).to.exist;
      const stage = shadow(room, 'hashdrop-stage')!;
      await (stage as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(stage.shadowRoot!.querySelectorAll('hashdrop-participant-tile')).to.have.length(2);
      expect(customElements.get('hashdrop-host-panel')).to.exist;
      expect(shadow(room, 'hashdrop-host-panel')!.shadowRoot).to.exist;
      expect(shadow(room, 'hashdrop-invite')!.shadowRoot).to.exist;
      // The call screen's own layout styles came with it.
      expect(getComputedStyle(shadow(room, '[part="call"]')!).display).to.equal('grid');
    } finally {
      room.remove();
    }
  });

  it("loads the call's extras only once one has something to show", async () => {
    const session = new SnapshotSession(snapshots.inRoom(2));
    const room = document.createElement('hashdrop-room') as HashdropRoom;
    room.session = session;
    document.body.append(room);
    try {
      await customElements.whenDefined('hashdrop-call-view');
      await room.updateComplete;
      await tick(20);
      // A quiet call: the tags wait in the call screen, undefined, and their chunk is not fetched. (The Recording
      // badge's element is defined by now: the host's recording control in the test before shows it.)
      for (const tag of ['hashdrop-chat', 'hashdrop-reactions', 'hashdrop-captions', 'hashdrop-unmute-request']) {
        expect(shadow(room, tag), tag).to.exist;
        expect(customElements.get(tag) === undefined, `${tag} is not defined`).to.equal(true);
      }

      session.update({ reactions: [{ id: 1, identity: 'user_1', emoji: '🎉', at: Date.now() }] });
      await customElements.whenDefined('hashdrop-reactions');
      const reactions = shadow(room, 'hashdrop-reactions') as HTMLElement & { updateComplete: Promise<unknown> };
      await reactions.updateComplete;
      // The first reaction shows, and is announced: the live region is in the page, empty, before its text.
      expect(text(reactions.shadowRoot!.querySelector('[part="emoji"]'))).to.equal('🎉');
      // (The announcement is the update after the one that drew the region.)
      await tick();
      await reactions.updateComplete;
      expect(text(reactions.shadowRoot!.querySelector('[role="status"]'))).to.contain('celebration');
      expect(customElements.get('hashdrop-captions') === undefined, 'captions wait for captions').to.equal(true);

      // The call's first message defines the chat: it counts as unread (the control bar's badge) and is announced.
      session.update({
        chat: [{ id: 'm1', from: { identity: 'user_1', name: 'Grace' }, isLocal: false, sentAt: '', text: 'Hi all' }],
      });
      await customElements.whenDefined('hashdrop-chat');
      await room.updateComplete;
      const bar = shadow(room, 'hashdrop-control-bar') as HTMLElement & { updateComplete: Promise<unknown> };
      await tick();
      await bar.updateComplete;
      expect(text(bar.shadowRoot!.querySelector('[part="unread"]'))).to.equal('1');
      await tick(80);
      expect(text(shadow(room, 'hashdrop-chat')!.shadowRoot!.querySelector('[aria-live="polite"]'))).to.equal(
        'Grace: Hi all',
      );

      session.update({
        captions: [{ segmentId: 's1', speaker: 'user_1', text: 'Hello', final: true, updatedAt: Date.now() }],
      });
      await customElements.whenDefined('hashdrop-captions');
      const captions = shadow(room, 'hashdrop-captions') as HTMLElement & { updateComplete: Promise<unknown> };
      await captions.updateComplete;
      expect(text(captions.shadowRoot!.querySelector('[part="text"]'))).to.equal('Hello');

      // A host's request to unmute defines its prompt, which shows and is announced at once (assertively).
      session.update({ unmuteRequested: true });
      await customElements.whenDefined('hashdrop-unmute-request');
      const prompt = shadow(room, 'hashdrop-unmute-request') as HTMLElement & { updateComplete: Promise<unknown> };
      await prompt.updateComplete;
      expect(prompt.hidden, 'the prompt shows').to.equal(false);
      expect(prompt.shadowRoot!.querySelector('[part="accept"]')).to.exist;
      await tick(80);
      expect(text(prompt.shadowRoot!.querySelector('[role="alert"]'))).to.equal(
        'A host asks you to turn your microphone on.',
      );
    } finally {
      room.remove();
    }
  });

  it('never loads or defines anything twice', async () => {
    // A second registration (another copy of the entry, say) finds the tag defined and loads nothing.
    const { defineOnDemand } = await import('../../src/elements/shared/lazy-define.js');
    let loads = 0;
    const stop = defineOnDemand({ 'hashdrop-invite': () => Promise.resolve(loads++) });
    document.body.append(document.createElement('hashdrop-invite'));
    await tick(20);
    expect(loads).to.equal(0);
    stop();
    // Every tag was defined exactly once, by whichever path came first.
    expect([...definitions].sort()).to.deep.equal([...EAGER, ...LAZY].sort());
  });

  it('loads a tag once however many copies appear, and stops watching once all are defined', async () => {
    const { defineOnDemand } = await import('../../src/elements/shared/lazy-define.js');
    let loads = 0;
    defineOnDemand({
      'x-lazy-probe': async () => {
        loads++;
        await tick(10);
        customElements.define('x-lazy-probe', class extends HTMLElement {});
      },
    });
    await tick(10);
    expect(loads, 'nothing to load while the tag is absent').to.equal(0);
    document.body.insertAdjacentHTML('beforeend', '<x-lazy-probe></x-lazy-probe><x-lazy-probe></x-lazy-probe>');
    await tick();
    document.body.insertAdjacentHTML('beforeend', '<div><x-lazy-probe></x-lazy-probe></div>');
    await customElements.whenDefined('x-lazy-probe');
    document.body.insertAdjacentHTML('beforeend', '<x-lazy-probe></x-lazy-probe>');
    await tick(20);
    expect(loads).to.equal(1);
    expect(definitions.filter((name) => name === 'x-lazy-probe')).to.have.length(1);
  });
});
