/**
 * The call screen's layout and panels inside `<hashdrop-room>`: the room takes its container's size, the stage takes
 * everything but the title row and the controls, and the host panel opens from the control bar's People button with
 * focus moved in and back out.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/room/define.js';
import type { HashdropRoom } from '../../src/elements/room/room.js';
import type { RoomSnapshot } from '../../src/core/snapshot.js';
import { snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, tick } from './helpers.js';

type Updating = HTMLElement & { updateComplete: Promise<unknown> };

async function callIn(style: string, snapshot: RoomSnapshot): Promise<HashdropRoom> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style=${style}><hashdrop-room .session=${sessionWith(snapshot)}></hashdrop-room></div>`,
  );
  const room = wrapper.querySelector<HashdropRoom>('hashdrop-room')!;
  for (let i = 0; i < 100 && !room.shadowRoot!.querySelector('hashdrop-control-bar'); i++) await tick(20);
  const bar = room.shadowRoot!.querySelector<Updating>('hashdrop-control-bar')!;
  await bar.updateComplete;
  return room;
}

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('the call screen in <hashdrop-room>', () => {
  it('takes its container’s height, the stage all of it but the title row and the controls', async () => {
    const room = await callIn('width: 900px; height: 640px', snapshots.inRoom(2));
    expect(room.getBoundingClientRect().height).to.equal(640);
    const stage = room.shadowRoot!.querySelector('hashdrop-stage')!.getBoundingClientRect();
    const controls = room.shadowRoot!.querySelector('hashdrop-control-bar')!.getBoundingClientRect();
    expect(controls.bottom, 'the controls at the bottom').to.be.closeTo(room.getBoundingClientRect().bottom, 12);
    expect(stage.height, 'the stage takes the rest').to.be.above(640 - controls.height - 90);
  });

  it('has a sensible height in a container without one', async () => {
    const room = await callIn('width: 900px', snapshots.inRoom(2));
    expect(room.getBoundingClientRect().height).to.be.at.least(32 * 16);
  });

  it('opens and closes the host panel from the People button, focus moving in and back out', async () => {
    const room = await callIn('width: 1100px; height: 700px', snapshots.host(2));
    const bar = room.shadowRoot!.querySelector<Updating>('hashdrop-control-bar')!;
    const sidebar = () => room.shadowRoot!.querySelector<HTMLElement>('[part="sidebar"]')!;
    const people = () => part<HTMLButtonElement>(bar, 'people-toggle')!;
    expect(sidebar().hidden, 'open beside the call where there is room').to.be.false;
    people().click();
    await room.updateComplete;
    expect(sidebar().hidden).to.be.true;
    expect(people().getAttribute('aria-pressed')).to.equal('false');
    people().click();
    const panel = room.shadowRoot!.querySelector<Updating>('hashdrop-host-panel')!;
    for (let i = 0; i < 50 && !panel.shadowRoot!.activeElement; i++) await tick(20);
    expect(sidebar().hidden).to.be.false;
    expect(deepActive()?.getAttribute('part'), 'focus on the panel’s heading').to.equal('title');
    deepActive()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await room.updateComplete;
    await bar.updateComplete;
    expect(sidebar().hidden, 'Escape closes it').to.be.true;
    expect(deepActive(), 'focus back on People').to.equal(people());
  });

  it('offers the Captions button once captions arrive, and hides or shows them with it', async () => {
    const session = sessionWith(snapshots.inRoom(2));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 1100px; height: 640px"><hashdrop-room .session=${session}></hashdrop-room></div>`,
    );
    const room = wrapper.querySelector<HashdropRoom>('hashdrop-room')!;
    for (let i = 0; i < 100 && !room.shadowRoot!.querySelector('hashdrop-control-bar'); i++) await tick(20);
    const bar = room.shadowRoot!.querySelector<Updating>('hashdrop-control-bar')!;
    const captions = room.shadowRoot!.querySelector<HTMLElement>('hashdrop-captions')!;
    await bar.updateComplete;
    expect(part(bar, 'captions-toggle'), 'no captions yet: no button').to.be.null;
    session.update({
      captions: [{ segmentId: 's1', speaker: 'user_1', text: 'Hello everyone', final: true, updatedAt: Date.now() }],
    });
    for (let i = 0; i < 50 && !part(bar, 'captions-toggle'); i++) await tick(20);
    const toggle = part<HTMLButtonElement>(bar, 'captions-toggle')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(captions.hidden).to.be.false;
    toggle.click();
    await tick();
    expect(captions.hidden, 'turned off').to.be.true;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    // The button stays when the captions have left the screen, so they can be turned on again.
    session.update({ captions: [] });
    await tick();
    expect(part(bar, 'captions-toggle')).to.not.be.null;
    toggle.click();
    await tick();
    expect(captions.hidden, 'on again').to.be.false;
  });
});
