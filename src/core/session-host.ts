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

  async muteAll(): Promise<void> {
    await this.#run(async (endpoint, room) => void (await endpoint.muteAll(room)), []);
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
    await this.#startEgress('recording', (endpoint, room) => endpoint.startRecording(room, options));
  }

  async stopRecording(): Promise<void> {
    await this.#stopEgress('recording', (endpoint, room) => endpoint.stopRecording(room));
  }

  async startStream(options: { url: string; layout?: RecordingLayout }): Promise<void> {
    await this.#startEgress('stream', (endpoint, room) => endpoint.startStream(room, options));
  }

  async stopStream(): Promise<void> {
    await this.#stopEgress('stream', (endpoint, room) => endpoint.stopStream(room));
  }

  /** A host's start of the recording or stream: pending, then on (the endpoint's answer says so), or why not. */
  async #startEgress(
    key: 'recording' | 'stream',
    start: (endpoint: EndpointClient, room: string) => Promise<{ startedAt: string | null }>,
  ): Promise<void> {
    const s = this.snapshot;
    if (this.disposed || !this.endpoint || !s.room || s[key].pending || s[key].active) return;
    // A new attempt clears the last one's error and failure.
    this.update({ [key]: { ...s[key], pending: 'starting', error: null, failure: null } });
    try {
      const started = await start(this.endpoint, this.roomKey());
      // Egress' own reports follow (LiveKit's status, the endpoint's messages); the answer already says it is on.
      this.update({ [key]: { ...NOT_RECORDING, active: true, startedAt: started.startedAt } });
    } catch (error) {
      this.update({ [key]: { ...NOT_RECORDING, error: toSessionError(error) } });
    }
  }

  async #stopEgress(
    key: 'recording' | 'stream',
    stop: (endpoint: EndpointClient, room: string) => Promise<unknown>,
  ): Promise<void> {
    const s = this.snapshot;
    if (this.disposed || !this.endpoint || !s.room || s[key].pending) return;
    this.update({ [key]: { ...s[key], pending: 'stopping', error: null } });
    try {
      await stop(this.endpoint, this.roomKey());
      this.update({ [key]: NOT_RECORDING });
    } catch (error) {
      this.update((now) => ({ [key]: { ...now[key], pending: null, error: toSessionError(error) } }));
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
