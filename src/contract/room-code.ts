import { ADJECTIVES, NOUNS } from './room-code-words.js';

/** Canonical form: two upper-case words joined by one hyphen, e.g. `STELLAR-PHOENIX`. */
export const ROOM_CODE_PATTERN = /^[A-Z]{3,11}-[A-Z]{3,11}$/;

/** Picks a uniformly random code from the word lists using the platform's CSPRNG (browser and Node alike). */
export function generateRoomCode(random: (max: number) => number = secureRandomInt): string {
  return `${ADJECTIVES[random(ADJECTIVES.length)]}-${NOUNS[random(NOUNS.length)]}`;
}

function secureRandomInt(max: number): number {
  // Rejection sampling keeps the choice uniform for any list length.
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const value = buffer[0]!;
    if (value < limit) return value % max;
  }
}

/**
 * Normalizes what a person typed into the canonical code, or returns null when it cannot be a code.
 * Case-insensitive; a space, underscore or dash of any kind between the words is accepted.
 */
export function normalizeRoomCode(input: string): string | null {
  const words = input
    .trim()
    .toUpperCase()
    .split(/[\s_\-‐-―]+/u)
    .filter(Boolean);
  if (words.length !== 2) return null;
  const code = words.join('-');
  return ROOM_CODE_PATTERN.test(code) ? code : null;
}

/** True only for a code already in canonical form. */
export function isRoomCode(input: string): boolean {
  return ROOM_CODE_PATTERN.test(input);
}

/**
 * Reads a room reference out of what a person pasted: a bare code (`stellar phoenix`), or an invite link that carries
 * the code in `?room=` or as the last path segment (`/r/STELLAR-PHOENIX`). Returns the canonical code or null.
 */
export function parseRoomReference(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const direct = normalizeRoomCode(text);
  if (direct) return direct;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const fromQuery = url.searchParams.get('room');
  if (fromQuery) return normalizeRoomCode(fromQuery);
  const lastSegment = url.pathname.split('/').filter(Boolean).pop();
  return lastSegment ? normalizeRoomCode(decodeURIComponent(lastSegment)) : null;
}
