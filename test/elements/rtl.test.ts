import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/elements/control-bar/define.js';
import '../../src/elements/prejoin/define.js';
import '../../src/elements/stage/define.js';
import type { HashdropElement } from '../../src/elements/shared/hashdrop-element.js';
import { registerMessages } from '../../src/index.js';
import { snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text } from './helpers.js';

/** Mounts `template` and returns the first HashDrop element in it, rendered. */
async function mount<T extends HashdropElement>(template: TemplateResult, tag: string): Promise<T> {
  const root = await fixture(template);
  const el = (root.localName === tag ? root : root.querySelector(tag)!) as T;
  await el.updateComplete;
  return el;
}

const box = (el: HashdropElement, name: string) => part(el, name)!.getBoundingClientRect();

/** Where two parts sit relative to each other, horizontally: which one is further left. */
function leftOf(el: HashdropElement, first: string, second: string): boolean {
  return box(el, first).left < box(el, second).left;
}

const prejoin = () => html`<hashdrop-prejoin .session=${sessionWith(snapshots.preJoin())}></hashdrop-prejoin>`;

describe('right-to-left layout', () => {
  afterEach(() => document.documentElement.removeAttribute('dir'));

  it('mirrors the pre-join toggles inside dir="rtl"', async () => {
    const ltr = await mount(html`<div dir="ltr">${prejoin()}</div>`, 'hashdrop-prejoin');
    const rtl = await mount(html`<div dir="rtl">${prejoin()}</div>`, 'hashdrop-prejoin');
    expect(leftOf(ltr, 'mic-toggle', 'camera-toggle')).to.equal(
      !leftOf(rtl, 'mic-toggle', 'camera-toggle'),
      'the two toggles swap sides',
    );
    expect(ltr.direction).to.equal('ltr');
    expect(rtl.direction).to.equal('rtl');
    expect(rtl.hasState('rtl')).to.be.true;
    expect(getComputedStyle(part(rtl, 'base')!).direction).to.equal('rtl');
    await expect(rtl).to.be.accessible();
  });

  it('mirrors the control bar: the first button sits at the right edge, leave at the left', async () => {
    const session = sessionWith(snapshots.inRoom(2));
    const ltr = await mount(
      html`<div dir="ltr" style="width: 900px"><hashdrop-control-bar .session=${session}></hashdrop-control-bar></div>`,
      'hashdrop-control-bar',
    );
    const rtl = await mount(
      html`<div dir="rtl" style="width: 900px"><hashdrop-control-bar .session=${session}></hashdrop-control-bar></div>`,
      'hashdrop-control-bar',
    );
    expect(leftOf(ltr, 'mic-toggle', 'leave'), 'ltr: microphone left of leave').to.be.true;
    expect(leftOf(rtl, 'mic-toggle', 'leave'), 'rtl: microphone right of leave').to.be.false;
    // The leave icon's arrow points out of the door, so it turns around.
    const icon = (el: HashdropElement) => getComputedStyle(part(el, 'leave')!.querySelector('svg')!).transform;
    expect(icon(ltr)).to.equal('none');
    expect(icon(rtl)).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    await expect(rtl).to.be.accessible();
  });

  it('puts the stage’s previous-page arrow at the right, pointing right, when right to left', async () => {
    const stage = (dir: string) =>
      mount(
        html`<div dir=${dir} style="width: 900px">
          <hashdrop-stage .session=${sessionWith(snapshots.inRoom(20))}></hashdrop-stage>
        </div>`,
        'hashdrop-stage',
      );
    const [ltr, rtl] = [await stage('ltr'), await stage('rtl')];
    await waitUntil(() => part(ltr, 'previous') && part(rtl, 'previous'), 'no strip paging buttons');
    expect(leftOf(ltr, 'previous', 'next')).to.be.true;
    expect(leftOf(rtl, 'previous', 'next')).to.be.false;
    const arrow = (el: HashdropElement) => getComputedStyle(part(el, 'previous')!.querySelector('span')!).transform;
    expect(arrow(ltr)).to.equal('none');
    expect(arrow(rtl)).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
  });

  it('lays out right to left for a right-to-left lang on a left-to-right page, with the page’s own strings', async () => {
    document.documentElement.setAttribute('dir', 'ltr');
    registerMessages('ar', { 'prejoin.join': 'انضم', 'prejoin.name': 'اسمك' });
    const el = await mount(
      html`<hashdrop-prejoin lang="ar" .session=${sessionWith(snapshots.preJoin())}></hashdrop-prejoin>`,
      'hashdrop-prejoin',
    );
    expect(el.direction).to.equal('rtl');
    expect(getComputedStyle(el).direction).to.equal('rtl');
    await waitUntil(() => text(part(el, 'join')) === 'انضم', 'Arabic strings never arrived');
    const ltr = await mount(prejoin(), 'hashdrop-prejoin');
    expect(leftOf(ltr, 'mic-toggle', 'camera-toggle')).to.equal(!leftOf(el, 'mic-toggle', 'camera-toggle'));
    await expect(el).to.be.accessible();
  });

  it('follows the nearest dir or lang above it: its own lang="en" inside dir="rtl" stays left to right, lang="he" mirrors', async () => {
    const inRtl = await mount(
      html`<div dir="rtl"><hashdrop-prejoin lang="en"></hashdrop-prejoin></div>`,
      'hashdrop-prejoin',
    );
    expect(inRtl.direction, 'its own lang="en" is nearer than the wrapper’s dir').to.equal('ltr');
    const hebrew = await mount(html`<div lang="he"><hashdrop-prejoin></hashdrop-prejoin></div>`, 'hashdrop-prejoin');
    expect(hebrew.direction).to.equal('rtl');
    expect(hebrew.hasState('rtl')).to.be.true;
    hebrew.setAttribute('dir', 'ltr');
    await hebrew.updateComplete;
    expect(hebrew.hasState('rtl'), 'its own dir wins over the ancestor’s lang').to.be.false;
    expect(getComputedStyle(hebrew).direction).to.equal('ltr');
  });

  it('follows the page’s dir when it changes', async () => {
    const el = await mount(prejoin(), 'hashdrop-prejoin');
    expect(el.hasState('rtl')).to.be.false;
    document.documentElement.setAttribute('dir', 'rtl');
    await waitUntil(() => el.hasState('rtl'), 'never turned right to left');
    expect(getComputedStyle(el).direction).to.equal('rtl');
  });
});
