/**
 * The HTTP API, described once: for each operation of `ROUTES` (method and path), who may call it, its request body
 * and responses (contract schemas, by name), the error codes of its own, whether it is rate-limited, and its
 * documentation. The server's router is built from this table (src/server/router.ts), and so is docs/openapi.json
 * (scripts/openapi.ts); the browser client takes only `ROUTES`, which carries no validator. Server and tooling only.
 */
import { ERROR_CODES, type ErrorCode } from './errors.js';
import { SCHEMAS, type SchemaName } from './api-schemas.js';
import { KNOCK_WAIT_MAX_SECONDS, ROUTES, type HttpMethod, type OperationId } from './routes.js';

export { SCHEMAS, type SchemaName } from './api-schemas.js';

/**
 * Who may call: nobody in particular, anyone identified, the LiveKit server (signed webhook), or the operator's
 * monitoring (the metrics token, when one is configured).
 */
export type Auth = 'none' | 'optional' | 'user' | 'host' | 'creator' | 'knocker' | 'webhook' | 'operator';

/** What the route table adds to an operation's method and path. */
export interface OperationSpec {
  summary: string;
  description?: string;
  auth: Auth;
  /** The JSON body; `optional` when an empty body is accepted too. */
  body?: { schema: SchemaName; optional?: boolean };
  success: Array<{ status: number; schema?: SchemaName; description: string }>;
  /** Route-specific error codes; the common ones are added from `auth` and `body` (see `errorCodesOf`). */
  errors: ErrorCode[];
  rateLimited?: boolean;
  query?: Array<{ name: string; description: string; schema: Record<string, unknown> }>;
}

export interface Operation extends OperationSpec {
  operationId: OperationId;
  method: HttpMethod;
  /** OpenAPI's template: `/rooms/{idOrCode}/join`. */
  path: string;
}

