/**
 * The endpoint's routes, relative to its base (the `endpoint` attribute, e.g. `/api`). One place for the paths so the
 * browser client and the server router cannot drift.
 */
const seg = (value: string) => encodeURIComponent(value);

/** What a host can do to one participant in the call. */
export type ParticipantAction = 'kick' | 'mute' | 'promote' | 'demote' | 'lower-hand';

export const routes = {
  info: () => '/info',
  identity: () => '/identity',
  rooms: () => '/rooms',
  room: (idOrCode: string) => `/rooms/${seg(idOrCode)}`,
  claimHost: (idOrCode: string) => `/rooms/${seg(idOrCode)}/claim-host`,
  join: (idOrCode: string) => `/rooms/${seg(idOrCode)}/join`,
  knocks: (idOrCode: string) => `/rooms/${seg(idOrCode)}/knocks`,
  knock: (idOrCode: string, knockId: string) => `/rooms/${seg(idOrCode)}/knocks/${seg(knockId)}`,
  admit: (idOrCode: string, knockId: string) => `/rooms/${seg(idOrCode)}/knocks/${seg(knockId)}/admit`,
  deny: (idOrCode: string, knockId: string) => `/rooms/${seg(idOrCode)}/knocks/${seg(knockId)}/deny`,
  admitAll: (idOrCode: string) => `/rooms/${seg(idOrCode)}/knocks/admit-all`,
  end: (idOrCode: string) => `/rooms/${seg(idOrCode)}/end`,
  recording: (idOrCode: string) => `/rooms/${seg(idOrCode)}/recording`,
  participantAction: (idOrCode: string, identity: string, action: ParticipantAction) =>
    `/rooms/${seg(idOrCode)}/participants/${seg(identity)}/${action}`,
  lowerAllHands: (idOrCode: string) => `/rooms/${seg(idOrCode)}/hands/lower-all`,
  hand: (idOrCode: string) => `/rooms/${seg(idOrCode)}/hand`,
  webhook: () => '/livekit/webhook',
} as const;

/** Long-poll: `GET knock?wait=SECONDS` holds the request up to this long until the knock is settled. */
export const KNOCK_WAIT_MAX_SECONDS = 25;
