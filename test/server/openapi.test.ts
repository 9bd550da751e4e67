/**
 * docs/openapi.json is generated, never edited: it must equal what `npm run openapi` produces now, cover every route
 * the handler serves with exactly the methods it accepts, and docs/api.md must list every operation and the same
 * code → status table the server uses. No LiveKit needed: OPTIONS is answered by the router alone.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { buildOpenApi, OPENAPI_FILE, OPERATIONS, renderOpenApi } from '../../scripts/openapi.js';
import { ApiErrorBody, ERROR_CODES, KnockState, pathOf, ROUTES, type OperationId } from '../../src/contract/index.js';
import { statusFor } from '../../src/server/errors.js';
import { createHashdropHandler, silentLogger, type Store } from '../../src/server/index.js';

const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
type Doc = { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };

/** `/rooms/{idOrCode}/join` → `/rooms/:/join`, the handler's own notation. */
const pattern = (path: string) => path.replace(/\{[^}]+\}/g, ':');

function offlineHandler() {
  return createHashdropHandler({
    livekit: { url: 'ws://127.0.0.1:9', apiKey: 'devkey', apiSecret: 'offline-secret-0123456789abcdef' },
    store: {} as Store,
    secret: 'offline-identity-secret',
    logger: silentLogger,
  });
}

/** The methods the handler accepts on a path, from its OPTIONS answer (what a browser preflight sees). */
async function methodsServed(handler: ReturnType<typeof offlineHandler>, path: string): Promise<string[]> {
  const concrete = path.replace(/:/g, 'x1');
  const response = await handler(new Request(`http://127.0.0.1/api${concrete}`, { method: 'OPTIONS' }));
  assert.equal(response.status, 204, `OPTIONS ${path}`);
  return (response.headers.get('access-control-allow-methods') ?? '')
    .split(',')
    .map((method) => method.trim())
    .filter((method) => method && method !== 'OPTIONS')
    .sort();
}

test('docs/openapi.json is what `npm run openapi` generates now', () => {
  const committed = readFileSync(OPENAPI_FILE, 'utf8');
  // Compare structures first for a readable diff, then the exact text.
  assert.deepEqual(JSON.parse(committed), buildOpenApi(), 'docs/openapi.json is stale: run `npm run openapi`');
  assert.equal(committed, renderOpenApi(), 'docs/openapi.json is not formatted as generated: run `npm run openapi`');
});

test('every route the handler serves is in the API table with exactly its methods, and nothing else is', async () => {
  const doc = buildOpenApi() as Doc;
  const documented = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    documented.set(
      pattern(path),
      Object.keys(item)
        .map((method) => method.toUpperCase())
        .sort(),
    );
  }
  const handler = offlineHandler();
  // What the router serves, per path: the table's methods, plus OPTIONS (preflight) and ALL (the 405 answer).
  const served = new Map<string, string[]>();
  for (const route of handler.routes) {
    const [method, path] = route.split(' ') as [string, string];
    if (method === 'OPTIONS' || method === 'ALL') continue;
    const key = pattern(path);
    served.set(key, [...(served.get(key) ?? []), method].sort());
  }
  assert.ok(served.size >= 19, `only ${served.size} routes read from the handler`);
  for (const [path, methods] of served) {
    assert.ok(documented.has(path), `the handler serves ${path}, which the API table lacks`);
    assert.deepEqual(documented.get(path), methods, `methods of ${path}`);
    assert.deepEqual(await methodsServed(handler, path), methods, `OPTIONS ${path}`);
  }
  assert.deepEqual(
    [...documented.keys()].sort(),
    [...served.keys()].sort(),
    'documented paths the handler does not serve',
  );
});

test("the document's paths and the browser client's paths are the API table's", () => {
  const doc = buildOpenApi() as Doc;
  const fromTable = new Set<string>();
  for (const [operation, [method, path]] of Object.entries(ROUTES)) {
    const template = decodeURIComponent(pathOf(ROUTES[operation as OperationId], '{a}', '{b}'));
    assert.equal(pattern(template), pattern(path), `the client's path of ${operation}`);
    assert.ok(doc.paths[path]?.[method.toLowerCase()], `docs/openapi.json lacks ${method} ${path}`);
    fromTable.add(pattern(template));
  }
  assert.deepEqual([...fromTable].sort(), Object.keys(doc.paths).map(pattern).sort());
  assert.equal(pathOf(ROUTES.getKnock, 'a/b', '..'), '/rooms/a%2Fb/knocks/..');
});

test('every error response names codes whose status is the one the server sends', () => {
  const doc = buildOpenApi() as Doc;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const responses = (operation as { responses: Record<string, { 'x-error-codes'?: string[] }> }).responses;
      for (const [status, response] of Object.entries(responses)) {
        for (const code of response['x-error-codes'] ?? []) {
          assert.equal(statusFor(code as never), Number(status), `${method} ${path}: ${code}`);
        }
      }
    }
  }
});

test('the components are JSON Schema for the contract types, with shared ones by reference', () => {
  const doc = buildOpenApi() as Doc;
  const schemas = doc.components.schemas as Record<string, { properties?: Record<string, unknown>; oneOf?: unknown[] }>;
  assert.deepEqual(schemas.RoomView?.properties?.policy, { $ref: '#/components/schemas/RoomPolicy' });
  assert.equal(schemas.KnockState?.oneOf?.length, 4);
  assert.deepEqual(Object.keys(schemas.JoinRequest?.properties ?? {}), ['displayName']);
  // The response schemas accept what the server sends.
  v.parse(ApiErrorBody, { error: { code: 'NOT_FOUND', message: 'No such route.' } });
  v.parse(KnockState, { status: 'denied', knockId: 'k1' });
  assert.equal(v.safeParse(KnockState, { status: 'admitted', knockId: 'k1' }).success, false);
});

test('docs/api.md lists every operation and the same code → status table', () => {
  const markdown = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
  for (const op of OPERATIONS) {
    assert.ok(markdown.includes(`${op.method.toUpperCase()} ${op.path}`), `docs/api.md lacks ${op.method} ${op.path}`);
  }
  for (const code of ERROR_CODES) {
    const row = new RegExp(`^\\|\\s*\`${code}\`\\s*\\|\\s*(\\d{3})\\s*\\|`, 'm').exec(markdown);
    assert.ok(row, `docs/api.md has no table row for ${code}`);
    assert.equal(Number(row[1]), statusFor(code), `docs/api.md gives the wrong status for ${code}`);
  }
});
