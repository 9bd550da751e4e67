/**
 * The pre-call check's steps: in order, each bounded in time, stopping at the first failure with that step named.
 * The steps against a real endpoint and livekit-server are in test/e2e/precall-check.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkConnection, runSteps, type CheckSteps } from '../../src/core/connection-check.js';
import type { EndpointClient } from '../../src/core/endpoint-client.js';
import type { ConnectionCheckSnapshot } from '../../src/core/snapshot.js';

/** A clock that moves 5 ms per reading, so every step takes a known time. */
function clock(): () => number {
  let t = 0;
  return () => (t += 5);
}

const pass = () => Promise.resolve();
const fail = () => Promise.reject(new Error('refused'));

describe('connection check steps', () => {
  it('runs every step in order and passes when all do, reporting each as it finishes', async () => {
    const order: string[] = [];
    const reports: ConnectionCheckSnapshot[] = [];
    const steps: CheckSteps = (['endpoint', 'signal', 'media', 'publish'] as const).map(
      (name) => [name, () => (order.push(name), pass())] as const,
    );
    await runSteps(steps, (r) => reports.push(r), 1000, clock());
    assert.deepEqual(order, ['endpoint', 'signal', 'media', 'publish']);
    assert.deepEqual(
      reports.map((r) => [r.status, r.steps.length]),
      [
        ['running', 0],
        ['running', 1],
        ['running', 2],
        ['running', 3],
        ['running', 4],
        ['passed', 4],
      ],
    );
    const last = reports.at(-1)!;
    assert.equal(last.failure, null);
    assert.ok(last.steps.every((step) => step.ok && step.ms === 5));
  });

  it('stops at the first failing step and names it; later steps never run', async () => {
    let ranPublish = false;
    const reports: ConnectionCheckSnapshot[] = [];
    const steps: CheckSteps = [
      ['endpoint', pass],
      ['signal', fail],
      ['publish', () => ((ranPublish = true), pass())],
    ];
    await runSteps(steps, (r) => reports.push(r), 1000, clock());
    assert.equal(ranPublish, false);
    assert.deepEqual(reports.at(-1), {
      status: 'failed',
      failure: 'signal',
      steps: [
        { name: 'endpoint', ok: true, ms: 5 },
        { name: 'signal', ok: false, ms: 5 },
      ],
    });
  });

  it('a step that never answers fails when its time is up', async () => {
    const reports: ConnectionCheckSnapshot[] = [];
    await runSteps([['media', () => new Promise(() => {})]], (r) => reports.push(r), 20, clock());
    assert.equal(reports.at(-1)!.status, 'failed');
    assert.equal(reports.at(-1)!.failure, 'media');
  });

  it('a step that throws at once fails like one that rejects', async () => {
    const reports: ConnectionCheckSnapshot[] = [];
    const throws = (): Promise<void> => {
      throw new Error('at once');
    };
    await runSteps([['endpoint', throws]], (r) => reports.push(r), 1000, clock());
    assert.equal(reports.at(-1)!.failure, 'endpoint');
  });

  it('a session’s check already running is not started again; another session’s runs', async () => {
    let refuse = (_error: Error) => {};
    const asked: string[] = [];
    const endpoint = {
      connectionCheck: () => {
        asked.push('token');
        return new Promise<never>((_, reject) => (refuse = reject));
      },
    } as unknown as EndpointClient;
    const first: ConnectionCheckSnapshot[] = [];
    const second: ConnectionCheckSnapshot[] = [];
    const running = checkConnection(endpoint, (r) => first.push(r));
    await checkConnection(endpoint, (r) => second.push(r));
    assert.deepEqual(second, [], 'the second press changes nothing');
    refuse(new Error('offline'));
    await running;
    assert.deepEqual(asked, ['token']);
    assert.equal(first.at(-1)!.failure, 'endpoint');
    const other: ConnectionCheckSnapshot[] = [];
    await checkConnection(null, (r) => other.push(r));
    assert.equal(other.at(-1)!.status, 'failed', 'once over, a check runs again');
  });

  it('with no endpoint of ours (a plain token endpoint) the check fails at the endpoint step', async () => {
    const reports: ConnectionCheckSnapshot[] = [];
    await checkConnection(null, (r) => reports.push(r));
    assert.equal(reports.at(-1)!.status, 'failed');
    assert.equal(reports.at(-1)!.failure, 'endpoint');
  });
});
