/**
 * Two hosts start the recording at the same moment through two endpoint instances on one PostgreSQL: Egress gets one
 * job, one host gets it and the other a CONFLICT — the decision is the store's, not either instance's memory. A
 * loopback stand-in answers Egress' Twirp calls (slowly, so the two starts overlap); the endpoints, their store and
 * livekit-server are real.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { dispose, type Room } from '@livekit/rtc-node';
import { EgressStatus } from 'livekit-server-sdk';
import { compositeInfo } from './egress-events.js';
import { openStore } from '../../src/server/index.js';
import {
  connect,
  startInstance,
  startStack,
  stopShared,
  testStoreLocation,
  type Api,
  type Instance,
  type Stack,
} from './harness.js';

after(async () => {
  await stopShared();
  await dispose();
});

/** How long the stand-in takes to answer a start: long enough for a second start to arrive meanwhile. */
const START_ANSWER_MS = 400;

/**
 * Answers StartRoomCompositeEgress (after START_ANSWER_MS) with a new job, StopEgress with it ending, and ListEgress
 * with the jobs running.
 */
async function slowEgress(): Promise<{ url: string; server: Server; starts: number }> {
  const state = { url: '', server: null as unknown as Server, starts: 0 };
  /** Jobs running, as ListEgress reports them. */
  const running = new Map<string, string>();
  state.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.url!.replace('/twirp/livekit.Egress/', '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      res.setHeader('content-type', 'application/json');
      if (method === 'ListEgress') {
        const items = [...running].map(([id, room]) =>
          compositeInfo(room, id, { status: EgressStatus.EGRESS_ACTIVE }).toJson(),
        );
        return res.end(JSON.stringify({ items }));
      }
      if (method === 'StopEgress') {
        running.delete(body.egressId as string);
        return res.end(JSON.stringify({ egressId: body.egressId, status: 'EGRESS_ENDING' }));
      }
      state.starts += 1;
      const egressId = `EG_started${state.starts}`;
      running.set(egressId, body.roomName as string);
      setTimeout(
        () => res.end(JSON.stringify({ egressId, roomName: body.roomName, status: 'EGRESS_STARTING' })),
        START_ANSWER_MS,
      );
    });
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

describe('recording starts across instances (postgres)', () => {
  let egress: Awaited<ReturnType<typeof slowEgress>>;
  let stack: Stack;
  let b: Instance;
  let host: Api;
  let client: Room;
  let roomId: string;

  before(async () => {
    egress = await slowEgress();
    const location = await testStoreLocation('postgres');
    const recording = { destination: { type: 's3' as const, bucket: 'calls' }, egressUrl: egress.url };
    stack = await startStack('postgres', { store: await openStore(location), recording });
    b = await startInstance(stack, await openStore(location), { recording });
    host = await stack.api.person();
    roomId = (await host.request('POST', '/rooms', { policy: { waitingRoom: false } })).body.room.id;
    const joined = await host.request('POST', `/rooms/${roomId}/join`, { displayName: 'Host' });
    client = await connect(joined.body.serverUrl, joined.body.token);
  });
  after(async () => {
    await client?.disconnect();
    await b?.stop();
    await stack?.stop();
    await new Promise<void>((resolve) => egress.server.close(() => resolve()));
  });

  test('two starts at once, through A and B: one job, one CONFLICT', async () => {
    const [viaA, viaB] = await Promise.all([
      host.request('POST', `/rooms/${roomId}/recording`, {}),
      host.through(b.base).request('POST', `/rooms/${roomId}/recording`, {}),
    ]);
    const statuses = [viaA.status, viaB.status].sort();
    assert.deepEqual(statuses, [201, 409], JSON.stringify([viaA.body, viaB.body]));
    const refused = viaA.status === 409 ? viaA : viaB;
    assert.equal(refused.body.error.code, 'CONFLICT');
    assert.equal(egress.starts, 1, 'Egress was asked once');
  });

  test('both instances say it records; once stopped, a start through B goes on (the claim was given back)', async () => {
    for (const base of [stack.api.base, b.base]) {
      const view = await host.through(base).request('GET', `/rooms/${roomId}`);
      assert.equal(view.body.room.recording, true);
    }
    assert.equal((await host.request('DELETE', `/rooms/${roomId}/recording`)).status, 200);
    const again = await host.through(b.base).request('POST', `/rooms/${roomId}/recording`, {});
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal(egress.starts, 2);
  });
});
