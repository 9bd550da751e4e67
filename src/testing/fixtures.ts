import type { CallSupportProblem } from '../core/call-support.js';
import { DEFAULT_POLICY, type KnockSummary, type RoomView } from '../contract/index.js';
import {
  EMPTY_DEVICES,
  type ConnectionCheckSnapshot,
  type ConnectionCheckStep,
  INITIAL_SNAPSHOT,
  type DevicesSnapshot,
  type ParticipantSnapshot,
  type RoomSnapshot,
  type SessionError,
} from '../core/snapshot.js';

/**
 * Plain-data builders for every state a session can be in, for element tests and stories. Each takes a patch so a
 * test states only what it cares about.
 */

const T0 = '2030-01-01T10:00:00.000Z';

export function roomView(patch: Partial<RoomView> = {}): RoomView {
  return {
    id: 'room_4f9a1c2b7d',
    code: 'STELLAR-PHOENIX',
    name: 'Weekly sync',
    creatorId: 'user_host',
    hosts: ['user_host'],
    scheduledStartAt: null,
    scheduledEndAt: null,
    status: 'ACTIVE',
    policy: { ...DEFAULT_POLICY },
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  };
}

export function devices(patch: Partial<DevicesSnapshot> = {}): DevicesSnapshot {
  return {
    ...EMPTY_DEVICES,
    cameras: [
      { deviceId: 'cam-1', label: 'Built-in camera' },
      { deviceId: 'cam-2', label: 'USB camera' },
    ],
    microphones: [
      { deviceId: 'mic-1', label: 'Built-in microphone' },
      { deviceId: 'mic-2', label: 'Headset' },
    ],
    speakers: [{ deviceId: 'spk-1', label: 'Speakers' }],
    selectedCamera: 'cam-1',
    selectedMicrophone: 'mic-1',
    cameraPermission: 'granted',
    microphonePermission: 'granted',
    ...patch,
  };
}

const NAMES = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Ken', 'Radia', 'Tim', 'Frances'];

export function participant(index: number, patch: Partial<ParticipantSnapshot> = {}): ParticipantSnapshot {
  const name = `${NAMES[index % NAMES.length]}${index >= NAMES.length ? ` ${Math.floor(index / NAMES.length) + 1}` : ''}`;
  return {
    identity: `user_${index}`,
    name,
    isLocal: index === 0,
    role: index === 0 ? 'host' : 'participant',
    isSpeaking: false,
    audioLevel: 0,
    connectionQuality: 'good',
    handRaisedAt: null,
    camera: { sid: `TR_cam_${index}`, source: 'camera', muted: false, subscribed: true, width: 640, height: 360 },
    microphone: { sid: `TR_mic_${index}`, source: 'microphone', muted: false, subscribed: true },
    screenShare: null,
    joinedAt: T0,
    ...patch,
  };
}

export function participants(count: number): ParticipantSnapshot[] {
  return Array.from({ length: count }, (_, i) => participant(i));
}

export function knock(index: number, patch: Partial<KnockSummary> = {}): KnockSummary {
  return {
    knockId: `knock_${index}`,
    displayName: ['Nikola', 'Marie', 'Rosalind', 'Emmy', 'Hedy', 'Katherine'][index % 6]!,
    identity: `guest_${index}`,
    createdAt: new Date(Date.parse(T0) + index * 60_000).toISOString(),
    reason: 'WAITING_ROOM_PENDING',
    ...patch,
  };
}

export function knocks(count: number): KnockSummary[] {
  return Array.from({ length: count }, (_, i) => knock(i));
}

function snap(patch: Partial<RoomSnapshot>): RoomSnapshot {
  return Object.freeze({ ...INITIAL_SNAPSHOT, ...patch });
}

/** The pre-call check in each of its states: idle, part-way (`running`), every step passed, failed at the signal. */
export function connectionCheck(status: ConnectionCheckSnapshot['status']): ConnectionCheckSnapshot {
  const ok = (name: ConnectionCheckStep, ms: number) => ({ name, ok: true, ms });
  if (status === 'running') return { status, steps: [ok('endpoint', 42), ok('signal', 118)], failure: null };
  if (status === 'passed') {
    return {
      status,
      steps: [ok('endpoint', 42), ok('signal', 118), ok('media', 240), ok('publish', 96)],
      failure: null,
    };
  }
  if (status === 'failed') {
    return { status, steps: [ok('endpoint', 42), { name: 'signal', ok: false, ms: 8000 }], failure: 'signal' };
  }
  return { status, steps: [], failure: null };
}

