/**
 * The Node adapter's graceful shutdown (`serve().shutdown()`, what the CLI runs on SIGTERM after draining the
 * handler): no new connections, a request in progress finishes with its full answer, and one that never finishes is
 * cut after the grace period so the process can still exit.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { serve } from '../../src/server/index.js';

/** A handler whose answers wait until the test releases them. */
function heldHandler() {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived: () => void = () => {};
  const arrival = new Promise<void>((resolve) => (arrived = resolve));
  const handler = async () => {
    arrived();
    await released;
    return new Response('x'.repeat(64 * 1024), { status: 200 });
  };
  return { handler, release, arrival };
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

test('a request in progress finishes with its whole body; new connections are refused', async () => {
  const held = heldHandler();
  const served = await serve(held.handler, { port: 0 });
  const port = Number(new URL(served.url).port);
  const inProgress = fetch(`${served.url}/api/slow`).then(async (r) => ({ status: r.status, body: await r.text() }));
  await held.arrival;
  const closing = served.shutdown(10_000);
  assert.equal(await refused(port), true, 'a new connection during shutdown');
  held.release();
  const answer = await inProgress;
  assert.equal(answer.status, 200);
  assert.equal(answer.body.length, 64 * 1024);
  await closing;
});

test('a request that never finishes is cut after the grace period', async () => {
  const held = heldHandler();
  const served = await serve(held.handler, { port: 0 });
  const stuck = fetch(`${served.url}/api/stuck`).then(
    () => 'answered',
    () => 'cut',
  );
  await held.arrival;
  await served.shutdown(200);
  assert.equal(await stuck, 'cut');
  held.release();
});
