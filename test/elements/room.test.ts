import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/elements/room/define.js';
import { HashdropRoom } from '../../src/elements/room/room.js';
import { parseRoomAttribute } from '../../src/elements/room/attributes.js';
import type { HashdropErrorEvent, HashdropStatusChangeEvent } from '../../src/elements/shared/events.js';
import type { RoomSessionOptions } from '../../src/core/room-session.js';
import { knock, roomView, snapshots } from '../../src/testing/fixtures.js';
import { SnapshotSession } from '../../src/testing/snapshot-session.js';
import { animationsFinished, mount, part, sessionWith, text, unmountAll, tick } from './helpers.js';

const shadow = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector(selector);

describe('hashdrop-room', () => {
  const realFactory = HashdropRoom.createSession;
  let made: Array<{ options: RoomSessionOptions; session: SnapshotSession }> = [];
  beforeEach(() => {
    made = [];
    HashdropRoom.createSession = (options) => {
      const session = new SnapshotSession(snapshots.idle());
      made.push({ options, session });
      return session;
    };
  });
  afterEach(() => {
    unmountAll();
    HashdropRoom.createSession = realFactory;
  });

  it('parses room references', () => {
    expect(parseRoomAttribute('stellar phoenix')).to.equal('STELLAR-PHOENIX');
    expect(parseRoomAttribute('https://x.test/?room=brave-otter')).to.equal('BRAVE-OTTER');
    expect(parseRoomAttribute('room_4f9a1c2b7d')).to.equal('room_4f9a1c2b7d');
    expect(parseRoomAttribute('no way!')).to.be.null;
  });

  it('creates its session from attributes and prepares the room', async () => {
    const el = await fixture<HashdropRoom>(
      html`<hashdrop-room endpoint="/api" room="stellar phoenix" audio="off" host-key="k"></hashdrop-room>`,
    );
    expect(made).to.have.length(1);
    expect(made[0]!.options).to.deep.equal({ audio: false, video: true, endpoint: '/api', hostKey: 'k' });
    expect(made[0]!.session.callsOf('prepare')).to.deep.equal([['STELLAR-PHOENIX']]);
    expect(el.session).to.equal(made[0]!.session);
    expect(el.getAttribute('status')).to.equal('idle');
  });

  describe('a host key from the page URL', () => {
    let original = '';
    beforeEach(() => {
      original = location.href;
    });
    afterEach(() => history.replaceState(history.state, '', original));

    it('is removed from the address bar once redeemed, keeping the other parameters and the hash', async () => {
      history.replaceState(history.state, '', `${location.pathname}?room=stellar-phoenix&host=SECRET-KEY&x=a%20b#frag`);
      const before = history.length;
      await fixture<HashdropRoom>(html`<hashdrop-room endpoint="/api" room="stellar phoenix"></hashdrop-room>`);
      expect(made[0]!.options.hostKey).to.equal('SECRET-KEY');
      const session = made[0]!.session;
      // Pre-join before the claim has answered (not a host yet): the key stays, a reload may still need it.
      session.snapshot = snapshots.preJoin({ room: null });
      expect(new URL(location.href).searchParams.get('host')).to.equal('SECRET-KEY');
      session.snapshot = snapshots.preJoin({ room: roomView({ youAreHost: true }) });
      expect(location.search).to.equal('?room=stellar-phoenix&x=a%20b');
      expect(location.hash).to.equal('#frag');
      expect(location.href).not.to.include('SECRET-KEY');
      expect(history.length, 'the entry is replaced, not pushed').to.equal(before);
    });

    it('stays when the claim did not make this browser a host', async () => {
      history.replaceState(history.state, '', `${location.pathname}?host=WRONG-KEY`);
      await fixture<HashdropRoom>(html`<hashdrop-room endpoint="/api" room="stellar phoenix"></hashdrop-room>`);
      made[0]!.session.snapshot = snapshots.preJoin({ room: roomView({ youAreHost: false }) });
      expect(location.search).to.equal('?host=WRONG-KEY');
    });

    it('is left alone when the key came from the host-key attribute', async () => {
      history.replaceState(history.state, '', `${location.pathname}?room=x&host=OTHER#h`);
      await fixture<HashdropRoom>(
        html`<hashdrop-room endpoint="/api" room="stellar phoenix" host-key="ATTR-KEY"></hashdrop-room>`,
      );
      expect(made[0]!.options.hostKey).to.equal('ATTR-KEY');
      made[0]!.session.snapshot = snapshots.preJoin({ room: roomView({ youAreHost: true }) });
      expect(location.search).to.equal('?room=x&host=OTHER');
      expect(location.hash).to.equal('#h');
    });
  });

  it('creates a room with create', async () => {
    await fixture<HashdropRoom>(html`<hashdrop-room token-endpoint="/token" create></hashdrop-room>`);
    expect(made[0]!.options.tokenEndpoint).to.equal('/token');
    expect(made[0]!.session.callsOf('createRoom')).to.have.length(1);
  });

  const bad: Array<[string, ReturnType<typeof html>, string]> = [
    [
      'both endpoints',
      html`<hashdrop-room endpoint="/a" token-endpoint="/b" room="BRAVE-OTTER"></hashdrop-room>`,
      'token-endpoint',
    ],
    ['no endpoint', html`<hashdrop-room room="BRAVE-OTTER"></hashdrop-room>`, 'endpoint'],
    ['bad room', html`<hashdrop-room endpoint="/a" room="not a room!"></hashdrop-room>`, 'room'],
    ['bad audio', html`<hashdrop-room endpoint="/a" room="BRAVE-OTTER" audio="loud"></hashdrop-room>`, 'audio'],
    ['bad video', html`<hashdrop-room endpoint="/a" room="BRAVE-OTTER" video="maybe"></hashdrop-room>`, 'video'],
    ['bad theme', html`<hashdrop-room endpoint="/a" room="BRAVE-OTTER" theme="pink"></hashdrop-room>`, 'theme'],
    ['bad layout', html`<hashdrop-room endpoint="/a" room="BRAVE-OTTER" layout="mosaic"></hashdrop-room>`, 'layout'],
    ['create and room', html`<hashdrop-room endpoint="/a" room="BRAVE-OTTER" create></hashdrop-room>`, 'create'],
    ['bad lang', html`<hashdrop-room endpoint="/a" room="BRAVE-OTTER" lang="??"></hashdrop-room>`, 'lang'],
  ];
  for (const [name, template, attribute] of bad) {
    it(`shows an error state and fires INVALID_ATTRIBUTE for ${name}`, async () => {
      const errors: HashdropErrorEvent[] = [];
      const listener = (e: Event) => errors.push(e as HashdropErrorEvent);
      document.addEventListener('hashdrop-error', listener);
      try {
        const el = await fixture<HashdropRoom>(template);
        await tick();
        expect(errors).to.have.length(1);
        expect(errors[0]!.code).to.equal('INVALID_ATTRIBUTE');
        expect(errors[0]!.error.attribute).to.equal(attribute);
        expect(el.hasState('invalid')).to.be.true;
        expect(shadow(el, '[role="alert"]')).to.exist;
        expect(text(shadow(el, '[role="alert"]'))).to.contain(`“${attribute}”`);
        expect(made).to.have.length(0);
        await expect(el).to.be.accessible();
      } finally {
        document.removeEventListener('hashdrop-error', listener);
      }
    });
  }

  it('recovers when a bad attribute is fixed', async () => {
    const el = await fixture<HashdropRoom>(
      html`<hashdrop-room endpoint="/a" room="BRAVE-OTTER" audio="loud"></hashdrop-room>`,
    );
    el.setAttribute('audio', 'off');
    await el.updateComplete;
    expect(el.hasState('invalid')).to.be.false;
    expect(made).to.have.length(1);
    expect(made[0]!.options.audio).to.be.false;
  });

  const views: Array<[string, () => ReturnType<typeof snapshots.idle>, string]> = [
    ['pre-join', () => snapshots.preJoin(), 'hashdrop-prejoin'],
    ['idle', () => snapshots.idle(), 'hashdrop-prejoin'],
    ['waiting', () => snapshots.waiting(), 'hashdrop-lobby'],
    ['denied', () => snapshots.denied(), 'hashdrop-lobby'],
    ['room full', () => snapshots.roomFull(), 'hashdrop-lobby'],
    ['in-room', () => snapshots.inRoom(3), 'hashdrop-stage'],
    ['host in-room', () => snapshots.host(2), 'hashdrop-host-panel'],
  ];
  for (const [name, make, tag] of views) {
    it(`renders ${name} with ${tag}`, async () => {
      const el = await fixture<HashdropRoom>(html`<hashdrop-room .session=${sessionWith(make())}></hashdrop-room>`);
      expect(shadow(el, tag)).to.exist;
      // A narrow call opens its host panel as a sheet that fades in.
      await animationsFinished(el);
      await expect(el).to.be.accessible();
    });
  }

  it('renders connecting, ended and error screens accessibly', async () => {
    const session = sessionWith(snapshots.connecting());
    const el = await fixture<HashdropRoom>(html`<hashdrop-room .session=${session}></hashdrop-room>`);
    expect(text(shadow(el, 'h2'))).to.equal('Connecting…');
    await expect(el).to.be.accessible();
    session.snapshot = snapshots.ended('left');
    await el.updateComplete;
    expect(text(shadow(el, 'p'))).to.contain('You left the call.');
    part<HTMLButtonElement>(el, 'rejoin')!.click();
    expect(session.callsOf('prepare')).to.deep.equal([['STELLAR-PHOENIX']]);
    await expect(el).to.be.accessible();
    session.snapshot = snapshots.error();
    await el.updateComplete;
    expect(text(shadow(el, '[role="alert"]'))).to.contain('The endpoint could not be reached.');
    part<HTMLButtonElement>(el, 'retry')!.click();
    expect(session.callsOf('prepare')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('makes the call screen ahead from pre-join on, hidden, and shows that same screen in the call', async () => {
    const session = sessionWith(snapshots.preJoin());
    const el = await fixture<HashdropRoom>(html`<hashdrop-room .session=${session}></hashdrop-room>`);
    await waitUntil(() => shadow(el, 'hashdrop-call-view'), 'the call screen made on pre-join');
    const view = shadow(el, 'hashdrop-call-view') as HTMLElement;
    expect(view.hidden).to.be.true;
    expect(getComputedStyle(view).display).to.equal('none');
    session.snapshot = snapshots.connecting();
    await el.updateComplete;
    expect(shadow(el, 'hashdrop-call-view')).to.equal(view);
    expect(view.hidden).to.be.true;
    expect(getComputedStyle(view).display).to.equal('none');
    session.snapshot = snapshots.inRoom(2);
    await el.updateComplete;
    expect(shadow(el, 'hashdrop-call-view')).to.equal(view);
    expect(view.hidden).to.be.false;
    expect(getComputedStyle(view).display).to.equal('flex');
    expect(shadow(el, '[part="card"]')).to.be.null;
  });

  it('stays on pre-join while a join started there connects: Join busy and focused, the call screen not redrawn', async () => {
    const session = sessionWith(snapshots.preJoin());
    const el = await fixture<HashdropRoom>(html`<hashdrop-room .session=${session}></hashdrop-room>`);
    await waitUntil(() => shadow(el, 'hashdrop-call-view'), 'the call screen made on pre-join');
    const view = shadow(el, 'hashdrop-call-view') as HTMLElement & { snapshot: unknown };
    const prejoin = shadow(el, 'hashdrop-prejoin') as HTMLElement & { updateComplete: Promise<unknown> };
    await prejoin.updateComplete;
    const join = prejoin.shadowRoot!.querySelector<HTMLButtonElement>('[part="join"]')!;
    join.focus();
    const before = view.snapshot;
    session.snapshot = snapshots.connecting();
    await el.updateComplete;
    await prejoin.updateComplete;
    expect(shadow(el, 'hashdrop-prejoin'), 'the same pre-join screen').to.equal(prejoin);
    expect(shadow(el, '[part="card"]')).to.be.null;
    expect(join.getAttribute('aria-disabled')).to.equal('true');
    expect(text(join)).to.equal('Joining…');
    expect(prejoin.shadowRoot!.activeElement, 'focus stays on Join').to.equal(join);
    expect(view.snapshot, 'the hidden call screen keeps its snapshot while connecting').to.equal(before);
    await expect(el).to.be.accessible();
    session.snapshot = snapshots.inRoom(2);
    await el.updateComplete;
    expect(view.hidden).to.be.false;
    expect(view.snapshot).to.equal(session.snapshot);
    expect(shadow(el, 'hashdrop-prejoin')).to.be.null;
  });

  it('shows the connecting card when a join did not start on pre-join (a retry from the error card)', async () => {
    const session = sessionWith(snapshots.error());
    const el = await fixture<HashdropRoom>(html`<hashdrop-room .session=${session}></hashdrop-room>`);
    session.snapshot = snapshots.connecting();
    await el.updateComplete;
    expect(text(shadow(el, 'h2'))).to.equal('Connecting…');
    expect(shadow(el, 'hashdrop-prejoin')).to.be.null;
  });

  it('fires typed lifecycle events by diffing snapshots, and reflects status', async () => {
    const session = sessionWith(snapshots.preJoin());
    const el = await fixture<HashdropRoom>(html`<hashdrop-room .session=${session}></hashdrop-room>`);
    const seen: string[] = [];
    for (const type of [
      'hashdrop-status-change',
      'hashdrop-joined',
      'hashdrop-left',
      'hashdrop-denied',
      'hashdrop-knock',
      'hashdrop-error',
    ]) {
      el.addEventListener(type, (e) =>
        seen.push(type === 'hashdrop-status-change' ? `status:${(e as HashdropStatusChangeEvent).status}` : type),
      );
    }
    session.snapshot = snapshots.waiting();
    session.snapshot = snapshots.host(0);
    session.snapshot = snapshots.host(1);
    session.snapshot = snapshots.host(2, { knocks: [knock(0), knock(1)] });
    session.snapshot = snapshots.ended('left');
    session.snapshot = snapshots.denied();
    session.snapshot = snapshots.error();
    expect(seen).to.deep.equal([
      'status:waiting',
      'status:in-room',
      'hashdrop-joined',
      'hashdrop-knock',
      'hashdrop-knock',
      'status:ended',
      'hashdrop-left',
      'status:denied',
      'hashdrop-denied',
      'status:error',
      'hashdrop-error',
    ]);
    await el.updateComplete;
    expect(el.getAttribute('status')).to.equal('error');
    expect(el.hasState('error')).to.be.true;
  });

  it('announces status changes politely and moves focus to the new screen', async () => {
    const session = sessionWith(snapshots.preJoin());
    const el = await fixture<HashdropRoom>(html`<hashdrop-room .session=${session}></hashdrop-room>`);
    const prejoin = shadow(el, 'hashdrop-prejoin') as HTMLElement & { updateComplete: Promise<unknown> };
    await prejoin.updateComplete;
    (prejoin.shadowRoot!.querySelector('[part="join"]') as HTMLElement).focus();
    session.snapshot = snapshots.waiting();
    await el.updateComplete;
    await tick(20);
    expect(text(shadow(el, '[aria-live="polite"]'))).to.equal('Waiting for the host to let you in.');
    const lobby = shadow(el, 'hashdrop-lobby')!;
    expect(lobby.shadowRoot!.activeElement?.getAttribute('part')).to.equal('title');
    session.snapshot = snapshots.inRoom(2);
    await el.updateComplete;
    await tick(20);
    expect(el.shadowRoot!.activeElement?.id).to.equal('call-title');
  });

  it('does not steal focus from the page on a status change', async () => {
    const wrapper = await mount(html`<div><input aria-label="page" /><hashdrop-room></hashdrop-room></div>`);
    const session = sessionWith(snapshots.preJoin());
    const room = wrapper.querySelector('hashdrop-room')!;
    room.session = session;
    await room.updateComplete;
    wrapper.querySelector('input')!.focus();
    session.snapshot = snapshots.waiting();
    await tick(20);
    expect(document.activeElement === wrapper.querySelector('input')).to.be.true;
  });

  it('keeps the call when moved in the DOM, and disposes its own session only when removed', async () => {
    const a = await mount(html`<div><hashdrop-room endpoint="/api" room="BRAVE-OTTER"></hashdrop-room></div>`);
    const b = await mount(html`<div></div>`);
    const room = a.querySelector('hashdrop-room')!;
    const session = made[0]!.session;
    session.snapshot = snapshots.inRoom(2);
    b.append(room);
    await tick(10);
    expect(session.disposed).to.be.false;
    expect(session.listenerCount).to.equal(1);
    expect(room.session).to.equal(session);
    expect(made).to.have.length(1);
    room.remove();
    await tick(10);
    expect(session.disposed).to.be.true;
    expect(session.listenerCount).to.equal(0);
  });

  it('lets go of its screens once removed for good, each on its own, and draws them again when put back', async () => {
    const wrapper = await mount(html`<div></div>`);
    const room = document.createElement('hashdrop-room');
    room.session = sessionWith(snapshots.preJoin());
    wrapper.append(room);
    await room.updateComplete;
    const prejoin = shadow(room, 'hashdrop-prejoin')!;
    expect(prejoin).to.exist;
    room.remove();
    await tick(10);
    await room.updateComplete;
    expect(shadow(room, 'hashdrop-prejoin')).to.be.null;
    expect(shadow(room, 'hashdrop-call-view')).to.be.null;
    // Held from outside (Chromium's autofill keeps the last sent form), a screen must not hold its siblings.
    expect(prejoin.parentNode).to.be.null;
    wrapper.append(room);
    await room.updateComplete;
    expect(shadow(room, 'hashdrop-prejoin')).to.exist;
  });

  it('never disposes an injected session, but lets go of it', async () => {
    const session = sessionWith(snapshots.inRoom(2));
    const el = await fixture<HashdropRoom>(html`<hashdrop-room .session=${session}></hashdrop-room>`);
    el.remove();
    await tick(10);
    expect(session.disposed).to.be.false;
    expect(session.listenerCount).to.equal(0);
    expect(session.attached.size).to.equal(0);
  });

  it('reports a room change during a call instead of swapping, then applies it after', async () => {
    const el = await fixture<HashdropRoom>(html`<hashdrop-room endpoint="/api" room="BRAVE-OTTER"></hashdrop-room>`);
    const session = made[0]!.session;
    session.snapshot = snapshots.inRoom(2);
    await el.updateComplete;
    setTimeout(() => el.setAttribute('room', 'CALM-RIVER'));
    const event = (await oneEvent(el, 'hashdrop-error')) as HashdropErrorEvent;
    expect(event.fatal).to.be.false;
    expect(event.error.attribute).to.equal('room');
    expect(session.callsOf('prepare')).to.deep.equal([['BRAVE-OTTER']]);
    expect(shadow(el, 'hashdrop-stage')).to.exist;
    expect(text(part(el, 'notice'))).to.contain('CALM-RIVER');
    session.snapshot = snapshots.ended('left');
    await tick();
    expect(session.callsOf('prepare')).to.deep.equal([['BRAVE-OTTER'], ['CALM-RIVER']]);
  });

  it('changes theme and lang on a live call without dropping it', async () => {
    const { registerMessages } = await import('../../src/i18n/index.js');
    registerMessages('fr', { 'room.leave': 'Quitter' });
    const session = sessionWith(snapshots.inRoom(2));
    const el = await fixture<HashdropRoom>(html`<hashdrop-room .session=${session} theme="light"></hashdrop-room>`);
    el.setAttribute('theme', 'dark');
    el.setAttribute('lang', 'fr');
    await el.updateComplete;
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    const bar = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(
      'hashdrop-control-bar',
    )!;
    await bar.updateComplete;
    expect(text(part(bar, 'leave'))).to.equal('Quitter');
    expect(session.callsOf('leave')).to.have.length(0);
    expect(session.listenerCount).to.be.greaterThan(0);
  });

  it('joins automatically with autojoin and a name', async () => {
    const session = sessionWith(snapshots.idle({ roomRef: 'BRAVE-OTTER' }));
    const el = await fixture<HashdropRoom>(
      html`<hashdrop-room autojoin name="Ada" .session=${session}></hashdrop-room>`,
    );
    session.snapshot = snapshots.preJoin();
    await tick();
    expect(session.callsOf('join')).to.deep.equal([['Ada']]);
    expect(el.status).to.equal('pre-join');
  });

  it('leaves from the in-call controls', async () => {
    const session = sessionWith(snapshots.inRoom(2));
    const el = await fixture<HashdropRoom>(html`<hashdrop-room .session=${session}></hashdrop-room>`);
    const bar = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(
      'hashdrop-control-bar',
    )!;
    await bar.updateComplete;
    part<HTMLButtonElement>(bar, 'mic-toggle')!.click();
    part<HTMLButtonElement>(bar, 'leave')!.click();
    expect(session.callsOf('setMicrophoneEnabled')).to.deep.equal([[false]]);
    expect(session.callsOf('leave')).to.have.length(1);
  });

  it('lays the call out as its layout attribute says', async () => {
    const el = await fixture<HashdropRoom>(
      html`<hashdrop-room layout="grid" .session=${sessionWith(snapshots.inRoom(3))}></hashdrop-room>`,
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('hashdrop-stage')!.getAttribute('layout')).to.equal('grid');
    el.removeAttribute('layout');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('hashdrop-stage')!.getAttribute('layout')).to.equal('spotlight');
  });
});
