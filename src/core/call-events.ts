import { canPublish } from '../contract/roles.js';
import type { ControlEvent, EgressState, KnockSummary, LobbyEvent, Role, RoomView } from '../contract/index.js';
import type { KnockProgress } from './endpoint-client.js';
import {
  NOT_RECORDING,
  NOT_STREAMING,
  type EndedReason,
  type ParticipantSnapshot,
  type RecordingSnapshot,
  type RoomSnapshot,
} from './snapshot.js';
import type { SnapshotPatch } from './store.js';

/**
 * What the call and the lobby report, applied to a snapshot as pure `(snapshot, event) → patch` functions: no session,
 * no timers, no network, so a unit test calls them directly. The session applies the patch and does the one side
 * effect a patch cannot carry (see {@link wasDemoted} and {@link ControlOutcome.end}).
 */

/** Demoted to the audience: the server has already taken the right to publish, so the wishes say off. */
const DEMOTED: SnapshotPatch = Object.freeze({
  micEnabled: false,
  cameraEnabled: false,
  screenSharing: false,
  unmuteRequested: false,
});

/**
 * Lost the right to publish (a speaker or host became audience). Promotion turns nothing on by itself: the person
 * chooses. The session stops the local tracks when this is true for the role before and after a patch.
 */
export function wasDemoted(previous: Role | null, role: Role | null): boolean {
  return !!role && role !== previous && !canPublish(role) && (previous === null || canPublish(previous));
}

function withRole(s: RoomSnapshot, patch: SnapshotPatch): SnapshotPatch {
  const role = patch.role === undefined ? s.role : patch.role;
  return wasDemoted(s.role, role) ? { ...patch, ...DEMOTED } : patch;
}

/**
 * The full roster from the call. The local participant's entry is the truth for role, hand and screen share (the
 * browser's own "Stop sharing" unpublishes it), except while this browser's own share start or stop is under way.
 */
export function applyRoster(
  s: RoomSnapshot,
  participants: ParticipantSnapshot[],
  activeSpeaker: string | null,
  options: { screenSharePending: boolean } = { screenSharePending: false },
): SnapshotPatch {
  const local = participants.find((p) => p.isLocal);
  const sharing = local?.screenShare ? !local.screenShare.muted : undefined;
  const microphoneBefore = s.participants.find((p) => p.isLocal)?.microphone;
  // A host muted this microphone (the server muted the track while the wish was "on"): the toggle says so, and the
  // person can unmute themselves.
  const mutedByHost = !!microphoneBefore && !microphoneBefore.muted && !!local?.microphone?.muted;
  return withRole(s, {
    participants,
    activeSpeaker,
    role: local?.role ?? s.role,
    micEnabled: mutedByHost ? false : s.micEnabled,
    handRaisedAt: local ? local.handRaisedAt : s.handRaisedAt,
    screenSharing: options.screenSharePending ? s.screenSharing : (sharing ?? (s.screenSharing && !local)),
  });
}

/** A knock arrived or was settled (`LOBBY_TOPIC`); only hosts keep knocks. */
export function applyLobbyEvent(s: RoomSnapshot, event: LobbyEvent): SnapshotPatch {
  if (s.role !== 'host') return {};
  if (event.type === 'knock') return { knocks: mergeKnocks(s.knocks, [event.knock]) };
  return { knocks: s.knocks.filter((knock) => knock.knockId !== event.knockId) };
}

export interface ControlOutcome {
  patch: SnapshotPatch;
  /** The call is over for this browser, and why (the session disconnects). */
  end?: EndedReason;
}

/** A server message on `CONTROL_TOPIC`: the meeting ended, this participant was removed, a role or the policy changed. */
export function applyControlEvent(s: RoomSnapshot, event: ControlEvent): ControlOutcome {
  const self = s.identity;
  if (event.type === 'ended') return { patch: {}, end: 'host-ended' };
  if (event.type === 'removed' && event.identity === self) return { patch: {}, end: 'kicked' };
  if (event.type === 'role-changed' && event.identity === self) return { patch: withRole(s, { role: event.role }) };
  if (event.type === 'unmute-requested' && event.identity === self) {
    // Only asked while it is off and this person may speak; nothing turns the microphone on until they accept.
    const asked = !s.micEnabled && (s.role === null || canPublish(s.role));
    return { patch: asked ? { unmuteRequested: true } : {} };
  }
  if (event.type === 'policy-changed' && s.room) return { patch: { room: { ...s.room, policy: event.policy } } };
  if (event.type === 'egress') {
    const key = event.kind === 'recording' ? 'recording' : 'stream';
    return { patch: { [key]: withEgressState(s[key], event.state) } };
  }
  return { patch: {} };
}

/** LiveKit's room recording status; `now` (ISO) stands for the start when the endpoint did not say. */
export function applyRecording(s: RoomSnapshot, active: boolean, now: string): SnapshotPatch {
  const { recording } = s;
  if (recording.active === active) return {};
  return {
    recording: active
      ? { ...recording, active, startedAt: recording.startedAt ?? now }
      : { ...recording, active, startedAt: null },
  };
}

/** The lobby wait renewed (a long-poll round, a retry after a network error, a new reason). */
export function applyKnockProgress(s: RoomSnapshot, progress: KnockProgress): SnapshotPatch {
  if (!s.lobby) return {};
  return {
    lobby: {
      ...s.lobby,
      attempts: progress.attempts,
      retrying: progress.retrying,
      reason: progress.code ?? s.lobby.reason,
    },
  };
}

/** Knocks a host decided: gone at once (the `LOBBY_TOPIC` "settled" event would remove them too, later). */
export function settleKnocks(s: RoomSnapshot, knockIds: readonly string[]): SnapshotPatch {
  return { knocks: s.knocks.filter((knock) => !knockIds.includes(knock.knockId)) };
}

/** `base` then the knocks of `extra` it does not already hold. */
export function mergeKnocks(base: readonly KnockSummary[], extra: readonly KnockSummary[]): KnockSummary[] {
  const seen = new Set(base.map((knock) => knock.knockId));
  return [...base, ...extra.filter((knock) => !seen.has(knock.knockId))];
}

/** The endpoint's word on a recording or stream (room view, control event) over what the snapshot had. */
export function withEgressState(current: RecordingSnapshot, state: EgressState): RecordingSnapshot {
  return {
    ...current,
    active: state.active,
    startedAt: state.active ? (state.startedAt ?? current.startedAt) : null,
    failure: state.failed ? { reason: state.reason } : null,
  };
}

/** Before the call: the endpoint's room view says whether the live stream runs, or failed. */
export function streamOf(room: RoomView): RecordingSnapshot {
  return room.stream ? withEgressState(NOT_STREAMING, room.stream) : NOT_STREAMING;
}

/** Before the call: the endpoint's room view says whether it is recorded (and, to hosts, since when). */
export function recordingOf(room: RoomView): RecordingSnapshot {
  if (room.recordingState) return withEgressState(NOT_RECORDING, room.recordingState);
  if (!room.recording) return NOT_RECORDING;
  const running = room.recordings?.items.filter((item) => ['starting', 'active'].includes(item.status)) ?? [];
  const startedAt =
    running
      .map((item) => item.startedAt)
      .filter((at): at is string => !!at)
      .sort()[0] ?? null;
  return { ...NOT_RECORDING, active: true, startedAt };
}
