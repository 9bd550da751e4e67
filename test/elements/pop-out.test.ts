/**
 * Popping the call out: the control bar's Pop out button (shown only where the browser can pop out, pressed while out,
 * asking through a cancelable event), and `<hashdrop-room>` moving its call view into another window's document and
 * back — here a same-origin iframe's window stands in for Document Picture-in-Picture's (a real one needs a user's
 * click; test/e2e/pop-out.test.ts opens one): the placeholder with Bring back, the events, the `popped-out`
 * attribute, styles made by the other window, and focus.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/room/define.js';
import '../../src/elements/control-bar/define.js';
import type { HashdropRoom } from '../../src/elements/room/room.js';
import type { HashdropControlBar } from '../../src/elements/control-bar/control-bar.js';
import type { HashdropPopOutToggleEvent } from '../../src/elements/control-bar/pop-out-toggle-event.js';
import type { HashdropPopInEvent, HashdropPopOutEvent } from '../../src/elements/room/pop-out-events.js';
import { snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text, tick } from './helpers.js';

type Updating = HTMLElement & { updateComplete: Promise<unknown> };

/** Replaces `documentPictureInPicture` and `document.pictureInPictureEnabled` for one test (undefined: absent). */
function stubSupport(picture: unknown, videoPicture: boolean): () => void {
  const own = Object.getOwnPropertyDescriptor(window, 'documentPictureInPicture');
  const inherited = Object.getOwnPropertyDescriptor(Window.prototype, 'documentPictureInPicture');
  if (inherited) delete (Window.prototype as unknown as Record<string, unknown>).documentPictureInPicture;
  if (own) delete (window as unknown as Record<string, unknown>).documentPictureInPicture;
  if (picture !== undefined)
    Object.defineProperty(window, 'documentPictureInPicture', { value: picture, configurable: true });
  Object.defineProperty(document, 'pictureInPictureEnabled', { value: videoPicture, configurable: true });
  return () => {
    delete (window as unknown as Record<string, unknown>).documentPictureInPicture;
    if (own) Object.defineProperty(window, 'documentPictureInPicture', own);
    if (inherited) Object.defineProperty(Window.prototype, 'documentPictureInPicture', inherited);
    delete (document as unknown as Record<string, unknown>).pictureInPictureEnabled;
  };
}

