/**
 * Roles in a call. Outside stage mode everyone who is not a host is a `participant` (may publish).
 * In stage mode non-hosts are `speaker` (may publish) or `audience` (receive-only; the token forbids publishing).
 */
export const ROLES = ['host', 'participant', 'speaker', 'audience'] as const;
export type Role = (typeof ROLES)[number];

/** Whether a role may publish camera, microphone and screen share. Mirrors the token grants the endpoint signs. */
export function canPublish(role: Role): boolean {
  return role !== 'audience';
}

export function isHostRole(role: Role): boolean {
  return role === 'host';
}
