import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/captions/define.js';
import type { HashdropCaptions } from '../../src/elements/captions/captions.js';
import type { CaptionSnapshot } from '../../src/core/snapshot.js';
import { snapshots } from '../../src/testing/fixtures.js';
import { sessionWith, text } from './helpers.js';

const caption = (speaker: string, words: string, final = true): CaptionSnapshot => ({
  segmentId: `${speaker}-${words.length}`,
  speaker,
  text: words,
  final,
  updatedAt: 0,
});

async function mount(captions: CaptionSnapshot[]) {
  const session = sessionWith(snapshots.inRoom(2, { captions }));
  const el = await fixture<HashdropCaptions>(html`<hashdrop-captions .session=${session}></hashdrop-captions>`);
  return { el, session };
}

const lines = (el: HashdropCaptions) => [...el.shadowRoot!.querySelectorAll('[part~="line"]')];

describe('hashdrop-captions', () => {
  it('shows each caption under its speaker’s name, accessibly', async () => {
    const { el, session } = await mount([caption('user_1', 'Good morning'), caption('user_0', 'Hi Grace', false)]);
    const [first, second] = lines(el);
    expect(text(first!.querySelector('[part="speaker"]'))).to.equal(session.snapshot.participants[1]!.name);
    expect(text(first!.querySelector('[part="text"]'))).to.equal('Good morning');
    expect(second!.getAttribute('part')).to.equal('line interim');
    expect(text(second!.querySelector('[part="speaker"]'))).to.contain('(you)');
    await expect(el).to.be.accessible();
  });

  it('drops a caption whose speaker is not in the call', async () => {
    const { el } = await mount([caption('someone-gone', 'Still here?')]);
    expect(lines(el)).to.have.length(0);
  });

  it('is hidden with nothing to show, and shows text as text', async () => {
    const { el, session } = await mount([]);
    expect(getComputedStyle(el).display).to.equal('none');
    session.update({ captions: [caption('user_1', '<img src=x onerror=alert(1)>')] });
    await el.updateComplete;
    expect(getComputedStyle(el).display).to.equal('block');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(lines(el)[0]!.querySelector('[part="text"]'))).to.equal('<img src=x onerror=alert(1)>');
  });
});
