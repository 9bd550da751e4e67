import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/tile-list/define.js';
import type { HashdropTileList } from '../../src/elements/tile-list/tile-list.js';
import { participant, snapshots } from '../../src/testing/fixtures.js';
import { createTestVideoStream } from '../../src/testing/snapshot-session.js';
import { sessionWith, text } from './helpers.js';

describe('hashdrop-tile-list', () => {
  it('attaches every visible camera and remote microphone, with real frames', async () => {
    const session = sessionWith(snapshots.inRoom(3));
    const stream = createTestVideoStream('Grace');
    session.streams.set('TR_cam_1', stream);
    const el = await fixture<HashdropTileList>(html`<hashdrop-tile-list .session=${session}></hashdrop-tile-list>`);
    expect(el.attachedTracks.sort()).to.deep.equal(['TR_cam_0', 'TR_cam_1', 'TR_cam_2', 'TR_mic_1', 'TR_mic_2']);
    const video = el.shadowRoot!.querySelector<HTMLVideoElement>('video[data-sid="TR_cam_1"]')!;
    await new Promise<void>((resolve) => {
      if (video.videoWidth > 0) return resolve();
      video.addEventListener('loadeddata', () => resolve(), { once: true });
    });
    expect(video.videoWidth).to.equal(320);
    stream.getTracks().forEach((t) => t.stop());
    await expect(el).to.be.accessible();
  });

  it('follows the roster and detaches what left, and everything on removal', async () => {
    const session = sessionWith(snapshots.inRoom(3));
    const el = await fixture<HashdropTileList>(html`<hashdrop-tile-list .session=${session}></hashdrop-tile-list>`);
    session.update({
      participants: [session.snapshot.participants[0]!, participant(1, { camera: null, microphone: null })],
    });
    await el.updateComplete;
    expect(el.attachedTracks.sort()).to.deep.equal(['TR_cam_0']);
    expect(
      session
        .callsOf('detach')
        .map((a) => a[0])
        .sort(),
    ).to.deep.equal(['TR_cam_1', 'TR_cam_2', 'TR_mic_1', 'TR_mic_2']);
    el.remove();
    expect(session.attached.size).to.equal(0);
  });

  it('names participants with their mute and speaking state', async () => {
    const session = sessionWith(
      snapshots.inRoom(2, {
        participants: [
          participant(0),
          participant(1, {
            isSpeaking: true,
            microphone: { sid: 'TR_mic_1', source: 'microphone', muted: true, subscribed: true },
          }),
        ],
      }),
    );
    const el = await fixture<HashdropTileList>(html`<hashdrop-tile-list .session=${session}></hashdrop-tile-list>`);
    const tiles = el.shadowRoot!.querySelectorAll('[part~="tile"]');
    expect(text(tiles[0]!.querySelector('[part="name"]'))).to.equal('Ada (you)');
    expect(tiles[1]!.getAttribute('part')).to.equal('tile speaking muted');
    expect(text(tiles[1]!.querySelector('[part="name"]'))).to.equal('Grace, Microphone off, Speaking');
  });
});
