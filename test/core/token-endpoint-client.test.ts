import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { TokenEndpointClient } from '../../src/core/token-endpoint-client.js';

describe('TokenEndpointClient (livekit-client TokenSource endpoint format)', () => {
  let server: Server;
  let url = '';
  let lastBody: unknown = null;
  let answer: { status: number; body: unknown } = { status: 200, body: {} };

  before(async () => {
    server = createServer(async (req, res) => {
      let text = '';
      for await (const chunk of req) text += chunk;
      lastBody = JSON.parse(text);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts snake_case room_name/participant_name and reads server_url/participant_token', async () => {
    answer = { status: 200, body: { server_url: 'wss://lk.example', participant_token: 'jwt', extra: 1 } };
    const credentials = await new TokenEndpointClient({ url }).fetchCredentials({
      roomName: 'standup',
      participantName: 'Ada',
    });
    assert.deepEqual(lastBody, { room_name: 'standup', participant_name: 'Ada' });
    assert.deepEqual(credentials, { serverUrl: 'wss://lk.example', participantToken: 'jwt' });
  });

  it('rejects an answer without credentials, and maps HTTP errors', async () => {
    answer = { status: 200, body: { token: 'old-format' } };
    await assert.rejects(new TokenEndpointClient({ url }).fetchCredentials({}), { code: 'INTERNAL' });
    answer = { status: 403, body: 'nope' };
    await assert.rejects(new TokenEndpointClient({ url }).fetchCredentials({}), { code: 'FORBIDDEN', status: 403 });
  });
});
