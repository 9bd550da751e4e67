import * as v from 'valibot';
import { DISPLAY_NAME_ALLOWED, DISPLAY_NAME_MAX, DISPLAY_NAME_MESSAGES } from './display-name.js';
import { ERROR_CODES, KNOCK_REASONS, type ErrorBody } from './errors.js';
import { ROLES } from './roles.js';
import { ROOM_CODE_PATTERN } from './room-code.js';
import { EgressState, RecordingListing } from './recording.js';

/**
 * One schema per request and resource. The endpoint validates every body with them; the browser never loads them (it
 * checks a display name with display-name.ts, the rule `DisplayName` is built from). Request objects are strict: an
 * unknown field is an error, not ignored. Response objects (further down) are not: a client should accept fields added
 * in a later version. The API table (api.ts) names them per operation, and docs/openapi.json is generated from both.
 */

// The display-name rule lives in display-name.ts (dependency-free, for the browser); the schema is built from it.
export { DISPLAY_NAME_MAX } from './display-name.js';
export const ROOM_NAME_MAX = 120;
export const MAX_PARTICIPANTS_LIMIT = 64;
/** The largest audience a stage may have (receive-only, so it scales past the publishing limit). */
export const MAX_AUDIENCE_LIMIT = 1000;
export const MAX_HOSTS = 20;

/** A trimmed display name, 1–64 characters, no control characters. */
export const DisplayName = v.pipe(
  v.string(DISPLAY_NAME_MESSAGES.notText),
  v.trim(),
  v.minLength(1, DISPLAY_NAME_MESSAGES.empty),
  v.maxLength(DISPLAY_NAME_MAX, DISPLAY_NAME_MESSAGES.tooLong),
  v.regex(DISPLAY_NAME_ALLOWED, DISPLAY_NAME_MESSAGES.control),
);

export const RoomName = v.pipe(
  v.string('The room name must be text.'),
  v.trim(),
  v.minLength(1, 'The room name cannot be empty.'),
  v.maxLength(ROOM_NAME_MAX, `A room name is at most ${ROOM_NAME_MAX} characters.`),
  // The same characters a display name may not hold (controls, NUL, text-direction overrides): both are shown to others.
  v.regex(DISPLAY_NAME_ALLOWED, 'A room name cannot contain control characters.'),
);

/** An opaque identity (the endpoint's user ids and LiveKit identities). */
export const Identity = v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[A-Za-z0-9_.:@-]+$/));

const IsoTime = v.pipe(
  v.string('A time must be an ISO 8601 string.'),
  v.isoTimestamp('A time must be an ISO 8601 timestamp.'),
);

export const RoomPolicy = v.strictObject({
  /** Non-host joiners wait in the lobby until a host admits them. */
  waitingRoom: v.boolean(),
  /** Non-host joiners cannot open the call; they wait until a host is present. */
  requireHost: v.boolean(),
  /** A cap on people in the call at once, 1–64; in stage mode the cap on the stage (hosts and speakers). */
  maxParticipants: v.pipe(
    v.number('maxParticipants must be a number.'),
    v.integer('maxParticipants must be a whole number.'),
    v.minValue(1, 'maxParticipants must be at least 1.'),
    v.maxValue(MAX_PARTICIPANTS_LIMIT, `maxParticipants is at most ${MAX_PARTICIPANTS_LIMIT}.`),
  ),
  /** In stage mode, a cap on the audience (receive-only), 0–1000, on top of `maxParticipants`. Unused otherwise. */
  maxAudience: v.pipe(
    v.number('maxAudience must be a number.'),
    v.integer('maxAudience must be a whole number.'),
    v.minValue(0, 'maxAudience cannot be negative.'),
    v.maxValue(MAX_AUDIENCE_LIMIT, `maxAudience is at most ${MAX_AUDIENCE_LIMIT}.`),
  ),
  /** The room becomes CLOSED when the last participant leaves (a one-shot meeting). */
  autoCloseWhenEmpty: v.boolean(),
  /** The room runs as a stage: hosts and speakers publish, the audience receives only. */
  stageMode: v.boolean(),
  /** In stage mode, whether the audience may write in the chat (hosts can switch it off during the call). */
  audienceChat: v.boolean(),
  /** A space without video: only microphones may publish (the token enforces it) and no video UI is shown. */
  audioOnly: v.boolean(),
});
export type RoomPolicy = v.InferOutput<typeof RoomPolicy>;

