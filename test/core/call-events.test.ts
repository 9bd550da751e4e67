import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KnockSummary } from '../../src/contract/index.js';
import {
  applyControlEvent,
  applyKnockProgress,
  applyLobbyEvent,
  applyRecording,
  applyRoster,
  mergeKnocks,
  recordingOf,
  streamOf,
  settleKnocks,
  wasDemoted,
} from '../../src/core/call-events.js';
import {
  INITIAL_SNAPSHOT,
  NOT_RECORDING,
  type ParticipantSnapshot,
  type RoomSnapshot,
  type TrackSnapshot,
} from '../../src/core/snapshot.js';
import { roomView } from './fake-endpoint.js';

function snapshot(patch: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return { ...INITIAL_SNAPSHOT, status: 'in-room', identity: 'me', ...patch };
}

function track(source: TrackSnapshot['source'], muted = false): TrackSnapshot {
  return { sid: `TR_${source}`, source, muted, subscribed: true };
}

function participant(patch: Partial<ParticipantSnapshot> = {}): ParticipantSnapshot {
  return {
    identity: 'me',
    name: 'Me',
    isLocal: true,
    role: 'participant',
    isSpeaking: false,
    audioLevel: 0,
    connectionQuality: 'good',
    handRaisedAt: null,
    camera: null,
    microphone: null,
    screenShare: null,
    joinedAt: null,
    ...patch,
  };
}