const SPECS = {
  getInfo: {
    summary: 'Version and features of this endpoint',
    auth: 'none',
    success: [{ status: 200, schema: 'InfoResponse', description: 'The endpoint' }],
    errors: [],
  },
  getHealth: {
    summary: 'Liveness: the process answers (for load balancers and orchestrators)',
    description:
      'Checks nothing else, so a database outage does not get every instance restarted; use `/readyz` to route ' +
      'traffic. CORS and credentials do not apply.',
    auth: 'none',
    success: [{ status: 200, schema: 'HealthResponse', description: 'Alive' }],
    errors: [],
  },
  getReadiness: {
    summary: 'Readiness: the store answers and the instance is not shutting down',
    description:
      'A load balancer sends traffic only to instances that answer 200. From SIGTERM on it answers 503 `NOT_READY`, ' +
      'while requests in progress finish. CORS and credentials do not apply.',
    auth: 'none',
    success: [{ status: 200, schema: 'ReadinessResponse', description: 'Ready for traffic' }],
    errors: ['NOT_READY'],
  },
  getMetrics: {
    summary: 'Prometheus metrics of this instance (text exposition format)',
    description:
      'Joins by outcome, knock decisions, knocks waiting, request durations by operation, LiveKit errors and process ' +
      'metrics. Labels are operations, outcomes and error codes only (no room, identity or name). With a metrics ' +
      'token configured (`metrics.token`, `HASHDROP_METRICS_TOKEN`) it needs `Authorization: Bearer <token>`.',
    auth: 'operator',
    success: [{ status: 200, description: 'The metrics, `text/plain; version=0.0.4`' }],
    errors: ['NOT_FOUND'],
  },
  issueIdentity: {
    summary: 'Issue an anonymous identity credential',
    description:
      'For pages with no login. Keep the credential (it lasts 30 days by default) and send it back as ' +
      '`Authorization: Bearer <credential>`; it names the same person across reloads. It grants nothing in a call.',
    auth: 'none',
    rateLimited: true,
    success: [{ status: 201, schema: 'IdentityResponse', description: 'A fresh identity' }],
    errors: [],
  },
  connectionCheck: {
    summary: 'A token for the pre-call check: a throwaway LiveKit room of the caller’s own',
    description:
      'The room is named `check-<random>`, new for every request, so the token grants nothing in any real room. It ' +
      'lets the caller connect, publish one track and subscribe, for 60 seconds; LiveKit removes the room when the ' +
      'caller leaves. Counted like a join attempt.',
    auth: 'user',
    rateLimited: true,
    success: [{ status: 200, schema: 'ConnectionCheckResponse', description: 'Connect to `serverUrl` with `token`' }],
    errors: [],
  },
  livekitWebhook: {
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
  listRooms: {
    summary: 'Rooms the caller created or hosts, newest first (at most 500)',
    auth: 'user',
    success: [{ status: 200, schema: 'RoomListResponse', description: 'The rooms' }],
    errors: [],
  },
  createRoom: {
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
  getRoom: {
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
  updateRoom: {
    summary: 'Change name, schedule, policy, hosts or status (creator); a body with only a policy: any host',
    description: 'A partial `policy` is merged into the current one; `hosts` replaces the list.',
    auth: 'creator',
    body: { schema: 'UpdateRoomRequest' },
    success: [{ status: 200, schema: 'RoomResponse', description: 'The updated room' }],
    errors: [],
  },
  deleteRoom: {
    summary: 'Delete a room (creator only); whoever is in the call is disconnected and no earlier token gets back in',
    auth: 'creator',
    success: [{ status: 204, description: 'Deleted' }],
    errors: [],
  },
  claimHost: {
    summary: 'Become a host with the secret host key (the host link)',
    auth: 'user',
    rateLimited: true,
    body: { schema: 'ClaimHostRequest' },
    success: [{ status: 200, schema: 'RoomResponse', description: 'The caller is now a host' }],
    errors: ['FORBIDDEN'],
  },
  joinRoom: {
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
  endCall: {
    summary: 'End for all (hosts): everyone is disconnected',
    description:
      'A one-shot room (`autoCloseWhenEmpty`) becomes CLOSED; a persistent one stays ACTIVE for next time. Pending ' +
      'knocks are cancelled, bans from kicks are lifted for the next call, and every token signed for the ended call ' +
      'is turned away if it connects again. No body.',
    auth: 'host',
    success: [{ status: 200, schema: 'EndCallResponse', description: 'Ended' }],
    errors: ['LIVEKIT_UNAVAILABLE'],
  },
  startRecording: {
    summary: "Start recording the call to the operator's bucket (hosts), through LiveKit Egress",
    description:
      '`mode`: `composite` (default; one MP4 of the whole call, `layout` `spotlight` (default) or `grid`) or `tracks` ' +
      '(one file per published track, tracks published later included; 409 while nothing is published). Needs ' +
      'someone in the call; 409 `CONFLICT` while the room is already recorded (by any endpoint instance). When no ' +
      'Egress service answers within 3 s (`recording.startTimeoutMs`), or recording is not set up on this endpoint, ' +
      'the answer is 503 `RECORDING_UNAVAILABLE` and nothing is left recording. What happens next comes from ' +
      "Egress' webhooks: `recordingState` on the room (and a `CONTROL_TOPIC` message in the call) says whether it " +
      "runs, and whether it failed — with Egress' reason, for hosts.",
    auth: 'host',
    body: { schema: 'StartRecordingRequest', optional: true },
    success: [{ status: 201, schema: 'RecordingStateResponse', description: 'Recording' }],
    errors: ['CONFLICT', 'RECORDING_UNAVAILABLE', 'LIVEKIT_UNAVAILABLE'],
  },
  stopRecording: {
    summary: 'Stop recording (hosts): every active Egress job of the room is stopped',
    description:
      'Stops the jobs the store has running and those Egress lists (started before a restart or by another ' +
      'instance). A job that already ended (LiveKit answers 412 `failed_precondition`, after about 3 s) counts as ' +
      'stopped. Answers 200 with `recording: false` when nothing was running; 503 `RECORDING_UNAVAILABLE` when ' +
      'Egress did not answer within 10 s (`recording.stopTimeoutMs`).',
    auth: 'host',
    success: [{ status: 200, schema: 'RecordingStateResponse', description: 'Not recording' }],
    errors: ['RECORDING_UNAVAILABLE'],
  },
  startStream: {
    summary: 'Go live: stream the call to an RTMP/RTMPS server (hosts), through LiveKit Egress',
    description:
      "The call's composite view (`layout` `spotlight` (default) or `grid`) goes to `url` — YouTube, Twitch or " +
      'any RTMP server; the stream key is part of the URL. The URL is write-only: it goes to Egress and nowhere ' +
      'else (no response, log line or store holds it). Needs someone in the call; 409 while the room already ' +
      'streams. Status and failure reach everyone like recording: `stream` on the room, a `CONTROL_TOPIC` message ' +
      'in the call. Streams are H.264 + AAC (all RTMP carries), so Egress needs an AAC encoder.',
    auth: 'host',
    body: { schema: 'StartStreamRequest' },
    success: [{ status: 201, schema: 'StreamStateResponse', description: 'Streaming' }],
    errors: ['CONFLICT', 'RECORDING_UNAVAILABLE', 'LIVEKIT_UNAVAILABLE'],
  },
  stopStream: {
    summary: 'Stop the live stream (hosts)',
    description: 'Like stopping a recording: a stream that already ended counts as stopped.',
    auth: 'host',
    success: [{ status: 200, schema: 'StreamStateResponse', description: 'Not streaming' }],
    errors: ['RECORDING_UNAVAILABLE'],
  },
  listKnocks: {
    summary: 'Pending knocks, oldest first (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'KnockListResponse', description: 'The lobby' }],
    errors: [],
  },
  admitAllKnocks: {
    summary: 'Admit every pending knock (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'AdmitAllResponse', description: 'The knocks admitted' }],
    errors: [],
  },
  getKnock: {
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
  cancelKnock: {
    summary: 'Withdraw the own knock (the guest left the lobby)',
    auth: 'knocker',
    success: [{ status: 200, schema: 'KnockState', description: 'Cancelled' }],
    errors: [],
  },
  admitKnock: {
    summary: 'Admit a waiting guest (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'KnockDecisionResponse', description: 'Admitted' }],
    errors: ['CONFLICT'],
  },
  denyKnock: {
    summary: 'Deny a waiting guest (hosts); the guest never receives a token',
    auth: 'host',
    success: [{ status: 200, schema: 'KnockDecisionResponse', description: 'Denied' }],
    errors: ['CONFLICT'],
  },
  lowerAllHands: {
    summary: 'Lower every raised hand (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'LowerAllHandsResponse', description: 'The hands lowered' }],
    errors: ['LIVEKIT_UNAVAILABLE'],
  },
  muteAll: {
    summary: 'Mute every microphone but the hosts’ (hosts)',
    description:
      'Mutes the microphone track of everyone in the call who is not a host, on the server. Nobody can be unmuted ' +
      'by someone else: each person turns their own microphone back on.',
    auth: 'host',
    success: [{ status: 200, schema: 'MuteAllResponse', description: 'The identities whose microphones were muted' }],
    errors: ['LIVEKIT_UNAVAILABLE'],
  },
  setOwnHand: {
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
  sendReaction: {
    summary: 'Send a reaction to everyone in the call (a participant in the call, the audience included)',
    description:
      'The endpoint relays the reaction as a server message on `hashdrop.reaction`, so the sender is the one the ' +
      'endpoint identified, the audience can react without the right to send data, and reactions are rate-limited ' +
      'per sender.',
    auth: 'user',
    rateLimited: true,
    body: { schema: 'ReactionRequest' },
    success: [{ status: 200, schema: 'ReactionResponse', description: 'Sent to everyone in the call' }],
    errors: ['NOT_FOUND', 'LIVEKIT_UNAVAILABLE'],
  },
  kickParticipant: {
    summary:
      'Remove a participant; they cannot join or knock again until the call ends, and a host removed loses the host ' +
      'role in this room (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'KickResponse', description: 'Removed and barred' }],
    errors: ['FORBIDDEN', 'LIVEKIT_UNAVAILABLE'],
  },
  muteParticipant: {
    summary: "Mute a participant's microphone (or camera / screen share) (hosts)",
    auth: 'host',
    body: { schema: 'MuteRequest', optional: true },
    success: [{ status: 200, schema: 'MuteResponse', description: 'Muted' }],
    errors: ['LIVEKIT_UNAVAILABLE'],
  },
  askToUnmute: {
    summary: 'Ask a participant to turn their microphone on (hosts)',
    description:
      'The participant sees the request and may accept it (their browser turns the microphone on) or ignore it; ' +
      'the endpoint never turns anyone’s microphone on. Someone who may not publish (stage audience) cannot be asked.',
    auth: 'host',
    rateLimited: true,
    success: [{ status: 200, schema: 'AskToUnmuteResponse', description: 'The request was sent' }],
    errors: ['CONFLICT', 'LIVEKIT_UNAVAILABLE'],
  },
  promoteParticipant: {
    summary: 'Make a participant a speaker (stage mode; grants change live) (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'RoleChangeResponse', description: 'Now a speaker' }],
    errors: ['CONFLICT', 'ROOM_FULL', 'LIVEKIT_UNAVAILABLE'],
  },
  demoteParticipant: {
    summary: 'Make a participant audience (stage mode; cannot publish) (hosts)',
    auth: 'host',
    success: [{ status: 200, schema: 'RoleChangeResponse', description: 'Now audience' }],
    errors: ['CONFLICT', 'LIVEKIT_UNAVAILABLE'],
  },
  lowerHand: {
    summary: "Lower a participant's raised hand (hosts)",
    auth: 'host',
    success: [{ status: 200, schema: 'LowerHandResponse', description: 'Lowered' }],
    errors: ['LIVEKIT_UNAVAILABLE'],
  },
} as const satisfies Record<OperationId, OperationSpec>;

/** The operations that take a JSON body, and the name of its schema. */
export type BodySchemaOf<K extends OperationId> = (typeof SPECS)[K] extends {
  body: { schema: infer S extends SchemaName };
}
  ? S
  : never;
export type OperationWithBody = { [K in OperationId]: BodySchemaOf<K> extends never ? never : K }[OperationId];

/** Every operation, in the order of the table above (a module namespace such as `ROUTES` sorts its keys). */
export const OPERATIONS: readonly Operation[] = (Object.keys(SPECS) as OperationId[]).map((operationId) => ({
  operationId,
  method: ROUTES[operationId][0],
  path: ROUTES[operationId][1],
  ...(SPECS[operationId] as OperationSpec),
}));

/** The body an operation takes, as the table says: its schema, and whether an empty body is accepted too. */
export function bodyOf<K extends OperationWithBody>(
  operationId: K,
): { schema: (typeof SCHEMAS)[BodySchemaOf<K>]; optional: boolean } {
  const body = (SPECS[operationId] as OperationSpec).body!;
  return { schema: SCHEMAS[body.schema] as (typeof SCHEMAS)[BodySchemaOf<K>], optional: body.optional === true };
}

/** The error codes any route can answer, besides its own. */
export function errorCodesOf(op: Operation): ErrorCode[] {
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
