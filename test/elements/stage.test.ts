import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/stage/define.js';
import type { HashdropStage } from '../../src/elements/stage/stage.js';
import type { HashdropParticipantTile } from '../../src/elements/participant-tile/participant-tile.js';
import { participant, participants, snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text, tick } from './helpers.js';

const screen = (i: number) => ({ sid: `TR_scr_${i}`, source: 'screen_share' as const, muted: false, subscribed: true });

async function stage(snapshot = snapshots.inRoom(3), width = 800) {
  const session = sessionWith(snapshot);
  const el = await fixture<HashdropStage>(
    html`<hashdrop-stage style="width: ${width}px" .session=${session}></hashdrop-stage>`,
  );
  await el.layoutReady();
  return { el, session };
}

function stripTiles(el: HashdropStage): HashdropParticipantTile[] {
  return [...el.shadowRoot!.querySelectorAll<HashdropParticipantTile>('[part="strip-list"] hashdrop-participant-tile')];
}

const spotlightTile = (el: HashdropStage) =>
  el.shadowRoot!.querySelector<HashdropParticipantTile>('[part="spotlight-content"] hashdrop-participant-tile')!;

describe('hashdrop-stage', () => {
  it('puts the active speaker in the spotlight and the others in the strip', async () => {
    const { el, session } = await stage(snapshots.inRoom(3, { activeSpeaker: 'user_2' }));
    expect(el.spotlightKey).to.equal('user_2:camera');
    expect(stripTiles(el).map((t) => t.participant!.identity)).to.deep.equal(['user_0', 'user_1']);
    // The speaker stays in the spotlight while nobody speaks.
    session.update({ activeSpeaker: null });
    await el.updateComplete;
    expect(el.spotlightKey).to.equal('user_2:camera');
    await expect(el).to.be.accessible();
  });

  it('prefers a screen share to the speaker, and a pin to both', async () => {
    const ps = participants(3).map((p, i) => (i === 1 ? { ...p, screenShare: screen(1) } : p));
    const { el, session } = await stage(snapshots.inRoom(3, { participants: ps, activeSpeaker: 'user_2' }));
    expect(el.spotlightKey).to.equal('user_1:screen_share');
    expect(el.hasState('screen-share')).to.be.true;
    expect(spotlightTile(el).source).to.equal('screen_share');
    el.pin('user_2');
    await el.updateComplete;
    expect(el.spotlightKey).to.equal('user_2:camera');
    expect(el.hasState('pinned')).to.be.true;
    // The pinned participant leaves: back to the screen share.
    session.update({ participants: ps.slice(0, 2) });
    await el.updateComplete;
    expect(el.spotlightKey).to.equal('user_1:screen_share');
    expect(el.pinned).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('pins by click and Enter on a strip tile; Enter on the spotlight and the Unpin button unpin', async () => {
    const { el } = await stage(snapshots.inRoom(3, { activeSpeaker: 'user_1' }));
    part(
      stripTiles(el).find((t) => t.participant!.identity === 'user_2')!,
      'base',
    )!.click();
    await tick();
    await el.updateComplete;
    expect(el.spotlightKey).to.equal('user_2:camera');
    expect(spotlightTile(el).pinned).to.be.true;
    await expect(el).to.be.accessible();
    part(el, 'spotlight')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await el.updateComplete;
    expect(el.pinned).to.be.null;
    expect(el.spotlightKey).to.equal('user_1:camera');

    const user0 = stripTiles(el).find((t) => t.participant!.identity === 'user_0')!;
    part(user0, 'base')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await tick();
    await el.updateComplete;
    expect(el.spotlightKey).to.equal('user_0:camera');
    part<HTMLButtonElement>(el, 'unpin')!.click();
    await el.updateComplete;
    expect(el.pinned).to.be.null;
  });

  it('lets the page veto a pin', async () => {
    const { el } = await stage(snapshots.inRoom(3, { activeSpeaker: 'user_1' }));
    el.addEventListener('hashdrop-pin-request', (e) => e.preventDefault());
    part(stripTiles(el)[1]!, 'base')!.click();
    await tick();
    await el.updateComplete;
    expect(el.pinned).to.be.null;
  });

  it('zooms the spotlight with the buttons, double-click and keys, announces it, and pans while zoomed', async () => {
    const { el } = await stage(snapshots.inRoom(2));
    const content = part(el, 'spotlight-content')!;
    const before = content.getBoundingClientRect().width;
    part<HTMLButtonElement>(el, 'zoom-in')!.click();
    await el.updateComplete;
    expect(el.zoom).to.equal(1.5);
    expect(content.getBoundingClientRect().width).to.be.closeTo(before * 1.5, 1);
    expect(text(part(el, 'zoom-level'))).to.equal('150%');
    // The zoom level is announced through the live region once the update settles.
    await waitUntil(() => text(el.shadowRoot!.querySelector('[role="status"]')) === 'Zoom 150%', 'zoom announced');
    expect(el.hasState('zoomed')).to.be.true;
    await expect(el).to.be.accessible();

    const spotlight = part(el, 'spotlight')!;
    spotlight.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await el.updateComplete;
    expect(content.style.transform).to.contain('translate(40px, 0px)');
    part<HTMLButtonElement>(el, 'zoom-out')!.click();
    await el.updateComplete;
    expect(el.zoom).to.equal(1);
    expect(content.style.transform).to.contain('translate(0px, 0px)');
    spotlight.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    await el.updateComplete;
    expect(el.zoom).to.equal(2);
    spotlight.dispatchEvent(new WheelEvent('wheel', { deltaY: 200, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(el.zoom).to.be.lessThan(2);
    spotlight.dispatchEvent(new KeyboardEvent('keydown', { key: '0', bubbles: true }));
    await el.updateComplete;
    expect(el.zoom).to.equal(1);
  });

  it('renders only the strip tiles on screen, attaches only their video, and pages', async () => {
    const { el, session } = await stage(snapshots.inRoom(50), 800);
    const slots = el.shadowRoot!.querySelectorAll('[part="strip-list"] > li');
    expect(slots).to.have.length(49);
    const visible = stripTiles(el);
    expect(visible.length).to.be.within(3, 6);
    const attached = el.attachedTracks.filter((sid) => sid.startsWith('TR_cam'));
    expect(attached).to.have.length(visible.length + 1);
    // No camera of a participant off screen was ever attached.
    const offscreen = session.callsOf('attach').filter(([sid]) => sid === 'TR_cam_40');
    expect(offscreen).to.have.length(0);
    expect(part<HTMLButtonElement>(el, 'previous')!.disabled).to.be.true;
    const firstBefore = visible[0]!.participant!.identity;

    const list = part(el, 'strip-list')!;
    list.style.scrollBehavior = 'auto';
    list.scrollLeft += list.clientWidth;
    await new Promise((r) => list.addEventListener('scroll', r, { once: true }));
    await el.updateComplete;
    const after = stripTiles(el);
    expect(after[0]!.participant!.identity).not.to.equal(firstBefore);
    expect(session.attached.has(`TR_cam_${firstBefore.split('_')[1]}`)).to.be.false;
    expect(part<HTMLButtonElement>(el, 'previous')!.disabled).to.be.false;
    // Remote microphones all play, on screen or not.
    expect(el.shadowRoot!.querySelectorAll('audio[data-sid]')).to.have.length(49);
    await expect(el).to.be.accessible();
  });

  it('pages the strip with its buttons', async () => {
    const { el } = await stage(snapshots.inRoom(20), 800);
    const list = part(el, 'strip-list')!;
    part<HTMLButtonElement>(el, 'next')!.click();
    await new Promise((r) => list.addEventListener('scrollend', r, { once: true }));
    expect(list.scrollLeft).to.be.greaterThan(0);
  });

  it('goes narrow in a phone-width container', async () => {
    const { el } = await stage(snapshots.inRoom(6), 360);
    // Narrow is set from the ResizeObserver callback, whenever the browser delivers it.
    await waitUntil(() => el.narrow, 'stage measured itself as narrow');
    expect(el.narrow).to.be.true;
    expect(el.hasState('narrow')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('lays everyone out in pages of a grid', async () => {
    const { el } = await stage(snapshots.inRoom(12, { participants: participants(12) }), 800);
    el.layout = 'grid';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part="grid"] hashdrop-participant-tile')).to.have.length(9);
    part<HTMLButtonElement>(el, 'next')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part="grid"] hashdrop-participant-tile')).to.have.length(3);
    expect(text(part(el, 'grid-pager'))).to.contain('Page 2 of 2');
    await expect(el).to.be.accessible();
  });

  it('shows a lone participant themself', async () => {
    const { el } = await stage(snapshots.inRoom(1, { participants: [participant(0)] }));
    expect(el.spotlightKey).to.equal('user_0:camera');
    expect(text(el.shadowRoot!.querySelector('.alone'))).to.equal('You are the only one here.');
    await expect(el).to.be.accessible();
  });
});