export const DEFAULT_POLICY: RoomPolicy = {
  waitingRoom: true,
  requireHost: false,
  maxParticipants: 50,
  maxAudience: 500,
  autoCloseWhenEmpty: false,
  stageMode: false,
  audienceChat: true,
  audioOnly: false,
};

export const RoomStatus = v.picklist(['ACTIVE', 'CLOSED']);
export type RoomStatus = v.InferOutput<typeof RoomStatus>;

const scheduleCheck = <T extends { scheduledStartAt?: string | null; scheduledEndAt?: string | null }>(value: T) =>
  !value.scheduledStartAt ||
  !value.scheduledEndAt ||
  Date.parse(value.scheduledEndAt) > Date.parse(value.scheduledStartAt);
const SCHEDULE_MESSAGE = 'scheduledEndAt must be after scheduledStartAt.';

export const CreateRoomRequest = v.pipe(
  v.strictObject({
    name: v.optional(RoomName),
    scheduledStartAt: v.optional(v.nullable(IsoTime)),
    scheduledEndAt: v.optional(v.nullable(IsoTime)),
    policy: v.optional(v.partial(RoomPolicy)),
    /** Extra hosts by user id, besides the creator. */
    hosts: v.optional(v.pipe(v.array(Identity), v.maxLength(MAX_HOSTS))),
  }),
  v.check(scheduleCheck, SCHEDULE_MESSAGE),
);
export type CreateRoomRequest = v.InferInput<typeof CreateRoomRequest>;

export const UpdateRoomRequest = v.pipe(
  v.strictObject({
    name: v.optional(RoomName),
    scheduledStartAt: v.optional(v.nullable(IsoTime)),
    scheduledEndAt: v.optional(v.nullable(IsoTime)),
    policy: v.optional(v.partial(RoomPolicy)),
    hosts: v.optional(v.pipe(v.array(Identity), v.maxLength(MAX_HOSTS))),
    status: v.optional(RoomStatus),
  }),
  v.check(scheduleCheck, SCHEDULE_MESSAGE),
);
export type UpdateRoomRequest = v.InferInput<typeof UpdateRoomRequest>;

export const JoinRequest = v.strictObject({ displayName: DisplayName });
export type JoinRequest = v.InferInput<typeof JoinRequest>;

export const ClaimHostRequest = v.strictObject({ hostKey: v.pipe(v.string(), v.minLength(16), v.maxLength(128)) });
export type ClaimHostRequest = v.InferInput<typeof ClaimHostRequest>;

/** `POST /rooms/{idOrCode}/hand`: a participant raises or lowers its own hand (the endpoint sets the attribute). */
export const HandRequest = v.strictObject({ raised: v.boolean('raised must be true or false.') });
export type HandRequest = v.InferInput<typeof HandRequest>;

/** The reactions anyone in a call may send (a fixed set: a reaction is a picture, never text a sender chose). */
export const REACTIONS = ['👍', '👏', '❤️', '😂', '😮', '🎉'] as const;
export type Reaction = (typeof REACTIONS)[number];

export const ReactionRequest = v.strictObject({
  emoji: v.picklist(REACTIONS, `emoji must be one of ${REACTIONS.join(' ')}.`),
});
export type ReactionRequest = v.InferInput<typeof ReactionRequest>;

export const MuteRequest = v.strictObject({
  /** Which of the participant's tracks to mute; the microphone when absent. */
  source: v.optional(v.picklist(['microphone', 'camera', 'screen_share'])),
});
export type MuteRequest = v.InferInput<typeof MuteRequest>;