async function roomInCall(): Promise<HashdropRoom> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="width: 1000px; height: 640px">
      <hashdrop-room .session=${sessionWith(snapshots.inRoom(2))}></hashdrop-room>
    </div>`,
  );
  const room = wrapper.querySelector<HashdropRoom>('hashdrop-room')!;
  for (let i = 0; i < 100 && !room.shadowRoot!.querySelector('hashdrop-control-bar'); i++) await tick(20);
  await room.shadowRoot!.querySelector<Updating>('hashdrop-control-bar')!.updateComplete;
  return room;
}

/** The focused element, through shadow roots, in `doc`. */
function deepActive(doc: Document = document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('the Pop out button of the control bar', () => {
  it('shows only with pop-out-button, asks for the other state, and is pressed while out', async () => {
    const session = sessionWith(snapshots.inRoom(2));
    const el = await fixture<HashdropControlBar>(
      html`<hashdrop-control-bar .session=${session}></hashdrop-control-bar>`,
    );
    expect(part(el, 'pop-out')).to.be.null;
    el.popOutButton = true;
    await el.updateComplete;
    const asked: boolean[] = [];
    el.addEventListener('hashdrop-pop-out-toggle', (event: HashdropPopOutToggleEvent) => asked.push(event.out));
    const button = part<HTMLButtonElement>(el, 'pop-out')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.title).to.equal('Pop out');
    button.click();
    el.poppedOut = true;
    await el.updateComplete;
    expect(part(el, 'pop-out')!.getAttribute('aria-pressed')).to.equal('true');
    part<HTMLButtonElement>(el, 'pop-out')!.click();
    expect(asked).to.deep.equal([true, false]);
    await expect(el).to.be.accessible();
  });
});

describe('popping the call out of <hashdrop-room>', () => {
  let restore: (() => void) | null = null;
  let frame: HTMLIFrameElement | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
    frame?.remove();
    frame = null;
  });

  it('offers Pop out where Document Picture-in-Picture or video picture-in-picture exists, and not elsewhere', async () => {
    restore = stubSupport(undefined, false);
    let room = await roomInCall();
    let bar = room.shadowRoot!.querySelector<HashdropControlBar>('hashdrop-control-bar')!;
    expect(part(bar, 'pop-out'), 'neither').to.be.null;
    restore();
    restore = stubSupport(undefined, true);
    room = await roomInCall();
    bar = room.shadowRoot!.querySelector<HashdropControlBar>('hashdrop-control-bar')!;
    expect(part(bar, 'pop-out'), 'video picture-in-picture only').to.exist;
    restore();
    restore = stubSupport({ requestWindow: () => Promise.reject(new Error('unused')) }, false);
    room = await roomInCall();
    bar = room.shadowRoot!.querySelector<HashdropControlBar>('hashdrop-control-bar')!;
    expect(part(bar, 'pop-out'), 'Document Picture-in-Picture').to.exist;
  });

  it('moves the call view into the other window, leaves a placeholder, and Bring back returns it', async () => {
    frame = document.createElement('iframe');
    // Wide enough for a control bar with its buttons (a narrow one puts Pop out in its More menu).
    frame.style.cssText = 'width: 900px; height: 600px';
    document.body.append(frame);
    const other = frame.contentWindow! as Window & typeof globalThis;
    restore = stubSupport({ requestWindow: async () => other }, false);
    const room = await roomInCall();
    const events: string[] = [];
    room.addEventListener('hashdrop-pop-out', (e: HashdropPopOutEvent) => events.push(`out:${e.mode}`));
    room.addEventListener('hashdrop-pop-in', (e: HashdropPopInEvent) => events.push(`in:${e.mode}`));
    part<HTMLButtonElement>(room.shadowRoot!.querySelector('hashdrop-control-bar')!, 'pop-out')!.click();
    for (let i = 0; i < 50 && !room.hasAttribute('popped-out'); i++) await tick(20);

    expect(events).to.deep.equal(['out:window']);
    expect(room.getAttribute('status')).to.equal('in-room');
    expect(room.shadowRoot!.querySelector('hashdrop-call-view'), 'gone from the room').to.be.null;
    const placeholder = room.shadowRoot!.querySelector<HTMLElement>('[part="pop-out-placeholder"]')!;
    expect(text(placeholder.querySelector('h2'))).to.equal('The call is in a floating window');
    const host = other.document.body.firstElementChild!;
    const view = host.shadowRoot!.querySelector<Updating>('hashdrop-call-view')!;
    expect(view, 'in the other window').to.exist;
    const bar = view.querySelector<HashdropControlBar>('hashdrop-control-bar')!;
    expect(bar.shadowRoot!.adoptedStyleSheets.length).to.be.above(0);
    expect(bar.shadowRoot!.adoptedStyleSheets[0]).to.be.instanceOf(other.CSSStyleSheet);
    expect(part(bar, 'pop-out')!.getAttribute('aria-pressed')).to.equal('true');
    expect(deepActive(other.document), 'focus on the window’s Pop out').to.equal(part(bar, 'pop-out'));
    await tick(150);
    expect(text(placeholder.querySelector('[role="status"]')), 'announced').to.equal(
      'The call is in a floating window',
    );
    await expect(placeholder).to.be.accessible();

    placeholder.querySelector<HTMLButtonElement>('[part="pop-in"]')!.click();
    await room.updateComplete;
    await view.updateComplete;
    expect(events).to.deep.equal(['out:window', 'in:window']);
    expect(room.hasAttribute('popped-out')).to.be.false;
    expect(room.shadowRoot!.querySelector('hashdrop-call-view')).to.equal(view);
    expect(room.shadowRoot!.querySelector('[part="pop-out-placeholder"]')).to.be.null;
    expect(bar.shadowRoot!.adoptedStyleSheets[0]).to.be.instanceOf(CSSStyleSheet);
    await bar.updateComplete;
    expect(deepActive(), 'focus back on Pop out').to.equal(part(bar, 'pop-out'));
  });

  it('brings the call back when the window goes away (pagehide)', async () => {
    frame = document.createElement('iframe');
    document.body.append(frame);
    const other = frame.contentWindow! as Window & typeof globalThis;
    restore = stubSupport({ requestWindow: async () => other }, false);
    const room = await roomInCall();
    part<HTMLButtonElement>(room.shadowRoot!.querySelector('hashdrop-control-bar')!, 'pop-out')!.click();
    for (let i = 0; i < 50 && !room.hasAttribute('popped-out'); i++) await tick(20);
    other.dispatchEvent(new Event('pagehide'));
    expect(room.hasAttribute('popped-out')).to.be.false;
    expect(room.shadowRoot!.querySelector('hashdrop-call-view')).to.exist;
  });

  it('does not pop out when the page cancels the request', async () => {
    frame = document.createElement('iframe');
    document.body.append(frame);
    restore = stubSupport({ requestWindow: async () => frame!.contentWindow }, false);
    const room = await roomInCall();
    const bar = room.shadowRoot!.querySelector<HashdropControlBar>('hashdrop-control-bar')!;
    bar.addEventListener('hashdrop-pop-out-toggle', (event) => event.preventDefault());
    part<HTMLButtonElement>(bar, 'pop-out')!.click();
    await tick(100);
    expect(room.hasAttribute('popped-out')).to.be.false;
    expect(room.shadowRoot!.querySelector('hashdrop-call-view')).to.exist;
  });
});
