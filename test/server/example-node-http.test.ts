/**
 * examples/node-http: the endpoint mounted in a plain Node http server, started against a real livekit-server, with a
 * room created and joined through it over HTTP. Replies are checked with the contract's response schemas, and a real
 * LiveKit client connects with the token the example handed out.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { dispose } from '@livekit/rtc-node';
import * as v from 'valibot';
import { startExample, type RunningExample } from '../../examples/node-http/server.js';
import { startLiveKit, type LiveKitServer } from '../../scripts/livekit.js';
import {
  AdmittedJoin,
  ApiErrorBody,
  CreateRoomResponse,
  IdentityResponse,
  InfoResponse,
  PendingJoin,
} from '../../src/contract/index.js';
import { connect } from './harness.js';

let livekit: LiveKitServer;
let example: RunningExample;
let dir: string;

before(async () => {
  livekit = await startLiveKit();
  dir = mkdtempSync(join(tmpdir(), 'hashdrop-example-'));
  example = await startExample({
    livekit: { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret },
    secret: 'example-secret-0123456789abcdef',
    database: join(dir, 'example.db'),
    port: 0,
    host: '127.0.0.1',
    corsOrigins: [],
  });
});

after(async () => {
  await example?.close();
  await livekit?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  // rtc-node's native runtime keeps the process alive until disposed.
  await dispose();
});

async function call(method: string, path: string, credential?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (credential) headers.authorization = `Bearer ${credential}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${example.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

async function identity(): Promise<string> {
  const reply = await call('POST', '/api/identity');
  assert.equal(reply.status, 201);
  return v.parse(IdentityResponse, reply.body).credential;
}

test('the rest of the server still answers outside /api', async () => {
  const response = await fetch(`${example.url}/`);
  assert.equal(response.status, 200);
  assert.match(await response.text(), /rooms endpoint is under \/api/);
  const info = await call('GET', '/api/info');
  assert.equal(info.status, 200);
  assert.ok(v.parse(InfoResponse, info.body).features.includes('scheduled_rooms'));
});

test('create a room and join it through the example, then connect to LiveKit with the token', async () => {
  const creator = await identity();
  const created = await call('POST', '/api/rooms', creator, { name: 'Example', policy: { waitingRoom: false } });
  assert.equal(created.status, 201);
  const { room, hostKey } = v.parse(CreateRoomResponse, created.body);
  assert.ok(hostKey.length >= 16);

  // A guest joins by code, typed in lower case with a space.
  const guest = await identity();
  const joined = await call(
    'POST',
    `/api/rooms/${encodeURIComponent(room.code.toLowerCase().replace('-', ' '))}/join`,
    guest,
    {
      displayName: 'Guest',
    },
  );
  assert.equal(joined.status, 200);
  const admitted = v.parse(AdmittedJoin, joined.body);
  assert.equal(admitted.role, 'participant');
  assert.equal(admitted.room.id, room.id);

  const client = await connect(admitted.serverUrl, admitted.token);
  try {
    assert.equal(client.localParticipant?.identity, admitted.identity);
  } finally {
    await client.disconnect();
  }
});

test('a room with a waiting room answers 202 with a knock, and bad input is a 4xx error body', async () => {
  const creator = await identity();
  const created = v.parse(CreateRoomResponse, (await call('POST', '/api/rooms', creator, {})).body);
  const guest = await identity();
  const pending = await call('POST', `/api/rooms/${created.room.id}/join`, guest, { displayName: 'Waiting guest' });
  assert.equal(pending.status, 202);
  assert.equal(v.parse(PendingJoin, pending.body).code, 'WAITING_ROOM_PENDING');

  const bad = await call('POST', `/api/rooms/${created.room.id}/join`, guest, { displayName: '' });
  assert.equal(bad.status, 422);
  assert.equal(v.parse(ApiErrorBody, bad.body).error.code, 'VALIDATION_FAILED');
});
