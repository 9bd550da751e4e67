/** Moderation seen by real rtc-node clients, and autoCloseWhenEmpty through a real webhook, on both stores. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AudioSource,
  dispose,
  LocalAudioTrack,
  RoomEvent,
  TrackPublishOptions,
  TrackSource,
  type Room,
} from '@livekit/rtc-node';
import { CONTROL_TOPIC } from '../../src/contract/index.js';
import {
  connect,
  eventually,
  onceEvent,
  serverDataReaches,
  STORE_KINDS,
  startStack,
  stopShared,
  type Api,
  type Stack,
} from './harness.js';

after(async () => {
  await stopShared();
  await dispose();
});

for (const kind of STORE_KINDS) {
  describe(`moderation: ${kind}`, () => {
    let stack: Stack;
    let host: Api;
    before(async () => {
      stack = await startStack(kind);
      host = await stack.api.person();
    });
    after(() => stack.stop());

    async function call(policy: Record<string, unknown>) {
      const room = (await host.request('POST', '/rooms', { policy: { waitingRoom: false, ...policy } })).body.room;
      const hostJoin = await host.request('POST', `/rooms/${room.id}/join`, { displayName: 'Host' });
      const hostClient = await connect(hostJoin.body.serverUrl, hostJoin.body.token);
      const guest = await stack.api.person();
      const guestJoin = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Guest' });
      assert.equal(guestJoin.status, 200);
      const guestClient = await connect(guestJoin.body.serverUrl, guestJoin.body.token);
      return { room: room as { id: string; code: string }, hostClient, guest, guestClient };
    }

    test('end for all: clients learn why and are disconnected; a persistent room stays ACTIVE', async () => {
      const { room, hostClient, guestClient } = await call({});
      // The reason travels twice: a control data message, and room metadata on the signal connection. A guest whose
      // data channel is not open yet (it joined a moment ago) may miss the message, never the metadata, which is
      // ordered before the disconnect — so either counts, and the test cannot wait on a message that was lost.
      const reasons: unknown[] = [];
      guestClient.on(RoomEvent.DataReceived, (payload, _p, _k, topic) => {
        if (topic === CONTROL_TOPIC) reasons.push(JSON.parse(new TextDecoder().decode(payload)));
      });
      guestClient.on(RoomEvent.RoomMetadataChanged, (metadata) => reasons.push(JSON.parse(metadata || '{}')));
      const disconnected = Promise.all([
        onceEvent(guestClient, RoomEvent.Disconnected),
        onceEvent(hostClient, RoomEvent.Disconnected),
      ]);
      const ended = await host.request('POST', `/rooms/${room.id}/end`);
      assert.equal(ended.status, 200);
      await disconnected;
      assert.ok(
        reasons.some(
          (r) =>
            JSON.stringify(r) === JSON.stringify({ type: 'ended', reason: 'host-ended' }) ||
            JSON.stringify(r) === JSON.stringify({ ended: 'host-ended' }),
        ),
        `the guest learned the host ended the meeting before being disconnected: ${JSON.stringify(reasons)}`,
      );
      assert.equal((await host.request('GET', `/rooms/${room.id}`)).body.room.status, 'ACTIVE');
    });

    test('end for all closes a one-shot room', async () => {
      const { room, hostClient, guestClient } = await call({ autoCloseWhenEmpty: true });
      const disconnected = onceEvent(guestClient, RoomEvent.Disconnected);
      assert.equal((await host.request('POST', `/rooms/${room.id}/end`)).body.status, 'CLOSED');
      await disconnected;
      assert.equal((await host.request('GET', `/rooms/${room.id}`)).body.room.status, 'CLOSED');
      await hostClient.disconnect();
    });

    test('autoCloseWhenEmpty: the room closes when the last participant leaves (webhook)', async () => {
      const { room, hostClient, guestClient } = await call({ autoCloseWhenEmpty: true });
      await guestClient.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal((await host.request('GET', `/rooms/${room.id}`)).body.room.status, 'ACTIVE', 'one still in');
      await hostClient.disconnect();
      await eventually(
        'room CLOSED',
        async () => (await host.request('GET', `/rooms/${room.id}`)).body.room.status === 'CLOSED',
      );
    });

    test('kick: the client is disconnected and cannot join or knock again into this call', async () => {
      const { room, hostClient, guest, guestClient } = await call({});
      const disconnected = onceEvent(guestClient, RoomEvent.Disconnected);
      const kicked = await host.request('POST', `/rooms/${room.id}/participants/${guest.userId}/kick`);
      assert.equal(kicked.status, 200);
      await disconnected;
      const again = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Guest' });
      assert.equal(again.status, 403);
      assert.equal(again.body.error.code, 'KICKED');
      await hostClient.disconnect();
    });

    test('mute: the guest sees its microphone muted by the host', async () => {
      const { room, hostClient, guest, guestClient } = await call({});
      const source = new AudioSource(48000, 1);
      const track = LocalAudioTrack.createAudioTrack('mic', source);
      const options = new TrackPublishOptions();
      options.source = TrackSource.SOURCE_MICROPHONE;
      await guestClient.localParticipant!.publishTrack(track, options);
      await eventually('track published', async () => {
        const info = await stack.handler.livekit.rooms.getParticipant(room.id, guest.userId!);
        return info.tracks.length > 0;
      });
      const muted = onceEvent(guestClient, RoomEvent.TrackMuted);
      const reply = await host.request('POST', `/rooms/${room.id}/participants/${guest.userId}/mute`, {
        source: 'microphone',
      });
      assert.equal(reply.status, 200);
      const [publication] = (await muted) as [{ muted: boolean }];
      assert.equal(publication.muted, true);
      await guestClient.disconnect();
      await hostClient.disconnect();
      await source.close();
    });

    test('promote / demote in a stage room change the role attribute and grants live', async () => {
      const { room, hostClient, guest, guestClient } = await call({ stageMode: true });
      assert.equal(guestClient.localParticipant!.attributes['hashdrop.role'], 'audience');
      const promoted = onceEvent(guestClient, RoomEvent.ParticipantAttributesChanged);
      assert.equal((await host.request('POST', `/rooms/${room.id}/participants/${guest.userId}/promote`)).status, 200);
      await promoted;
      assert.equal(guestClient.localParticipant!.attributes['hashdrop.role'], 'speaker');
      let info = await stack.handler.livekit.rooms.getParticipant(room.id, guest.userId!);
      assert.equal(info.permission?.canPublish, true);
      const demoted = onceEvent(guestClient, RoomEvent.ParticipantAttributesChanged);
      assert.equal((await host.request('POST', `/rooms/${room.id}/participants/${guest.userId}/demote`)).status, 200);
      await demoted;
      assert.equal(guestClient.localParticipant!.attributes['hashdrop.role'], 'audience');
      info = await stack.handler.livekit.rooms.getParticipant(room.id, guest.userId!);
      assert.equal(info.permission?.canPublish, false);
      await guestClient.disconnect();
      await hostClient.disconnect();
    });

    test('stage audience: the server refuses a track published with an audience token', async () => {
      const { room, hostClient, guest, guestClient } = await call({ stageMode: true });
      const source = new AudioSource(48000, 1);
      const track = LocalAudioTrack.createAudioTrack('mic', source);
      const options = new TrackPublishOptions();
      options.source = TrackSource.SOURCE_MICROPHONE;
      // The SDK may reject at once or the publication may simply never appear; either way the server must not list it.
      const attempt = await Promise.race([
        guestClient.localParticipant!.publishTrack(track, options).then(
          () => 'published',
          () => 'refused',
        ),
        new Promise<string>((resolve) => setTimeout(() => resolve('no answer'), 5000)),
      ]);
      const info = await stack.handler.livekit.rooms.getParticipant(room.id, guest.userId!);
      assert.equal(info.tracks.length, 0, `the server lists no track for the audience (client said: ${attempt})`);
      assert.equal(info.permission?.canPublish, false);
      await guestClient.disconnect();
      await hostClient.disconnect();
      await source.close();
    });

    test('policy during the call: audience chat off takes data rights away live; audio-only allows only microphones', async () => {
      const { room, hostClient, guest, guestClient } = await call({ stageMode: true });
      await serverDataReaches(stack, room.id, guestClient);
      const told = new Promise<unknown>((resolve) =>
        guestClient.on(RoomEvent.DataReceived, (payload, _p, _k, topic) => {
          if (topic === CONTROL_TOPIC) resolve(JSON.parse(new TextDecoder().decode(payload)));
        }),
      );
      const off = await host.request('PATCH', `/rooms/${room.id}`, { policy: { audienceChat: false } });
      assert.equal(off.status, 200);
      assert.equal(off.body.room.policy.audienceChat, false);
      const event = (await told) as { type: string; policy: { audienceChat: boolean } };
      assert.equal(event.type, 'policy-changed');
      assert.equal(event.policy.audienceChat, false);
      const info = await stack.handler.livekit.rooms.getParticipant(room.id, guest.userId!);
      assert.equal(info.permission?.canPublishData, false, 'the audience may no longer send chat');
      const hostInfo = await stack.handler.livekit.rooms.getParticipant(room.id, host.userId!);
      assert.equal(hostInfo.permission?.canPublishData, true, 'hosts keep chat');
      await guestClient.disconnect();
      await hostClient.disconnect();

      const spaces = (await host.request('POST', '/rooms', { policy: { waitingRoom: false, audioOnly: true } })).body
        .room as { id: string };
      const joined = await host.request('POST', `/rooms/${spaces.id}/join`, { displayName: 'Host' });
      const claims = JSON.parse(Buffer.from(String(joined.body.token).split('.')[1]!, 'base64url').toString()) as {
        video: { canPublish: boolean; canPublishSources?: string[] };
      };
      assert.equal(claims.video.canPublish, true);
      assert.deepEqual(claims.video.canPublishSources, ['microphone']);
    });

    test('lower hand and lower all hands clear the hand the guest raised', async () => {
      const { room, hostClient, guest, guestClient } = await call({});
      assert.equal((await guest.request('POST', `/rooms/${room.id}/hand`, { raised: true })).status, 200);
      await eventually('hand raised on the server', async () => {
        const info = await stack.handler.livekit.rooms.getParticipant(room.id, guest.userId!);
        return Boolean(info.attributes['hashdrop.hand']);
      });
      const lowered = onceEvent(guestClient, RoomEvent.ParticipantAttributesChanged);
      assert.equal(
        (await host.request('POST', `/rooms/${room.id}/participants/${guest.userId}/lower-hand`)).status,
        200,
      );
      await lowered;
      assert.ok(!guestClient.localParticipant!.attributes['hashdrop.hand']);
      assert.equal((await guest.request('POST', `/rooms/${room.id}/hand`, { raised: true })).status, 200);
      await eventually('hand raised again', async () => {
        const info = await stack.handler.livekit.rooms.getParticipant(room.id, guest.userId!);
        return Boolean(info.attributes['hashdrop.hand']);
      });
      const all = await host.request('POST', `/rooms/${room.id}/hands/lower-all`);
      assert.deepEqual(all.body.lowered, [guest.userId]);
      await guestClient.disconnect();
      await hostClient.disconnect();
    });
  });
}

export type { Room };
