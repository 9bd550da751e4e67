import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/recording/define.js';
import '../../src/elements/prejoin/define.js';
import '../../src/elements/host-panel/define.js';
import '../../src/elements/room/define.js';
import type { HashdropRecordingControl } from '../../src/elements/recording/recording-control.js';
import type { HashdropRecordingIndicator } from '../../src/elements/recording/recording-indicator.js';
import type { HashdropPrejoin } from '../../src/elements/prejoin/prejoin.js';
import type { HashdropHostPanel } from '../../src/elements/host-panel/host-panel.js';
import type { HashdropRoom } from '../../src/elements/room/room.js';
import { NOT_RECORDING, type RecordingSnapshot, type RoomSnapshot } from '../../src/core/snapshot.js';
import { roomView, snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text } from './helpers.js';

/** Plain-data snapshots of a recorded room: before joining (the endpoint's room view says so) and in the call. */
const recording = (patch: Partial<RecordingSnapshot> = {}): RecordingSnapshot => ({
  ...NOT_RECORDING,
  active: true,
  startedAt: new Date(Date.now() - 65_000).toISOString(),
  ...patch,
});
const recordedPreJoin = (): RoomSnapshot =>
  snapshots.preJoin({ room: roomView({ recording: true }), recording: { ...NOT_RECORDING, active: true } });
const recordedHost = (patch: Partial<RecordingSnapshot> = {}): RoomSnapshot =>
  snapshots.host(0, { recording: recording(patch) });

const inner = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
/** The badge fills its live region a moment after the first render (so that it is announced): wait for it. */
const badge = async (indicator: Element) => {
  await waitUntil(() => part(indicator as HTMLElement, 'badge'), 'the badge appears', { timeout: 3000 });
  return part(indicator as HTMLElement, 'badge')!;
};
const liveText = (el: Element) => text(inner(el, '[aria-live="polite"]'));

describe('hashdrop-recording-indicator', () => {
  it('shows a badge with a dot only while active, and its live region announces it', async () => {
    const el = await fixture<HashdropRecordingIndicator>(
      html`<hashdrop-recording-indicator></hashdrop-recording-indicator>`,
    );
    const live = inner(el, '[role="status"]')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(part(el, 'badge')).to.be.null;
    expect(el.hasState('active')).to.be.false;
    el.active = true;
    await el.updateComplete;
    // The same live region, now with content: that change is what a screen reader announces.
    expect(inner(el, '[role="status"]')).to.equal(live);
    expect(text(await badge(el))).to.equal('Recording: this call is being recorded');
    expect(part(el, 'dot')).to.exist;
    expect(el.hasState('active')).to.be.true;
    await expect(el).to.be.accessible();
  });
});

describe('recording indicator in the views', () => {
  it('pre-join says the room is being recorded before anyone enters', async () => {
    const el = await fixture<HashdropPrejoin>(
      html`<hashdrop-prejoin .session=${sessionWith(recordedPreJoin())}></hashdrop-prejoin>`,
    );
    const indicator = inner(el, 'hashdrop-recording-indicator') as HashdropRecordingIndicator;
    expect(indicator.active).to.be.true;
    // Pre-join loads the badge only for a recorded room; here it is defined, and fills its live region.
    await waitUntil(() => customElements.get('hashdrop-recording-indicator'), 'defined');
    const live = inner(indicator, '[aria-live="polite"]');
    expect(text(await badge(indicator))).to.contain('Recording');
    expect(inner(indicator, '[aria-live="polite"]')).to.equal(live);
    await expect(el).to.be.accessible();
  });

  it('pre-join of a room that is not recorded shows no badge', async () => {
    const el = await fixture<HashdropPrejoin>(
      html`<hashdrop-prejoin .session=${sessionWith(snapshots.preJoin())}></hashdrop-prejoin>`,
    );
    expect(inner(el, 'hashdrop-recording-indicator')).to.be.null;
  });

  it('the call screen shows it to everyone in the call, and clears it when recording stops', async () => {
    const session = sessionWith(snapshots.inRoom(3, { recording: recording() }));
    const el = await fixture<HashdropRoom>(html`<hashdrop-room .session=${session}></hashdrop-room>`);
    const find = () => inner(el, 'hashdrop-recording-indicator') as HashdropRecordingIndicator;
    expect(find().active).to.be.true;
    expect(text(await badge(find()))).to.contain('Recording');
    await expect(el).to.be.accessible();
    session.update({ recording: NOT_RECORDING });
    await el.updateComplete;
    expect(find().active).to.be.false;
  });
});

