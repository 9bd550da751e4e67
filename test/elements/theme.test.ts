import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { CSSResultOrNative } from 'lit';
import '../../src/elements/lobby/define.js';
import '../../src/elements/prejoin/define.js';
import type { HashdropElement } from '../../src/elements/shared/hashdrop-element.js';
import * as tokenModule from '../../src/elements/shared/tokens.styles.js';
import { snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith } from './helpers.js';

const background = (el: HashdropElement, name: string) => getComputedStyle(part(el, name)!).backgroundColor;

async function lobby(attributes = '') {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div><hashdrop-lobby .session=${sessionWith(snapshots.waiting())}></hashdrop-lobby></div>`,
  );
  const el = wrapper.querySelector<HashdropElement>('hashdrop-lobby')!;
  if (attributes) el.setAttribute('theme', attributes);
  await el.updateComplete;
  return el;
}

describe('theming', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('switches colors with theme="light" and theme="dark"', async () => {
    const light = await lobby('light');
    const dark = await lobby('dark');
    expect(background(light, 'base')).to.equal('rgb(255, 255, 255)');
    expect(background(dark, 'base')).to.equal('rgb(23, 24, 28)');
    await expect(dark).to.be.accessible();
  });

  it('follows the operating system with theme="auto"', async () => {
    const el = await lobby('auto');
    await emulateMedia({ colorScheme: 'dark' });
    expect(background(el, 'base')).to.equal('rgb(23, 24, 28)');
    await emulateMedia({ colorScheme: 'light' });
    expect(background(el, 'base')).to.equal('rgb(255, 255, 255)');
  });

  it('uses the page’s font unless --hashdrop-font-family says otherwise', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="font-family: 'Courier New', monospace">
        <hashdrop-prejoin .session=${sessionWith(snapshots.preJoin())}></hashdrop-prejoin>
        <hashdrop-prejoin
          style="--hashdrop-font-family: Georgia, serif"
          .session=${sessionWith(snapshots.preJoin())}
        ></hashdrop-prejoin>
      </div>`,
    );
    const [inherits, told] = [...wrapper.querySelectorAll<HashdropElement>('hashdrop-prejoin')];
    await Promise.all([inherits!.updateComplete, told!.updateComplete]);
    expect(getComputedStyle(part(inherits!, 'title')!).fontFamily).to.equal('"Courier New", monospace');
    expect(getComputedStyle(part(inherits!, 'join')!).fontFamily, 'buttons too').to.equal('"Courier New", monospace');
    expect(getComputedStyle(part(told!, 'title')!).fontFamily).to.equal('Georgia, serif');
  });

  it('takes a brand from global tokens set on a wrapper', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--hashdrop-color-accent: rgb(124, 58, 237); --hashdrop-radius: 18px">
        <hashdrop-prejoin .session=${sessionWith(snapshots.preJoin())}></hashdrop-prejoin>
      </div>`,
    );
    const el = wrapper.querySelector<HashdropElement>('hashdrop-prejoin')!;
    await el.updateComplete;
    const join = getComputedStyle(part(el, 'join')!);
    expect(join.backgroundColor).to.equal('rgb(124, 58, 237)');
    expect(join.borderTopLeftRadius).to.equal('18px');
  });

  it('has no color literal in any element’s styles outside the tokens', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: { path: string; declarations?: { tagName?: string }[] }[];
    };
    const elements = manifest.modules.flatMap((m) =>
      (m.declarations ?? []).filter((d) => d.tagName).map((d) => ({ tag: d.tagName!, path: m.path })),
    );
    expect(elements.length).to.be.greaterThan(8);
    const tokens = new Set<unknown>(Object.values(tokenModule));
    // Scanners need dark modules on white, in a dark theme too.
    const allowed: Record<string, string[]> = { 'hashdrop-invite': ['#fff'] };
    const found: string[] = [];
    for (const { tag, path } of elements) {
      const module = (await import(`/${path}`)) as Record<string, unknown>;
      // The declared `styles` (nested arrays allowed), not `elementStyles`: a class not defined yet has none of those.
      const constructor = Object.values(module).find(
        (value) => typeof value === 'function' && 'styles' in value && (value as { styles?: unknown }).styles,
      ) as { styles: unknown } | undefined;
      expect(constructor, `${path} exports the element class`).to.exist;
      const styles = [constructor!.styles].flat(Infinity as 1) as CSSResultOrNative[];
      const own = styles.filter((style) => !tokens.has(style));
      expect(own.length, `${tag} has styles of its own`).to.be.greaterThan(0);
      const css = own.map((style) => ('cssText' in style ? style.cssText : '')).join('\n');
      for (const literal of css.match(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|oklch|lab)\(/gi) ?? []) {
        if (!allowed[tag]?.includes(literal)) found.push(`${tag}: ${literal}`);
      }
    }
    expect(found, 'use a --hashdrop-* token (tokens.styles.ts) instead').to.deep.equal([]);
  });
});
