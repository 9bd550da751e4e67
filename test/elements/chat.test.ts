import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/chat/define.js';
import type { HashdropChat } from '../../src/elements/chat/chat.js';
import type { ChatMessageSnapshot } from '../../src/core/snapshot.js';
import type { HashdropChatUnreadEvent, HashdropErrorEvent } from '../../src/elements/shared/events.js';
import { participant, snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text } from './helpers.js';

const T = '2030-01-01T10:00:00.000Z';
const ada = { identity: 'user_1', name: 'Grace' };
const msg = (id: string, patch: Partial<ChatMessageSnapshot> = {}): ChatMessageSnapshot => ({
  id,
  from: ada,
  isLocal: false,
  sentAt: T,
  text: `message ${id}`,
  ...patch,
});
const all = (el: HTMLElement, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

async function chatWith(chat: ChatMessageSnapshot[], attrs = '') {
  const session = sessionWith(snapshots.inRoom(2, { chat }));
  const el = await fixture<HashdropChat>(
    attrs === 'small'
      ? html`<hashdrop-chat max-file-size="1000" .session=${session}></hashdrop-chat>`
      : html`<hashdrop-chat .session=${session}></hashdrop-chat>`,
  );
  return { el, session };
}

describe('hashdrop-chat', () => {
  it('renders messages from the snapshot with sender, time and text, accessibly', async () => {
    const { el } = await chatWith([msg('1'), msg('2', { isLocal: true, from: { identity: 'user_0', name: 'Ada' } })]);
    const items = all(el, 'message');
    expect(items).to.have.length(2);
    expect(text(items[0]!.querySelector('[part="sender"]'))).to.equal('Grace');
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(T);
    expect(text(items[0]!.querySelector('[part="text"]'))).to.equal('message 1');
    expect(text(items[1]!.querySelector('[part="sender"]'))).to.equal('You');
    expect(items[1]!.getAttribute('part')).to.include('message-local');
    await expect(el).to.be.accessible();
  });

  it('names a sender who joined the roster after their message arrived', async () => {
    const early = msg('1', { from: { identity: 'user_9', name: 'user_9' } });
    const { el, session } = await chatWith([early]);
    const sender = () => text(all(el, 'message')[0]!.querySelector('[part="sender"]'));
    expect(sender(), 'unknown yet: the identity').to.equal('user_9');
    session.update({ participants: [...session.snapshot.participants, participant(9, { name: 'Node Bot' })] });
    await el.updateComplete;
    expect(sender()).to.equal('Node Bot');
  });

  it('shows the empty state accessibly', async () => {
    const { el } = await chatWith([]);
    expect(part(el, 'empty')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('escapes HTML: an <img onerror> message is text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const { el } = await chatWith([msg('1', { text: evil })]);
    const body = part(el, 'text')!;
    expect(body.querySelector('img')).to.be.null;
    expect(body.querySelector('b')).to.be.null;
    expect(text(body)).to.equal(evil);
    expect((window as { __pwned?: number }).__pwned).to.be.undefined;
  });

  it('links http(s) URLs safely; javascript: stays text', async () => {
    const { el } = await chatWith([
      msg('1', { text: 'see https://example.com/a?b=1. and javascript:alert(1) or data:text/html,x' }),
    ]);
    const links = all(el, 'link') as HTMLAnchorElement[];
    expect(links).to.have.length(1);
    expect(links[0]!.href).to.equal('https://example.com/a?b=1');
    expect(links[0]!.target).to.equal('_blank');
    expect(links[0]!.rel).to.equal('noopener noreferrer nofollow');
    expect(text(part(el, 'text'))).to.include('javascript:alert(1)');
    expect(el.shadowRoot!.querySelector('a[href^="javascript"]')).to.be.null;
  });

  it('renders the text exactly as sent: no blank first line, no indent, line breaks and a link kept', async () => {
    const sent = ['Hello', '  indented on purpose', 'see https://example.com/x done'].join('\n');
    const { el } = await chatWith([msg('1', { text: sent }), msg('2', { text: 'one line' })]);
    const [multi, single] = all(el, 'text');
    // textContent: what the DOM holds; innerText: what is rendered with `white-space: pre-wrap` (what a person sees).
    expect(multi!.textContent).to.equal(sent);
    expect(multi!.innerText).to.equal(sent);
    expect(single!.textContent).to.equal('one line');
    expect(single!.innerText).to.equal('one line');
    expect(multi!.querySelector('[part="link"]')!.textContent).to.equal('https://example.com/x');
  });

  it('Enter sends, Shift+Enter does not', async () => {
    const { el, session } = await chatWith([]);
    const input = part<HTMLTextAreaElement>(el, 'input')!;
    input.value = 'line one';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, cancelable: true }),
    );
    expect(session.callsOf('sendChatMessage')).to.have.length(0);
    input.value = 'line one\nline two';
    input.dispatchEvent(new Event('input'));
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    input.dispatchEvent(enter);
    expect(enter.defaultPrevented).to.be.true;
    expect(session.callsOf('sendChatMessage')).to.deep.equal([['line one\nline two']]);
    await el.updateComplete;
    expect(input.value).to.equal('');
    // Whitespace only: nothing is sent.
    input.value = '   ';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(session.callsOf('sendChatMessage')).to.have.length(1);
  });

  it('refuses a file over max-file-size before sending, saying why', async () => {
    const { el, session } = await chatWith([], 'small');
    el.shareFiles([new File([new Uint8Array(2000)], 'big.bin'), new File([new Uint8Array(10)], 'ok.txt')]);
    await el.updateComplete;
    const refusal = part(el, 'refusal')!;
    expect(refusal.getAttribute('role')).to.equal('alert');
    expect(text(refusal)).to.equal('“big.bin” is 2 KB; files up to 1 KB can be shared in this call.');
    expect(session.callsOf('sendChatFile').map(([f]) => (f as File).name)).to.deep.equal(['ok.txt']);
    await expect(el).to.be.accessible();
  });

  it('reports a malformed max-file-size and uses 15 MB', async () => {
    const errors: HashdropErrorEvent[] = [];
    const listener = (e: Event) => errors.push(e as HashdropErrorEvent);
    document.addEventListener('hashdrop-error', listener);
    const el = await fixture<HashdropChat>(
      html`<hashdrop-chat max-file-size="15MB" .session=${sessionWith(snapshots.inRoom(2))}></hashdrop-chat>`,
    );
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    document.removeEventListener('hashdrop-error', listener);
    expect(errors).to.have.length(1);
    expect(errors[0]!.error.code).to.equal('INVALID_ATTRIBUTE');
    expect(errors[0]!.error.attribute).to.equal('max-file-size');
    expect(el.fileLimit).to.equal(15_000_000);
  });

  it('shows progress, image previews, download links and failed files', async () => {
    const file = (name: string, mimeType: string, extra: Partial<NonNullable<ChatMessageSnapshot['file']>>) => ({
      name,
      mimeType,
      size: 200_000,
      progress: 1,
      ...extra,
    });
    const png = URL.createObjectURL(new Blob([new Uint8Array(8)], { type: 'image/png' }));
    const { el } = await chatWith([
      msg('a', { text: undefined, file: file('photo.png', 'image/png', { progress: 0.42 }) }),
      msg('b', { text: undefined, file: file('photo.png', 'image/png', { url: png }) }),
      msg('c', { text: undefined, file: file('report.pdf', 'application/pdf', { url: png }) }),
      msg('d', { text: undefined, file: file('huge.zip', 'application/zip', { error: 'Too large.' }) }),
    ]);
    const [sending, image, doc, failed] = all(el, 'message');
    const progress = sending!.querySelector('progress')!;
    expect(progress.value).to.equal(42);
    expect(progress.getAttribute('aria-label')).to.equal('Receiving photo.png');
    expect(sending!.querySelector('img')).to.be.null;
    expect(image!.querySelector('[part="preview"]')!.getAttribute('src')).to.equal(png);
    expect(image!.querySelector('[part="download"]')!.getAttribute('download')).to.equal('photo.png');
    expect(doc!.querySelector('[part="preview"]')).to.be.null;
    expect(doc!.querySelector('[part="download"]')!.getAttribute('href')).to.equal(png);
    expect(text(failed!.querySelector('[part="file-error"]'))).to.equal('Not shared: Too large.');
    await expect(el).to.be.accessible();
  });

  it('previews only inert raster images: never SVG, HTML or any other type, even with an object URL', async () => {
    const url = URL.createObjectURL(new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>']));
    const types = ['image/svg+xml', 'IMAGE/SVG+XML', 'text/html', 'image/x-icon', 'image/bmp', 'application/xml', ''];
    const { el } = await chatWith(
      types.map((mimeType, i) =>
        msg(`f${i}`, { text: undefined, file: { name: 'x', size: 9, mimeType, progress: 1, url } }),
      ),
    );
    expect(all(el, 'download')).to.have.length(types.length);
    expect(all(el, 'preview')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('img')).to.be.null;
  });

  it('neutralises a bidi-spoofed file name and shows its real extension on its own', async () => {
    const url = URL.createObjectURL(new Blob(['x'], { type: 'application/octet-stream' }));
    const { el, session } = await chatWith([]);
    session.snapshot = snapshots.inRoom(2, {
      chat: [
        msg('f', {
          text: undefined,
          file: { name: 'invoice\u202efdp.html', size: 9, mimeType: 'text/html', progress: 1, url },
        }),
      ],
    });
    await el.updateComplete;
    const link = part<HTMLAnchorElement>(el, 'download')!;
    const shown = text(link);
    expect(shown).not.to.match(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
    expect(shown).to.equal('invoicefdp.html');
    expect(link.getAttribute('download')).to.equal('invoicefdp.html');
    expect(text(link.querySelector('.file-extension'))).to.equal('.html');
    expect(link.getAttribute('aria-label')).not.to.include('\u202e');
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).not.to.include('\u202e');
  });

  it('strips controls, zero-width characters and path separators, and caps a long name keeping its extension', async () => {
    const url = URL.createObjectURL(new Blob(['x']));
    const long = `${'a'.repeat(300)}.exe`;
    const { el } = await chatWith([
      msg('a', {
        text: undefined,
        file: { name: '../..\\ev\u0000il\u200b\u2060\ufeff\u0085\u2066.txt', size: 9, mimeType: '', progress: 1, url },
      }),
      msg('b', { text: undefined, file: { name: long, size: 9, mimeType: '', progress: 1, url } }),
      msg('c', { text: undefined, file: { name: 'secret\u202e.html', size: 9, mimeType: 'text/html', progress: 0.5 } }),
    ]);
    const [first, second] = all(el, 'download') as HTMLAnchorElement[];
    const name = first!.getAttribute('download')!;
    // eslint-disable-next-line no-control-regex -- the point: no control character is left
    expect(name).not.to.match(/[/\\\u0000-\u001f\u0080-\u009f\u200b\u2060\ufeff\u2066]/);
    expect(name.endsWith('.txt')).to.be.true;
    const capped = second!.getAttribute('download')!;
    expect(capped.length).to.be.at.most(120);
    expect(capped.endsWith('.exe')).to.be.true;
    expect(text(second!.querySelector('.file-extension'))).to.equal('.exe');
    const receiving = all(el, 'file')[2]!;
    expect(text(receiving)).not.to.include('\u202e');
    expect(receiving.querySelector('progress')!.getAttribute('aria-label')).not.to.include('\u202e');
  });

  it('download links cannot reach the page: rel="noopener", a download name, no target', async () => {
    const url = URL.createObjectURL(new Blob(['x']));
    const { el } = await chatWith([
      msg('a', {
        text: undefined,
        file: { name: 'notes.pdf', size: 9, mimeType: 'application/pdf', progress: 1, url },
      }),
    ]);
    const link = part<HTMLAnchorElement>(el, 'download')!;
    expect(link.relList.contains('noopener')).to.be.true;
    expect(link.hasAttribute('download')).to.be.true;
    expect(link.hasAttribute('target')).to.be.false;
  });

  it('counts unread messages from others while hidden, announces them, and clears when shown', async () => {
    const { el, session } = await chatWith([msg('1')]);
    const counts: number[] = [];
    el.addEventListener('hashdrop-chat-unread', (e) => counts.push((e as HashdropChatUnreadEvent).count));
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    el.hidden = true;
    session.update({ chat: [...session.snapshot.chat, msg('2', { text: 'hi there' })] });
    await el.updateComplete;
    expect(text(live)).to.equal('Grace: hi there');
    session.update({ chat: [...session.snapshot.chat, msg('3', { isLocal: true })] });
    await el.updateComplete;
    session.update({ chat: [...session.snapshot.chat, msg('4')] });
    await el.updateComplete;
    expect(el.unread).to.equal(2);
    expect(el.hasState('unread')).to.be.true;
    el.hidden = false;
    await new Promise((r) => setTimeout(r));
    expect(el.unread).to.equal(0);
    expect(counts).to.deep.equal([1, 2, 0]);
  });

  it('counts what it finds on first render as seen, unless told those messages are new', async () => {
    const history = await chatWith([msg('1')]);
    history.el.hidden = true;
    await history.el.updateComplete;
    expect(history.el.unread).to.equal(0);

    // The room's call screen defines its chat with the call's first message: that one is news.
    const session = sessionWith(snapshots.inRoom(2, { chat: [msg('1', { text: 'first of the call' })] }));
    const el = await fixture<HashdropChat>(
      html`<hashdrop-chat hidden .historyIsNew=${true} .session=${session}></hashdrop-chat>`,
    );
    expect(el.unread).to.equal(1);
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    // Announced once the live region is in the page, so that a screen reader reads it.
    expect(text(live)).to.equal('');
    await new Promise((r) => setTimeout(r, 80));
    expect(text(live)).to.equal('Grace: first of the call');
  });

  it('keeps the list at the bottom unless the user scrolled up', async () => {
    const many = Array.from({ length: 40 }, (_, i) => msg(String(i)));
    const { el, session } = await chatWith(many);
    const list = part(el, 'messages')!;
    await el.updateComplete;
    expect(list.scrollHeight - list.scrollTop - list.clientHeight).to.be.lessThan(2);
    session.update({ chat: [...session.snapshot.chat, msg('new')] });
    await el.updateComplete;
    expect(list.scrollHeight - list.scrollTop - list.clientHeight).to.be.lessThan(2);
    list.scrollTop = 0;
    session.update({ chat: [...session.snapshot.chat, msg('newer')] });
    await el.updateComplete;
    expect(list.scrollTop).to.equal(0);
  });
});