describe('hashdrop-recording-control', () => {
  it('renders nothing for someone who is not a host', async () => {
    const el = await fixture<HashdropRecordingControl>(
      html`<hashdrop-recording-control .session=${sessionWith(snapshots.inRoom(2))}></hashdrop-recording-control>`,
    );
    expect(part(el, 'base')).to.be.null;
  });

  it('starts one video in the chosen layout, or one file per track', async () => {
    const session = sessionWith(snapshots.host(0));
    const el = await fixture<HashdropRecordingControl>(
      html`<hashdrop-recording-control .session=${session}></hashdrop-recording-control>`,
    );
    await expect(el).to.be.accessible();
    const layout = part<HTMLSelectElement>(el, 'layout')!;
    layout.value = 'grid';
    layout.dispatchEvent(new Event('change'));
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'start')!.click();
    expect(session.callsOf('startRecording')).to.deep.equal([[{ mode: 'composite', layout: 'grid' }]]);

    const mode = part<HTMLSelectElement>(el, 'mode')!;
    mode.value = 'tracks';
    mode.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(part(el, 'layout'), 'a layout only for the one video').to.be.null;
    part<HTMLButtonElement>(el, 'start')!.click();
    expect(session.callsOf('startRecording')[1]).to.deep.equal([{ mode: 'tracks' }]);
  });

  it('shows starting, then the time recorded and Stop, and announces each change', async () => {
    const session = sessionWith(snapshots.host(0));
    const el = await fixture<HashdropRecordingControl>(
      html`<hashdrop-recording-control .session=${session}></hashdrop-recording-control>`,
    );
    session.update({ recording: { ...NOT_RECORDING, pending: 'starting' } });
    await el.updateComplete;
    const start = part<HTMLButtonElement>(el, 'start')!;
    expect(start.disabled).to.be.true;
    expect(text(start)).to.equal('Starting…');
    expect(el.hasState('pending')).to.be.true;

    session.update({ recording: recording() });
    await el.updateComplete;
    expect(el.hasState('recording')).to.be.true;
    expect(liveText(el)).to.equal('Recording started.');
    expect(text(part(el, 'elapsed'))).to.match(/^1:0\d$/);
    expect(part(el, 'elapsed')!.getAttribute('role')).to.equal('timer');
    const indicator = inner(el, 'hashdrop-recording-indicator') as HashdropRecordingIndicator;
    expect(indicator.active).to.be.true;
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'stop')!.click();
    expect(session.callsOf('stopRecording')).to.have.length(1);
    session.update({ recording: NOT_RECORDING });
    await el.updateComplete;
    expect(liveText(el)).to.equal('Recording stopped.');
    expect(part(el, 'start')).to.exist;
  });

  it('a failed start returns to not recording and says why', async () => {
    const session = sessionWith(snapshots.host(0, { recording: { ...NOT_RECORDING, pending: 'starting' } }));
    const el = await fixture<HashdropRecordingControl>(
      html`<hashdrop-recording-control .session=${session}></hashdrop-recording-control>`,
    );
    const message = 'No recording service (LiveKit Egress) answered in time.';
    session.update({ recording: { ...NOT_RECORDING, error: { code: 'RECORDING_UNAVAILABLE', message } } });
    await el.updateComplete;
    expect(el.hasState('recording')).to.be.false;
    expect(el.hasState('failed')).to.be.true;
    expect(text(part(el, 'error'))).to.equal(message);
    expect(liveText(el)).to.equal(`Recording could not start: ${message}`);
    const start = part<HTMLButtonElement>(el, 'start')!;
    expect(start.disabled, 'the host may try again').to.be.false;
    expect(text(start)).to.equal('Start recording');
    await expect(el).to.be.accessible();
  });

  it("a recording that failed by itself ends, and the host reads Egress' reason", async () => {
    const session = sessionWith(snapshots.host(0, { recording: recording() }));
    const el = await fixture<HashdropRecordingControl>(
      html`<hashdrop-recording-control .session=${session}></hashdrop-recording-control>`,
    );
    session.update({ recording: { ...NOT_RECORDING, failure: { reason: 'could not find element: faac' } } });
    await el.updateComplete;
    expect(el.hasState('recording')).to.be.false;
    expect(el.hasState('failed')).to.be.true;
    expect(text(part(el, 'failure'))).to.equal('The recording failed: could not find element: faac');
    expect(liveText(el)).to.equal('The recording failed: could not find element: faac');
    expect(part<HTMLButtonElement>(el, 'start')!.disabled, 'the host may start again').to.be.false;
    await expect(el).to.be.accessible();
  });

  it("says so in the host's language, and without a reason when none was given", async () => {
    const session = sessionWith(
      snapshots.host(0, { recording: { ...NOT_RECORDING, failure: { reason: 'pipeline frozen' } } }),
    );
    const el = await fixture<HashdropRecordingControl>(
      html`<hashdrop-recording-control lang="de" .session=${session}></hashdrop-recording-control>`,
    );
    // The German catalog loads on first use.
    await waitUntil(
      () => text(part(el, 'failure')) === 'Die Aufnahme ist fehlgeschlagen: pipeline frozen',
      `read “${text(part(el, 'failure'))}”`,
    );
    session.update({ recording: { ...NOT_RECORDING, failure: { reason: null } } });
    await el.updateComplete;
    expect(text(part(el, 'failure'))).to.equal('Die Aufnahme ist fehlgeschlagen.');
  });

  it('is part of the host panel, keyboard reachable', async () => {
    const session = sessionWith(recordedHost());
    const el = await fixture<HashdropHostPanel>(html`<hashdrop-host-panel .session=${session}></hashdrop-host-panel>`);
    const control = inner(el, 'hashdrop-recording-control') as HashdropRecordingControl;
    expect(control).to.exist;
    await control.updateComplete;
    const stop = part<HTMLButtonElement>(control, 'stop')!;
    stop.focus();
    expect(control.shadowRoot!.activeElement).to.equal(stop);
    stop.click();
    expect(session.callsOf('stopRecording')).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});
