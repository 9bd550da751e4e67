import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/participant-tile/define.js';
import type { HashdropParticipantTile } from '../../src/elements/participant-tile/participant-tile.js';
import type { HashdropPinRequestEvent } from '../../src/elements/shared/events.js';
import type { ParticipantSnapshot } from '../../src/core/snapshot.js';
import { participant, snapshots } from '../../src/testing/fixtures.js';
import { createTestVideoStream } from '../../src/testing/snapshot-session.js';
import { part, sessionWith, text } from './helpers.js';

async function tile(p: ParticipantSnapshot, extra: Partial<HashdropParticipantTile> = {}) {
  const session = sessionWith(snapshots.inRoom(2));
  const el = await fixture<HashdropParticipantTile>(
    html`<hashdrop-participant-tile .participant=${p} .session=${session}></hashdrop-participant-tile>`,
  );
  Object.assign(el, extra);
  await el.updateComplete;
  return { el, session };
}

describe('hashdrop-participant-tile', () => {
  it('shows the camera with real frames, and detaches on removal', async () => {
    const session = sessionWith(snapshots.inRoom(2));
    const stream = createTestVideoStream('Grace');
    session.streams.set('TR_cam_1', stream);
    const el = await fixture<HashdropParticipantTile>(
      html`<hashdrop-participant-tile .participant=${participant(1)} .session=${session}></hashdrop-participant-tile>`,
    );
    expect(el.attachedTrack).to.equal('TR_cam_1');
    expect(el.hasState('video')).to.be.true;
    const video = part<HTMLVideoElement>(el, 'video')!;
    await new Promise<void>((resolve) => {
      if (video.videoWidth > 0) return resolve();
      video.addEventListener('loadeddata', () => resolve(), { once: true });
    });
    expect(video.videoWidth).to.equal(320);
    await expect(el).to.be.accessible();
    el.remove();
    expect(session.attached.has('TR_cam_1')).to.be.false;
    stream.getTracks().forEach((t) => t.stop());
  });

  it('attaches the local camera again once its track exists (it is drawn before the track is published)', async () => {
    const pending = participant(0, { camera: { sid: 'TR_cam_0', source: 'camera', muted: false, subscribed: false } });
    const { el, session } = await tile(pending);
    expect(session.callsOf('attach').map(([sid]) => sid)).to.deep.equal(['TR_cam_0']);
    el.participant = participant(0);
    await el.updateComplete;
    expect(session.callsOf('attach').map(([sid]) => sid)).to.deep.equal(['TR_cam_0', 'TR_cam_0']);
    expect(session.callsOf('detach')).to.deep.equal([['TR_cam_0']]);
    expect(el.attachedTrack).to.equal('TR_cam_0');
  });

  it('shows initials instead of video when the camera is off, and detaches the old track', async () => {
    const { el, session } = await tile(participant(1, { name: 'Grace Hopper' }));
    expect(el.attachedTrack).to.equal('TR_cam_1');
    el.participant = participant(1, {
      name: 'Grace Hopper',
      camera: { sid: 'TR_cam_1', source: 'camera', muted: true, subscribed: true },
    });
    await el.updateComplete;
    expect(part(el, 'video')).to.be.null;
    expect(part(el, 'avatar')!.dataset.initials).to.equal('GH');
    expect(el.hasState('avatar')).to.be.true;
    expect(el.attachedTrack).to.be.null;
    expect(session.callsOf('detach')).to.deep.equal([['TR_cam_1']]);
    await expect(el).to.be.accessible();
  });

  it('shows muted, speaking, hand raised, quality and pinned', async () => {
    const { el } = await tile(
      participant(1, {
        isSpeaking: true,
        handRaisedAt: '2030-01-01T10:00:00.000Z',
        connectionQuality: 'poor',
        microphone: { sid: 'TR_mic_1', source: 'microphone', muted: true, subscribed: true },
      }),
      { pinned: true },
    );
    expect(part(el, 'mic-muted')).to.exist;
    expect(part(el, 'hand')).to.exist;
    expect(part(el, 'pin-badge')).to.exist;
    expect(part(el, 'quality')!.className).to.equal('poor');
    for (const s of ['muted', 'speaking', 'hand-raised', 'pinned', 'poor-connection'])
      expect(el.hasState(s), s).to.be.true;
    const base = part(el, 'base')!;
    expect(base.getAttribute('aria-pressed')).to.equal('true');
    expect(base.getAttribute('aria-label')).to.equal('Pin Grace');
    expect(text(el.shadowRoot!.getElementById('status'))).to.equal(
      'Microphone off, Speaking, Hand raised, Pinned, Poor connection',
    );
    await expect(el).to.be.accessible();
  });

  it('labels a screen share and shows it whole', async () => {
    const p = participant(1, {
      screenShare: { sid: 'TR_scr_1', source: 'screen_share', muted: false, subscribed: true },
    });
    const { el } = await tile(p, { source: 'screen_share' });
    expect(el.attachedTrack).to.equal('TR_scr_1');
    expect(text(part(el, 'screen-share-label'))).to.equal('Grace’s screen');
    expect(part(el, 'video')!.classList.contains('contain')).to.be.true;
    expect(el.hasState('screen-share')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('names the local participant and mirrors their camera', async () => {
    const { el } = await tile(participant(0));
    expect(text(part(el, 'name'))).to.equal('Ada (you)');
    expect(part(el, 'video')!.classList.contains('mirror')).to.be.true;
    expect(part(el, 'quality')).to.be.null;
  });

  it('asks to be pinned on click and Enter, cancelably; a static tile does not', async () => {
    const { el } = await tile(participant(1));
    const events: HashdropPinRequestEvent[] = [];
    el.addEventListener('hashdrop-pin-request', (e) => events.push(e));
    part(el, 'base')!.click();
    part(el, 'base')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(events.map((e) => [e.identity, e.source, e.pin, e.reason, e.cancelable])).to.deep.equal([
      ['user_1', 'camera', true, 'pointer', true],
      ['user_1', 'camera', true, 'keyboard', true],
    ]);
    el.static = true;
    await el.updateComplete;
    part(el, 'base')!.click();
    expect(events).to.have.length(2);
    expect(part(el, 'base')!.getAttribute('role')).to.equal('group');
    await expect(el).to.be.accessible();
  });
});
