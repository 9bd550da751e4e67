import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/elements/recorder/define.js';
import type { HashdropRecorder } from '../../src/elements/recorder/recorder.js';
import { readyToRecord, stageLayoutOf } from '../../src/elements/recorder/recorder-signals.js';
import type { HashdropStage } from '../../src/elements/stage/stage.js';
import type { HashdropParticipantTile } from '../../src/elements/participant-tile/participant-tile.js';
import type { HashdropErrorEvent } from '../../src/elements/shared/events.js';
import { participant, snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text } from './helpers.js';

/** Lines the element logged on the console while `run` ran (Egress reads START_RECORDING and END_RECORDING there). */
async function consoleLines(run: (lines: string[]) => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => lines.push(args.join(' '));
  try {
    await run(lines);
  } finally {
    console.log = original;
  }
  return lines;
}

describe('hashdrop-recorder', () => {
  it('shows the others on the stage, without a tile of its own', async () => {
    const session = sessionWith(snapshots.inRoom(3));
    const el = await fixture<HashdropRecorder>(html`<hashdrop-recorder .session=${session}></hashdrop-recorder>`);
    const stage = part<HashdropStage>(el, 'stage')!;
    await stage.layoutReady();
    expect(stage.hasAttribute('hide-self')).to.equal(true);
    expect(stage.layout).to.equal('spotlight');
    const shown = [...stage.shadowRoot!.querySelectorAll<HashdropParticipantTile>('hashdrop-participant-tile')].map(
      (tile) => tile.participant?.name,
    );
    expect(shown.sort()).to.deep.equal(['Grace', 'Linus']);
    await expect(el).to.be.accessible();
  });

  it('shows the grid for Egress’ grid layout', async () => {
    const session = sessionWith(snapshots.inRoom(3));
    const el = await fixture<HashdropRecorder>(
      html`<hashdrop-recorder layout="grid" .session=${session}></hashdrop-recorder>`,
    );
    expect(part<HashdropStage>(el, 'stage')!.layout).to.equal('grid');
  });

  it('with egress, says START_RECORDING once the call is shown, and fires hashdrop-recorder-ready', async () => {
    const session = sessionWith(snapshots.preJoin({ status: 'connecting' }));
    const lines = await consoleLines(async () => {
      const el = await fixture<HashdropRecorder>(
        html`<hashdrop-recorder egress .session=${session}></hashdrop-recorder>`,
      );
      const ready = oneEvent(el, 'hashdrop-recorder-ready');
      session.update(snapshots.inRoom(3));
      await ready;
    });
    expect(lines.filter((line) => line === 'START_RECORDING')).to.have.length(1);
  });

  it('waits for the cameras that are on before it says ready', async () => {
    const arriving = participant(1, {
      camera: { sid: 'TR_cam_1', source: 'camera', muted: false, subscribed: false },
    });
    const session = sessionWith(snapshots.inRoom(1, { participants: [participant(0), arriving] }));
    let ready = false;
    const el = await fixture<HashdropRecorder>(html`<hashdrop-recorder .session=${session}></hashdrop-recorder>`);
    el.addEventListener('hashdrop-recorder-ready', () => (ready = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ready, 'not ready while a camera that is on has not arrived').to.equal(false);
    session.update({ participants: [participant(0), participant(1)] });
    await waitUntil(() => ready, 'ready once it arrived');
  });

  it('with egress, says END_RECORDING when the call ends, and shows that it ended', async () => {
    const session = sessionWith(snapshots.inRoom(2));
    const lines = await consoleLines(async () => {
      const el = await fixture<HashdropRecorder>(
        html`<hashdrop-recorder egress .session=${session}></hashdrop-recorder>`,
      );
      session.update({ status: 'ended', endedReason: 'room-closed', participants: [] });
      await el.updateComplete;
      expect(text(part(el, 'message'))).to.equal('The call has ended.');
      await expect(el).to.be.accessible();
    });
    expect(lines).to.include('END_RECORDING');
  });

  it('without a URL or token, reports the missing attribute and shows why', async () => {
    const el = document.createElement('hashdrop-recorder');
    el.serverUrl = 'ws://127.0.0.1:7880';
    const failed = oneEvent(el, 'hashdrop-error');
    document.body.append(el);
    const event = (await failed) as unknown as HashdropErrorEvent;
    expect(event.error.code).to.equal('INVALID_ATTRIBUTE');
    expect(event.error.attribute).to.equal('token');
    await el.updateComplete;
    expect(text(part(el, 'message'))).to.include('LiveKit Egress');
    el.remove();
  });
});

describe('recorder signals', () => {
  it('is ready when every camera that is on has arrived; muted, absent and its own do not count', () => {
    const waiting = { sid: 'c', source: 'camera' as const, muted: false, subscribed: false };
    expect(readyToRecord(snapshots.inRoom(3))).to.equal(true);
    expect(readyToRecord(snapshots.inRoom(1, { participants: [participant(1, { camera: waiting })] }))).to.equal(false);
    expect(
      readyToRecord(snapshots.inRoom(1, { participants: [participant(1, { camera: { ...waiting, muted: true } })] })),
    ).to.equal(true);
    expect(readyToRecord(snapshots.inRoom(1, { participants: [participant(1, { camera: null })] }))).to.equal(true);
    expect(readyToRecord(snapshots.inRoom(1, { participants: [participant(0, { camera: waiting })] }))).to.equal(true);
  });

  it('maps Egress’ layouts onto the stage', () => {
    expect(stageLayoutOf('grid')).to.equal('grid');
    expect(stageLayoutOf('speaker')).to.equal('spotlight');
    expect(stageLayoutOf('single-speaker')).to.equal('spotlight');
    expect(stageLayoutOf('')).to.equal('spotlight');
  });
});
