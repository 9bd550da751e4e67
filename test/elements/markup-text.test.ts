import { expect } from '@open-wc/testing';
import { compactMarkup } from '../../scripts/markup-text.js';

/** A piece of markup laid out in the page: its text as read, and the width of each of its elements. */
function layoutOf(markup: string): { text: string; widths: number[] } {
  const box = document.createElement('div');
  box.style.cssText = 'position:absolute;width:20rem;font:16px sans-serif';
  box.innerHTML = markup;
  document.body.append(box);
  const layout = {
    text: box.innerText,
    widths: [...box.querySelectorAll('*')].map((element) => element.getBoundingClientRect().width),
  };
  box.remove();
  return layout;
}

// Written as our templates are: indented, attributes on their own lines, text and inline elements across lines.
const SAMPLE = `
  <p part="notice">
    Waiting for the host
    <strong>Ana</strong>
    <span class="dot"></span>
  </p>
  <button
    part="mic"
    type="button"
  >
    <svg viewBox="0 0 24 24" width="16"><path d="M0 0h24"></path></svg>
    <span>Mute</span>
  </button>
  <label>Name <input id="name" /></label>
`;

describe('compactMarkup (the CDN build’s html and svg template text)', () => {
  it('turns each run of whitespace with a line break into that line break', () => {
    expect(compactMarkup('\n  <div\n    part="a"  \n  >\n    <b>x</b>\n')).to.equal('\n<div\npart="a"\n>\n<b>x</b>\n');
  });

  it('keeps whitespace without a line break, which may be the only space between two words', () => {
    expect(compactMarkup('<b>Ana</b> is <i>here</i>')).to.equal('<b>Ana</b> is <i>here</i>');
    expect(compactMarkup(' ')).to.equal(' ');
  });

  it('is laid out by the browser as the source is', () => {
    const compacted = compactMarkup(SAMPLE);
    expect(compacted.length).to.be.lessThan(SAMPLE.length * 0.9);
    expect(layoutOf(compacted)).to.deep.equal(layoutOf(SAMPLE));
  });
});
