import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Participant } from 'livekit-client';
import { ATTRIBUTES } from '../../src/contract/index.js';
import { participantSnapshot } from '../../src/core/participants.js';

/** Just the fields the mapper reads, so no SDK (and no browser) is needed. */
function fakeParticipant(overrides: Record<string, unknown>): Participant {
  return {
    identity: 'ada',
    name: 'Ada',
    isLocal: false,
    isSpeaking: false,
    audioLevel: 0,
    connectionQuality: 'unknown',
    attributes: {},
    joinedAt: undefined,
    trackPublications: new Map(),
    ...overrides,
  } as unknown as Participant;
}

describe('participantSnapshot', () => {
  it('reads role and raised hand from the contract attribute keys', () => {
    const p = participantSnapshot(
      fakeParticipant({
        attributes: { [ATTRIBUTES.role]: 'speaker', [ATTRIBUTES.handRaisedAt]: '2026-01-01T00:00:00Z' },
      }),
      'participant',
    );
    assert.equal(p.role, 'speaker');
    assert.equal(p.handRaisedAt, '2026-01-01T00:00:00Z');
  });

  it('falls back for an unknown role, an empty hand, a missing name and an odd quality', () => {
    const p = participantSnapshot(
      fakeParticipant({
        name: '',
        attributes: { [ATTRIBUTES.role]: 'emperor', [ATTRIBUTES.handRaisedAt]: '' },
        connectionQuality: 'weird',
      }),
      'host',
    );
    assert.equal(p.role, 'host');
    assert.equal(p.handRaisedAt, null);
    assert.equal(p.name, 'ada');
    assert.equal(p.connectionQuality, 'unknown');
  });

  it('maps publications by source, with mute, subscription and size', () => {
    const camera = {
      trackSid: 'TR_cam',
      source: 'camera',
      isMuted: false,
      isSubscribed: true,
      dimensions: { width: 640, height: 360 },
    };
    const mic = { trackSid: 'TR_mic', source: 'microphone', isMuted: true, isSubscribed: false };
    const p = participantSnapshot(
      fakeParticipant({
        trackPublications: new Map<string, unknown>([
          ['TR_cam', camera],
          ['TR_mic', mic],
        ]),
        joinedAt: new Date('2026-01-01T00:00:00Z'),
        connectionQuality: 'excellent',
      }),
      'participant',
    );
    assert.deepEqual(p.camera, {
      sid: 'TR_cam',
      source: 'camera',
      muted: false,
      subscribed: true,
      width: 640,
      height: 360,
    });
    assert.deepEqual(p.microphone, { sid: 'TR_mic', source: 'microphone', muted: true, subscribed: false });
    assert.equal(p.screenShare, null);
    assert.equal(p.joinedAt, '2026-01-01T00:00:00.000Z');
    assert.equal(p.connectionQuality, 'excellent');
  });

  it('counts a local publication as sent only once it has a track', () => {
    const pending = { trackSid: 'TR_local', source: 'camera', isMuted: false, track: undefined };
    const p = participantSnapshot(
      fakeParticipant({ isLocal: true, trackPublications: new Map([['TR_local', pending]]) }),
      'participant',
    );
    assert.equal(p.camera?.subscribed, false);
  });
});
