/** Stage mode and host controls in the elements, driven by plain snapshots: what each role is offered and what it does. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/control-bar/define.js';
import '../../src/elements/host-panel/define.js';
import '../../src/elements/stage/define.js';
import '../../src/elements/chat/define.js';
import '../../src/elements/prejoin/define.js';
import type { HashdropControlBar } from '../../src/elements/control-bar/control-bar.js';
import type { HashdropHostPanel } from '../../src/elements/host-panel/host-panel.js';
import type { HashdropStage } from '../../src/elements/stage/stage.js';
import type { HashdropChat } from '../../src/elements/chat/chat.js';
import type { HashdropPrejoin } from '../../src/elements/prejoin/prejoin.js';
import type { HashdropParticipantTile } from '../../src/elements/participant-tile/participant-tile.js';
import { DEFAULT_POLICY } from '../../src/contract/schemas.js';
import { roomView, snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text } from './helpers.js';

const all = (el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

describe('stage mode: control bar', () => {
  it('offers the audience no microphone, camera or screen share, but a hand to raise', async () => {
    const session = sessionWith(snapshots.stage('audience'));
    const el = await fixture<HashdropControlBar>(
      html`<hashdrop-control-bar .session=${session}></hashdrop-control-bar>`,
    );
    for (const name of ['mic-toggle', 'camera-toggle', 'screen-share']) expect(part(el, name), name).to.be.null;
    const hand = part<HTMLButtonElement>(el, 'hand-toggle')!;
    expect(hand.getAttribute('aria-pressed')).to.equal('true');
    expect(el.hasState('audience')).to.be.true;
    hand.click();
    expect(session.callsOf('setHandRaised')).to.deep.equal([[false]]);
    await expect(el).to.be.accessible();
  });

  it('offers speakers their devices; hosts get no hand; an audio-only room has no camera', async () => {
    const speaker = await fixture<HashdropControlBar>(
      html`<hashdrop-control-bar .session=${sessionWith(snapshots.stage('speaker'))}></hashdrop-control-bar>`,
    );
    expect(part(speaker, 'mic-toggle')).to.exist;
    expect(part(speaker, 'camera-toggle')).to.exist;
    expect(part(speaker, 'hand-toggle')).to.exist;
    const host = await fixture<HashdropControlBar>(
      html`<hashdrop-control-bar .session=${sessionWith(snapshots.stage('host'))}></hashdrop-control-bar>`,
    );
    expect(part(host, 'hand-toggle')).to.be.null;
    const audioOnly = snapshots.inRoom(2, { room: roomView({ policy: { ...DEFAULT_POLICY, audioOnly: true } }) });
    const spaces = await fixture<HashdropControlBar>(
      html`<hashdrop-control-bar .session=${sessionWith(audioOnly)}></hashdrop-control-bar>`,
    );
    expect(part(spaces, 'mic-toggle')).to.exist;
    expect(part(spaces, 'camera-toggle')).to.be.null;
    expect(part(spaces, 'screen-share')).to.be.null;
  });

  it('announces a hand lowered by a host, and a promotion', async () => {
    const session = sessionWith(snapshots.stage('audience'));
    const el = await fixture<HashdropControlBar>(
      html`<hashdrop-control-bar .session=${session}></hashdrop-control-bar>`,
    );
    const status = () => text(el.shadowRoot!.querySelector('[role="status"]'));
    session.update({ handRaisedAt: null });
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 60));
    await el.updateComplete;
    expect(status()).to.equal('A host lowered your hand');
    session.update({ role: 'speaker' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await el.updateComplete;
    expect(status()).to.contain('You are now a speaker');
    expect(part(el, 'mic-toggle'), 'a new speaker gets a microphone button').to.exist;
  });
});

describe('stage mode: host panel', () => {
  it('lists raised hands first raised first, and people on stage and in the audience', async () => {
    const session = sessionWith(snapshots.stage('host'));
    const el = await fixture<HashdropHostPanel>(html`<hashdrop-host-panel .session=${session}></hashdrop-host-panel>`);
    const hands = all(el, '[part="hand"]').map((li) => li.dataset.identity);
    expect(hands).to.deep.equal(['user_4', 'user_2']);
    expect(text(el.shadowRoot!.querySelector('#speakers-title'))).to.equal('On stage (2)');
    expect(text(el.shadowRoot!.querySelector('#audience-title'))).to.equal('Audience (4)');
    await expect(el).to.be.accessible();
  });

  it('promotes, demotes, mutes and lowers hands through the session', async () => {
    const session = sessionWith(snapshots.stage('host'));
    const el = await fixture<HashdropHostPanel>(html`<hashdrop-host-panel .session=${session}></hashdrop-host-panel>`);
    const row = (identity: string) => el.shadowRoot!.querySelector(`[part="person"][data-identity="${identity}"]`)!;
    row('user_3').querySelector<HTMLElement>('[part~="action-promote"]')!.click();
    row('user_1').querySelector<HTMLElement>('[part~="action-demote"]')!.click();
    row('user_1').querySelector<HTMLElement>('[part~="action-mute"]')!.click();
    el.shadowRoot!.querySelector<HTMLElement>('[part="hand"] [part~="action-lower-hand"]')!.click();
    part(el, 'lower-all')!.click();
    expect(session.callsOf('moderate')).to.deep.equal([
      ['user_3', 'promote'],
      ['user_1', 'demote'],
      ['user_1', 'mute'],
      ['user_4', 'lower-hand'],
    ]);
    expect(session.callsOf('lowerAllHands')).to.have.length(1);
    expect(row('user_0').querySelector('[part~="action"]'), 'no actions on oneself').to.be.null;
  });

  it('mutes all but the hosts, and asks someone muted to unmute — never the audience', async () => {
    const session = sessionWith(snapshots.stage('host'));
    const el = await fixture<HashdropHostPanel>(html`<hashdrop-host-panel .session=${session}></hashdrop-host-panel>`);
    const row = (identity: string) => el.shadowRoot!.querySelector(`[part="person"][data-identity="${identity}"]`)!;
    part(el, 'mute-all')!.click();
    expect(session.callsOf('muteAll')).to.have.length(1);
    await waitUntil(() => text(el.shadowRoot!.querySelector('[role="status"]')).includes('Muted everyone'));
    // Grace (speaker) with her microphone off is offered the request; the audience is not.
    const grace = session.snapshot.participants.find((p) => p.identity === 'user_1')!;
    session.update({
      participants: session.snapshot.participants.map((p) =>
        p === grace ? { ...p, microphone: { ...p.microphone!, muted: true } } : p,
      ),
    });
    await el.updateComplete;
    row('user_1').querySelector<HTMLElement>('[part~="action-ask-to-unmute"]')!.click();
    expect(session.callsOf('moderate')).to.deep.equal([['user_1', 'ask-to-unmute']]);
    expect(row('user_3').querySelector('[part~="action-ask-to-unmute"]')).to.be.null;
    // With nobody but hosts left speaking, Mute all goes away.
    expect(part(el, 'mute-all')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('asks before removing someone; Cancel keeps them and returns focus', async () => {
    const session = sessionWith(snapshots.stage('host'));
    const el = await fixture<HashdropHostPanel>(html`<hashdrop-host-panel .session=${session}></hashdrop-host-panel>`);
    const kick = el.shadowRoot!.querySelector<HTMLElement>('[data-identity="user_5"] [part~="action-kick"]')!;
    kick.focus();
    kick.click();
    await el.updateComplete;
    const dialog = part<HTMLDialogElement>(el, 'kick-dialog')!;
    await new Promise((resolve) => setTimeout(resolve));
    expect(dialog.open).to.be.true;
    expect(text(dialog.querySelector('h2'))).to.equal('Remove Barbara?');
    part(el, 'kick-cancel')!.click();
    await el.updateComplete;
    expect(session.callsOf('moderate')).to.have.length(0);
    expect(el.shadowRoot!.activeElement).to.equal(kick);
    kick.click();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    part(el, 'kick-confirm')!.click();
    expect(session.callsOf('moderate')).to.deep.equal([['user_5', 'kick']]);
  });

  it('announces a raised hand to hosts', async () => {
    const session = sessionWith(snapshots.stage('host'));
    const el = await fixture<HashdropHostPanel>(html`<hashdrop-host-panel .session=${session}></hashdrop-host-panel>`);
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    session.update({
      participants: session.snapshot.participants.map((p) =>
        p.identity === 'user_3' ? { ...p, handRaisedAt: '2030-01-01T10:09:00.000Z' } : p,
      ),
    });
    await el.updateComplete;
    expect(text(live)).to.equal('Margaret raised their hand.');
  });

  it('offers hosts the audience chat switch', async () => {
    const session = sessionWith(snapshots.stage('host'));
    const el = await fixture<HashdropHostPanel>(html`<hashdrop-host-panel .session=${session}></hashdrop-host-panel>`);
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('[part="audience-chat"] input')!;
    expect(box.checked).to.be.true;
    box.click();
    expect(session.callsOf('updatePolicy')).to.deep.equal([[{ audienceChat: false }]]);
  });

  it('shows non-hosts no moderation', async () => {
    const el = await fixture<HashdropHostPanel>(
      html`<hashdrop-host-panel .session=${sessionWith(snapshots.stage('speaker'))}></hashdrop-host-panel>`,
    );
    expect(part(el, 'people')).to.be.null;
    expect(part(el, 'hands')).to.be.null;
  });
});

describe('stage mode: stage, tiles and chat', () => {
  it('gives the audience no tiles: a count and a list with raised hands', async () => {
    const el = await fixture<HashdropStage>(
      html`<hashdrop-stage style="width: 800px" .session=${sessionWith(snapshots.stage('audience'))}></hashdrop-stage>`,
    );
    await el.layoutReady();
    const identities = all(el, 'hashdrop-participant-tile').map(
      (tile) => (tile as HashdropParticipantTile).participant?.identity,
    );
    expect(identities.sort()).to.deep.equal(['user_0', 'user_1']);
    const toggle = part<HTMLButtonElement>(el, 'audience-toggle')!;
    expect(text(toggle)).to.equal('Audience: 4');
    expect(part(el, 'audience-list')!.hidden).to.be.true;
    toggle.click();
    await el.updateComplete;
    expect(part(el, 'audience-list')!.hidden).to.be.false;
    expect(all(el, '[part="audience-list"] li')).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('gives hosts a menu on tiles: actions go to the session, Remove asks first', async () => {
    const session = sessionWith(snapshots.stage('host'));
    const el = await fixture<HashdropStage>(
      html`<hashdrop-stage style="width: 800px" layout="grid" .session=${session}></hashdrop-stage>`,
    );
    await el.layoutReady();
    const tile = all(el, 'hashdrop-participant-tile').find(
      (t) => (t as HashdropParticipantTile).participant?.identity === 'user_1',
    ) as HashdropParticipantTile;
    const own = all(el, 'hashdrop-participant-tile').find(
      (t) => (t as HashdropParticipantTile).participant?.identity === 'user_0',
    )!;
    expect(part(own, 'actions-button'), 'no menu on the host’s own tile').to.be.null;
    part(tile, 'actions-button')!.click();
    await tile.updateComplete;
    const items = all(tile, '[part~="menu-item"]').map((item) => text(item));
    expect(items).to.deep.equal(['Move to audience', 'Mute', 'Remove']);
    expect(tile.shadowRoot!.activeElement).to.equal(part(tile, 'menu-item'));
    part(tile, 'menu-item-demote')!.click();
    await tile.updateComplete;
    expect(session.callsOf('moderate')).to.deep.equal([['user_1', 'demote']]);
    part(tile, 'actions-button')!.click();
    await tile.updateComplete;
    part(tile, 'menu-item-kick')!.click();
    await tile.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    expect(part<HTMLDialogElement>(tile, 'kick-dialog')!.open).to.be.true;
    part(tile, 'kick-confirm')!.click();
    expect(session.callsOf('moderate')).to.deep.equal([
      ['user_1', 'demote'],
      ['user_1', 'kick'],
    ]);
    await expect(tile).to.be.accessible();
  });

  it('tells the audience when the host turned their chat off', async () => {
    const s = snapshots.stage('audience');
    const session = sessionWith({ ...s, room: { ...s.room!, policy: { ...s.room!.policy, audienceChat: false } } });
    const el = await fixture<HashdropChat>(html`<hashdrop-chat .session=${session}></hashdrop-chat>`);
    expect(text(part(el, 'chat-off'))).to.equal('The host turned chat off for the audience.');
    expect(part<HTMLButtonElement>(el, 'send')!.disabled).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('announces it once when the host turns the audience’s chat off during the call', async () => {
    const s = snapshots.stage('audience');
    const session = sessionWith(s);
    const el = await fixture<HashdropChat>(html`<hashdrop-chat .session=${session}></hashdrop-chat>`);
    const region = () => text(el.shadowRoot!.querySelector('[role="status"]'));
    expect(region()).to.equal('');
    session.update({ room: { ...s.room!, policy: { ...s.room!.policy, audienceChat: false } } });
    await el.updateComplete;
    expect(text(part(el, 'chat-off'))).to.equal('The host turned chat off for the audience.');
    expect(region()).to.equal('The host turned chat off for the audience.');
    expect(el.shadowRoot!.querySelectorAll('[role="status"]'), 'one live region, not the notice too').to.have.length(1);
  });
});

describe('stage mode and audio-only: pre-join', () => {
  const stagePolicy = { ...DEFAULT_POLICY, stageMode: true };

  it('tells a stage guest they join the audience, and asks for no devices', async () => {
    const session = sessionWith(
      snapshots.preJoin({
        room: roomView({ policy: stagePolicy, youAreHost: false }),
        devices: { ...snapshots.preJoin().devices, cameraPermission: 'unknown', microphonePermission: 'unknown' },
      }),
    );
    const el = await fixture<HashdropPrejoin>(html`<hashdrop-prejoin .session=${session}></hashdrop-prejoin>`);
    expect(text(part(el, 'stage-note'))).to.contain('You join the audience');
    expect(part(el, 'preview-frame')).to.be.null;
    expect(part(el, 'camera-toggle')).to.be.null;
    expect(session.callsOf('requestDevices')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a stage host the usual devices', async () => {
    const session = sessionWith(snapshots.preJoin({ room: roomView({ policy: stagePolicy, youAreHost: true }) }));
    const el = await fixture<HashdropPrejoin>(html`<hashdrop-prejoin .session=${session}></hashdrop-prejoin>`);
    expect(part(el, 'stage-note')).to.be.null;
    expect(part(el, 'camera-toggle')).to.exist;
  });

  it('offers an audio-only room the microphone only', async () => {
    const session = sessionWith(
      snapshots.preJoin({ room: roomView({ policy: { ...DEFAULT_POLICY, audioOnly: true } }) }),
    );
    const el = await fixture<HashdropPrejoin>(html`<hashdrop-prejoin .session=${session}></hashdrop-prejoin>`);
    expect(part(el, 'mic-toggle')).to.exist;
    expect(part(el, 'camera-toggle')).to.be.null;
    expect(part(el, 'preview-frame')).to.be.null;
    expect(part(el, 'camera-select')).to.be.null;
    await expect(el).to.be.accessible();
  });
});