function knock(knockId: string): KnockSummary {
  return {
    knockId,
    displayName: `Guest ${knockId}`,
    identity: `guest-${knockId}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    reason: 'WAITING_ROOM_PENDING',
  };
}

describe('wasDemoted', () => {
  it('is true only when a role that may publish (or none yet) becomes the audience', () => {
    assert.equal(wasDemoted('participant', 'audience'), true);
    assert.equal(wasDemoted('host', 'audience'), true);
    assert.equal(wasDemoted(null, 'audience'), true);
    assert.equal(wasDemoted('audience', 'audience'), false);
    assert.equal(wasDemoted('audience', 'speaker'), false);
    assert.equal(wasDemoted('participant', 'host'), false);
    assert.equal(wasDemoted('participant', null), false);
  });
});

describe('applyRoster', () => {
  it('takes the roster, the active speaker and the local role and hand from it', () => {
    const local = participant({ role: 'speaker', handRaisedAt: '2026-01-01T00:00:01.000Z' });
    const remote = participant({ identity: 'ada', name: 'Ada', isLocal: false });
    const patch = applyRoster(snapshot({ role: 'participant' }), [local, remote], 'ada');
    assert.deepEqual(patch.participants, [local, remote]);
    assert.equal(patch.activeSpeaker, 'ada');
    assert.equal(patch.role, 'speaker');
    assert.equal(patch.handRaisedAt, '2026-01-01T00:00:01.000Z');
  });

  it('turns the microphone wish off when a host muted it, and only then', () => {
    const before = snapshot({ micEnabled: true, participants: [participant({ microphone: track('microphone') })] });
    const muted = applyRoster(before, [participant({ microphone: track('microphone', true) })], null);
    assert.equal(muted.micEnabled, false);
    const unchanged = applyRoster(before, [participant({ microphone: track('microphone') })], null);
    assert.equal(unchanged.micEnabled, true);
  });

  it('follows the published screen share, except while this browser is starting or stopping one', () => {
    const sharing = [participant({ screenShare: track('screen_share') })];
    assert.equal(applyRoster(snapshot({ screenSharing: false }), sharing, null).screenSharing, true);
    // The browser's own "Stop sharing": the share is gone from the roster.
    assert.equal(applyRoster(snapshot({ screenSharing: true }), [participant()], null).screenSharing, false);
    const pending = applyRoster(snapshot({ screenSharing: false }), sharing, null, { screenSharePending: true });
    assert.equal(pending.screenSharing, false);
  });

  it('turns every local wish off when the roster demotes this participant to the audience', () => {
    const s = snapshot({ role: 'participant', micEnabled: true, cameraEnabled: true, screenSharing: true });
    const patch = applyRoster(s, [participant({ role: 'audience' })], null);
    assert.equal(patch.role, 'audience');
    assert.equal(patch.micEnabled, false);
    assert.equal(patch.cameraEnabled, false);
    assert.equal(patch.screenSharing, false);
  });

  it('keeps the wishes when promoted: nothing turns on by itself', () => {
    const s = snapshot({ role: 'audience', micEnabled: false, cameraEnabled: false });
    const patch = applyRoster(s, [participant({ role: 'speaker' })], null);
    assert.equal(patch.role, 'speaker');
    assert.equal(patch.micEnabled, false);
    assert.equal(patch.cameraEnabled, undefined);
  });
});

describe('applyLobbyEvent', () => {
  it('adds a knock once and removes a settled one, for hosts', () => {
    const host = snapshot({ role: 'host', knocks: [knock('k1')] });
    assert.deepEqual(applyLobbyEvent(host, { type: 'knock', knock: knock('k2') }).knocks, [knock('k1'), knock('k2')]);
    assert.deepEqual(applyLobbyEvent(host, { type: 'knock', knock: knock('k1') }).knocks, [knock('k1')]);
    assert.deepEqual(applyLobbyEvent(host, { type: 'settled', knockId: 'k1', outcome: 'admitted' }).knocks, []);
  });

  it('changes nothing for anyone but a host', () => {
    const guest = snapshot({ role: 'participant' });
    assert.deepEqual(applyLobbyEvent(guest, { type: 'knock', knock: knock('k1') }), {});
  });
});

describe('applyControlEvent', () => {
  it('ends the call when the host ends it or removes this participant', () => {
    assert.equal(applyControlEvent(snapshot(), { type: 'ended', reason: 'host-ended' }).end, 'host-ended');
    assert.equal(applyControlEvent(snapshot(), { type: 'removed', identity: 'me', reason: 'kicked' }).end, 'kicked');
  });

  it('ignores the removal or role change of someone else', () => {
    assert.deepEqual(applyControlEvent(snapshot(), { type: 'removed', identity: 'ada', reason: 'kicked' }), {
      patch: {},
    });
    assert.deepEqual(applyControlEvent(snapshot(), { type: 'role-changed', identity: 'ada', role: 'host' }), {
      patch: {},
    });
  });

  it('takes a new role, turning the wishes off on demotion', () => {
    const s = snapshot({ role: 'speaker', micEnabled: true, cameraEnabled: true });
    const { patch, end } = applyControlEvent(s, { type: 'role-changed', identity: 'me', role: 'audience' });
    assert.equal(end, undefined);
    assert.deepEqual(patch, {
      role: 'audience',
      micEnabled: false,
      cameraEnabled: false,
      screenSharing: false,
      unmuteRequested: false,
    });
    const promoted = applyControlEvent(s, { type: 'role-changed', identity: 'me', role: 'host' });
    assert.deepEqual(promoted.patch, { role: 'host' });
  });

  it('takes a request to unmute for this person, while the microphone is off and they may speak', () => {
    const asked = { type: 'unmute-requested', identity: 'me' } as const;
    const muted = snapshot({ role: 'participant', micEnabled: false });
    assert.deepEqual(applyControlEvent(muted, asked).patch, { unmuteRequested: true });
    // Nothing is turned on by the request itself.
    assert.equal(applyControlEvent(muted, asked).patch.micEnabled, undefined);
    assert.deepEqual(applyControlEvent(snapshot({ micEnabled: true }), asked).patch, {});
    assert.deepEqual(applyControlEvent(snapshot({ role: 'audience', micEnabled: false }), asked).patch, {});
    assert.deepEqual(applyControlEvent(muted, { type: 'unmute-requested', identity: 'ada' }).patch, {});
  });

  it('replaces the room policy, once there is a room', () => {
    const room = roomView();
    const policy = { ...room.policy, audienceChat: !room.policy.audienceChat };
    const { patch } = applyControlEvent(snapshot({ room }), { type: 'policy-changed', policy });
    assert.deepEqual(patch.room?.policy, policy);
    assert.equal(patch.room?.id, room.id);
    assert.deepEqual(applyControlEvent(snapshot(), { type: 'policy-changed', policy }).patch, {});
  });
});

describe('applyRecording', () => {
  const now = '2026-01-01T10:00:00.000Z';

  it('starts with the known start time, or now', () => {
    assert.deepEqual(applyRecording(snapshot(), true, now).recording, {
      ...NOT_RECORDING,
      active: true,
      startedAt: now,
    });
    const known = snapshot({ recording: { ...NOT_RECORDING, startedAt: '2026-01-01T09:00:00.000Z' } });
    assert.equal(applyRecording(known, true, now).recording?.startedAt, '2026-01-01T09:00:00.000Z');
  });

  it('stops, and changes nothing when the status is already so', () => {
    const on = snapshot({ recording: { ...NOT_RECORDING, active: true, startedAt: now } });
    assert.deepEqual(applyRecording(on, false, now).recording, NOT_RECORDING);
    assert.deepEqual(applyRecording(on, true, now), {});
    assert.deepEqual(applyRecording(snapshot(), false, now), {});
  });
});

describe('lobby and knocks', () => {
  it('records the wait renewing, keeping the reason unless a new one came', () => {
    const lobby = { reason: 'HOST_REQUIRED', knockId: 'k1', attempts: 0, retrying: false } as const;
    const s = snapshot({ status: 'waiting', lobby });
    assert.deepEqual(applyKnockProgress(s, { attempts: 2, retrying: true }).lobby, {
      ...lobby,
      attempts: 2,
      retrying: true,
    });
    assert.equal(
      applyKnockProgress(s, { attempts: 3, retrying: false, code: 'WAITING_ROOM_PENDING' }).lobby?.reason,
      'WAITING_ROOM_PENDING',
    );
    assert.deepEqual(applyKnockProgress(snapshot(), { attempts: 1, retrying: false }), {});
  });

  it('drops decided knocks and merges lists without duplicates', () => {
    const s = snapshot({ knocks: [knock('k1'), knock('k2'), knock('k3')] });
    assert.deepEqual(settleKnocks(s, ['k1', 'k3']).knocks, [knock('k2')]);
    assert.deepEqual(mergeKnocks([knock('k1')], [knock('k2'), knock('k1')]), [knock('k1'), knock('k2')]);
  });
});

describe('recordingOf', () => {
  it('reads whether a room is recorded, and the earliest running start', () => {
    assert.equal(recordingOf(roomView()), NOT_RECORDING);
    const room = roomView({
      recording: true,
      recordings: {
        items: [
          { status: 'active', startedAt: '2026-01-01T10:05:00.000Z' },
          { status: 'starting', startedAt: '2026-01-01T10:01:00.000Z' },
          { status: 'complete', startedAt: '2026-01-01T09:00:00.000Z' },
        ],
      },
    } as never);
    assert.deepEqual(recordingOf(room), { ...NOT_RECORDING, active: true, startedAt: '2026-01-01T10:01:00.000Z' });
  });
});

describe('Egress state from the endpoint', () => {
  const failed = { active: false, startedAt: null, failed: true, reason: 'could not find element: faac' };

  it("a failed recording ends it and keeps Egress' reason (room view and control event alike)", () => {
    const on = snapshot({ recording: { ...NOT_RECORDING, active: true, startedAt: '2026-01-01T10:00:00.000Z' } });
    const { patch } = applyControlEvent(on, { type: 'egress', kind: 'recording', state: failed });
    assert.deepEqual(patch.recording, { ...NOT_RECORDING, failure: { reason: 'could not find element: faac' } });
    assert.equal(patch.stream, undefined, 'the stream is not touched');
    assert.deepEqual(recordingOf(roomView({ recording: false, recordingState: failed } as never)).failure, {
      reason: 'could not find element: faac',
    });
  });

  it('a stream event changes the stream only, and a running one carries its start', () => {
    const live = { active: true, startedAt: '2026-01-01T10:00:00.000Z', failed: false, reason: null };
    const { patch } = applyControlEvent(snapshot(), { type: 'egress', kind: 'stream', state: live });
    assert.deepEqual(patch.stream, { ...NOT_RECORDING, active: true, startedAt: '2026-01-01T10:00:00.000Z' });
    assert.equal(patch.recording, undefined);
    assert.deepEqual(streamOf(roomView({ stream: { ...failed, reason: null } } as never)).failure, { reason: null });
    assert.equal(streamOf(roomView()), NOT_RECORDING);
  });
});
