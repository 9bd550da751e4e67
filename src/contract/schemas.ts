import * as v from 'valibot';

/**
 * One schema per request and resource, shared by the endpoint (which validates every body with them) and the browser
 * (which validates a display name before sending it). Objects are strict: an unknown field is an error, not ignored.
 * The OpenAPI document is generated from these schemas.
 */

export const DISPLAY_NAME_MAX = 64;
export const ROOM_NAME_MAX = 120;
export const MAX_PARTICIPANTS_LIMIT = 64;
export const MAX_HOSTS = 20;

/** A trimmed display name, 1–64 characters, no control characters. */
export const DisplayName = v.pipe(
  v.string('The name must be text.'),
  v.trim(),
  v.minLength(1, 'Enter a name.'),
  v.maxLength(DISPLAY_NAME_MAX, `A name is at most ${DISPLAY_NAME_MAX} characters.`),
  // eslint-disable-next-line no-control-regex
  v.regex(/^[^\u0000-\u001f\u007f]*$/u, 'A name cannot contain control characters.'),
);

export const RoomName = v.pipe(
  v.string('The room name must be text.'),
  v.trim(),
  v.minLength(1, 'The room name cannot be empty.'),
  v.maxLength(ROOM_NAME_MAX, `A room name is at most ${ROOM_NAME_MAX} characters.`),
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
  /** A cap on people in the call at once, 1–64. */
  maxParticipants: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PARTICIPANTS_LIMIT)),
  /** The room becomes CLOSED when the last participant leaves (a one-shot meeting). */
  autoCloseWhenEmpty: v.boolean(),
  /** The room runs as a stage: hosts and speakers publish, the audience receives only. */
  stageMode: v.boolean(),
});
export type RoomPolicy = v.InferOutput<typeof RoomPolicy>;

export const DEFAULT_POLICY: RoomPolicy = {
  waitingRoom: true,
  requireHost: false,
  maxParticipants: 50,
  autoCloseWhenEmpty: false,
  stageMode: false,
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

export const MuteRequest = v.strictObject({
  /** Which of the participant's tracks to mute; the microphone when absent. */
  source: v.optional(v.picklist(['microphone', 'camera', 'screen_share'])),
});
export type MuteRequest = v.InferInput<typeof MuteRequest>;

/** A participant currently in the call, as the endpoint reports it from LiveKit. */
export interface LiveParticipant {
  identity: string;
  name: string;
  role: 'host' | 'participant' | 'speaker' | 'audience';
  joinedAt: string | null;
  handRaisedAt: string | null;
}

/** A room as the API returns it. `hostKey` appears once, in the response that created the room. */
export interface RoomView {
  id: string;
  code: string;
  name: string;
  creatorId: string;
  hosts: string[];
  scheduledStartAt: string | null;
  scheduledEndAt: string | null;
  status: RoomStatus;
  policy: RoomPolicy;
  createdAt: string;
  updatedAt: string;
  /** Live-call state (only on `GET /api/rooms/{id}` for hosts and the creator). */
  live?: { active: boolean; participants: LiveParticipant[] };
  /** Whether the caller is a host of this room. */
  youAreHost?: boolean;
}

export interface CreateRoomResponse {
  room: RoomView;
  /** The secret host link's key, shown once: `?host=<hostKey>` opens the room as host from another browser. */
  hostKey: string;
}

export interface AdmittedJoin {
  outcome: 'admitted';
  token: string;
  serverUrl: string;
  identity: string;
  role: 'host' | 'participant' | 'speaker' | 'audience';
  room: RoomView;
}

export interface PendingJoin {
  outcome: 'pending';
  code: 'WAITING_ROOM_PENDING' | 'HOST_REQUIRED';
  knockId: string;
  room: RoomView;
}

export type JoinResponse = AdmittedJoin | PendingJoin;

export type KnockState =
  | { status: 'pending'; code: 'WAITING_ROOM_PENDING' | 'HOST_REQUIRED'; knockId: string }
  | { status: 'admitted'; knockId: string; join: AdmittedJoin }
  | { status: 'denied'; knockId: string }
  | { status: 'cancelled'; knockId: string };

/** The anonymous identity the endpoint issues to a browser with no login, kept and sent back as a bearer credential. */
export interface IdentityResponse {
  credential: string;
  userId: string;
  expiresAt: string;
}

export interface InfoResponse {
  name: 'hashdrop';
  version: string;
  features: string[];
}
