import type { ParticipantAction, Reaction, RoomPolicy } from '../contract/index.js';
import type { RecordingLayout, RecordingMode } from '../contract/recording.js';
import type { CallConnection } from './call.js';
import { settleKnocks } from './call-events.js';
import type { EndpointClient } from './endpoint-client.js';
import { toSessionError } from './session-errors.js';
import { SessionChat } from './session-chat.js';
import { NOT_RECORDING } from './snapshot.js';

/**
 * What the session asks the endpoint to decide during a call: a host's knocks, moderation, policy and recording, and
 * anyone's raised hand. The endpoint checks the role; a refusal lands in `snapshot.error` (or `recording.error`).
 * A layer of `RoomSession` (see session-core.ts).
 */
export class HostActions extends SessionChat {
  async admit(knockId: string): Promise<void> {
    await this.#run((endpoint, room) => endpoint.admit(room, knockId), [knockId]);
  }

  async deny(knockId: string): Promise<void> {
    await this.#run((endpoint, room) => endpoint.deny(room, knockId), [knockId]);
  }

  async admitAll(): Promise<void> {
    const ids = this.snapshot.knocks.map((knock) => knock.knockId);
    await this.#run((endpoint, room) => endpoint.admitAll(room), ids);
  }

  async moderate(identity: string, action: ParticipantAction): Promise<void> {
    await this.#run((endpoint, room) => endpoint.moderate(room, identity, action), []);
  }

  async lowerAllHands(): Promise<void> {
    await this.#run((endpoint, room) => endpoint.lowerAllHands(room), []);
  }

  async updatePolicy(policy: Partial<RoomPolicy>): Promise<void> {
    if (this.disposed || !this.endpoint || !this.snapshot.room) return;
    try {
      const room = await this.endpoint.updatePolicy(this.roomKey(), policy);
      this.update({ room });
    } catch (error) {
      this.update({ error: toSessionError(error) });
    }
  }

  async startRecording(options: { mode?: RecordingMode; layout?: RecordingLayout } = {}): Promise<void> {
    const s = this.snapshot;
    if (this.disposed || !this.endpoint || !s.room || s.recording.pending || s.recording.active) return;
    this.update({ recording: { ...s.recording, pending: 'starting', error: null } });
    try {
      const started = await this.endpoint.startRecording(this.roomKey(), options);
      // LiveKit's own status follows once Egress is running; the endpoint's answer already says it is on.
      this.update({ recording: { active: true, startedAt: started.startedAt, pending: null, error: null } });
    } catch (error) {
      this.update({ recording: { ...NOT_RECORDING, error: toSessionError(error) } });
    }
  }

  async stopRecording(): Promise<void> {
    const s = this.snapshot;
    if (this.disposed || !this.endpoint || !s.room || s.recording.pending) return;
    this.update({ recording: { ...s.recording, pending: 'stopping', error: null } });
    try {
      await this.endpoint.stopRecording(this.roomKey());
      this.update({ recording: NOT_RECORDING });
    } catch (error) {
      this.update((now) => ({ recording: { ...now.recording, pending: null, error: toSessionError(error) } }));
    }
  }

  async setHandRaised(raised: boolean): Promise<void> {
    const connection = this.connection;
    const write = connection && this.#handWriter(connection);
    if (this.disposed || !write) return;
    const previous = this.snapshot.handRaisedAt;
    const raisedAt = raised ? (previous ?? new Date().toISOString()) : null;
    this.update({ handRaisedAt: raisedAt });
    try {
      const confirmed = await write(raisedAt);
      // The endpoint answers with the hand as it holds it (the first time it went up, if it was already up).
      if (confirmed !== undefined && this.connection === connection) this.update({ handRaisedAt: confirmed });
    } catch (error) {
      if (this.connection === connection) this.update({ handRaisedAt: previous, error: toSessionError(error) });
    }
  }

  async react(emoji: Reaction): Promise<void> {
    const endpoint = this.endpoint;
    const room = this.snapshot.room;
    if (this.disposed || !endpoint || !room || !this.connection) return;
    try {
      await endpoint.sendReaction(room.id, emoji);
    } catch (error) {
      this.update({ error: toSessionError(error) });
    }
  }

  /**
   * Who writes the hand: our endpoint, since participants may not write their own attributes; with a plain token
   * endpoint, the participant itself, where that token allows it.
   */
  #handWriter(connection: CallConnection): ((raisedAt: string | null) => Promise<string | null | void>) | null {
    const endpoint = this.endpoint;
    const room = this.snapshot.room;
    if (endpoint && room) return (raisedAt) => endpoint.setHand(room.id, raisedAt !== null);
    return connection.setHandRaised ? (raisedAt) => connection.setHandRaised!(raisedAt) : null;
  }

  async #run(
    action: (endpoint: EndpointClient, room: string) => Promise<void>,
    settledIds: readonly string[],
  ): Promise<void> {
    if (this.disposed || !this.endpoint) return;
    try {
      await action(this.endpoint, this.roomKey());
      this.update((s) => settleKnocks(s, settledIds));
    } catch (error) {
      this.update({ error: toSessionError(error) });
    }
  }
}
