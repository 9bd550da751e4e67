/**
 * Live streaming to RTMP/RTMPS through the REST API: the endpoint in front of a real livekit-server (the call, the
 * host's rtc-node client) with Egress' Twirp calls going to a loopback stand-in, which records each request so it can
 * be read back as the SDK's own request type. The stream URL carries the key: it must reach Egress and nothing else —
 * no response, no log line.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { dispose, type Room } from '@livekit/rtc-node';
import { RoomCompositeEgressRequest, StreamProtocol } from 'livekit-server-sdk';
import type { Logger } from '../../src/server/index.js';
import { connect, startStack, stopShared, type Api, type Stack } from './harness.js';

after(async () => {
  await stopShared();
  await dispose();
});

const KEY = 'live_4711_abcDEF-stream-key-never-shown';
const URL = `rtmps://a.rtmps.example.com/live2/${KEY}`;

interface Caught {
  method: string;
  body: Record<string, unknown>;
}

/** Answers StartRoomCompositeEgress with a new job (or `refuseStarts`' Twirp error), StopEgress with it ending. */
async function egressStandIn(): Promise<{ url: string; server: Server; caught: Caught[]; refuseStarts: boolean }> {
  const state = { url: '', server: null as unknown as Server, caught: [] as Caught[], refuseStarts: false };
  let next = 0;
  state.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.url!.replace('/twirp/livekit.Egress/', '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      state.caught.push({ method, body });
      res.setHeader('content-type', 'application/json');
      if (method === 'ListEgress') return res.writeHead(503).end('{"code":"unavailable","msg":"no egress"}');
      if (method === 'StopEgress') return res.end(JSON.stringify({ egressId: body.egressId, status: 'EGRESS_ENDING' }));
      if (state.refuseStarts) {
        // Egress' refusals may quote the URL it was given; the endpoint must not pass that on.
        return res.writeHead(400).end(JSON.stringify({ code: 'invalid_argument', msg: `cannot reach ${URL}` }));
      }
      next += 1;
      res.end(JSON.stringify({ egressId: `EG_stream${next}`, roomName: body.roomName, status: 'EGRESS_STARTING' }));
    });
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

describe('live streaming (REST)', () => {
  let egress: Awaited<ReturnType<typeof egressStandIn>>;
  let stack: Stack;
  let host: Api;
  let guest: Api;
  let room: { id: string; code: string };
  let hostClient: Room;
  const lines: string[] = [];
  const bodies: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    lines.push(JSON.stringify({ level, message, ...fields }));
  const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };

  before(async () => {
    egress = await egressStandIn();
    stack = await startStack('sqlite', {
      logger,
      recording: { destination: { type: 's3', bucket: 'calls' }, egressUrl: egress.url },
    });
    host = await stack.api.person();
    guest = await stack.api.person();
    room = (await host.request('POST', '/rooms', { policy: { waitingRoom: false } })).body.room;
    const join = await host.request('POST', `/rooms/${room.id}/join`, { displayName: 'Host' });
    hostClient = await connect(join.body.serverUrl, join.body.token);
  });
  after(async () => {
    await hostClient?.disconnect();
    await stack.stop();
    await new Promise<void>((resolve) => egress.server.close(() => resolve()));
  });

  async function call(who: Api, method: string, path: string, body?: unknown) {
    const reply = await who.request(method, path, body);
    bodies.push(JSON.stringify(reply.body));
    return reply;
  }

  test('a host goes live: Egress gets a room composite with one RTMP stream output to the URL', async () => {
    egress.caught.length = 0;
    const reply = await call(host, 'POST', `/rooms/${room.id}/stream`, { url: URL, layout: 'grid' });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.equal(reply.body.streaming, true);
    assert.equal(reply.body.layout, 'grid');
    assert.deepEqual(reply.body.egressIds, ['EG_stream1']);
    const start = egress.caught.find((c) => c.method === 'StartRoomCompositeEgress');
    const request = RoomCompositeEgressRequest.fromJson(start!.body as never);
    assert.equal(request.roomName, room.id);
    assert.equal(request.layout, 'grid');
    assert.equal(request.fileOutputs.length, 0, 'a stream, not a file');
    assert.equal(request.streamOutputs.length, 1);
    assert.equal(request.streamOutputs[0]!.protocol, StreamProtocol.RTMP);
    assert.deepEqual(request.streamOutputs[0]!.urls, [URL]);
  });

  test('everyone reads that the call is live; a second start is a CONFLICT', async () => {
    assert.equal((await call(host, 'GET', `/rooms/${room.id}`)).body.room.stream.active, true);
    const guestView = (await call(guest, 'GET', `/rooms/${room.id}`)).body.room;
    assert.equal(guestView.stream.active, true);
    assert.equal(guestView.recording, false, 'a stream is not a recording');
    const again = await call(host, 'POST', `/rooms/${room.id}/stream`, { url: URL });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'CONFLICT');
  });

  test('only hosts go live or stop; a URL that is not RTMP is a 422 that does not echo it', async () => {
    assert.equal((await call(guest, 'POST', `/rooms/${room.id}/stream`, { url: URL })).status, 403);
    assert.equal((await call(guest, 'DELETE', `/rooms/${room.id}/stream`)).status, 403);
    const bad = await call(host, 'POST', `/rooms/${room.id}/stream`, { url: `https://example.com/${KEY}` });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
    assert.ok(!JSON.stringify(bad.body).includes(KEY));
    assert.equal((await call(host, 'POST', `/rooms/${room.id}/stream`, {})).status, 422);
  });

  test('stop: the job is stopped and the call is no longer live', async () => {
    egress.caught.length = 0;
    const reply = await call(host, 'DELETE', `/rooms/${room.id}/stream`);
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, { streaming: false, layout: null, startedAt: null, egressIds: ['EG_stream1'] });
    assert.deepEqual(egress.caught.find((c) => c.method === 'StopEgress')?.body, { egressId: 'EG_stream1' });
    assert.equal((await call(host, 'GET', `/rooms/${room.id}`)).body.room.stream.active, false);
  });

  test('a start Egress refuses, quoting the URL, is a 503 that does not', async () => {
    egress.refuseStarts = true;
    try {
      const reply = await call(host, 'POST', `/rooms/${room.id}/stream`, { url: URL });
      assert.equal(reply.status, 503);
      assert.equal(reply.body.error.code, 'RECORDING_UNAVAILABLE');
    } finally {
      egress.refuseStarts = false;
    }
    assert.ok(
      lines.some((line) => line.includes('recording service call failed')),
      'the refusal was logged',
    );
  });

  test('the stream key is in no response and no log line', () => {
    assert.ok(bodies.length > 5 && lines.length > 0);
    for (const text of [...bodies, ...lines])
      assert.ok(!text.includes(KEY), `stream key leaked: ${text.slice(0, 300)}`);
  });
});