// ---------------------------------------------------------------------------------------------------------------------
// Responses. The endpoint's answers, as schemas so the OpenAPI document is generated from them and a client or a test
// can check a reply with `v.parse`. Each type is derived from its schema, so the two cannot drift.

/** Every failure's body: `{ error: { code, message, details? } }` (errors.ts has its type without this library). */
export const ApiErrorBody = v.object({
  error: v.object({
    code: v.picklist(ERROR_CODES),
    message: v.pipe(v.string(), v.description('For people: safe to show, never contains a secret.')),
    /** VALIDATION_FAILED carries `{ issues: [{ path, message }] }`. */
    details: v.optional(v.unknown()),
  }),
}) satisfies v.GenericSchema<unknown, ErrorBody>;
export type ApiErrorBody = v.InferOutput<typeof ApiErrorBody>;

/** An ISO 8601 timestamp in a response. */
const Timestamp = v.pipe(v.string(), v.isoTimestamp());
const RoleField = v.picklist(ROLES);
/** Why a guest waits: the one list of knock reasons, as a schema. */
const KnockReasonField = v.picklist(KNOCK_REASONS);

/** A guest waiting in the lobby, as hosts see it (in `GET …/knocks` and in a `knock` lobby event). */
export const KnockSummary = v.object({
  knockId: v.string(),
  displayName: v.string(),
  identity: v.string(),
  /** ISO time of the knock. */
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  reason: KnockReasonField,
});
export type KnockSummary = v.InferOutput<typeof KnockSummary>;

/** A participant currently in the call, as the endpoint reports it from LiveKit. */
export const LiveParticipant = v.pipe(
  v.object({
    identity: v.string(),
    name: v.string(),
    role: RoleField,
    joinedAt: v.nullable(Timestamp),
    handRaisedAt: v.nullable(v.string()),
  }),
  v.description('A participant currently in the call, as the endpoint reports it from LiveKit.'),
);
export type LiveParticipant = v.InferOutput<typeof LiveParticipant>;

/** A room as the API returns it. `hostKey` appears once, in the response that created the room. */
export const RoomView = v.pipe(
  v.object({
    id: v.string(),
    code: v.pipe(v.string(), v.regex(ROOM_CODE_PATTERN)),
    name: v.string(),
    /** Hosts only: who created the room. Others see what a pre-join screen needs, not who runs the room. */
    creatorId: v.optional(v.pipe(v.string(), v.description('Hosts only: the user id of the creator.'))),
    /** Hosts only: extra hosts by user id (the creator is always a host and is not listed). */
    hosts: v.optional(v.pipe(v.array(v.string()), v.description('Hosts only: extra hosts by user id.'))),
    scheduledStartAt: v.nullable(Timestamp),
    scheduledEndAt: v.nullable(Timestamp),
    status: RoomStatus,
    policy: RoomPolicy,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    /** Live-call state (only on `GET /api/rooms/{id}` for hosts and the creator). */
    live: v.optional(
      v.pipe(
        v.object({ active: v.boolean(), participants: v.array(LiveParticipant) }),
        v.description('Who is in the call now; only on GET /rooms/{idOrCode}, only for hosts.'),
      ),
    ),
    /** Whether the call is being recorded now (present when the endpoint has recording configured). */
    recording: v.optional(v.pipe(v.boolean(), v.description('Whether the call is being recorded now.'))),
    /** The recording in full: running since when, and whether the latest one failed (with why, for hosts). */
    recordingState: v.optional(EgressState),
    /** The live stream (RTMP): running since when, and whether the latest one failed (with why, for hosts). */
    stream: v.optional(EgressState),
    /** Hosts only: the room's recordings, from LiveKit Egress' own listing. */
    recordings: v.optional(RecordingListing),
    /** Whether the caller is a host of this room. */
    youAreHost: v.optional(v.pipe(v.boolean(), v.description('Whether the caller is a host of this room.'))),
  }),
  v.description('A room as the API returns it.'),
);
export type RoomView = v.InferOutput<typeof RoomView>;

