/**
 * The recorder page Egress' Chrome opens (`{basePath}/recorder/`), served by `createHashdropHandler` from a CDN build
 * folder made here: the redirect that keeps Egress' query, the page and its headers, the scripts with their types, and
 * nothing else — no path outside the folder, however it is spelled. No LiveKit is needed: the page never asks it.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createHashdropHandler, type HashdropHandler, type Logger, type Store } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { defaultAssetFolders } from '../../src/server/recorder-page.js';
import type { RecordingOptions } from '../../src/server/recording/config.js';
import { openTestStore } from './harness.js';

const ENTRY = 'export const recorder = "entry";\n';
const CHUNK = 'export const chunk = "chunk";\n';
const OUTSIDE_SECRET = 'outside-the-assets-folder-0123456789';

/** A CDN build stand-in: hashdrop.js, a chunk, a map, and beside the folder a file that must never be served. */
function makeAssets(): { root: string; assets: string } {
  const root = mkdtempSync(join(tmpdir(), 'hashdrop-recorder-'));
  const assets = join(root, 'cdn');
  mkdirSync(join(assets, 'chunks'), { recursive: true });
  writeFileSync(join(assets, 'hashdrop.js'), ENTRY);
  writeFileSync(join(assets, 'hashdrop.js.map'), '{"version":3}');
  writeFileSync(join(assets, 'chunks', 'x.js'), CHUNK);
  writeFileSync(join(assets, 'notes.txt'), 'not a script');
  writeFileSync(join(root, 'outside.js'), OUTSIDE_SECRET);
  return { root, assets };
}

function recording(recorderPage?: RecordingOptions['recorderPage']): RecordingOptions {
  return { destination: { type: 's3', bucket: 'calls' }, ...(recorderPage ? { recorderPage } : {}) };
}

function collectingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { logger: { info: log('info'), warn: log('warn'), error: log('error') }, lines };
}

const LIVEKIT = { url: 'ws://127.0.0.1:9', apiKey: 'devkey', apiSecret: 'recorder-page-secret-0123456789' };

