import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/prejoin/define.js';
import type { HashdropPrejoin } from '../../src/elements/prejoin/prejoin.js';
import { formatCountdown } from '../../src/elements/shared/countdown.js';
import { DISPLAY_NAME_MAX } from '../../src/contract/schemas.js';
import { snapshots } from '../../src/testing/fixtures.js';
import { createTestVideoStream } from '../../src/testing/snapshot-session.js';
import { part, sessionWith, text, tick } from './helpers.js';

async function mount(snapshot = snapshots.preJoin(), name = '') {
  const session = sessionWith(snapshot);
  const el = await fixture<HashdropPrejoin>(
    html`<hashdrop-prejoin .session=${session} .name=${name}></hashdrop-prejoin>`,
  );
  return { el, session };
}

describe('hashdrop-prejoin', () => {
  it('renders the ready state accessibly with the room in the title', async () => {
    const { el } = await mount();
    expect(text(part(el, 'title'))).to.equal('Join Weekly sync');
    expect(part(el, 'camera-select')).to.exist;
    expect(part(el, 'mic-select')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('attaches the camera preview and detaches it when removed', async () => {
    const { el, session } = await mount();
    const stream = createTestVideoStream('me');
    session.streams.set('preview', stream);
    session.update({ cameraEnabled: true });
    await el.updateComplete;
    const video = part<HTMLVideoElement>(el, 'preview')!;
    expect(session.attached.get('preview')).to.equal(video);
    el.remove();
    expect(session.attached.has('preview')).to.be.false;
    stream.getTracks().forEach((t) => t.stop());
  });

  it('requires a trimmed name and keeps focus in the field', async () => {
    const { el, session } = await mount();
    const input = part<HTMLInputElement>(el, 'name-input')!;
    input.value = '   ';
    input.dispatchEvent(new Event('input'));
    part<HTMLButtonElement>(el, 'join')!.click();
    await tick(10);
    expect(session.callsOf('join')).to.have.length(0);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el.shadowRoot!.getElementById('name-error'))).to.equal('Enter your name to join.');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    await expect(el).to.be.accessible();
  });

  it('limits the name length and joins with Enter, trimmed', async () => {
    const { el, session } = await mount();
    const input = part<HTMLInputElement>(el, 'name-input')!;
    expect(input.maxLength).to.equal(DISPLAY_NAME_MAX);
    input.focus();
    await sendKeys({ type: '  Ada Lovelace ' });
    await sendKeys({ press: 'Enter' });
    await tick(10);
    expect(session.callsOf('join')).to.deep.equal([['Ada Lovelace']]);
  });

  it('rejects control characters in a name set by property', async () => {
    const { el, session } = await mount(snapshots.preJoin(), 'Ada\u0007');
    part<HTMLButtonElement>(el, 'join')!.click();
    await tick(10);
    expect(session.callsOf('join')).to.have.length(0);
    expect(text(el.shadowRoot!.getElementById('name-error'))).to.contain('control characters');
  });

  it('checks a name by the contract rule the endpoint uses (a bidi override is refused too)', async () => {
    const { el, session } = await mount(snapshots.preJoin(), 'Ada\u202Egpj.exe');
    part<HTMLButtonElement>(el, 'join')!.click();
    await tick(10);
    expect(session.callsOf('join')).to.have.length(0);
    expect(text(el.shadowRoot!.getElementById('name-error'))).to.contain('control characters');
  });

  it('toggles mic and camera with Space and reflects aria-pressed', async () => {
    const { el, session } = await mount(snapshots.preJoin({ micEnabled: true, cameraEnabled: false }));
    const mic = part<HTMLButtonElement>(el, 'mic-toggle')!;
    expect(mic.getAttribute('aria-pressed')).to.equal('true');
    expect(part(el, 'camera-toggle')!.getAttribute('aria-pressed')).to.equal('false');
    mic.focus();
    await sendKeys({ press: 'Space' });
    expect(session.callsOf('setMicrophoneEnabled')).to.deep.equal([[false]]);
  });

  it('picks devices', async () => {
    const { el, session } = await mount();
    const select = part<HTMLSelectElement>(el, 'camera-select')!;
    select.value = 'cam-2';
    select.dispatchEvent(new Event('change'));
    expect(session.callsOf('selectCamera')).to.deep.equal([['cam-2']]);
  });

  it('asks for devices once when permissions are unknown, and offers Allow while prompting', async () => {
    const unknown = snapshots.preJoin({
      devices: { ...snapshots.preJoin().devices, cameraPermission: 'unknown', microphonePermission: 'unknown' },
    });
    const { session } = await mount(unknown);
    expect(session.callsOf('requestDevices')).to.have.length(1);
    const prompt = await mount(snapshots.preJoinPermissionPrompt());
    const allow = [...prompt.el.shadowRoot!.querySelectorAll('button')].find(
      (b) => text(b) === 'Allow camera and microphone',
    );
    allow!.click();
    expect(prompt.session.callsOf('requestDevices')).to.have.length(1);
    await expect(prompt.el).to.be.accessible();
  });

  it('offers a way forward when permission is denied', async () => {
    const { el, session } = await mount(snapshots.preJoinPermissionDenied());
    expect(el.hasState('camera-blocked')).to.be.true;
    expect(text(part(el, 'notice'))).to.contain('blocked');
    const buttons = [...el.shadowRoot!.querySelectorAll('[part="notice"] button')] as HTMLButtonElement[];
    buttons.find((b) => text(b) === 'Join without camera')!.click();
    buttons.find((b) => text(b) === 'Join without microphone')!.click();
    expect(session.callsOf('setCameraEnabled')).to.deep.equal([[false]]);
    expect(session.callsOf('setMicrophoneEnabled')).to.deep.equal([[false]]);
    expect(part(el, 'preview')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('explains missing devices', async () => {
    const { el } = await mount(snapshots.preJoinNoDevices());
    expect(el.hasState('no-devices')).to.be.true;
    expect(text(el.shadowRoot!.querySelector('[part="base"]'))).to.contain('No camera found');
    expect(text(el.shadowRoot!.querySelector('[part="base"]'))).to.contain('No microphone found');
    await expect(el).to.be.accessible();
  });

  it('counts down to a scheduled start', async () => {
    const { el } = await mount(snapshots.preJoinScheduled(65 * 60_000));
    expect(el.hasState('scheduled')).to.be.true;
    expect(part(el, 'countdown')!.getAttribute('role')).to.equal('timer');
    expect(text(part(el, 'countdown'))).to.match(/starts in 1:0[45]:\d\d/);
    expect(formatCountdown(61_000)).to.equal('1:01');
    await expect(el).to.be.accessible();
  });

  it('asks for the room code when no room is chosen, and prepares then joins', async () => {
    const { el, session } = await mount(snapshots.idle(), 'Ada');
    const code = part<HTMLInputElement>(el, 'code-input')!;
    el.focusInitial();
    expect(el.shadowRoot!.activeElement).to.equal(code);
    await sendKeys({ type: 'stellar phoenix' });
    await sendKeys({ press: 'Enter' });
    await tick(10);
    expect(session.calls.map((c) => c.action).filter((a) => a === 'prepare' || a === 'join')).to.deep.equal([
      'prepare',
      'join',
    ]);
    expect(session.callsOf('prepare')).to.deep.equal([['STELLAR-PHOENIX']]);
    await expect(el).to.be.accessible();
  });

  it('marks the name field when the session rejects the name', async () => {
    const { el } = await mount(
      snapshots.preJoin({ error: { code: 'VALIDATION_FAILED', message: 'Enter a name.', field: 'displayName' } }),
    );
    expect(part(el, 'name-input')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('moves through Tab in a sensible order', async () => {
    const { el } = await mount();
    part<HTMLButtonElement>(el, 'mic-toggle')!.focus();
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      order.push(el.shadowRoot!.activeElement?.getAttribute('part') ?? '');
      await sendKeys({ press: 'Tab' });
    }
    expect(order).to.deep.equal([
      'mic-toggle',
      'camera-toggle',
      'camera-select',
      'mic-select',
      'check-button',
      'name-input',
    ]);
  });

  it('says plainly when this browser cannot make calls, in the page language, and offers no Join', async () => {
    for (const support of ['no-webrtc', 'no-media-devices', 'insecure-context'] as const) {
      const { el } = await mount(snapshots.preJoinUnsupported(support));
      const notice = part(el, 'unsupported')!;
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(text(notice)).to.match(support === 'insecure-context' ? /https:\/\// : /Chrome, Edge, Firefox or Safari/);
      expect(part(el, 'join')).to.not.exist;
      expect(part(el, 'name-input')).to.not.exist;
      expect(text(part(el, 'title'))).to.equal('Join Weekly sync');
      await expect(el).to.be.accessible();
    }
    // Every shipped language says it (the catalog arrives as a lazy chunk).
    const { el } = await mount(snapshots.preJoinUnsupported('no-webrtc'));
    el.lang = 'de';
    await waitUntil(
      () => text(part(el, 'unsupported')).includes('Dieser Browser kann keine Videoanrufe führen'),
      'the German notice',
    );
  });

  it('Check your setup discloses the pre-call check (loaded then), which runs the session’s check', async () => {
    const { el, session } = await mount();
    const disclosure = part<HTMLDetailsElement>(el, 'check')!;
    expect(disclosure.open).to.equal(false);
    part<HTMLElement>(el, 'check-button')!.click();
    expect(disclosure.open).to.equal(true);
    await waitUntil(() => customElements.get('hashdrop-precall-check'), 'the check is defined');
    const check = disclosure.querySelector('hashdrop-precall-check')!;
    await check.updateComplete;
    part<HTMLButtonElement>(check, 'run')!.click();
    expect(session.callsOf('checkConnection')).to.deep.equal([[]]);
    await expect(el).to.be.accessible();
  });
});
