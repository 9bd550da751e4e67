import { expect } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
import { compactCss } from '../../scripts/css-text.js';
import { callViewStyles } from '../../src/elements/room/call-view.styles.js';

/** The rules as this browser parsed and serialized them: equal lists mean the browser reads both texts alike. */
function parsed(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) => rule.cssText);
}

/** Every style sheet text of every element in the manifest, and the call view's (adopted by the room). */
async function allStyleTexts(): Promise<{ name: string; text: string }[]> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as {
    modules: { path: string; declarations?: { tagName?: string }[] }[];
  };
  const texts = [{ name: 'call view', text: callViewStyles.cssText }];
  for (const { path } of manifest.modules.filter((m) => m.declarations?.some((d) => d.tagName))) {
    const module = (await import(`/${path}`)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (typeof value !== 'function' || !('styles' in value)) continue;
      const styles = [(value as { styles: unknown }).styles].flat(Infinity as 1) as CSSResultOrNative[];
      for (const style of styles) if ('cssText' in style) texts.push({ name: path, text: style.cssText });
    }
  }
  return texts;
}

describe('compactCss (the CDN build’s CSS text)', () => {
  it('leaves out comments, indentation and line breaks', () => {
    expect(
      compactCss('\n  /* why */\n  [part="a"] > .b,\n  :host {\n    margin: 0 auto;\n    color: red;\n  }\n'),
    ).to.equal(' [part="a"]>.b, :host{margin:0 auto;color:red;}');
  });

  it('keeps the space a piece cut at an interpolation needs, and the spaces calc() needs', () => {
    // `margin: 0 ${x}` and `${x} solid` are compacted piece by piece: their edge spaces stay.
    expect(compactCss('margin: 0 ')).to.equal('margin:0 ');
    expect(compactCss(' solid;')).to.equal(' solid;');
    expect(compactCss('width: calc(100% - 2 * var(--x));')).to.equal('width:calc(100% - 2 * var(--x));');
  });

  it('is read by the browser exactly as the source is, for every style sheet of ours', async () => {
    const texts = await allStyleTexts();
    expect(texts.length).to.be.greaterThan(20);
    const different = texts.filter(
      ({ text }) => JSON.stringify(parsed(text)) !== JSON.stringify(parsed(compactCss(text))),
    );
    expect(different.map(({ name }) => name)).to.deep.equal([]);
  });
});
