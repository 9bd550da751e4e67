import type { Participant, TrackPublication } from 'livekit-client';
import { ROLES } from '../contract/roles.js';
import { ATTRIBUTES } from '../contract/topics.js';
import type { Role } from '../contract/index.js';
import type { ConnectionQualityLevel, ParticipantSnapshot, TrackSnapshot } from './snapshot.js';

/**
 * Pure mapping from livekit-client objects to snapshot data. Type-only imports: nothing from the SDK is bundled
 * through this file.
 */

type Source = TrackSnapshot['source'];
const QUALITIES: readonly string[] = ['excellent', 'good', 'poor', 'lost'];

export function roleFromAttributes(attributes: Readonly<Record<string, string>>, fallback: Role): Role {
  const value = attributes[ATTRIBUTES.role];
  return (ROLES as readonly string[]).includes(value ?? '') ? (value as Role) : fallback;
}

export function trackSnapshot(publication: TrackPublication, isLocal: boolean): TrackSnapshot {
  const snapshot: TrackSnapshot = {
    sid: publication.trackSid,
    source: publication.source as string as Source,
    muted: publication.isMuted,
    // Remote: whether we receive it. Local: whether a track is actually being sent.
    subscribed: isLocal ? publication.track !== undefined : publication.isSubscribed,
  };
  const dimensions = publication.dimensions;
  if (dimensions) {
    snapshot.width = dimensions.width;
    snapshot.height = dimensions.height;
  }
  return snapshot;
}

function findTrack(participant: Participant, source: Source): TrackSnapshot | null {
  for (const publication of participant.trackPublications.values()) {
    if ((publication.source as string) === source) return trackSnapshot(publication, participant.isLocal);
  }
  return null;
}

export function participantSnapshot(participant: Participant, fallbackRole: Role): ParticipantSnapshot {
  const attributes = participant.attributes ?? {};
  const quality = participant.connectionQuality as string;
  return {
    identity: participant.identity,
    name: participant.name || participant.identity,
    isLocal: participant.isLocal,
    role: roleFromAttributes(attributes, fallbackRole),
    isSpeaking: participant.isSpeaking,
    audioLevel: participant.audioLevel,
    connectionQuality: (QUALITIES.includes(quality) ? quality : 'unknown') as ConnectionQualityLevel,
    handRaisedAt: attributes[ATTRIBUTES.handRaisedAt] || null,
    camera: findTrack(participant, 'camera'),
    microphone: findTrack(participant, 'microphone'),
    screenShare: findTrack(participant, 'screen_share'),
    joinedAt: participant.joinedAt ? participant.joinedAt.toISOString() : null,
  };
}
