/**
 * Formats a duration as `m:ss` or `h:mm:ss`: the pre-join's countdown to a scheduled start and the recording's
 * elapsed time. A module of its own, not in format.ts: the pre-join is in the up-front entry, and sharing format.ts
 * would pull the in-call clock formatting up front with it.
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
