import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/precall-check/define.js';
import type { HashdropPrecallCheck } from '../../src/elements/precall-check/precall-check.js';
import { connectionCheck, snapshots } from '../../src/testing/fixtures.js';
import { part, sessionWith, text } from './helpers.js';

const region = (el: HashdropPrecallCheck) => el.shadowRoot!.querySelector('[role="status"]');
const steps = (el: HashdropPrecallCheck) =>
  [...el.shadowRoot!.querySelectorAll('[part~="step"]')].map((step) => step.getAttribute('data-state'));

async function render(check = connectionCheck('idle')) {
  const session = sessionWith(snapshots.preJoin({ connectionCheck: check }));
  const el = await fixture<HashdropPrecallCheck>(
    html`<hashdrop-precall-check .session=${session}></hashdrop-precall-check>`,
  );
  return { el, session };
}

describe('hashdrop-precall-check', () => {
  it('idle (also with no check in the snapshot yet): every step waits, Test connection asks the session', async () => {
    const session = sessionWith(snapshots.preJoin());
    const el = await fixture<HashdropPrecallCheck>(
      html`<hashdrop-precall-check .session=${session}></hashdrop-precall-check>`,
    );
    expect(steps(el)).to.deep.equal(['pending', 'pending', 'pending', 'pending']);
    expect(part(el, 'verdict')).to.equal(null);
    expect(text(part(el, 'run'))).to.equal('Test connection');
    part(el, 'run')!.click();
    expect(session.callsOf('checkConnection')).to.deep.equal([[]]);
    await expect(el).to.be.accessible();
  });

  it('running: the steps done are marked, the next one runs, and it is announced', async () => {
    const { el, session } = await render();
    session.update({ connectionCheck: connectionCheck('running') });
    await el.updateComplete;
    expect(steps(el)).to.deep.equal(['ok', 'ok', 'running', 'pending']);
    expect(part(el, 'run')!.getAttribute('aria-disabled')).to.equal('true');
    expect(el.matches(':state(running)')).to.equal(true);
    await waitUntil(() => text(region(el)) === 'Testing your connection…');
    await expect(el).to.be.accessible();
  });

  it('passed: every step ✓ and a plain verdict, read out politely', async () => {
    const { el, session } = await render(connectionCheck('running'));
    session.update({ connectionCheck: connectionCheck('passed') });
    await el.updateComplete;
    expect(steps(el)).to.deep.equal(['ok', 'ok', 'ok', 'ok']);
    expect(text(part(el, 'verdict'))).to.equal('Your connection is ready.');
    expect(part(el, 'verdict')!.getAttribute('data-verdict')).to.equal('passed');
    expect(text(part(el, 'run'))).to.equal('Test again');
    await waitUntil(() => text(region(el)) === 'Your connection is ready.');
    await expect(el).to.be.accessible();
  });

  it('failed: the failed step ✗, what failed and what to do', async () => {
    const { el, session } = await render(connectionCheck('running'));
    session.update({ connectionCheck: connectionCheck('failed') });
    await el.updateComplete;
    expect(steps(el)).to.deep.equal(['ok', 'failed', 'pending', 'pending']);
    const verdict = text(part(el, 'verdict'));
    expect(verdict).to.contain('Could not reach the media server');
    expect(verdict).to.contain('UDP and TCP 443 must be allowed');
    expect(text(part(el, 'step-signal'))).to.contain('failed');
    await waitUntil(() => text(region(el)) === verdict);
    await expect(el).to.be.accessible();
    part(el, 'run')!.click();
    expect(session.callsOf('checkConnection')).to.deep.equal([[]]);
  });

  it('speaks the page language', async () => {
    const session = sessionWith(snapshots.preJoin({ connectionCheck: connectionCheck('passed') }));
    const el = await fixture<HashdropPrecallCheck>(
      html`<hashdrop-precall-check lang="de" .session=${session}></hashdrop-precall-check>`,
    );
    await waitUntil(() => text(part(el, 'verdict')) === 'Deine Verbindung ist bereit.');
  });
});