describe('recorder page', () => {
  let store: Store;
  let folders: { root: string; assets: string };
  let handler: HashdropHandler;
  before(async () => {
    store = await openTestStore('sqlite');
    folders = makeAssets();
    handler = createHashdropHandler({
      livekit: LIVEKIT,
      store,
      secret: 'recorder-page-identity-secret',
      logger: collectingLogger().logger,
      recording: recording({
        url: 'https://rooms.example.com/api/recorder/',
        theme: 'light',
        lang: 'de',
        assets: folders.assets,
      }),
    });
  });
  after(async () => {
    await store.close();
    rmSync(folders.root, { recursive: true, force: true });
  });

  const get = (path: string, init?: RequestInit) => handler(new Request(`http://127.0.0.1${path}`, init));

  test('/recorder redirects to /recorder/ with the query kept', async () => {
    const response = await get('/api/recorder?layout=speaker&url=wss%3A%2F%2Flk.example&token=abc.def');
    assert.equal(response.status, 308);
    assert.equal(
      response.headers.get('location'),
      '/api/recorder/?layout=speaker&url=wss%3A%2F%2Flk.example&token=abc.def',
    );
  });

  test('/recorder/ is the page: the element with theme and lang, the relative script, a full-page style', async () => {
    const response = await get('/api/recorder/?layout=grid&url=wss%3A%2F%2Flk.example&token=abc');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<html lang="de">/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1" \/>/);
    assert.match(html, /<title>[^<]+<\/title>/);
    assert.match(html, /<script type="module" src="hashdrop.js"><\/script>/);
    assert.match(html, /<hashdrop-recorder egress theme="light" lang="de"><\/hashdrop-recorder>/);
    assert.match(html, /html, body \{[^}]*margin: 0;[^}]*overflow: hidden;[^}]*background: #ffffff;/);
    assert.ok(!html.includes('abc'), 'the token is not written into the page');
  });

  test("the page's headers: HTML, never cached, no referrer, no sniffing, scripts from itself only", async () => {
    const { headers } = await get('/api/recorder/');
    assert.equal(headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.equal(headers.get('referrer-policy'), 'no-referrer');
    assert.equal(headers.get('x-content-type-options'), 'nosniff');
    assert.equal(
      headers.get('content-security-policy'),
      "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  test('hashdrop.js and a chunk are served as JavaScript', async () => {
    const entry = await get('/api/recorder/hashdrop.js');
    assert.equal(entry.status, 200);
    assert.equal(entry.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(entry.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await entry.text(), ENTRY);
    const chunk = await get('/api/recorder/chunks/x.js');
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(await chunk.text(), CHUNK);
  });

  test('a source map is served as JSON', async () => {
    const map = await get('/api/recorder/hashdrop.js.map');
    assert.equal(map.status, 200);
    assert.equal(map.headers.get('content-type'), 'application/json');
    assert.deepEqual(await map.json(), { version: 3 });
  });

  test('a file of another kind, a missing file and a directory are 404 in the JSON error shape', async () => {
    for (const path of ['notes.txt', 'missing.js', 'chunks', 'chunks/', 'chunks/y.js']) {
      const response = await get(`/api/recorder/${path}`);
      assert.equal(response.status, 404, path);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'NOT_FOUND', path);
    }
  });

  test('only GET: another method is 405 with Allow', async () => {
    const response = await get('/api/recorder/', { method: 'POST', body: '{}' });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET');
  });

  describe('traversal, as raw bytes on the wire', () => {
    // A Request (like a browser) normalizes `..` and `%2e%2e` before the handler sees them; a hand-made HTTP request
    // does not, so these go through Node's server adapter to reach the handler as sent.
    let server: Server;
    let port: number;
    before(async () => {
      server = createServer(toNodeListener(handler));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const raw = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });

    const attempts = {
      'a dot-dot segment': '/api/recorder/../outside.js',
      'an encoded dot-dot segment': '/api/recorder/%2e%2e/outside.js',
      'an encoded slash': '/api/recorder/..%2foutside.js',
      'an encoded backslash': '/api/recorder/..%5coutside.js',
      'a dot-dot inside chunks': '/api/recorder/chunks/../../outside.js',
      'a doubled slash (absolute-looking)': '/api/recorder//etc/passwd',
      'an encoded absolute path': `/api/recorder/${encodeURIComponent('/etc/passwd')}`,
    };
    for (const [what, path] of Object.entries(attempts)) {
      test(`${what} is not served`, async () => {
        const reply = await raw(path);
        assert.ok(reply.status === 404 || reply.status === 400, `${path}: ${reply.status}`);
        assert.ok(!reply.body.includes(OUTSIDE_SECRET), path);
        assert.ok(!reply.body.includes('root:'), path);
      });
    }

    test('a file beside the folder is not served under its own name either', async () => {
      const reply = await raw(`/api/recorder/${join(folders.root, 'outside.js')}`);
      assert.equal(reply.status, 404);
      assert.ok(!reply.body.includes(OUTSIDE_SECRET));
    });
  });
});

describe('recorder page without its scripts, or without recording', () => {
  let store: Store;
  before(async () => {
    store = await openTestStore('sqlite');
  });
  after(() => store.close());

  test('no CDN build in the folder: the page is 503 RECORDER_UNAVAILABLE, saying how to build it, logged once', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'hashdrop-recorder-empty-'));
    try {
      const { logger, lines } = collectingLogger();
      const handler = createHashdropHandler({
        livekit: LIVEKIT,
        store,
        secret: 'recorder-page-identity-secret',
        logger,
        recording: recording({ url: 'http://127.0.0.1:3000/api/recorder/', assets: join(empty, 'nowhere') }),
      });
      for (let i = 0; i < 2; i++) {
        const response = await handler(new Request('http://127.0.0.1/api/recorder/'));
        assert.equal(response.status, 503);
        const body = (await response.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'RECORDER_UNAVAILABLE');
        assert.match(body.error.message, /npm run build:cdn/);
      }
      assert.equal(lines.filter((line) => line.startsWith('warn') && line.includes('build:cdn')).length, 1);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('without recording options the recorder paths are 404', async () => {
    const handler = createHashdropHandler({
      livekit: LIVEKIT,
      store,
      secret: 'recorder-page-identity-secret',
      logger: collectingLogger().logger,
    });
    for (const path of ['/api/recorder', '/api/recorder/', '/api/recorder/hashdrop.js']) {
      const response = await handler(new Request(`http://127.0.0.1${path}`));
      assert.equal(response.status, 404, path);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'NOT_FOUND', path);
    }
  });

  test('theme and lang default to dark and English, under any base path', async () => {
    const folders = makeAssets();
    try {
      const handler = createHashdropHandler({
        livekit: LIVEKIT,
        store,
        secret: 'recorder-page-identity-secret',
        logger: collectingLogger().logger,
        basePath: '/hd',
        recording: recording({ url: 'https://rooms.example.com/hd/recorder/', assets: folders.assets }),
      });
      const html = await (await handler(new Request('http://127.0.0.1/hd/recorder/'))).text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<hashdrop-recorder egress theme="dark" lang="en">/);
      assert.match(html, /background: #0f1115;/);
    } finally {
      rmSync(folders.root, { recursive: true, force: true });
    }
  });
});

test("the default CDN folder: the installed package's dist/cdn, then a source checkout's", () => {
  // Run from src/server/ with tsx, `../../cdn/` names nothing and `../../dist/cdn/` the build; from the package's
  // dist/npm/server/, `../../cdn/` is its dist/cdn.
  const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
  assert.deepEqual(defaultAssetFolders(), [join(root, 'cdn') + '/', join(root, 'dist', 'cdn') + '/']);
});