export const CreateRoomResponse = v.object({
  room: RoomView,
  /** The secret host link's key, shown once: `?host=<hostKey>` opens the room as host from another browser. */
  hostKey: v.pipe(
    v.string(),
    v.description('The secret host key, shown once: POST it to claim-host to become a host from another browser.'),
  ),
});
export type CreateRoomResponse = v.InferOutput<typeof CreateRoomResponse>;

/** `GET`/`PATCH /rooms/{idOrCode}` and `POST …/claim-host`. */
export const RoomResponse = v.object({ room: RoomView });
export type RoomResponse = v.InferOutput<typeof RoomResponse>;

/** `GET /rooms`: rooms the caller created or hosts, newest first. */
export const RoomListResponse = v.object({ rooms: v.array(RoomView) });
export type RoomListResponse = v.InferOutput<typeof RoomListResponse>;

export const AdmittedJoin = v.pipe(
  v.object({
    outcome: v.literal('admitted'),
    /** A short-lived LiveKit token carrying only the grants of `role`. */
    token: v.string(),
    /** The LiveKit URL to connect to with the token. */
    serverUrl: v.string(),
    identity: v.string(),
    role: RoleField,
    room: RoomView,
  }),
  v.description('Admitted: connect to serverUrl with token.'),
);
export type AdmittedJoin = v.InferOutput<typeof AdmittedJoin>;

export const PendingJoin = v.pipe(
  v.object({
    outcome: v.literal('pending'),
    code: KnockReasonField,
    knockId: v.string(),
    /**
     * The LiveKit URL an admitted guest will connect to, so the page can warm the way there (DNS, connection) while it
     * waits. It grants nothing: the token comes only with the admission.
     */
    serverUrl: v.string(),
    room: RoomView,
  }),
  v.description('Waiting (HTTP 202): poll GET …/knocks/{knockId}?wait=25 for the outcome.'),
);
export type PendingJoin = v.InferOutput<typeof PendingJoin>;

export const JoinResponse = v.variant('outcome', [AdmittedJoin, PendingJoin]);
export type JoinResponse = v.InferOutput<typeof JoinResponse>;

/** The guest's view of its knock (`GET`/`DELETE …/knocks/{knockId}`). Only an admitted knock carries a token. */
export const KnockState = v.variant('status', [
  v.object({ status: v.literal('pending'), code: KnockReasonField, knockId: v.string() }),
  v.object({ status: v.literal('admitted'), knockId: v.string(), join: AdmittedJoin }),
  v.object({ status: v.literal('denied'), knockId: v.string() }),
  v.object({ status: v.literal('cancelled'), knockId: v.string() }),
]);
export type KnockState = v.InferOutput<typeof KnockState>;

/** `GET /rooms/{idOrCode}/knocks` (hosts): the pending knocks, oldest first. */
export const KnockListResponse = v.object({ knocks: v.array(KnockSummary) });
export type KnockListResponse = v.InferOutput<typeof KnockListResponse>;

/** `POST …/knocks/{knockId}/admit|deny`. */
export const KnockDecisionResponse = v.object({ knockId: v.string(), status: v.picklist(['admitted', 'denied']) });
export type KnockDecisionResponse = v.InferOutput<typeof KnockDecisionResponse>;

/** `POST …/knocks/admit-all`: the ids of the knocks admitted. */
export const AdmitAllResponse = v.object({ admitted: v.array(v.string()) });
export type AdmitAllResponse = v.InferOutput<typeof AdmitAllResponse>;

/** `POST …/end`: everyone was disconnected; a one-shot room (`autoCloseWhenEmpty`) is now CLOSED. */
export const EndCallResponse = v.object({ ended: v.literal(true), status: RoomStatus });
export type EndCallResponse = v.InferOutput<typeof EndCallResponse>;

/** `POST …/participants/{identity}/kick`: `removed` is false when the person was not connected (still banned). */
export const KickResponse = v.object({ identity: v.string(), removed: v.boolean(), banned: v.literal(true) });
export type KickResponse = v.InferOutput<typeof KickResponse>;

