/**
 * Stopping a job that already ended is success. livekit-server answers `StopEgress` for such a job only after asking
 * Egress — about 3 s — and then with HTTP 412 `failed_precondition` ("egress with status EGRESS_FAILED cannot be
 * stopped"; livekit-server pkg/service/egress.go). A loopback stand-in answers the Twirp calls that way; the
 * endpoint's store and its webhook route are the real ones, on both stores.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { EgressStatus } from 'livekit-server-sdk';
import { compositeInfo, deliver, SECONDS, T0 } from './egress-events.js';
import { startStack, STORE_KINDS, stopShared, type Api, type Stack } from './harness.js';

after(stopShared);

/** How livekit-server takes to refuse stopping an ended job (it asks Egress first). */
const LIVEKIT_REFUSAL_MS = 3000;

interface StandIn {
  url: string;
  server: Server;
  stops: string[];
  /** What `ListEgress` answers: Egress' jobs as protobuf JSON, or `unavailable` (HTTP 503, as with Egress down). */
  listing: (request: { roomName?: string; egressId?: string }) => unknown[] | 'unavailable';
}

async function standIn(): Promise<StandIn> {
  const state: StandIn = { url: '', server: null!, stops: [], listing: () => 'unavailable' };
  state.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.url!.replace('/twirp/livekit.Egress/', '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>;
      // Twirp's error body, with the exact content type the SDK reads it under.
      const twirpError = (status: number, code: string, msg: string) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code, msg }));
      };
      if (method === 'StopEgress') {
        state.stops.push(body.egressId!);
        setTimeout(
          () => twirpError(412, 'failed_precondition', 'egress with status EGRESS_FAILED cannot be stopped'),
          LIVEKIT_REFUSAL_MS,
        );
        return;
      }
      if (method === 'ListEgress') {
        const items = state.listing(body);
        if (items === 'unavailable') return twirpError(503, 'unavailable', 'egress not connected');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items }));
        return;
      }
      twirpError(501, 'unimplemented', method);
    });
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

for (const kind of STORE_KINDS) {
  describe(`stopping a job that already ended (${kind})`, () => {
    let egress: StandIn;
    let stack: Stack;
    let host: Api;

    before(async () => {
      egress = await standIn();
      stack = await startStack(kind, {
        recording: { destination: { type: 's3', bucket: 'calls' }, egressUrl: egress.url },
      });
      host = await stack.api.person();
    });
    after(async () => {
      await stack.stop();
      await new Promise<void>((resolve) => egress.server.close(() => resolve()));
    });

    /** A room whose store says "recording": Egress reported the job started, and its end never arrived. */
    async function recordingRoom(egressId: string): Promise<{ id: string }> {
      const room = (await host.request('POST', '/rooms', {})).body.room;
      assert.equal((await deliver(stack, 'egress_started', compositeInfo(room.id, egressId, {}))).status, 200);
      assert.equal((await host.request('GET', `/rooms/${room.id}`)).body.room.recording, true);
      return room;
    }

    test('Egress cannot be listed: the 412 (after 3 s) is a successful stop, and the room reads as not recording', async () => {
      egress.listing = () => 'unavailable';
      const room = await recordingRoom('EG_gone');
      const reply = await host.request('DELETE', `/rooms/${room.id}/recording`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(reply.body.egressIds, ['EG_gone']);
      assert.ok(egress.stops.includes('EG_gone'), 'the stop reached Egress');
      const view = (await host.request('GET', `/rooms/${room.id}`)).body.room;
      assert.equal(view.recording, false);
      // The refusal named the status: the job failed (Egress' reason was in the webhook that never came).
      assert.equal(view.recordingState.failed, true);
    });

    test("Egress lists the job as active, then as failed: the stop succeeds and keeps Egress' error", async () => {
      const room = await recordingRoom('EG_raced');
      const active = compositeInfo(room.id, 'EG_raced', { status: EgressStatus.EGRESS_ACTIVE, startedAt: T0 });
      const failed = compositeInfo(room.id, 'EG_raced', {
        status: EgressStatus.EGRESS_FAILED,
        startedAt: T0,
        endedAt: T0 + 3n * SECONDS,
        error: 'Start signal not received',
      });
      // The room's listing still has it running (it ended in between); asked by id after the refusal, it has failed.
      egress.listing = (request) => [(request.egressId ? failed : active).toJson()];
      const reply = await host.request('DELETE', `/rooms/${room.id}/recording`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(reply.body.egressIds, ['EG_raced']);
      const view = (await host.request('GET', `/rooms/${room.id}`)).body.room;
      assert.deepEqual(view.recordingState, {
        active: false,
        startedAt: null,
        failed: true,
        reason: 'Start signal not received',
      });
    });

    test('a second stop has nothing left to stop and asks Egress nothing', async () => {
      egress.listing = () => 'unavailable';
      const room = await recordingRoom('EG_twice');
      assert.equal((await host.request('DELETE', `/rooms/${room.id}/recording`)).status, 200);
      const before = egress.stops.length;
      const again = await host.request('DELETE', `/rooms/${room.id}/recording`);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body.egressIds, []);
      assert.equal(egress.stops.length, before);
    });
  });
}
