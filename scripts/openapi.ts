/**
 * Generates docs/openapi.json (OpenAPI 3.1) from the contract: every request and response body is a valibot schema in
 * src/contract/, converted with @valibot/to-json-schema; the paths come from the contract's `routes`, and the table
 * below adds what a schema cannot say (method, auth, status codes, error codes). test/server/openapi.test.ts fails
 * when the committed file differs from what this produces, and when the handler serves a route the file lacks.
 *
 *   npm run openapi            writes docs/openapi.json
 *   npm run openapi -- --check exits 1 when docs/openapi.json is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toJsonSchemaDefs, type JsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import * as contract from '../src/contract/index.js';
import { ERROR_CODES, KNOCK_WAIT_MAX_SECONDS, routes, type ErrorCode } from '../src/contract/index.js';
import { statusFor } from '../src/server/errors.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const OPENAPI_FILE = join(ROOT, 'docs/openapi.json');

/** Every schema that becomes a component, by the name the contract exports it under. */
const SCHEMAS = {
  CreateRoomRequest: contract.CreateRoomRequest,
  UpdateRoomRequest: contract.UpdateRoomRequest,
  JoinRequest: contract.JoinRequest,
  ClaimHostRequest: contract.ClaimHostRequest,
  MuteRequest: contract.MuteRequest,
  HandRequest: contract.HandRequest,
  HandResponse: contract.HandResponse,
  StartRecordingRequest: contract.StartRecordingRequest,
  RecordingStateResponse: contract.RecordingStateResponse,
  RecordingListing: contract.RecordingListing,
  RecordingSummary: contract.RecordingSummary,
  RoomPolicy: contract.RoomPolicy,
  RoomStatus: contract.RoomStatus,
  LiveParticipant: contract.LiveParticipant,
  RoomView: contract.RoomView,
  CreateRoomResponse: contract.CreateRoomResponse,
  RoomResponse: contract.RoomResponse,
  RoomListResponse: contract.RoomListResponse,
  AdmittedJoin: contract.AdmittedJoin,
  PendingJoin: contract.PendingJoin,
  JoinResponse: contract.JoinResponse,
  KnockState: contract.KnockState,
  KnockSummary: contract.KnockSummary,
  KnockListResponse: contract.KnockListResponse,
  KnockDecisionResponse: contract.KnockDecisionResponse,
  AdmitAllResponse: contract.AdmitAllResponse,
  EndCallResponse: contract.EndCallResponse,
  KickResponse: contract.KickResponse,
  MuteResponse: contract.MuteResponse,
  RoleChangeResponse: contract.RoleChangeResponse,
  LowerHandResponse: contract.LowerHandResponse,
  LowerAllHandsResponse: contract.LowerAllHandsResponse,
  IdentityResponse: contract.IdentityResponse,
  InfoResponse: contract.InfoResponse,
  WebhookResponse: contract.WebhookResponse,
  ApiErrorBody: contract.ApiErrorBody,
} satisfies Record<string, v.GenericSchema>;
type SchemaName = keyof typeof SCHEMAS;

/** Who may call: nobody in particular, anyone identified, or the LiveKit server (signed webhook). */
type Auth = 'none' | 'optional' | 'user' | 'host' | 'creator' | 'knocker' | 'webhook';

interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  auth: Auth;
  /** The JSON body; `optional` when an empty body is accepted too. */
  body?: { schema: SchemaName; optional?: boolean };
  success: Array<{ status: number; schema?: SchemaName; description: string }>;
  /** Route-specific error codes; the common ones (below) are added from `auth` and `body`. */
  errors: ErrorCode[];
  rateLimited?: boolean;
  query?: Array<{ name: string; description: string; schema: JsonSchema }>;
}

// Paths come from the contract's route builders, with OpenAPI's `{param}` placeholders.
const ID = '{idOrCode}';
const KNOCK = '{knockId}';
const WHO = '{identity}';
const p = (path: string) => decodeURIComponent(path);

