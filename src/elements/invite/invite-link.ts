import { normalizeRoomCode } from '../../contract/room-code.js';

/**
 * Builds the invite link for a code. With a template, `{code}` is replaced (`https://example.com/r/{code}`); without,
 * it is `base` (the page URL) with `?room=CODE` — unless the page's path already ends in the code (`/r/CODE`) — dropping
 * any `host` key and fragment so a host never leaks it.
 * (Its own module so the package entry can export it without the invite element, which loads on demand.)
 */
export function inviteLink(code: string, template: string, base: string): string {
  if (template) return template.replaceAll('{code}', encodeURIComponent(code));
  const url = new URL(base);
  url.searchParams.delete('host');
  const lastSegment = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
  if (normalizeRoomCode(lastSegment) === code) url.searchParams.delete('room');
  else url.searchParams.set('room', code);
  url.hash = '';
  return url.toString();
}
