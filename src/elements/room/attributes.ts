/**
 * `<hashdrop-room>`'s attribute converters and checks: pure functions of the attribute values, unit-tested without an
 * element (test/elements/room-attributes.test.ts). The element turns a problem into a localized `INVALID_ATTRIBUTE`
 * error and a `hashdrop-error` event.
 */
import { parseRoomReference } from '../../contract/room-code.js';
import { isLanguageTag, type MessageKey } from '../../i18n/index.js';

/** A room id as the endpoint issues them (opaque, URL-safe). Codes are checked first. */
const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;

/** Reads the `room` attribute: a code (any spelling, or an invite link) in canonical form, a room id, or null. */
export function parseRoomAttribute(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  return parseRoomReference(text) ?? (ROOM_ID_PATTERN.test(text) ? text : null);
}

/** `on`/`off` (also `true`/`false`, and empty meaning on), or null for anything else. */
export function parseToggle(value: string | null): boolean | null {
  if (value === null) return true;
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'on' || v === 'true') return true;
  if (v === 'off' || v === 'false') return false;
  return null;
}

/** The attributes `checkRoomAttributes` looks at, as the element holds them. */
export interface RoomAttributes {
  endpoint: string;
  tokenEndpoint: string;
  room: string;
  create: boolean;
  audio: string | null;
  video: string | null;
  theme: string | null;
  layout: string | null;
}

/** A problem with an attribute: which attribute, the message key, and the value it has (`{attribute}`, `{value}`). */
export type AttributeProblem = [attribute: string, key: MessageKey, value?: string];

/**
 * The first problem with a room's attributes, in the order a page author would fix them, or null. `lang` is the
 * element's own `lang` attribute; `injected` says a session was given as a property, so no endpoint is needed.
 */
export function checkRoomAttributes(
  a: RoomAttributes,
  lang: string | null,
  injected: boolean,
): AttributeProblem | null {
  if (a.endpoint && a.tokenEndpoint) return ['token-endpoint', 'room.error.both-endpoints'];
  if (!a.endpoint && !a.tokenEndpoint && !injected) return ['endpoint', 'room.error.missing-endpoint'];
  if (a.room && a.create) return ['create', 'room.error.create-and-room'];
  if (a.room && !parseRoomAttribute(a.room)) return ['room', 'room.error.bad-room', a.room];
  for (const attribute of ['audio', 'video'] as const) {
    if (parseToggle(a[attribute]) === null) return [attribute, 'room.error.bad-toggle', a[attribute] ?? ''];
  }
  if (a.theme !== null && !['light', 'dark', 'auto'].includes(a.theme))
    return ['theme', 'room.error.bad-theme', a.theme];
  if (a.layout !== null && !['spotlight', 'grid'].includes(a.layout)) {
    return ['layout', 'room.error.bad-layout', a.layout];
  }
  if (lang && !isLanguageTag(lang)) return ['lang', 'room.error.bad-lang', lang];
  return null;
}
