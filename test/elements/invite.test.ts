import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/invite/define.js';
import { inviteLink, type HashdropInvite } from '../../src/elements/invite/invite.js';
import type { HashdropCopyEvent, HashdropJoinRequestEvent } from '../../src/elements/shared/events.js';
import { snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text } from './helpers.js';

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

/** jsQR ships as a UMD bundle: load it as a classic script, which defines `window.jsQR`. */
async function loadJsQr(): Promise<JsQr> {
  const w = window as unknown as { jsQR?: JsQr };
  if (!w.jsQR) {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/node_modules/jsqr/dist/jsQR.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('jsqr did not load'));
      document.head.append(script);
    });
  }
  return w.jsQR!;
}

async function decodeImage(img: HTMLImageElement): Promise<string | null> {
  // Not img.decode(): it waits for rendering, which never comes while this test runs in a hidden tab (the runner
  // runs two test files at once). Loading and createImageBitmap do not depend on the page being visible.
  if (!img.complete) await new Promise((resolve) => img.addEventListener('load', resolve, { once: true }));
  const bitmap = await createImageBitmap(img);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return (await loadJsQr())(data, width, height)?.data ?? null;
}

describe('hashdrop-invite', () => {
  it('builds the link from the page URL, without host key or fragment', () => {
    expect(inviteLink('STELLAR-PHOENIX', '', 'https://example.com/meet?host=secret&x=1#top')).to.equal(
      'https://example.com/meet?x=1&room=STELLAR-PHOENIX',
    );
    // A page whose path already carries the code (/r/CODE) is the invite link itself.
    expect(inviteLink('STELLAR-PHOENIX', '', 'https://example.com/r/STELLAR-PHOENIX?host=secret')).to.equal(
      'https://example.com/r/STELLAR-PHOENIX',
    );
    expect(inviteLink('STELLAR-PHOENIX', 'https://ex.com/r/{code}', 'https://ignored/')).to.equal(
      'https://ex.com/r/STELLAR-PHOENIX',
    );
  });

  it('shows the session room code in large type and is accessible', async () => {
    const el = await fixture<HashdropInvite>(
      html`<hashdrop-invite no-qr .session=${sessionWith(snapshots.host())}></hashdrop-invite>`,
    );
    expect(text(part(el, 'code'))).to.equal('STELLAR-PHOENIX');
    expect(text(part(el, 'link'))).to.contain('room=STELLAR-PHOENIX');
    await expect(el).to.be.accessible();
  });

  it('renders a QR code that decodes back to the exact invite link', async () => {
    const el = await fixture<HashdropInvite>(
      html`<hashdrop-invite code="stellar phoenix" link-template="https://rooms.example/r/{code}"></hashdrop-invite>`,
    );
    await el.qrReady();
    const img = part<HTMLImageElement>(el, 'qr');
    expect(img, 'QR image rendered (the encoder loaded)').to.exist;
    expect(img!.alt).to.contain('https://rooms.example/r/STELLAR-PHOENIX');
    expect(await decodeImage(img!)).to.equal('https://rooms.example/r/STELLAR-PHOENIX');
    expect(el.hasState('qr-ready')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('decodes the default page-URL link too', async () => {
    const el = await fixture<HashdropInvite>(html`<hashdrop-invite code="BRAVE-OTTER"></hashdrop-invite>`);
    await el.qrReady();
    const expected = new URL(location.href);
    expected.searchParams.set('room', 'BRAVE-OTTER');
    expected.hash = '';
    expect(await decodeImage(part<HTMLImageElement>(el, 'qr')!)).to.equal(expected.toString());
  });

  it('keeps the code on one line and shortens a long link in the middle, whole in its tooltip', async () => {
    const template = 'https://rooms.example.com/a/very/long/path/for/meetings/of/the/team/{code}';
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 260px">
        <hashdrop-invite no-qr code="HOPEFUL-RAPIDS" link-template=${template}></hashdrop-invite>
      </div>`,
    );
    const el = wrapper.querySelector<HashdropInvite>('hashdrop-invite')!;
    await el.updateComplete;
    const link = template.replace('{code}', 'HOPEFUL-RAPIDS');
    const code = part(el, 'code')!;
    const lineHeight = parseFloat(getComputedStyle(code).fontSize) * 1.5;
    expect(code.getBoundingClientRect().height, 'the code on one line').to.be.below(lineHeight);
    expect(text(part(el, 'link')), 'the whole link for screen readers').to.equal(link);
    expect(part(el, 'link')!.title).to.equal(link);
    const start = el.shadowRoot!.querySelector<HTMLElement>('.link-start')!;
    const end = el.shadowRoot!.querySelector<HTMLElement>('.link-end')!;
    expect(start.scrollWidth, 'the start is cut').to.be.above(start.clientWidth);
    expect(end.scrollWidth, 'the end with the code is whole').to.be.at.most(end.clientWidth);
    expect(text(end)).to.contain('HOPEFUL-RAPIDS');
    await expect(el).to.be.accessible();
  });

  it('copies the code and the link and announces it', async () => {
    const el = await fixture<HashdropInvite>(html`<hashdrop-invite no-qr code="BRAVE-OTTER"></hashdrop-invite>`);
    const written: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (t: string) => void written.push(t) },
    });
    try {
      setTimeout(() => part<HTMLButtonElement>(el, 'copy-code')!.click());
      const codeEvent = (await oneEvent(el, 'hashdrop-copy')) as HashdropCopyEvent;
      expect(codeEvent.what).to.equal('code');
      expect(codeEvent.ok).to.be.true;
      setTimeout(() => part<HTMLButtonElement>(el, 'copy-link')!.click());
      const linkEvent = (await oneEvent(el, 'hashdrop-copy')) as HashdropCopyEvent;
      expect(linkEvent.text).to.equal(el.link);
      expect(written).to.deep.equal(['BRAVE-OTTER', el.link]);
      await el.updateComplete;
      expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Invite link copied.');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });

  it('joins by a typed code or a pasted invite link with the keyboard', async () => {
    const session = sessionWith(snapshots.idle());
    const el = await fixture<HashdropInvite>(html`<hashdrop-invite no-qr .session=${session}></hashdrop-invite>`);
    const input = part<HTMLInputElement>(el, 'join-input')!;
    input.value = 'https://rooms.example/r/brave-otter';
    input.dispatchEvent(new Event('input'));
    setTimeout(() => input.form!.requestSubmit());
    const event = (await oneEvent(el, 'hashdrop-join-request')) as HashdropJoinRequestEvent;
    expect(event.code).to.equal('BRAVE-OTTER');
    expect(event.cancelable).to.be.true;
    expect(session.callsOf('prepare')).to.deep.equal([['BRAVE-OTTER']]);
  });

  it('shows a clear error for input that is no code, and keeps focus in the field', async () => {
    const el = await fixture<HashdropInvite>(html`<hashdrop-invite no-qr></hashdrop-invite>`);
    let fired = false;
    el.addEventListener('hashdrop-join-request', () => (fired = true));
    const input = part<HTMLInputElement>(el, 'join-input')!;
    input.value = 'not a room!!';
    input.dispatchEvent(new Event('input'));
    part<HTMLButtonElement>(el, 'join-button')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(fired).to.be.false;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    await expect(el).to.be.accessible();
  });

  it('lets the page veto the join request', async () => {
    const session = sessionWith(snapshots.idle());
    const el = await fixture<HashdropInvite>(html`<hashdrop-invite no-qr .session=${session}></hashdrop-invite>`);
    el.addEventListener('hashdrop-join-request', (e) => e.preventDefault());
    const input = part<HTMLInputElement>(el, 'join-input')!;
    input.value = 'BRAVE-OTTER';
    input.dispatchEvent(new Event('input'));
    input.form!.requestSubmit();
    expect(session.callsOf('prepare')).to.have.length(0);
  });
});
