/**
 * Generates docs/openapi.json (OpenAPI 3.1) from the contract's API table (src/contract/api.ts): every operation's
 * method, path, auth, bodies and error codes come from there, and every request and response body is a valibot schema
 * converted with @valibot/to-json-schema. test/server/openapi.test.ts fails when the committed file differs from what
 * this produces, and when the handler serves a route the table lacks.
 *
 *   npm run openapi            writes docs/openapi.json
 *   npm run openapi -- --check exits 1 when docs/openapi.json is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toJsonSchemaDefs, type JsonSchema } from '@valibot/to-json-schema';
import { errorCodesOf, OPERATIONS, SCHEMAS, type Auth, type Operation, type SchemaName } from '../src/contract/api.js';
import { ERROR_CODES, type ErrorCode } from '../src/contract/index.js';
import { statusFor } from '../src/server/errors.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const OPENAPI_FILE = join(ROOT, 'docs/openapi.json');

const AUTH_TEXT: Record<Auth, string> = {
  none: 'No credential needed.',
  optional: 'A credential is optional (hosts see more).',
  user: 'Needs a credential (bearer or the host site’s own auth).',
  host: 'Hosts of the room only (the creator, listed hosts, and whoever claimed the host key).',
  creator: 'The room’s creator only.',
  knocker: 'Only the guest who knocked.',
  webhook: 'Signed by LiveKit (`Authorization` carries its JWT).',
  operator: 'The operator’s metrics token as `Authorization: Bearer <token>`, when one is configured.',
};

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

function operationObject(op: Operation): Record<string, unknown> {
  const parameters: unknown[] = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    description:
      name === 'idOrCode'
        ? 'The room id, or its code in any case and with any separator (`stellar phoenix`).'
        : name === 'knockId'
          ? 'The knock id from the join response.'
          : 'The participant’s identity (user id).',
    schema: { type: 'string', minLength: 1, maxLength: 128 },
  }));
  for (const query of op.query ?? []) {
    parameters.push({
      name: query.name,
      in: 'query',
      required: false,
      description: query.description,
      schema: query.schema,
    });
  }
  const responses: Record<string, unknown> = {};
  for (const success of op.success) {
    responses[String(success.status)] = {
      description: success.description,
      ...(success.schema ? { content: { 'application/json': { schema: ref(success.schema) } } } : {}),
    };
  }
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(op)) {
    const status = statusFor(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: codes.map((code) => `\`${code}\``).join(', '),
      'x-error-codes': codes,
      ...(status === 429 || status === 405
        ? {
            headers:
              status === 429
                ? { 'Retry-After': { description: 'Seconds until a retry may succeed.', schema: { type: 'integer' } } }
                : { Allow: { description: 'The methods this path accepts.', schema: { type: 'string' } } },
          }
        : {}),
      content: { 'application/json': { schema: ref('ApiErrorBody') } },
    };
  }
  const security =
    op.auth === 'none'
      ? []
      : op.auth === 'webhook'
        ? [{ livekitWebhook: [] }]
        : op.auth === 'operator'
          ? [{}, { metricsToken: [] }]
          : op.auth === 'optional'
            ? [{}, { bearer: [] }]
            : [{ bearer: [] }];
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: [op.description, AUTH_TEXT[op.auth], op.rateLimited ? 'Rate-limited per identity and per IP.' : '']
      .filter(Boolean)
      .join('\n\n'),
    tags: [tagOf(op)],
    security,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: !op.body.optional,
            content: { 'application/json': { schema: ref(op.body.schema) } },
          },
        }
      : {}),
    responses,
  };
}

function tagOf(op: Operation): string {
  if (op.path.startsWith('/livekit')) return 'webhooks';
  if (op.auth === 'operator' || /^\/(healthz|readyz)$/.test(op.path)) return 'operations';
  if (op.path.includes('/knocks') || op.path.endsWith('/join')) return 'joining';
  if (/\/(end|participants|hands)\b/.test(op.path)) return 'moderation';
  if (op.path.startsWith('/rooms')) return 'rooms';
  return 'endpoint';
}

export function componentSchemas(): Record<string, JsonSchema> {
  const defs = toJsonSchemaDefs(SCHEMAS, {
    target: 'draft-2020-12',
    // `trim` only normalizes what is validated next; the limits after it are what a client must respect.
    ignoreActions: ['trim'],
    overrideAction: ({ valibotAction, jsonSchema }) => {
      const action = valibotAction as unknown as { type: string; message?: string; requirement?: unknown };
      // Cross-field checks (the schedule's order) are stated in words; JSON Schema cannot compare two fields.
      if (action.type === 'check') return { ...jsonSchema, description: String(action.message) };
      // JSON Schema patterns are ECMA-262 regular expressions with Unicode semantics already, so `u` changes nothing.
      if (action.type === 'regex' && action.requirement instanceof RegExp && action.requirement.flags === 'u') {
        return { ...jsonSchema, pattern: action.requirement.source };
      }
      return null;
    },
    overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
  });
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(defs)) {
    const { $schema: _ignored, ...rest } = schema as JsonSchema & { $schema?: string };
    out[name] = rest;
  }
  return out;
}

export function buildOpenApi(): Record<string, unknown> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  const errorTable = Object.fromEntries(ERROR_CODES.map((code) => [code, statusFor(code)]));
  return {
    openapi: '3.1.0',
    info: {
      title: 'HashDrop Rooms endpoint',
      version: pkg.version,
      description:
        'The endpoint `<hashdrop-room endpoint="…">` talks to: rooms, joining and the lobby, moderation, and LiveKit ' +
        'webhooks. Every failure is `{ error: { code, message } }` with a 4xx (5xx only when LiveKit is unreachable ' +
        'or on a bug); `x-error-statuses` maps each code to its HTTP status. Generated from src/contract by ' +
        '`npm run openapi`; see docs/api.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/api', description: 'The default base path (`basePath` option, `HASHDROP_BASE_PATH`).' }],
    tags: [
      { name: 'endpoint', description: 'Identity and capabilities' },
      { name: 'rooms', description: 'Create, list, read, change and delete rooms' },
      { name: 'joining', description: 'Join, the lobby (knocks) and its long-poll' },
      { name: 'moderation', description: 'Host actions on the live call, through LiveKit RoomService' },
      { name: 'webhooks', description: 'LiveKit → endpoint' },
      { name: 'operations', description: 'Health, readiness and metrics, for load balancers and monitoring' },
    ],
    'x-error-statuses': errorTable,
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An anonymous identity credential from `POST /identity`. A host site that passes `authenticate` may ' +
            'identify callers its own way (cookie, session, its own bearer tokens) instead.',
        },
        livekitWebhook: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: "LiveKit's webhook JWT, signed with the API secret and carrying the body's SHA-256.",
        },
        metricsToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The operator’s metrics token (`HASHDROP_METRICS_TOKEN`), when one is configured.',
        },
      },
    },
  };
}

/** The file's exact text: two-space JSON with a final newline (the file is excluded from prettier). */
export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const text = renderOpenApi();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OPENAPI_FILE, 'utf8');
    } catch {
      // Missing counts as stale.
    }
    if (current !== text) {
      console.error('docs/openapi.json is out of date: run `npm run openapi`.');
      process.exit(1);
    }
    console.log('docs/openapi.json is up to date.');
  } else {
    writeFileSync(OPENAPI_FILE, text);
    console.log(`wrote ${OPENAPI_FILE} (${OPERATIONS.length} operations)`);
  }
}

export { OPERATIONS };
