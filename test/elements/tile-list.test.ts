import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/tile-list/define.js';
import type { HashdropTileList } from '../../src/elements/tile-list/tile-list.js';
import { participant, snapshots } from '../../src/testing/fixtures.js';
import { createTestVideoStream } from '../../src/testing/snapshot-session.js';
import { sessionWith, text } from './helpers.js';

/** The list's participant tiles, once each has rendered (and so attached its video). */
async function tilesOf(el: HashdropTileList): Promise<HTMLElement[]> {
  const tiles = [...el.shadowRoot!.querySelectorAll<HTMLElement>('hashdrop-participant-tile')];
  await Promise.all(tiles.map((tile) => (tile as unknown as { updateComplete: Promise<unknown> }).updateComplete));
  return tiles;
}

describe('hashdrop-tile-list', () => {
  it('attaches every visible camera and remote microphone, with real frames', async () => {
    const session = sessionWith(snapshots.inRoom(3));
    const stream = createTestVideoStream('Grace');
    session.streams.set('TR_cam_1', stream);
    const el = await fixture<HashdropTileList>(html`<hashdrop-tile-list .session=${session}></hashdrop-tile-list>`);
    const tiles = await tilesOf(el);
    expect(el.attachedTracks.sort()).to.deep.equal(['TR_cam_0', 'TR_cam_1', 'TR_cam_2', 'TR_mic_1', 'TR_mic_2']);
    const video = tiles[1]!.shadowRoot!.querySelector<HTMLVideoElement>('video[data-sid="TR_cam_1"]')!;
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
    await tilesOf(el);
    session.update({
      participants: [session.snapshot.participants[0]!, participant(1, { camera: null, microphone: null })],
    });
    await el.updateComplete;
    await tilesOf(el);
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
    const tiles = await tilesOf(el);
    const inTile = (tile: HTMLElement, selector: string) => tile.shadowRoot!.querySelector(selector);
    expect(tiles[0]!.getAttribute('part')).to.equal('tile local');
    expect(text(inTile(tiles[0]!, '[part="name-text"]'))).to.equal('Ada (you)');
    expect(tiles[1]!.getAttribute('part')).to.equal('tile speaking muted');
    expect(inTile(tiles[1]!, '[part="base"]')!.getAttribute('aria-label')).to.equal('Grace');
    expect(text(inTile(tiles[1]!, '#status'))).to.contain('Microphone off');
    await expect(el).to.be.accessible();
  });

  it('offers a host the tile menu, and tiles are not pin buttons', async () => {
    const session = sessionWith(snapshots.inRoom(2, { role: 'host' }));
    const el = await fixture<HashdropTileList>(html`<hashdrop-tile-list .session=${session}></hashdrop-tile-list>`);
    const tiles = await tilesOf(el);
    expect(tiles.every((tile) => tile.hasAttribute('static'))).to.equal(true);
    expect(tiles[0]!.shadowRoot!.querySelector('[part="actions-button"]')).to.equal(null);
    expect(tiles[1]!.shadowRoot!.querySelector('[part="actions-button"]')).to.exist;
  });
});
