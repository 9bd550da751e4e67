/**
 * The Node adapter (src/server/node.ts) with plain Web handlers, over a real socket: a body is buffered whole however
 * it arrives, and never beyond the buffer's cap; a handler without our mark gets its body in the Request as usual.
 */
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { toNodeListener } from '../../src/server/node.js';

type WebHandler = (request: Request) => Promise<Response>;

async function listen(handler: WebHandler, maxBufferBytes?: number): Promise<{ server: Server; port: number }> {
  const server = createServer(toNodeListener(handler, maxBufferBytes === undefined ? {} : { maxBufferBytes }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** POSTs `parts` one write at a time (each its own chunk on the wire); resolves with the status and body, or null. */
function postInParts(port: number, parts: Buffer[]): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/echo' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', () => resolve(null));
    let index = 0;
    const writeNext = () => {
      if (index === parts.length) {
        req.end();
        return;
      }
      req.write(parts[index++]!, () => setImmediate(writeNext));
    };
    writeNext();
  });
}

test('a body sent in several chunks reaches a plain handler whole, in its Request', async () => {
  const { server, port } = await listen(async (req) => {
    const bytes = new Uint8Array(await req.arrayBuffer());
    return new Response(`${bytes.length}:${bytes[0]}:${bytes[bytes.length - 1]}`);
  });
  try {
    const parts = [Buffer.alloc(70_000, 1), Buffer.alloc(70_000, 2), Buffer.alloc(70_000, 3)];
    assert.deepEqual(await postInParts(port, parts), { status: 200, body: '210000:1:3' });
  } finally {
    server.close();
  }
});

test('a handler is never given more than one byte beyond the buffer cap', async () => {
  const seen: number[] = [];
  const { server, port } = await listen(async (req) => {
    seen.push((await req.arrayBuffer()).byteLength);
    return new Response('ok');
  }, 1000);
  try {
    await postInParts(port, [Buffer.alloc(600), Buffer.alloc(600), Buffer.alloc(600)]);
    // The adapter stops reading at the cap and destroys the request; whether an answer still gets out does not matter.
    for (let i = 0; i < 100 && seen.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(seen, [1001]);
  } finally {
    server.close();
  }
});
