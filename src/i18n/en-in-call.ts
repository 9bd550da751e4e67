import type { Messages } from './en.js';

/**
 * The English strings only the in-call elements use. In the sources every English string is in en.ts, so this is
 * empty; the CDN build moves the in-call ones here (scripts/compact-catalogs.ts), so the up-front bytes carry only the
 * strings of the room, pre-join and lobby, and this chunk is fetched when the first element renders — long before a
 * call view shows.
 */
export const enInCall: Partial<Messages> = {};