export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: p(routes.info()),
    operationId: 'getInfo',
    summary: 'Version and features of this endpoint',
    auth: 'none',
    success: [{ status: 200, schema: 'InfoResponse', description: 'The endpoint' }],
    errors: [],
  },
  {
    method: 'post',
    path: p(routes.identity()),
    operationId: 'issueIdentity',
    summary: 'Issue an anonymous identity credential',
    description:
      'For pages with no login. Keep the credential (it lasts 30 days by default) and send it back as ' +
      '`Authorization: Bearer <credential>`; it names the same person across reloads. It grants nothing in a call.',
    auth: 'none',
    rateLimited: true,
    success: [{ status: 201, schema: 'IdentityResponse', description: 'A fresh identity' }],
    errors: [],
  },
  {
    method: 'post',
    path: p(routes.webhook()),
    operationId: 'livekitWebhook',
    summary: "LiveKit's webhooks (point livekit-server's `webhook.urls` here)",
    description:
      'Verified with the LiveKit SDK receiver against the API key and secret. Keeps live-call state, releases guests ' +
      'waiting for a host, and closes an `autoCloseWhenEmpty` room when its last participant leaves. The body may be up ' +
      'to 1 MiB. CORS does not apply.',
    auth: 'webhook',
    success: [
      { status: 200, schema: 'WebhookResponse', description: 'Accepted (also for rooms this endpoint does not know)' },
    ],
    errors: ['PAYLOAD_TOO_LARGE'],
  },
  {
    method: 'get',
    path: p(routes.rooms()),
    operationId: 'listRooms',
    summary: 'Rooms the caller created or hosts, newest first (at most 500)',
    auth: 'user',
    success: [{ status: 200, schema: 'RoomListResponse', description: 'The rooms' }],
    errors: [],
  },
  {
    method: 'post',
    path: p(routes.rooms()),
    operationId: 'createRoom',
    summary: 'Create a room',
    description:
      'The caller becomes its creator (and a host). The response carries the secret `hostKey` once; it is stored only ' +
      'as a hash. Policy fields left out take their defaults.',
    auth: 'user',
    rateLimited: true,
    body: { schema: 'CreateRoomRequest' },
    success: [{ status: 201, schema: 'CreateRoomResponse', description: 'Created' }],
    errors: ['CONFLICT'],
  },
  {
    method: 'get',
    path: p(routes.room(ID)),
    operationId: 'getRoom',
    summary: 'One room, by id or code (any case)',
    description:
      'Anyone with the code may read what a pre-join screen needs (no `creatorId`, `hosts` or `live`); hosts also get ' +
      'those, `live` being who is in the call, read from LiveKit. Lookups by non-hosts are rate-limited per identity ' +
      'and IP, whether the room exists or not.',
    auth: 'optional',
    rateLimited: true,
    success: [{ status: 200, schema: 'RoomResponse', description: 'The room' }],
    errors: ['LIVEKIT_UNAVAILABLE'],
  },
  {
    method: 'patch',
    path: p(routes.room(ID)),
    operationId: 'updateRoom',
    summary: 'Change name, schedule, policy, hosts or status (creator); a body with only a policy: any host',
    description: 'A partial `policy` is merged into the current one; `hosts` replaces the list.',
    auth: 'creator',
    body: { schema: 'UpdateRoomRequest' },
    success: [{ status: 200, schema: 'RoomResponse', description: 'The updated room' }],
    errors: [],
  },
  {
    method: 'delete',
    path: p(routes.room(ID)),
    operationId: 'deleteRoom',
    summary: 'Delete a room (creator only); whoever is in the call is disconnected and no earlier token gets back in',
    auth: 'creator',
    success: [{ status: 204, description: 'Deleted' }],
    errors: [],
  },
  {
    method: 'post',
    path: p(routes.claimHost(ID)),
    operationId: 'claimHost',
    summary: 'Become a host with the secret host key (the host link)',
    auth: 'user',
    rateLimited: true,
    body: { schema: 'ClaimHostRequest' },
    success: [{ status: 200, schema: 'RoomResponse', description: 'The caller is now a host' }],
    errors: ['FORBIDDEN'],
  },
  {
    method: 'post',
    path: p(routes.join(ID)),
    operationId: 'joinRoom',
    summary: 'Join: admitted with a LiveKit token, or told to wait',
    description:
      'Hosts are admitted at once (the first joiner opens the call). A guest is admitted when the room has no waiting ' +
      'room and needs no host, or was admitted before in this call; otherwise a knock is stored and the answer is 202 ' +
      'with its id (`WAITING_ROOM_PENDING`, or `HOST_REQUIRED` while no host is in the call). Repeating the join while ' +
      'a knock is pending returns the same knock.',
    auth: 'user',
    rateLimited: true,
    body: { schema: 'JoinRequest' },
    success: [
      { status: 200, schema: 'AdmittedJoin', description: 'Admitted: connect to `serverUrl` with `token`' },
      { status: 202, schema: 'PendingJoin', description: 'Waiting: long-poll the knock for the outcome' },
    ],
    errors: ['ROOM_CLOSED', 'ROOM_FULL', 'DENIED', 'KICKED', 'LIVEKIT_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: p(routes.end(ID)),
    operationId: 'endCall',
    summary: 'End for all (hosts): everyone is disconnected',
    description:
      'A one-shot room (`autoCloseWhenEmpty`) becomes CLOSED; a persistent one stays ACTIVE for next time. Pending ' +
      'knocks are cancelled, bans from kicks are lifted for the next call, and every token signed for the ended call ' +
      'is turned away if it connects again. No body.',
    auth: 'host',
    success: [{ status: 200, schema: 'EndCallResponse', description: 'Ended' }],
    errors: ['LIVEKIT_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: p(routes.recording(ID)),
    operationId: 'startRecording',
    summary: "Start recording the call to the operator's bucket (hosts), through LiveKit Egress",
    description:
      '`mode`: `composite` (default; one MP4 of the whole call, `layout` `spotlight` (default) or `grid`) or `tracks` ' +
      '(one file per published track, tracks published later included). Needs someone in the call. When no Egress ' +
      'service answers within 3 s (`recording.startTimeoutMs`), or recording is not set up on this endpoint, the ' +
      'answer is 503 `RECORDING_UNAVAILABLE` and nothing is left recording.',
    auth: 'host',
    body: { schema: 'StartRecordingRequest', optional: true },
    success: [{ status: 201, schema: 'RecordingStateResponse', description: 'Recording' }],
    errors: ['CONFLICT', 'RECORDING_UNAVAILABLE', 'LIVEKIT_UNAVAILABLE'],
  },
  {
    method: 'delete',
    path: p(routes.recording(ID)),
    operationId: 'stopRecording',
    summary: 'Stop recording (hosts): every active Egress job of the room is stopped',
    description:
      'Also stops jobs started before a restart or by another instance (they are found in Egress’ own listing). ' +
      'Answers 200 with `recording: false` when nothing was running.',
    auth: 'host',
    success: [{ status: 200, schema: 'RecordingStateResponse', description: 'Not recording' }],
    errors: ['RECORDING_UNAVAILABLE'],
  },
  {
    method: 'get',
    path: p(routes.knocks(ID)),
    operationId: 'listKnocks',
    summary: 'Pending knocks, oldest first (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'KnockListResponse', description: 'The lobby' }],
    errors: [],
  },
  {
    method: 'post',
    path: p(routes.admitAll(ID)),
    operationId: 'admitAllKnocks',
    summary: 'Admit every pending knock (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'AdmitAllResponse', description: 'The knocks admitted' }],
    errors: [],
  },
  {
    method: 'get',
    path: p(routes.knock(ID, KNOCK)),
    operationId: 'getKnock',
    summary: "The guest's own knock; long-poll with `?wait=`",
    description:
      `With \`wait=N\` (seconds, at most ${KNOCK_WAIT_MAX_SECONDS}) the request is held until the knock is settled, ` +
      "so the guest learns a host's decision at once. Only the knocker sees a knock (anyone else gets 404), and only " +
      'an admitted knock carries a token (`join`), signed after the same checks as a join (a kick or a close since ' +
      'the admission wins). One identity holds at most 4 waits at once (429), an instance 2000 (503 `OVERLOADED`), ' +
      'both with `Retry-After`.',
    auth: 'knocker',
    query: [
      {
        name: 'wait',
        description: `Seconds to hold the request while the knock is pending (capped at ${KNOCK_WAIT_MAX_SECONDS}).`,
        schema: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3})?$' },
      },
    ],
    success: [{ status: 200, schema: 'KnockState', description: 'Where the knock stands' }],
    errors: [
      'VALIDATION_FAILED',
      'ROOM_CLOSED',
      'ROOM_FULL',
      'KICKED',
      'RATE_LIMITED',
      'OVERLOADED',
      'LIVEKIT_UNAVAILABLE',
    ],
  },
  {
    method: 'delete',
    path: p(routes.knock(ID, KNOCK)),
    operationId: 'cancelKnock',
    summary: 'Withdraw the own knock (the guest left the lobby)',
    auth: 'knocker',
    success: [{ status: 200, schema: 'KnockState', description: 'Cancelled' }],
    errors: [],
  },
  {
    method: 'post',
    path: p(routes.admit(ID, KNOCK)),
    operationId: 'admitKnock',
    summary: 'Admit a waiting guest (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'KnockDecisionResponse', description: 'Admitted' }],
    errors: ['CONFLICT'],
  },
  {
    method: 'post',
    path: p(routes.deny(ID, KNOCK)),
    operationId: 'denyKnock',
    summary: 'Deny a waiting guest (hosts); the guest never receives a token',
    auth: 'host',
    success: [{ status: 200, schema: 'KnockDecisionResponse', description: 'Denied' }],
    errors: ['CONFLICT'],
  },
  {
    method: 'post',
    path: p(routes.lowerAllHands(ID)),
    operationId: 'lowerAllHands',
    summary: 'Lower every raised hand (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'LowerAllHandsResponse', description: 'The hands lowered' }],
    errors: ['LIVEKIT_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: p(routes.hand(ID)),
    operationId: 'setOwnHand',
    summary: 'Raise or lower the caller’s own hand (a participant in the call)',
    description:
      'Participants cannot write their own attributes; the endpoint sets the hand attribute for them. Raising a hand ' +
      'that is up keeps the time it went up, so the queue stays in order.',
    auth: 'user',
    rateLimited: true,
    body: { schema: 'HandRequest' },
    success: [{ status: 200, schema: 'HandResponse', description: 'The hand as it is now' }],
    errors: ['NOT_FOUND', 'LIVEKIT_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: p(routes.participantAction(ID, WHO, 'kick')),
    operationId: 'kickParticipant',
    summary:
      'Remove a participant; they cannot join or knock again until the call ends, and a host removed loses the host ' +
      'role in this room (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'KickResponse', description: 'Removed and barred' }],
    errors: ['FORBIDDEN', 'LIVEKIT_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: p(routes.participantAction(ID, WHO, 'mute')),
    operationId: 'muteParticipant',
    summary: "Mute a participant's microphone (or camera / screen share) (hosts)",
    auth: 'host',
    body: { schema: 'MuteRequest', optional: true },
    success: [{ status: 200, schema: 'MuteResponse', description: 'Muted' }],
    errors: ['LIVEKIT_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: p(routes.participantAction(ID, WHO, 'promote')),
    operationId: 'promoteParticipant',
    summary: 'Make a participant a speaker (stage mode; grants change live) (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'RoleChangeResponse', description: 'Now a speaker' }],
    errors: ['CONFLICT', 'LIVEKIT_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: p(routes.participantAction(ID, WHO, 'demote')),
    operationId: 'demoteParticipant',
    summary: 'Make a participant audience (stage mode; cannot publish) (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'RoleChangeResponse', description: 'Now audience' }],
    errors: ['CONFLICT', 'LIVEKIT_UNAVAILABLE'],
  },
  {
    method: 'post',
    path: p(routes.participantAction(ID, WHO, 'lower-hand')),
    operationId: 'lowerHand',
    summary: "Lower a participant's raised hand (hosts)",
    auth: 'host',
    success: [{ status: 200, schema: 'LowerHandResponse', description: 'Lowered' }],
    errors: ['LIVEKIT_UNAVAILABLE'],
  },
];

const AUTH_TEXT: Record<Auth, string> = {
  none: 'No credential needed.',
  optional: 'A credential is optional (hosts see more).',
  user: 'Needs a credential (bearer or the host site’s own auth).',
  host: 'Hosts of the room only (the creator, listed hosts, and whoever claimed the host key).',
  creator: 'The room’s creator only.',
  knocker: 'Only the guest who knocked.',
  webhook: 'Signed by LiveKit (`Authorization` carries its JWT).',
};

/** The error codes any route can answer, besides its own. */
function errorCodesOf(op: Operation): ErrorCode[] {
  // Every route checks a credential when one is sent (a bad or expired one is 401 even where none is needed).
  const codes = new Set<ErrorCode>(['BAD_REQUEST', 'METHOD_NOT_ALLOWED', 'UNAUTHENTICATED', 'INTERNAL']);
  if (op.auth !== 'webhook') codes.add('ORIGIN_NOT_ALLOWED');
  if (op.path.includes('{')) codes.add('NOT_FOUND');
  if (op.auth === 'host' || op.auth === 'creator') codes.add('FORBIDDEN');
  if (op.body)
    for (const code of ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'VALIDATION_FAILED'] as const) codes.add(code);
  if (op.rateLimited) codes.add('RATE_LIMITED');
  for (const code of op.errors) codes.add(code);
  return ERROR_CODES.filter((code) => codes.has(code));
}

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
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
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
