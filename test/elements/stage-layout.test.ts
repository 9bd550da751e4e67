import { expect } from '@open-wc/testing';
import {
  chooseSpotlight,
  clampPan,
  gridLayout,
  stageItems,
  stripWindow,
} from '../../src/elements/stage/stage-layout.js';
import { participant } from '../../src/testing/fixtures.js';

const screen = { sid: 'TR_scr', source: 'screen_share' as const, muted: false, subscribed: true };

describe('stage layout maths', () => {
  it('lists screen shares before cameras, and skips a muted share', () => {
    const items = stageItems([
      participant(0),
      participant(1, { screenShare: screen }),
      participant(2, { screenShare: { ...screen, muted: true } }),
    ]);
    expect(items.map((item) => item.key)).to.deep.equal([
      'user_1:screen_share',
      'user_0:camera',
      'user_1:camera',
      'user_2:camera',
    ]);
  });

  it('spotlights the pinned place, else a remote screen, else the (last) speaker, else someone else', () => {
    const me = participant(0, { isLocal: true, screenShare: screen });
    const items = stageItems([me, participant(1), participant(2, { screenShare: screen })]);
    expect(chooseSpotlight(items, 'user_1:camera', null, null)?.key).to.equal('user_1:camera');
    expect(chooseSpotlight(items, null, 'user_1', null)?.key).to.equal('user_2:screen_share');
    const cameras = stageItems([me, participant(1), participant(2)]).filter((i) => i.source === 'camera');
    expect(chooseSpotlight(cameras, null, 'user_2', null)?.key).to.equal('user_2:camera');
    expect(chooseSpotlight(cameras, null, null, 'user_2')?.key).to.equal('user_2:camera');
    expect(chooseSpotlight(cameras, null, 'user_0', null)?.key).to.equal('user_1:camera');
    expect(chooseSpotlight(cameras.slice(0, 1), null, null, null)?.key).to.equal('user_0:camera');
    expect(chooseSpotlight([], null, null, null)).to.equal(null);
  });

  it('pages the grid by width: 4, 9 or 16 a page, and keeps the page in range', () => {
    expect(gridLayout(400, 10, 0)).to.deep.equal({ perPage: 4, cols: 2, pages: 3, page: 0 });
    expect(gridLayout(800, 5, 0)).to.deep.equal({ perPage: 9, cols: 3, pages: 1, page: 0 });
    expect(gridLayout(1200, 40, 7)).to.deep.equal({ perPage: 16, cols: 4, pages: 3, page: 2 });
    expect(gridLayout(1200, 0, 0)).to.deep.equal({ perPage: 16, cols: 1, pages: 1, page: 0 });
  });

  it('finds the strip slots on screen, scrolled either way', () => {
    expect(stripWindow(0, 500, 100, 20)).to.deep.equal([0, 4]);
    expect(stripWindow(250, 500, 100, 20)).to.deep.equal([2, 7]);
    expect(stripWindow(-250, 500, 100, 20)).to.deep.equal([2, 7]);
    expect(stripWindow(1900, 500, 100, 20)).to.deep.equal([19, 19]);
    expect(stripWindow(0, 500, 0, 20)).to.equal(null);
    expect(stripWindow(0, 500, 100, 0)).to.equal(null);
  });

  it('pans no further than the zoomed view reaches', () => {
    expect(clampPan(500, 1, 400)).to.equal(0);
    expect(clampPan(500, 2, 400)).to.equal(200);
    expect(clampPan(-500, 3, 400)).to.equal(-400);
    expect(clampPan(50, 2, 400)).to.equal(50);
  });
});