export const snapshots = {
  idle: (patch: Partial<RoomSnapshot> = {}) => snap({ status: 'idle', ...patch }),
  preJoin: (patch: Partial<RoomSnapshot> = {}) =>
    snap({ status: 'pre-join', roomRef: 'STELLAR-PHOENIX', room: roomView(), devices: devices(), ...patch }),
  preJoinPermissionPrompt: (patch: Partial<RoomSnapshot> = {}) =>
    snapshots.preJoin({
      devices: devices({ cameras: [], microphones: [], cameraPermission: 'prompt', microphonePermission: 'prompt' }),
      ...patch,
    }),
  preJoinPermissionDenied: (patch: Partial<RoomSnapshot> = {}) =>
    snapshots.preJoin({
      devices: devices({ cameras: [], microphones: [], cameraPermission: 'denied', microphonePermission: 'denied' }),
      ...patch,
    }),
  preJoinNoDevices: (patch: Partial<RoomSnapshot> = {}) =>
    snapshots.preJoin({
      devices: devices({
        cameras: [],
        microphones: [],
        cameraPermission: 'unavailable',
        microphonePermission: 'unavailable',
        selectedCamera: null,
        selectedMicrophone: null,
      }),
      ...patch,
    }),
  /** A browser that cannot make calls (here: no WebRTC), as the session reports it on pre-join. */
  preJoinUnsupported: (support: CallSupportProblem = 'no-webrtc', patch: Partial<RoomSnapshot> = {}) =>
    snapshots.preJoin({
      error: { code: 'BROWSER_UNSUPPORTED', support, message: 'This browser cannot make video calls.' },
      ...patch,
    }),
  preJoinScheduled: (startsInMs = 15 * 60_000, patch: Partial<RoomSnapshot> = {}) =>
    snapshots.preJoin({
      room: roomView({ scheduledStartAt: new Date(Date.now() + startsInMs).toISOString() }),
      ...patch,
    }),
  connecting: (patch: Partial<RoomSnapshot> = {}) =>
    snapshots.preJoin({ status: 'connecting', displayName: 'Ada', ...patch }),
  waiting: (patch: Partial<RoomSnapshot> = {}) =>
    snapshots.preJoin({
      status: 'waiting',
      displayName: 'Ada',
      lobby: { reason: 'WAITING_ROOM_PENDING', knockId: 'knock_self', attempts: 0, retrying: false },
      ...patch,
    }),
  hostAbsent: (patch: Partial<RoomSnapshot> = {}) =>
    snapshots.waiting({
      lobby: { reason: 'HOST_REQUIRED', knockId: 'knock_self', attempts: 2, retrying: false },
      ...patch,
    }),
  retrying: (patch: Partial<RoomSnapshot> = {}) =>
    snapshots.waiting({
      lobby: { reason: 'WAITING_ROOM_PENDING', knockId: 'knock_self', attempts: 3, retrying: true },
      ...patch,
    }),
  /** Let in from the lobby, the call connecting (the knock is kept until the call is up). */
  admitted: (patch: Partial<RoomSnapshot> = {}) => snapshots.waiting({ status: 'connecting', ...patch }),
  denied: (patch: Partial<RoomSnapshot> = {}) => snapshots.preJoin({ status: 'denied', displayName: 'Ada', ...patch }),
  inRoom: (count = 2, patch: Partial<RoomSnapshot> = {}) =>
    snapshots.preJoin({
      status: 'in-room',
      displayName: 'Ada',
      identity: 'user_0',
      role: 'participant',
      participants: participants(count).map((p, i) => (i === 0 ? { ...p, role: 'participant' } : p)),
      ...patch,
    }),
  host: (knockCount = 0, patch: Partial<RoomSnapshot> = {}) =>
    snapshots.inRoom(2, {
      role: 'host',
      participants: participants(2),
      knocks: knocks(knockCount),
      hostKey: 'hk_0123456789abcdef0123',
      ...patch,
    }),
  reconnecting: (patch: Partial<RoomSnapshot> = {}) => snapshots.inRoom(2, { status: 'reconnecting', ...patch }),
  ended: (reason: RoomSnapshot['endedReason'] = 'left', patch: Partial<RoomSnapshot> = {}) =>
    snapshots.preJoin({ status: 'ended', displayName: 'Ada', endedReason: reason, ...patch }),
  error: (error: Partial<SessionError> = {}, patch: Partial<RoomSnapshot> = {}) =>
    snapshots.preJoin({
      status: 'error',
      error: { code: 'NETWORK', message: 'The endpoint could not be reached.', ...error },
      ...patch,
    }),
  roomClosed: (patch: Partial<RoomSnapshot> = {}) =>
    snapshots.error({ code: 'ROOM_CLOSED', message: 'This room is closed.' }, patch),
  roomFull: (patch: Partial<RoomSnapshot> = {}) =>
    snapshots.error({ code: 'ROOM_FULL', message: 'This room is full.' }, patch),
  /**
   * A stage room seen by `viewer`: a host (Ada), a speaker (Grace), and an audience of four, two of them with hands
   * raised (Alan first, then Linus). The viewer is the local participant.
   */
  stage: (viewer: 'host' | 'speaker' | 'audience' = 'host', patch: Partial<RoomSnapshot> = {}) => {
    const local = { host: 0, speaker: 1, audience: 2 }[viewer];
    const roles = ['host', 'speaker', 'audience', 'audience', 'audience', 'audience'] as const;
    const hands: Record<number, string> = { 2: '2030-01-01T10:07:00.000Z', 4: '2030-01-01T10:05:00.000Z' };
    const people = participants(6).map((p, i) =>
      participant(i, {
        isLocal: i === local,
        role: roles[i]!,
        handRaisedAt: hands[i] ?? null,
        camera: roles[i] === 'audience' ? null : p.camera,
        microphone: roles[i] === 'audience' ? null : p.microphone,
      }),
    );
    return snapshots.inRoom(6, {
      room: roomView({ policy: { ...DEFAULT_POLICY, stageMode: true } }),
      role: viewer,
      identity: `user_${local}`,
      participants: [people[local]!, ...people.filter((_, i) => i !== local)],
      handRaisedAt: hands[local] ?? null,
      micEnabled: viewer !== 'audience',
      cameraEnabled: viewer !== 'audience',
      ...patch,
    });
  },
};