export const MuteResponse = v.object({
  identity: v.string(),
  source: v.picklist(['microphone', 'camera', 'screen_share']),
  muted: v.literal(true),
});
export type MuteResponse = v.InferOutput<typeof MuteResponse>;

/** `POST …/promote|demote`: the participant's new role (grants change live). */
export const RoleChangeResponse = v.object({ identity: v.string(), role: v.picklist(['speaker', 'audience']) });
export type RoleChangeResponse = v.InferOutput<typeof RoleChangeResponse>;

export const ReactionResponse = v.object({
  identity: v.string(),
  emoji: v.picklist(REACTIONS),
  sentAt: v.pipe(v.string(), v.isoTimestamp()),
});
export type ReactionResponse = v.InferOutput<typeof ReactionResponse>;

export const LowerHandResponse = v.object({ identity: v.string(), handRaised: v.literal(false) });
export type LowerHandResponse = v.InferOutput<typeof LowerHandResponse>;

/** `POST …/hand`: the caller's hand as it is now (the time it went up, or null). */
export const HandResponse = v.object({ identity: v.string(), handRaisedAt: v.nullable(Timestamp) });
export type HandResponse = v.InferOutput<typeof HandResponse>;

/** `POST …/microphones/mute-all`: the identities whose microphones were muted. */
export const MuteAllResponse = v.object({ muted: v.array(v.string()) });
export type MuteAllResponse = v.InferOutput<typeof MuteAllResponse>;

/** `POST …/participants/{identity}/ask-to-unmute`: the request went out (the answer is theirs alone). */
export const AskToUnmuteResponse = v.object({ identity: v.string(), asked: v.literal(true) });
export type AskToUnmuteResponse = v.InferOutput<typeof AskToUnmuteResponse>;

/** `POST …/hands/lower-all`: the identities whose hands were lowered. */
export const LowerAllHandsResponse = v.object({ lowered: v.array(v.string()) });
export type LowerAllHandsResponse = v.InferOutput<typeof LowerAllHandsResponse>;

/**
 * `POST /connection-check`: a token for a throwaway LiveKit room of the caller's own, for the pre-call check (connect,
 * publish briefly, leave). It grants nothing in any real room.
 */
export const ConnectionCheckResponse = v.object({
  serverUrl: v.string(),
  token: v.string(),
  /** The throwaway room's name (`check-…`), for diagnostics. */
  room: v.string(),
});
export type ConnectionCheckResponse = v.InferOutput<typeof ConnectionCheckResponse>;

/** The anonymous identity the endpoint issues to a browser with no login, kept and sent back as a bearer credential. */
export const IdentityResponse = v.object({
  credential: v.pipe(v.string(), v.description('Send back as `Authorization: Bearer <credential>`.')),
  userId: v.string(),
  expiresAt: Timestamp,
});
export type IdentityResponse = v.InferOutput<typeof IdentityResponse>;

export const InfoResponse = v.object({
  name: v.literal('hashdrop'),
  version: v.string(),
  /** e.g. `scheduled_rooms`, `waiting_room`, `require_host`, `stage_mode`, `moderation`, `long_poll`. */
  features: v.array(v.string()),
});
export type InfoResponse = v.InferOutput<typeof InfoResponse>;

/** `GET /healthz`: the process is alive and answering. */
export const HealthResponse = v.object({ status: v.literal('ok') });
export type HealthResponse = v.InferOutput<typeof HealthResponse>;

/** `GET /readyz`: the store answers and the instance is not shutting down (send it traffic). */
export const ReadinessResponse = v.object({ status: v.literal('ready') });
export type ReadinessResponse = v.InferOutput<typeof ReadinessResponse>;

/** `POST /livekit/webhook`: an accepted (verified) webhook. */
export const WebhookResponse = v.object({ ok: v.literal(true) });
export type WebhookResponse = v.InferOutput<typeof WebhookResponse>;
