/**
 * The Node adapter (src/server/node.ts) with plain Web handlers, over a real socket: a body is buffered whole however
 * it arrives, and never beyond the buffer's cap; a handler without our mark gets its body in the Request as usual, and
 * ours a BufferedRequest (src/server/buffered-request.ts).
 */
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { BUFFERED_IO, readText } from '../../src/server/http.js';
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

/** A handler with our mark: the adapter hands it a BufferedRequest and the body's bytes through `readText`. */
function marked(handler: WebHandler): WebHandler {
  return Object.assign(handler, { [BUFFERED_IO]: true });
}

function send(port: number, method: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'x-twice': ['a', 'b'] };
    const req = request({ host: '127.0.0.1', port, method, path: '/echo?q=1', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('our own handler gets the URL, method, headers and body bytes, without a stream', async () => {
  const { server, port } = await listen(
    marked(async (req) => {
      const seen = {
        isRequest: req instanceof Request,
        url: req.url,
        method: req.method,
        type: req.headers.get('content-type'),
        twice: req.headers.get('x-twice'),
        body: req.body,
        text: await readText(req, 100),
        aborted: req.signal.aborted,
      };
      return new Response(JSON.stringify(seen));
    }),
  );
  try {
    const answer = await send(port, 'POST', '{"a":1}');
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.body), {
      isRequest: true,
      url: `http://127.0.0.1:${port}/echo?q=1`,
      method: 'POST',
      type: 'application/json',
      twice: 'a, b',
      body: null,
      text: '{"a":1}',
      aborted: false,
    });
  } finally {
    server.close();
  }
});

test('what a Request has and ours does not fails loudly instead of answering wrongly', async () => {
  const { server, port } = await listen(
    marked(async (req) => {
      const failures = await Promise.all(
        [() => req.text(), () => req.clone(), () => req.cache].map(async (use) => {
          try {
            await use();
            return 'no error';
          } catch (error) {
            return (error as Error).name;
          }
        }),
      );
      return new Response(failures.join(','));
    }),
  );
  try {
    assert.deepEqual(await send(port, 'POST', '{}'), { status: 200, body: 'TypeError,TypeError,TypeError' });
  } finally {
    server.close();
  }
});

test("our own handler's GET is aborted when its client goes away", async () => {
  let entered: () => void = () => {};
  const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
  let aborted: () => void = () => {};
  const abortSeen = new Promise<void>((resolve) => (aborted = resolve));
  const { server, port } = await listen(
    marked(async (req) => {
      req.signal.addEventListener('abort', () => aborted());
      entered();
      await abortSeen;
      return new Response('late');
    }),
  );
  try {
    const req = request({ host: '127.0.0.1', port, method: 'GET', path: '/wait' });
    req.on('error', () => {});
    req.end();
    await handlerEntered;
    req.destroy();
    await abortSeen;
  } finally {
    server.close();
  }
});
