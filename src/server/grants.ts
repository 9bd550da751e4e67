/**
 * What a participant may do in LiveKit, from their role and the room's policy. One function feeds both the token the
 * endpoint signs on admission and the live permission update on promote / demote / policy change, so a participant's
 * rights never depend on which of the two they got last.
 */
import { TrackSource } from 'livekit-server-sdk';
import { canPublish, type Role } from '../contract/roles.js';
import type { RoomPolicy } from '../contract/index.js';

export interface Permissions {
  canSubscribe: boolean;
  canPublish: boolean;
  /** Chat travels as data streams, so this is "may chat". The audience loses it when the host turns audience chat off. */
  canPublishData: boolean;
  /** Empty means every source. An audio-only room allows only the microphone, so no camera can be forced on. */
  canPublishSources: TrackSource[];
}

export function permissionsFor(role: Role, policy: Pick<RoomPolicy, 'audienceChat' | 'audioOnly'>): Permissions {
  return {
    canSubscribe: true,
    canPublish: canPublish(role),
    canPublishData: role !== 'audience' || policy.audienceChat,
    canPublishSources: policy.audioOnly ? [TrackSource.MICROPHONE] : [],
  };
}
