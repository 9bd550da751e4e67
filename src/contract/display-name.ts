/**
 * The display-name rule with no dependencies, for the browser: the pre-join screen checks a name before sending it
 * without loading the schema library. The endpoint's valibot `DisplayName` schema is built from the same constants,
 * and a test holds the two to the same verdict on a table of inputs.
 */
export const DISPLAY_NAME_MAX = 64;
/**
 * No C0 or C1 control characters, and no bidirectional-text controls (embeddings, overrides, isolates, marks): a name
 * is shown beside other people's text, and an override would let it reverse what follows it ("…‮fdp.exe").
 */
// eslint-disable-next-line no-control-regex
export const DISPLAY_NAME_ALLOWED = /^[^\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/u;
export const DISPLAY_NAME_MESSAGES = {
  notText: 'The name must be text.',
  empty: 'Enter a name.',
  tooLong: `A name is at most ${DISPLAY_NAME_MAX} characters.`,
  control: 'A name cannot contain control characters.',
} as const;

export type DisplayNameCheck = { ok: true; value: string } | { ok: false; message: string };

/** Trims and checks a display name; on success `value` is what to send. */
export function checkDisplayName(input: unknown): DisplayNameCheck {
  if (typeof input !== 'string') return { ok: false, message: DISPLAY_NAME_MESSAGES.notText };
  const value = input.trim();
  if (value.length < 1) return { ok: false, message: DISPLAY_NAME_MESSAGES.empty };
  if (value.length > DISPLAY_NAME_MAX) return { ok: false, message: DISPLAY_NAME_MESSAGES.tooLong };
  if (!DISPLAY_NAME_ALLOWED.test(value)) return { ok: false, message: DISPLAY_NAME_MESSAGES.control };
  return { ok: true, value };
}
